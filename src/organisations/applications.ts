import { type SQL, sql } from 'drizzle-orm';
import { type ChangeOptions, changeStatus, StatusChangeError } from '../applications/status';
import type { Db, Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import type { ApplicationStatus, StatusDetails } from '../shared/application-statuses';

/*
 * An organisation's view of the applications to its programmes (issue #5's tables): list and filter,
 * CSV export, and status changes through the applications module's `changeStatus` (which checks the
 * transition, moves seats, writes the audit trail and notifies the person through the outbox).
 * Drafts are the person's own and never shown. The NIK is never exported (it is encrypted at rest).
 */

export interface ApplicationFilter {
  programme?: string;
  status?: ApplicationStatus[];
  /** Submitted at or after / before (instants). */
  since?: Date;
  until?: Date;
  /** Referral link code (without `r_`). */
  referral?: string;
  page: number;
  perPage: number;
}

export interface ApplicationListItem {
  id: string;
  reference: string | null;
  programme: string;
  status: ApplicationStatus;
  seat: string | null;
  submitted_at: string | null;
  updated_at: string;
  full_name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  gender: string | null;
  education_level: string | null;
  province: string | null;
  age: number | null;
  channel: string | null;
  documents: string[];
  referral: { code: string; recruiter: string | null } | null;
  anonymised: boolean;
}

function where(
  organisation: { id: string; slug: string },
  filter: Omit<ApplicationFilter, 'page' | 'perPage'>,
): SQL {
  const parts: SQL[] = [sql`p.organisation = ${organisation.slug}`, sql`a.status <> 'draft'`];
  if (filter.programme) parts.push(sql`p.slug = ${filter.programme}`);
  if (filter.status?.length)
    parts.push(
      sql`a.status in (${sql.join(
        filter.status.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (filter.since) parts.push(sql`a.submitted_at >= ${filter.since.toISOString()}::timestamptz`);
  if (filter.until) parts.push(sql`a.submitted_at < ${filter.until.toISOString()}::timestamptz`);
  if (filter.referral)
    parts.push(
      sql`l.code = ${filter.referral.replace(/^r_/, '').toLowerCase()} and l.organisation_id = ${organisation.id}`,
    );
  return sql.join(parts, sql` and `);
}

const FROM = sql`
  from applications a
  join programmes p on p.id = a.programme_id
  left join referral_attributions ra on ra.user_id = a.user_id
  left join referral_links l on l.id = ra.referral_link_id and l.organisation_id = ra.organisation_id`;

interface Row {
  id: string;
  reference: string | null;
  slug: string;
  status: ApplicationStatus;
  seat: string | null;
  submitted_at: string | Date | null;
  updated_at: string | Date;
  full_name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  gender: string | null;
  education_level: string | null;
  province: string | null;
  age_at_submission: number | null;
  channel: string | null;
  documents: string[] | null;
  code: string | null;
  recruiter: string | null;
  anonymised_at: string | Date | null;
  referral_org: string | null;
}

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

export async function listApplications(
  db: Queryable,
  organisation: { id: string; slug: string },
  filter: ApplicationFilter,
): Promise<{ total: number; items: ApplicationListItem[] }> {
  const condition = where(organisation, filter);
  const [count] = rowsOf<{ n: number | string }>(
    await db.execute(sql`select count(*) as n ${FROM} where ${condition}`),
  );
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select a.id, a.reference, p.slug, a.status, a.seat, a.submitted_at, a.updated_at, a.full_name, a.phone,
        a.email, a.address, a.gender, a.education_level, a.province, a.age_at_submission, a.channel,
        a.anonymised_at, l.code, l.recruiter, ra.organisation_id as referral_org,
        (select array_agg(d.kind order by d.kind) from application_documents d where d.application_id = a.id) as documents
      ${FROM} where ${condition}
      order by a.submitted_at desc nulls last, a.id
      limit ${filter.perPage} offset ${(filter.page - 1) * filter.perPage}`),
  );
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      programme: r.slug,
      status: r.status,
      seat: r.seat,
      submitted_at: iso(r.submitted_at),
      updated_at: iso(r.updated_at)!,
      full_name: r.full_name,
      phone: r.phone,
      email: r.email,
      address: r.address,
      gender: r.gender,
      education_level: r.education_level,
      province: r.province,
      age: r.age_at_submission,
      channel: r.channel,
      documents: r.documents ?? [],
      // Only this organisation's links: another's recruiter is none of its business.
      referral:
        r.code && r.referral_org === organisation.id ? { code: r.code, recruiter: r.recruiter } : null,
      anonymised: r.anonymised_at !== null,
    })),
  };
}

const CSV_COLUMNS = [
  'reference',
  'programme',
  'status',
  'submitted_at',
  'full_name',
  'phone',
  'email',
  'address',
  'gender',
  'education_level',
  'province',
  'age',
  'documents',
  'referral_code',
  'recruiter',
] as const;

/** One CSV cell: quoted when needed, and a leading = + - @ neutralised (spreadsheet formula injection). */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join(';') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every matching application as CSV (UTF-8 with BOM so spreadsheet programs read it right). */
export async function exportApplicationsCsv(
  db: Queryable,
  organisation: { id: string; slug: string },
  filter: Omit<ApplicationFilter, 'page' | 'perPage'>,
): Promise<string> {
  const lines = [CSV_COLUMNS.join(',')];
  for (let page = 1; ; page++) {
    const { items } = await listApplications(db, organisation, { ...filter, page, perPage: 1000 });
    for (const a of items)
      lines.push(
        [
          a.reference,
          a.programme,
          a.status,
          a.submitted_at,
          a.full_name,
          a.phone,
          a.email,
          a.address,
          a.gender,
          a.education_level,
          a.province,
          a.age,
          a.documents,
          a.referral?.code,
          a.referral?.recruiter,
        ]
          .map(csvCell)
          .join(','),
      );
    if (items.length < 1000) break;
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export class ApplicationAccessError extends Error {}

/**
 * Changes an application's status for the organisation (its own programmes only; another's is "not
 * found"). Errors are the applications module's `StatusChangeError`.
 */
export async function changeApplicationStatus(
  db: Db,
  organisation: { slug: string },
  reference: string,
  status: ApplicationStatus,
  details: StatusDetails,
  actor: string,
  options: ChangeOptions = {},
) {
  const [owned] = rowsOf<{ id: string }>(
    await db.execute(sql`
      select a.id from applications a join programmes p on p.id = a.programme_id
      where a.reference = ${reference} and p.organisation = ${organisation.slug}`),
  );
  if (!owned) throw new StatusChangeError('not_found', `no application ${reference}`);
  return changeStatus(db, reference, status, details, actor, options);
}
