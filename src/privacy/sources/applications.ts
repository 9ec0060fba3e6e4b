import { and, eq } from 'drizzle-orm';
import { type ApplicationExport, anonymiseApplications, applicationsOf } from '../../applications/privacy';
import { applications } from '../../db/schema';
import type { FlowContext } from '../../engine/context';
import type { FieldCipher } from '../../shared/field-cipher';
import type { DocumentStorage } from '../../storage';
import type { PersonalDataSource } from '../registry';

export interface ApplicationSourceDeps {
  cipher: FieldCipher;
  storage: DocumentStorage;
}

/**
 * Applications (src/applications/privacy.ts) as a personal-data source. Their functions need the NIK
 * cipher and the document storage, which exist once per runtime, so this source is registered where
 * those services are built (src/runtime.ts):
 *
 *   registerPersonalDataSource(applicationsSource(services));
 *
 * Export: every application with its answers, NIK in clear (the person's own data) and documents
 * listed. Erasure: anonymised to counts (src/applications/privacy.ts explains which). Withdrawal of
 * consent: drafts go (collected under the consent, never submitted); submitted applications stay, as
 * they rest on the person's own request to join a programme (docs/privacy.md).
 */
export function applicationsSource(deps: ApplicationSourceDeps): PersonalDataSource {
  return {
    name: 'applications',
    tables: ['applications'],
    export: (db, userId) => applicationsOf(db, userId, deps),
    async erase(db, userId) {
      await anonymiseApplications(db, userId, deps);
    },
    async withdraw(db, userId) {
      const drafts = await db
        .delete(applications)
        .where(and(eq(applications.userId, userId), eq(applications.status, 'draft')))
        .returning({ id: applications.id });
      for (const { id } of drafts) await deps.storage.deletePrefix(id);
    },
    describe: (ctx, data) => describeApplications(ctx, data as ApplicationExport[]),
  };
}

function describeApplications(ctx: FlowContext, apps: ApplicationExport[]): string[] {
  if (!apps.length) return [ctx.t('privacy:summary.applicationsNone')];
  return [
    ctx.t('privacy:summary.applications', { count: apps.length }),
    ...apps.map((a) =>
      ctx.t('privacy:summary.application', {
        reference: a.reference ?? ctx.t('privacy:summary.draft'),
        programme: ctx.locale === 'en' && a.programme.title.en ? a.programme.title.en : a.programme.title.id,
        status: ctx.t(`applications:status.${a.status}.label`, { defaultValue: a.status }),
        nik: a.nikMasked ?? '—',
      }),
    ),
  ];
}
