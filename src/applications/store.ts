import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { RegistrationState } from '../catalogue/search';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import {
  type ApplicationRow,
  applicationDocuments,
  applicationEvents,
  applications,
  programmes,
  type StoredProfile,
} from '../db/schema';
import { ACTIVE, type ApplicationStatus } from '../shared/application-statuses';
import type { Channel } from '../shared/conversation';
import type { Programme } from '../shared/programme';
import type { DocumentStorage } from '../storage';

/** The answers a draft can hold; each is written as soon as it is given. */
export type DraftPatch = Partial<
  Pick<ApplicationRow, 'fullName' | 'nikCipher' | 'phone' | 'email' | 'emailSkipped' | 'address'>
>;

const ACTIVE_LIST = [...ACTIVE] as ApplicationStatus[];

/** The person's application to this programme that is still in the running (draft included). */
export async function findActiveApplication(
  db: Queryable,
  userId: string,
  programmeId: string,
): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.userId, userId),
        eq(applications.programmeId, programmeId),
        inArray(applications.status, ACTIVE_LIST),
      ),
    )
    .limit(1);
  return row;
}

export async function getApplication(db: Queryable, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}

/**
 * The person's draft for this programme, created on first use. Two taps on "Daftar" cannot make two:
 * the unique index on active applications turns the second insert into a no-op.
 */
export async function openDraft(
  db: Queryable,
  userId: string,
  programmeId: string,
  channel: Channel,
): Promise<ApplicationRow> {
  const [created] = await db
    .insert(applications)
    .values({ userId, programmeId, channel })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const existing = await findActiveApplication(db, userId, programmeId);
  if (!existing) throw new Error('draft vanished');
  return existing;
}

export async function updateDraft(db: Queryable, id: string, patch: DraftPatch): Promise<void> {
  await db
    .update(applications)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(applications.id, id), eq(applications.status, 'draft')));
}

/** "Mulai ulang" or "Hapus draf": the draft and its files go; nothing of it is kept. */
export async function deleteDraft(db: Queryable, storage: DocumentStorage, id: string): Promise<void> {
  const deleted = await db
    .delete(applications)
    .where(and(eq(applications.id, id), eq(applications.status, 'draft')))
    .returning({ id: applications.id });
  if (deleted.length) await storage.deletePrefix(id);
}

export interface StoredDocument {
  kind: string;
  storageKey: string;
  mimeType: string;
  size: number;
  createdAt: Date;
}

export async function documentsOf(db: Queryable, applicationId: string): Promise<StoredDocument[]> {
  return db
    .select({
      kind: applicationDocuments.kind,
      storageKey: applicationDocuments.storageKey,
      mimeType: applicationDocuments.mimeType,
      size: applicationDocuments.size,
      createdAt: applicationDocuments.createdAt,
    })
    .from(applicationDocuments)
    .where(eq(applicationDocuments.applicationId, applicationId))
    .orderBy(asc(applicationDocuments.createdAt));
}

/**
 * Records a document (replacing an earlier one of the same kind) and returns the earlier file's key
 * when it had another name (ktp.jpg replaced by ktp.pdf), for the caller to delete. One statement.
 */
export async function saveDocument(
  db: Queryable,
  doc: {
    applicationId: string;
    kind: string;
    storageKey: string;
    mimeType: string;
    size: number;
    sha256: string;
  },
): Promise<string | undefined> {
  const result = await db.execute(sql`
    with previous as (
      select storage_key from application_documents where application_id = ${doc.applicationId} and kind = ${doc.kind}
    ), saved as (
      insert into application_documents (application_id, kind, storage_key, mime_type, size, sha256)
      values (${doc.applicationId}, ${doc.kind}, ${doc.storageKey}, ${doc.mimeType}, ${doc.size}, ${doc.sha256})
      on conflict (application_id, kind) do update set storage_key = excluded.storage_key,
        mime_type = excluded.mime_type, size = excluded.size, sha256 = excluded.sha256, created_at = now()
    )
    select (select storage_key from previous) as previous`);
  const [row] = rowsOf<{ previous: string | null }>(result);
  return row?.previous && row.previous !== doc.storageKey ? row.previous : undefined;
}

export interface ApplicationListItem {
  id: string;
  reference: string | null;
  status: ApplicationStatus;
  seat: string | null;
  slug: string;
  title: { id: string; en?: string };
  statusDetails: ApplicationRow['statusDetails'];
  submittedAt: Date | null;
  updatedAt: Date;
}

/** The person's applications, newest first (withdrawn and decided ones too: they are history). */
export async function listApplications(db: Queryable, userId: string): Promise<ApplicationListItem[]> {
  const rows = await db
    .select({
      id: applications.id,
      reference: applications.reference,
      status: applications.status,
      seat: applications.seat,
      slug: programmes.slug,
      record: programmes.record,
      statusDetails: applications.statusDetails,
      submittedAt: applications.submittedAt,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .innerJoin(programmes, eq(programmes.id, applications.programmeId))
    .where(eq(applications.userId, userId))
    .orderBy(desc(applications.updatedAt));
  return rows.map(({ record, ...r }) => ({ ...r, title: record.title }));
}

/** 1-based place on the programme's waitlist; undefined when not waitlisted. */
export async function waitlistPosition(db: Queryable, id: string): Promise<number | undefined> {
  const result = await db.execute(sql`
    select (select count(*) from applications w
            where w.programme_id = a.programme_id and w.status = 'cadangan'
              and (w.waitlisted_at, w.id) <= (a.waitlisted_at, a.id))::int as position
    from applications a where a.id = ${id} and a.status = 'cadangan'`);
  const [row] = rowsOf<{ position: number }>(result);
  return row ? Number(row.position) : undefined;
}

export interface TimelineEntry {
  from: ApplicationStatus;
  to: ApplicationStatus;
  at: Date;
}

export async function timelineOf(db: Queryable, applicationId: string): Promise<TimelineEntry[]> {
  return db
    .select({
      from: applicationEvents.fromStatus,
      to: applicationEvents.toStatus,
      at: applicationEvents.createdAt,
    })
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.id));
}

/** The draft's answers, as the form reads them. */
export interface DraftAnswers {
  id: string;
  status: ApplicationStatus;
  reference: string | null;
  fullName: string | null;
  nikCipher: string | null;
  phone: string | null;
  email: string | null;
  emailSkipped: boolean;
  address: string | null;
}

/** Everything one turn of the form needs, read in one statement (see loadFormSnapshot). */
export interface FormSnapshot {
  programme: { id: string; slug: string; record: Programme; state: RegistrationState };
  /** The person's application to it that is still in the running, if any. */
  app: DraftAnswers | undefined;
  docs: StoredDocument[];
  profile: StoredProfile;
  /** The latest personal-data consent decision is a grant. */
  consent: boolean;
}

interface SnapshotRow {
  id: string;
  slug: string;
  record: Programme;
  state: RegistrationState;
  app: DraftAnswers | null;
  docs: Array<Omit<StoredDocument, 'createdAt'> & { createdAt: string }> | null;
  profile: StoredProfile | null;
  consent: boolean | null;
}

/**
 * The programme (with its registration state today in Jakarta, as the catalogue computes it), the
 * person's active application to it, its documents, the profile and the consent — one round trip per
 * turn instead of six: under 50 people applying at once, each statement saved is latency saved.
 * By slug (starting the form) or by the application id kept in the conversation.
 */
export async function loadFormSnapshot(
  db: Queryable,
  userId: string,
  by: { slug: string } | { applicationId: string },
): Promise<FormSnapshot | undefined> {
  const result = await db.execute(
    snapshotSql(
      sql`${userId}::uuid`,
      'slug' in by ? { slug: sql`${by.slug}` } : { applicationId: sql`${by.applicationId}::uuid` },
    ),
  );
  const [row] = rowsOf<SnapshotRow>(result);
  return row ? snapshotOf(row) : undefined;
}

/**
 * The same read as one JSON value, by the application id saved in the form's state (`data`, jsonb):
 * the form's prefetch (see Flow.prefetch), read with the turn's first statement. Null when the saved
 * id is not a uuid (a cast error would fail the whole turn) or the snapshot is empty.
 */
export function formSnapshotPrefetch(userId: SQL, data: SQL): SQL {
  const id = sql`(${data}->>'applicationId')`;
  return sql`case when ${id} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    (select row_to_json(s) from (${snapshotSql(userId, { applicationId: sql`${id}::uuid` })}) s) end`;
}

/** A prefetched snapshot (formSnapshotPrefetch) as loadFormSnapshot gives it. */
export function prefetchedSnapshot(value: unknown): FormSnapshot | undefined {
  return value && typeof value === 'object' ? snapshotOf(value as SnapshotRow) : undefined;
}

function snapshotSql(userId: SQL, by: { slug: SQL } | { applicationId: SQL }): SQL {
  const programme =
    'slug' in by
      ? sql`p.slug = ${by.slug}`
      : sql`p.id = (select programme_id from applications where id = ${by.applicationId})`;
  const application =
    'slug' in by
      ? sql`a.user_id = ${userId} and a.programme_id = p.id and a.status not in ('mundur', 'ditolak')`
      : sql`a.id = ${by.applicationId} and a.user_id = ${userId}`;
  return sql`
    with p as (
      select p.id, p.slug, p.record,
        case when p.status = 'closed' or p.registration_closes < (now() at time zone 'Asia/Jakarta')::date then 'closed'
             when p.registration_opens > (now() at time zone 'Asia/Jakarta')::date then 'upcoming'
             else 'open' end as state
      from programmes p where ${programme} and p.status <> 'draft'
    ), a as (
      select a.id, a.status, a.reference, a.full_name as "fullName", a.nik_cipher as "nikCipher", a.phone,
        a.email, a.email_skipped as "emailSkipped", a.address
      from applications a, p where ${application} limit 1
    )
    select p.id, p.slug, p.record, p.state,
      (select row_to_json(a) from a) as app,
      (select json_agg(json_build_object('kind', d.kind, 'storageKey', d.storage_key, 'mimeType', d.mime_type,
          'size', d.size, 'createdAt', d.created_at) order by d.created_at)
        from application_documents d where d.application_id = (select id from a)) as docs,
      (select data from profiles where user_id = ${userId}) as profile,
      (select granted from consents where user_id = ${userId} and purpose = 'personal_data'
        order by id desc limit 1) as consent
    from p`;
}

function snapshotOf(row: SnapshotRow): FormSnapshot {
  return {
    programme: { id: row.id, slug: row.slug, record: row.record, state: row.state },
    app: row.app ?? undefined,
    docs: (row.docs ?? []).map((d) => ({ ...d, createdAt: new Date(d.createdAt) })),
    profile: row.profile ?? {},
    consent: row.consent === true,
  };
}
