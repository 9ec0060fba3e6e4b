import { sql } from 'drizzle-orm';
import {
  APPLICATIONS_FROM,
  APPLICATIONS_SELECT,
  type ApplicationDbRow,
  type ApplicationQuery,
  type ApplicationRow,
  eachApplication,
  listApplications,
  toApplicationRow,
} from '../../applications/query';
import type { Queryable } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { ApplicantSnapshot } from '../../db/schema';
import type { ApplicationStatus, EventDetails, StatusDetails } from '../../shared/application-statuses';
import type { Programme } from '../../shared/programme';
import { type ApplicantFilter, startOfJakartaDay } from './filters';

/*
 * Applications to the organisation's programmes, for the dashboard: the one query of
 * src/applications/query.ts (the programme's organisation, drafts never shown) with the dashboard's
 * filters read as days in Jakarta. Status changes go through `changeApplicationStatus` in
 * src/organisations/applications.ts — the one path that checks, moves seats and notifies the person.
 */

export type ApplicantRow = ApplicationRow;

/** The dashboard's filter as the query's terms (days are whole days in Jakarta). */
export function applicationQueryOf(f: ApplicantFilter): ApplicationQuery {
  return {
    programme: f.programme,
    status: f.status ? [f.status] : undefined,
    gender: f.gender,
    province: f.province,
    disability: f.disability,
    since: f.from ? startOfJakartaDay(f.from) : undefined,
    until: f.to ? new Date(startOfJakartaDay(f.to).getTime() + 86_400_000) : undefined,
    search: f.search,
  };
}

export const APPLICANT_PAGE_SIZE = 25;

export function listApplicants(
  db: Queryable,
  organisation: string,
  filter: ApplicantFilter,
  paging: { page: number; perPage?: number },
): Promise<{ total: number; items: ApplicantRow[] }> {
  return listApplications(db, { slug: organisation }, applicationQueryOf(filter), {
    page: paging.page,
    perPage: paging.perPage ?? APPLICANT_PAGE_SIZE,
  });
}

/** Every matching application in the list's order, a batch at a time (for the CSV export). */
export function eachApplicant(
  db: Queryable,
  organisation: string,
  filter: ApplicantFilter,
): AsyncGenerator<ApplicantRow[]> {
  return eachApplication(db, { slug: organisation }, applicationQueryOf(filter));
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
    ApplicationDbRow & {
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
    await db.execute(sql`${APPLICATIONS_SELECT}, p.organisation, p.record, a.nik_cipher, a.email_skipped, a.applicant,
        a.status_details, pr.data #>> '{disability,needs}' as needs, a.waitlisted_at
      ${APPLICATIONS_FROM} where a.id = ${id}::uuid and a.status <> 'draft'`),
  );
  if (!row) return { denied: 404 };
  if (row.organisation !== organisation) return { denied: 403 };
  return {
    own: {
      ...toApplicationRow({ slug: organisation }, row),
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
