import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import {
  type ApplicantSnapshot,
  applicationDocuments,
  applicationEvents,
  applications,
  programmeInterests,
  programmes,
} from '../db/schema';
import { type ApplicationStatus, type StatusDetails, WITHDRAWABLE } from '../shared/application-statuses';
import type { FieldCipher } from '../shared/field-cipher';
import { maskNik } from '../shared/field-cipher';
import type { DocumentStorage } from '../storage';
import { changeStatus } from './status';

/*
 * The applications side of the person's rights (UU PDP), for /data_saya and /hapus_data
 * (src/features/privacy). Nothing here logs personal data.
 */

export interface ApplicationExport {
  reference: string | null;
  programme: { slug: string; title: { id: string; en?: string } };
  status: ApplicationStatus;
  seat: string | null;
  statusDetails: StatusDetails | null;
  createdAt: string;
  submittedAt: string | null;
  fullName: string | null;
  /** In clear: this is the person's own data, for the export file. Show `nikMasked` on screen. */
  nik: string | null;
  nikMasked: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  applicant: ApplicantSnapshot | null;
  documents: Array<{ kind: string; mimeType: string; size: number; uploadedAt: string }>;
  history: Array<{
    from: ApplicationStatus;
    to: ApplicationStatus;
    at: string;
    details: StatusDetails | null;
  }>;
}

/** Everything stored about the person's applications (drafts included), oldest first. */
export async function applicationsOf(
  db: Queryable,
  userId: string,
  deps: { cipher: FieldCipher },
): Promise<ApplicationExport[]> {
  const rows = await db
    .select({ app: applications, slug: programmes.slug, record: programmes.record })
    .from(applications)
    .innerJoin(programmes, eq(programmes.id, applications.programmeId))
    .where(eq(applications.userId, userId))
    .orderBy(asc(applications.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.app.id);
  const [documents, events] = await Promise.all([
    db.select().from(applicationDocuments).where(inArray(applicationDocuments.applicationId, ids)),
    db
      .select()
      .from(applicationEvents)
      .where(inArray(applicationEvents.applicationId, ids))
      .orderBy(asc(applicationEvents.id)),
  ]);
  return rows.map(({ app, slug, record }) => {
    let nik: string | null = null;
    if (app.nikCipher) {
      try {
        nik = deps.cipher.decrypt(app.nikCipher);
      } catch {
        nik = null; // a key no longer in the keyring: say we hold it, masked, without the digits
      }
    }
    return {
      reference: app.reference,
      programme: { slug, title: record.title },
      status: app.status,
      seat: app.seat,
      statusDetails: app.statusDetails ?? null,
      createdAt: app.createdAt.toISOString(),
      submittedAt: app.submittedAt?.toISOString() ?? null,
      fullName: app.fullName,
      nik,
      nikMasked: app.nikCipher ? maskNik(nik ?? '') : null,
      phone: app.phone,
      email: app.email,
      address: app.address,
      applicant: app.applicant ?? null,
      documents: documents
        .filter((d) => d.applicationId === app.id)
        .map((d) => ({
          kind: d.kind,
          mimeType: d.mimeType,
          size: d.size,
          uploadedAt: d.createdAt.toISOString(),
        })),
      history: events
        .filter((e) => e.applicationId === app.id)
        .map((e) => ({
          from: e.fromStatus,
          to: e.toStatus,
          at: e.createdAt.toISOString(),
          details: e.details ?? null,
        })),
    };
  });
}

export interface AnonymiseResult {
  /** Submitted applications kept as anonymous counts. */
  anonymised: number;
  /** Drafts deleted outright (never submitted: nothing to count). */
  draftsDeleted: number;
  /** Applications still in the running that were withdrawn first (their seats went to the waitlist). */
  withdrawn: number;
}

/**
 * Erasure of the person's applications, keeping only what the organisers' statistics need and nothing
 * that identifies anyone: programme, status, seat kind, gender, education level, province, age at
 * submission and the month it was submitted. Name, NIK, phone, email, address, the answers snapshot,
 * status details (interview place, reasons), the reference number, the link to the person, and every
 * stored document (rows and files) are removed. Open applications are withdrawn first so their seats
 * go to the waitlist. Drafts are deleted.
 *
 * Call it inside the erasure transaction before deleting the user (the user link cascades otherwise,
 * and the counts are lost). Files are deleted as soon as the rows are gone.
 */
export async function anonymiseApplications(
  db: Queryable,
  userId: string,
  deps: { storage: DocumentStorage },
): Promise<AnonymiseResult> {
  const outcome = await db.transaction(async (tx) => {
    const mine = await tx
      .select({ id: applications.id, status: applications.status, reference: applications.reference })
      .from(applications)
      .where(eq(applications.userId, userId));
    const drafts = mine.filter((a) => a.status === 'draft').map((a) => a.id);
    if (drafts.length) await tx.delete(applications).where(inArray(applications.id, drafts));
    let withdrawn = 0;
    for (const app of mine) {
      if (!WITHDRAWABLE.has(app.status) || !app.reference) continue;
      await changeStatus(tx, app.reference, 'mundur', {}, 'person:erasure', { notifyPerson: false });
      withdrawn++;
    }
    const kept = mine.filter((a) => a.status !== 'draft').map((a) => a.id);
    if (kept.length) {
      await tx.delete(applicationDocuments).where(inArray(applicationDocuments.applicationId, kept));
      await tx
        .update(applicationEvents)
        .set({ details: null })
        .where(inArray(applicationEvents.applicationId, kept));
      await tx
        .update(applications)
        .set({
          userId: null,
          reference: null,
          fullName: null,
          nikCipher: null,
          phone: null,
          email: null,
          emailSkipped: false,
          address: null,
          applicant: null,
          statusDetails: null,
          submittedAt: sql`date_trunc('month', ${applications.submittedAt})`,
          createdAt: sql`date_trunc('month', ${applications.createdAt})`,
          updatedAt: sql`now()`,
          anonymisedAt: sql`now()`,
        })
        .where(and(inArray(applications.id, kept), eq(applications.userId, userId)));
    }
    await tx.update(programmeInterests).set({ userId: null }).where(eq(programmeInterests.userId, userId));
    return { ids: mine.map((a) => a.id), drafts: drafts.length, kept: kept.length, withdrawn };
  });
  for (const id of outcome.ids) await deps.storage.deletePrefix(id);
  return { anonymised: outcome.kept, draftsDeleted: outcome.drafts, withdrawn: outcome.withdrawn };
}
