import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Programme } from '../../shared/programme';
import type { ApplicationMode, Field, Mode, ProgrammeKind, ProgrammeStatus } from '../../shared/vocabulary';

/**
 * The programme catalogue. `record` is the validated programme exactly as imported (the source of
 * every card and question); the other columns are copies of what search filters and sorts on, kept
 * in step by the importer (src/catalogue/import.ts), which also skips rows whose `content_hash` is
 * unchanged so a re-import touches nothing.
 */
export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    kind: text('kind').$type<ProgrammeKind>().notNull(),
    field: text('field').$type<Field>().notNull(),
    status: text('status').$type<ProgrammeStatus>().notNull(),
    /** Kemendagri codes: `35`, `35.78`; null for online programmes without a place. */
    province: text('province'),
    regency: text('regency'),
    /** ISO 3166 alpha-2 destination, overseas programmes only. */
    country: text('country'),
    mode: text('mode').$type<Mode>().notNull(),
    applicationMode: text('application_mode').$type<ApplicationMode>().notNull(),
    /** Slug of the organisation that reviews applications. */
    organisation: text('organisation'),
    registrationOpens: date('registration_opens', { mode: 'string' }),
    registrationCloses: date('registration_closes', { mode: 'string' }),
    starts: date('starts', { mode: 'string' }),
    ends: date('ends', { mode: 'string' }),
    seatsTotal: integer('seats_total'),
    seatsWomen: integer('seats_women'),
    feeIdr: bigint('fee_idr', { mode: 'number' }).notNull().default(0),
    stipendIdr: bigint('stipend_idr', { mode: 'number' }).notNull().default(0),
    disabilityFriendly: boolean('disability_friendly').notNull().default(false),
    /** eligibility.gender = perempuan */
    womenOnly: boolean('women_only').notNull().default(false),
    verifiedAt: date('verified_at', { mode: 'string' }).notNull(),
    /** SHA-256 of the canonical record: equal hash, nothing to update. */
    contentHash: text('content_hash').notNull(),
    record: jsonb('record').$type<Programme>().notNull(),
    /**
     * The words to match free text against — title, summary, provider, tags, field/kind labels, places,
     * country names — normalised (lower case, letters and digits), each once, space-separated with a
     * space at both ends so `like '% las%'` finds words starting with "las" (and not "kelas").
     */
    searchText: text('search_text').notNull(),
    /**
     * The Indonesian title's words, lower case and space-framed like `search_text` (kept by Postgres
     * itself): a subject named in the title weighs more than one met in the summary.
     */
    /** Only people of certain places may join (a binding `eligibility.domicile`), kept by Postgres itself. */
    domicileRestricted: boolean('domicile_restricted').generatedAlwaysAs(
      sql`(coalesce(jsonb_typeof(record->'eligibility'->'domicile') = 'array', false) and not coalesce(record->'eligibility'->'preferred' ? 'domicile', false))`,
    ),
    titleText: text('title_text').generatedAlwaysAs(
      sql`(' ' || lower(regexp_replace(record->'title'->>'id', '[^[:alnum:]]+', ' ', 'g')) || ' ')`,
    ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('programmes_slug_uq').on(t.slug),
    index('programmes_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('programmes_title_trgm_idx').using('gin', t.titleText.op('gin_trgm_ops')),
    index('programmes_listing_idx').on(t.status, t.registrationCloses),
    index('programmes_kind_field_idx').on(t.kind, t.field),
    index('programmes_province_idx').on(t.province),
    index('programmes_regency_idx').on(t.regency),
    index('programmes_organisation_idx').on(t.organisation),
  ],
);

export type ProgrammeRow = typeof programmes.$inferSelect;

/**
 * Every word of every programme's search text, for typo-tolerant search: a query word that starts no
 * word of any programme is widened to the dictionary words it resembles (pg_trgm word similarity),
 * which are then matched exactly. Filled by the importer; a word left over from a changed programme
 * only costs a pattern that matches nothing.
 */
export const catalogueWords = pgTable(
  'catalogue_words',
  {
    word: text('word').primaryKey(),
  },
  (t) => [index('catalogue_words_trgm_idx').using('gin', t.word.op('gin_trgm_ops'))],
);
