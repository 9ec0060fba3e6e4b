import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  ApplicationStatus,
  EventDetails,
  SeatKind,
  StatusDetails,
} from '../../shared/application-statuses';
import type { Channel } from '../../shared/conversation';
import { programmes } from './catalogue';
import { users } from './core';
import type { StoredProfile } from './profile';

/*
 * Applications inside the chat (issue #5). Personal fields live only on `applications` and
 * `application_documents`; `/hapus_data` (src/applications/privacy.ts) blanks them and unlinks the
 * person, leaving the coarse columns (programme, status, seat, gender, education level, province, age)
 * as anonymous counts for the organisers' statistics.
 */

const at = (name: string) => timestamp(name, { withTimezone: true });

/** Reference numbers `JMB-<year>-<000123>`: never reused, gaps allowed (a rolled-back submit). */
export const applicationReferenceSeq = pgSequence('application_reference_seq', { startWith: 1 });

/** The profile as it was when the person pressed Kirim: what the organisers judge. */
export type ApplicantSnapshot = Pick<
  StoredProfile,
  'birthDate' | 'birthDateApproximate' | 'gender' | 'domicileProvince' | 'domicileRegency' | 'education'
> & { answers?: StoredProfile['answers'] };

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Set on submission; removed on anonymisation (it ties back to the organisers' own records). */
    reference: text('reference'),
    /** Null once anonymised. Cascade: erasing a person without anonymising first leaves nothing personal. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    status: text('status').$type<ApplicationStatus>().notNull().default('draft'),
    /** The seat held (a women's reserved seat or a general one); null on the waitlist and after leaving. */
    seat: text('seat').$type<SeatKind>(),
    /** Place in the waitlist: earliest first. */
    waitlistedAt: at('waitlisted_at'),
    statusDetails: jsonb('status_details').$type<StatusDetails>(),

    /* Personal data (blanked by anonymisation). */
    fullName: text('full_name'),
    /** AES-256-GCM (src/privacy/crypto.ts); never stored or logged in clear. */
    nikCipher: text('nik_cipher'),
    /** E.164. */
    phone: text('phone'),
    email: text('email'),
    /** The person chose to give no email (it is optional). */
    emailSkipped: boolean('email_skipped').notNull().default(false),
    address: text('address'),
    applicant: jsonb('applicant').$type<ApplicantSnapshot>(),

    /* Kept after anonymisation, for counts only. */
    gender: text('gender'),
    educationLevel: text('education_level'),
    province: text('province'),
    ageAtSubmission: integer('age_at_submission'),

    channel: text('channel').$type<Channel>(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    submittedAt: at('submitted_at'),
    anonymisedAt: at('anonymised_at'),
  },
  (t) => [
    uniqueIndex('applications_reference_uq').on(t.reference),
    // One application per person per programme while it is in the running (a draft included).
    uniqueIndex('applications_active_uq')
      .on(t.userId, t.programmeId)
      .where(sql`${t.status} not in ('mundur', 'ditolak')`),
    index('applications_user_idx').on(t.userId),
    index('applications_programme_status_idx').on(t.programmeId, t.status),
    index('applications_waitlist_idx').on(t.programmeId, t.waitlistedAt).where(sql`${t.status} = 'cadangan'`),
  ],
);

export type ApplicationRow = typeof applications.$inferSelect;

/** One stored file per document kind of an application (`<applicationId>/<kind>.<ext>` in storage). */
export const applicationDocuments = pgTable(
  'application_documents',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    storageKey: text('storage_key').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.kind] })],
);

/** Audit trail of status changes, for the organisation's dashboard (and the person's timeline). */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').$type<ApplicationStatus>().notNull(),
    toStatus: text('to_status').$type<ApplicationStatus>().notNull(),
    details: jsonb('details').$type<EventDetails>(),
    /** `person`, `system` (waitlist promotion), or `staff:<who>`. */
    actor: text('actor').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.id)],
);

/**
 * Seats taken per programme. The row is the lock every seat change takes (`SELECT … FOR UPDATE`), so
 * two people racing for the last seat are served one after the other; totals come from the catalogue.
 */
export const programmeSeats = pgTable('programme_seats', {
  programmeId: uuid('programme_id')
    .primaryKey()
    .references(() => programmes.id, { onDelete: 'cascade' }),
  takenGeneral: integer('taken_general').notNull().default(0),
  takenWomen: integer('taken_women').notNull().default(0),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** "📝 Daftar" on a programme that takes applications on its own site: the interest, counted. */
export const programmeInterests = pgTable(
  'programme_interests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    channel: text('channel').$type<Channel>().notNull(),
    clicks: integer('clicks').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    lastAt: at('last_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('programme_interests_user_programme_uq').on(t.userId, t.programmeId)],
);
