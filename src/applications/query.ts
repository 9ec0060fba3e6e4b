import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import type { ApplicationStatus, SeatKind } from '../shared/application-statuses';

/*
 * The one query of "an organisation's applications": the dashboard's applicant list and its CSV, the
 * API's list and its CSV all read through it. The scope is the programme's organisation, and drafts
 * (the person's own, still being filled in) are never shown. Status changes go elsewhere
 * (`changeApplicationStatus` in src/organisations/applications.ts, the one path that checks, moves
 * seats and notifies the person).
 */

/** Whose applications: the organisation's slug (programmes name it), and its id for referral links. */
export interface ApplicationScope {
  slug: string;
  id?: string;
}

export interface ApplicationQuery {
  programme?: string | undefined;
  /** Any of these statuses (never `draft`: drafts are excluded anyway). */
  status?: readonly ApplicationStatus[] | undefined;
  gender?: string | undefined;
  /** Province code (`35`), from the domicile given when applying. */
  province?: string | undefined;
  /** Declared a disability in the profile (true) or not (false). */
  disability?: boolean | undefined;
  /** Submitted at or after / before (instants). */
  since?: Date | undefined;
  until?: Date | undefined;
  /** Referral link code (with or without `r_`); needs the scope's id. */
  referral?: string | undefined;
  /** Part of a name or a reference, matched literally (% and _ are no wildcards). */
  search?: string | undefined;
}

export interface ApplicationRow {
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
  updatedAt: Date;
  anonymised: boolean;
  /** The referral link the person came through, only when it is the scope's own organisation's. */
  referral: { code: string; recruiter: string | null } | null;
  /** Kinds of the documents uploaded, sorted; read only when asked for (`documents: true`). */
  documents: string[];
}

export const APPLICATIONS_FROM = sql`
  from applications a
  join programmes p on p.id = a.programme_id
  left join profiles pr on pr.user_id = a.user_id
  left join referral_attributions ra on ra.user_id = a.user_id
  left join referral_links l on l.id = ra.referral_link_id and l.organisation_id = ra.organisation_id`;

/** Same test as the recruitment targets (src/organisations/targets.ts). */
const DISABILITY = sql`coalesce(pr.data #>> '{disability,declared}', 'false') = 'true'`;

export function applicationsWhere(scope: ApplicationScope, q: ApplicationQuery): SQL {
  const parts: SQL[] = [sql`p.organisation = ${scope.slug}`, sql`a.status <> 'draft'`];
  if (q.programme) parts.push(sql`p.slug = ${q.programme}`);
  if (q.status?.length)
    parts.push(
      sql`a.status in (${sql.join(
        q.status.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (q.gender) parts.push(sql`a.gender = ${q.gender}`);
  if (q.province) parts.push(sql`a.province = ${q.province}`);
  if (q.disability === true) parts.push(DISABILITY);
  if (q.disability === false) parts.push(sql`not ${DISABILITY}`);
  if (q.since) parts.push(sql`a.submitted_at >= ${q.since.toISOString()}::timestamptz`);
  if (q.until) parts.push(sql`a.submitted_at < ${q.until.toISOString()}::timestamptz`);
  if (q.referral)
    parts.push(
      scope.id
        ? sql`l.code = ${q.referral.replace(/^r_/, '').toLowerCase()} and l.organisation_id = ${scope.id}`
        : sql`false`,
    );
  if (q.search) {
    const like = `%${q.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    parts.push(sql`(a.full_name ilike ${like} or a.reference ilike ${like})`);
  }
  return sql.join(parts, sql` and `);
}

export interface ApplicationDbRow {
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
  updated_at: string | Date;
  anonymised_at: string | Date | null;
  code: string | null;
  recruiter: string | null;
  referral_org: string | null;
  documents?: string[] | null;
}

export const APPLICATIONS_SELECT = sql`
  select a.id, a.user_id, a.reference, p.slug, p.record -> 'title' as title, a.status, a.seat, a.full_name,
    a.phone, a.email, a.address, a.gender, a.education_level, a.province, a.age_at_submission,
    ${DISABILITY} as disability, pr.data #>> '{disability,needs}' as list_needs,
    a.applicant ->> 'domicileRegency' as regency, a.channel, a.submitted_at, a.updated_at, a.anonymised_at,
    l.code, l.recruiter, ra.organisation_id as referral_org`;

const DOCUMENTS = sql`, (select array_agg(d.kind order by d.kind) from application_documents d
    where d.application_id = a.id) as documents`;

const ORDER = sql`order by a.submitted_at desc nulls last, a.id`;

export function toApplicationRow(scope: ApplicationScope, r: ApplicationDbRow): ApplicationRow {
  return {
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
    updatedAt: new Date(r.updated_at),
    anonymised: r.anonymised_at !== null,
    // Only this organisation's links: another's recruiter is none of its business.
    referral:
      r.code && scope.id !== undefined && r.referral_org === scope.id
        ? { code: r.code, recruiter: r.recruiter }
        : null,
    documents: r.documents ?? [],
  };
}

export interface ReadOptions {
  /** Also read the kinds of documents uploaded (a subquery per row). */
  documents?: boolean;
}

/** A page of the organisation's applications, newest first, and how many match in all. */
export async function listApplications(
  db: Queryable,
  scope: ApplicationScope,
  query: ApplicationQuery,
  paging: { page: number; perPage: number },
  options: ReadOptions = {},
): Promise<{ total: number; items: ApplicationRow[] }> {
  const condition = applicationsWhere(scope, query);
  const [count] = rowsOf<{ n: number | string }>(
    await db.execute(sql`select count(*) as n ${APPLICATIONS_FROM} where ${condition}`),
  );
  const rows = rowsOf<ApplicationDbRow>(
    await db.execute(sql`${APPLICATIONS_SELECT}${options.documents ? DOCUMENTS : sql``}
      ${APPLICATIONS_FROM} where ${condition} ${ORDER}
      limit ${paging.perPage} offset ${(Math.max(1, paging.page) - 1) * paging.perPage}`),
  );
  return { total: Number(count?.n ?? 0), items: rows.map((r) => toApplicationRow(scope, r)) };
}

const EXPORT_BATCH = 2_000;

/**
 * Every matching application in the list's order, a batch at a time (for the CSV exports). The order is
 * read once as ids, then the rows by id: OFFSET pages would sort and skip the whole list again for
 * each page (and count it each time), which made a 20,000-row export take seconds per page.
 */
export async function* eachApplication(
  db: Queryable,
  scope: ApplicationScope,
  query: ApplicationQuery,
  options: ReadOptions = {},
): AsyncGenerator<ApplicationRow[]> {
  const condition = applicationsWhere(scope, query);
  const ids = rowsOf<{ id: string }>(
    await db.execute(sql`select a.id ${APPLICATIONS_FROM} where ${condition} ${ORDER}`),
  ).map((r) => r.id);
  for (let start = 0; start < ids.length; start += EXPORT_BATCH) {
    const batch = ids.slice(start, start + EXPORT_BATCH);
    // The organisation's condition again: the rows are scoped by the same test, not only by id.
    const rows = rowsOf<ApplicationDbRow>(
      await db.execute(
        sql`${APPLICATIONS_SELECT}${options.documents ? DOCUMENTS : sql``}
          ${APPLICATIONS_FROM} where ${condition} and a.id in ${batch}`,
      ),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered = batch.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toApplicationRow(scope, row)] : [];
    });
    if (ordered.length) yield ordered;
  }
}
