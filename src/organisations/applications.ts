import { sql } from 'drizzle-orm';
import {
  type ApplicationDbRow,
  type ApplicationRow,
  eachApplication,
  listApplications as listApplicationRows,
} from '../applications/query';
import { type ChangeOptions, changeStatus, StatusChangeError } from '../applications/status';
import type { Db, Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import type { ApplicationStatus, StatusDetails } from '../shared/application-statuses';

/*
 * An organisation's view of the applications to its programmes, as the API shows them: list and
 * filter (through the one query of src/applications/query.ts), CSV export, and status changes
 * through the applications module's `changeStatus` (which checks the transition, moves seats, writes
 * the audit trail and notifies the person through the outbox).
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

/** An application as the API shows it: the row's own columns, dates as ISO text, the programme's slug. */
export type ApplicationListItem = Pick<
  ApplicationDbRow,
  | 'id'
  | 'reference'
  | 'status'
  | 'full_name'
  | 'phone'
  | 'email'
  | 'address'
  | 'gender'
  | 'education_level'
  | 'province'
  | 'channel'
> & {
  programme: string;
  seat: string | null;
  submitted_at: string | null;
  updated_at: string;
  age: number | null;
  documents: string[];
  referral: ApplicationRow['referral'];
  anonymised: boolean;
};

const DOCUMENTS = { documents: true };

const listItem = (r: ApplicationRow): ApplicationListItem => ({
  id: r.id,
  reference: r.reference,
  programme: r.programme,
  status: r.status,
  seat: r.seat,
  submitted_at: r.submittedAt?.toISOString() ?? null,
  updated_at: r.updatedAt.toISOString(),
  full_name: r.fullName,
  phone: r.phone,
  email: r.email,
  address: r.address,
  gender: r.gender,
  education_level: r.educationLevel,
  province: r.province,
  age: r.age,
  channel: r.channel,
  documents: r.documents,
  referral: r.referral,
  anonymised: r.anonymised,
});

/** A page of the organisation's applications (the one query of src/applications/query.ts). */
export async function listApplications(
  db: Queryable,
  organisation: { id: string; slug: string },
  filter: ApplicationFilter,
): Promise<{ total: number; items: ApplicationListItem[] }> {
  const { page, perPage, ...query } = filter;
  const { total, items } = await listApplicationRows(db, organisation, query, { page, perPage }, DOCUMENTS);
  return { total, items: items.map(listItem) };
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
  for await (const batch of eachApplication(db, organisation, filter, DOCUMENTS))
    for (const a of batch.map(listItem))
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
