import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { ApplicantSnapshot } from '../../db/schema';
import type {
  ApplicationStatus,
  EventDetails,
  SeatKind,
  StatusDetails,
} from '../../shared/application-statuses';
import type { Programme } from '../../shared/programme';
import { type ApplicantFilter, startOfJakartaDay } from './filters';

/*
 * Applications to the organisation's programmes, for the dashboard: the API's scope
 * (src/organisations/applications.ts: the programme's organisation, drafts never shown) with the
 * dashboard's extra filters (gender, province, disability, dates). Status changes go through
 * `changeApplicationStatus` there — the one path that checks, moves seats and notifies the person.
 */

const FROM = sql`
  from applications a
  join programmes p on p.id = a.programme_id
  left join profiles pr on pr.user_id = a.user_id`;

/** Same test as the recruitment targets (src/organisations/targets.ts). */
const DISABILITY = sql`coalesce(pr.data #>> '{disability,declared}', 'false') = 'true'`;

function where(organisation: string, f: ApplicantFilter): SQL {
  const parts: SQL[] = [sql`p.organisation = ${organisation}`, sql`a.status <> 'draft'`];
  if (f.programme) parts.push(sql`p.slug = ${f.programme}`);
  if (f.status) parts.push(sql`a.status = ${f.status}`);
  if (f.gender) parts.push(sql`a.gender = ${f.gender}`);
  if (f.province) parts.push(sql`a.province = ${f.province}`);
  if (f.disability === true) parts.push(DISABILITY);
  if (f.disability === false) parts.push(sql`not ${DISABILITY}`);
  if (f.from) parts.push(sql`a.submitted_at >= ${startOfJakartaDay(f.from).toISOString()}::timestamptz`);
  if (f.to) {
    const end = new Date(startOfJakartaDay(f.to).getTime() + 86_400_000);
    parts.push(sql`a.submitted_at < ${end.toISOString()}::timestamptz`);
  }
  if (f.search) {
    // Typed text is matched literally: % and _ are not wildcards here.
    const like = `%${f.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    parts.push(sql`(a.full_name ilike ${like} or a.reference ilike ${like})`);
  }
  return sql.join(parts, sql` and `);
}

export interface ApplicantRow {
  id: string;
  userId: string | null;
  reference: string | null;
  programme: string;
  programmeTitle: { id: string; en?: string };
  status: ApplicationStatus;
  seat: SeatKind | null;
  fullName: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  gender: string | null;
  educationLevel: string | null;
  province: string | null;
  age: number | null;
  disability: boolean;
  /** What the person said they need (only when they declared a disability). */
  disabilityNeeds: string | null;
  /** Domicile regency code from the submitted form. */
  regency: string | null;
  channel: string | null;
  submittedAt: Date | null;
  anonymised: boolean;
}

interface Row {
  id: string;
  user_id: string | null;
  reference: string | null;
  slug: string;
  title: { id: string; en?: string };
  status: ApplicationStatus;
  seat: SeatKind | null;
  full_name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  gender: string | null;
  education_level: string | null;
  province: string | null;
  age_at_submission: number | null;
  disability: boolean;
  list_needs: string | null;
  regency: string | null;
  channel: string | null;
  submitted_at: string | Date | null;
  anonymised_at: string | Date | null;
}

const SELECT = sql`
  select a.id, a.user_id, a.reference, p.slug, p.record -> 'title' as title, a.status, a.seat, a.full_name,
    a.phone, a.email, a.address, a.gender, a.education_level, a.province, a.age_at_submission,
    ${DISABILITY} as disability, pr.data #>> '{disability,needs}' as list_needs,
    a.applicant ->> 'domicileRegency' as regency, a.channel, a.submitted_at, a.anonymised_at`;

const toRow = (r: Row): ApplicantRow => ({
  id: r.id,
  userId: r.user_id,
  reference: r.reference,
  programme: r.slug,
  programmeTitle: r.title,
  status: r.status,
  seat: r.seat,
  fullName: r.full_name,
  phone: r.phone,
  email: r.email,
  address: r.address,
  gender: r.gender,
  educationLevel: r.education_level,
  province: r.province,
  age: r.age_at_submission,
  disability: r.disability === true,
  disabilityNeeds: r.disability === true ? r.list_needs : null,
  regency: r.regency,
  channel: r.channel,
  submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at),
  anonymised: r.anonymised_at !== null,
});

export const APPLICANT_PAGE_SIZE = 25;

export async function listApplicants(
  db: Queryable,
  organisation: string,
  filter: ApplicantFilter,
  paging: { page: number; perPage?: number },
): Promise<{ total: number; items: ApplicantRow[] }> {
  const perPage = paging.perPage ?? APPLICANT_PAGE_SIZE;
  const condition = where(organisation, filter);
  const [count] = rowsOf<{ n: number | string }>(
    await db.execute(sql`select count(*) as n ${FROM} where ${condition}`),
  );
  const rows = rowsOf<Row>(
    await db.execute(sql`${SELECT} ${FROM} where ${condition}
      order by a.submitted_at desc nulls last, a.id
      limit ${perPage} offset ${(Math.max(1, paging.page) - 1) * perPage}`),
  );
  return { total: Number(count?.n ?? 0), items: rows.map(toRow) };
}

const EXPORT_BATCH = 2_000;

/**
 * Every matching application in the list's order, a batch at a time (for the CSV export). The order is
 * read once as ids, then the rows by id: OFFSET pages would sort and skip the whole list again for
 * each page (and count it each time), which made a 20,000-row export take seconds per page.
 */
export async function* eachApplicant(
  db: Queryable,
  organisation: string,
  filter: ApplicantFilter,
): AsyncGenerator<ApplicantRow[]> {
  const condition = where(organisation, filter);
  const ids = rowsOf<{ id: string }>(
    await db.execute(
      sql`select a.id ${FROM} where ${condition} order by a.submitted_at desc nulls last, a.id`,
    ),
  ).map((r) => r.id);
  for (let start = 0; start < ids.length; start += EXPORT_BATCH) {
    const batch = ids.slice(start, start + EXPORT_BATCH);
    // The organisation's condition again: the rows are scoped by the same test, not only by id.
    const rows = rowsOf<Row>(
      await db.execute(sql`${SELECT} ${FROM} where ${condition} and a.id in ${batch}`),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered = batch.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toRow(row)] : [];
    });
    if (ordered.length) yield ordered;
  }
}

export interface ApplicantDetail extends ApplicantRow {
  programmeRecord: Programme;
  nikCipher: string | null;
  emailSkipped: boolean;
  applicant: ApplicantSnapshot | null;
  statusDetails: StatusDetails | null;
  disabilityNeeds: string | null;
  waitlistedAt: Date | null;
}

/**
 * One application, if it is to one of the organisation's programmes: `own`, `other` (another
 * organisation's — refused without showing anything), or `none` (no such id, or a draft).
 */
export async function getApplicant(
  db: Queryable,
  organisation: string,
  id: string,
): Promise<{ own: ApplicantDetail } | { denied: 403 | 404 }> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return { denied: 404 };
  const [row] = rowsOf<
    Row & {
      organisation: string | null;
      record: Programme;
      nik_cipher: string | null;
      email_skipped: boolean;
      applicant: ApplicantSnapshot | null;
      status_details: StatusDetails | null;
      needs: string | null;
      waitlisted_at: string | Date | null;
    }
  >(
    await db.execute(sql`${SELECT}, p.organisation, p.record, a.nik_cipher, a.email_skipped, a.applicant,
        a.status_details, pr.data #>> '{disability,needs}' as needs, a.waitlisted_at
      ${FROM} where a.id = ${id}::uuid and a.status <> 'draft'`),
  );
  if (!row) return { denied: 404 };
  if (row.organisation !== organisation) return { denied: 403 };
  return {
    own: {
      ...toRow(row),
      programmeRecord: row.record,
      nikCipher: row.nik_cipher,
      emailSkipped: row.email_skipped === true,
      applicant: row.applicant,
      statusDetails: row.status_details,
      disabilityNeeds: row.disability ? row.needs : null,
      waitlistedAt: row.waitlisted_at === null ? null : new Date(row.waitlisted_at),
    },
  };
}

export interface HistoryEntry {
  from: ApplicationStatus;
  to: ApplicationStatus;
  details: EventDetails | null;
  actor: string;
  /** The staff member's name, when the actor is one of this organisation's members. */
  actorName: string | null;
  at: Date;
}

/** The status trail, oldest first, with the names of the organisation's own staff. */
export async function applicantHistory(
  db: Queryable,
  organisationId: string,
  applicationId: string,
): Promise<HistoryEntry[]> {
  const rows = rowsOf<{
    from_status: ApplicationStatus;
    to_status: ApplicationStatus;
    details: EventDetails | null;
    actor: string;
    name: string | null;
    created_at: string | Date;
  }>(
    await db.execute(sql`
      select e.from_status, e.to_status, e.details, e.actor, m.name, e.created_at
      from application_events e
      left join organisation_members m
        on e.actor = 'staff:' || m.id::text and m.organisation_id = ${organisationId}::uuid
      where e.application_id = ${applicationId}::uuid
      order by e.id`),
  );
  return rows.map((r) => ({
    from: r.from_status,
    to: r.to_status,
    details: r.details,
    actor: r.actor,
    actorName: r.name,
    at: new Date(r.created_at),
  }));
}

export interface DocumentRow {
  kind: string;
  storageKey: string;
  mimeType: string;
  size: number;
  createdAt: Date;
}

export async function applicantDocuments(db: Queryable, applicationId: string): Promise<DocumentRow[]> {
  const rows = rowsOf<{
    kind: string;
    storage_key: string;
    mime_type: string;
    size: number;
    created_at: string | Date;
  }>(
    await db.execute(sql`
      select kind, storage_key, mime_type, size, created_at from application_documents
      where application_id = ${applicationId}::uuid order by created_at, kind`),
  );
  return rows.map((r) => ({
    kind: r.kind,
    storageKey: r.storage_key,
    mimeType: r.mime_type,
    size: Number(r.size),
    createdAt: new Date(r.created_at),
  }));
}

/** The person's latest conversation with this organisation's staff (open or closed), for "Buka percakapan". */
export async function latestConversation(
  db: Queryable,
  organisation: string,
  userId: string | null,
): Promise<string | undefined> {
  if (!userId) return undefined;
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`
      select id from handoffs where user_id = ${userId}::uuid and organisation = ${organisation}
      order by created_at desc limit 1`),
  );
  return row?.id;
}
