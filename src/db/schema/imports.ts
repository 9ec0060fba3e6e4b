import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Locale } from '../../i18n';
import { organisationMembers, organisations } from './organisations';

/*
 * Catalogue CSV imports started from the dashboard (issue #8). The upload is split into chunks of rows
 * at once; each poll of the progress page claims the next chunk (FOR UPDATE SKIP LOCKED) and imports it
 * through the catalogue importer, so a large file needs no background worker (Node and Workers alike)
 * and two polls never import the same rows.
 */

const at = (name: string) => timestamp(name, { withTimezone: true });

/** One row's problem, as shown to staff: the file line, the column, the reason in the job's language. */
export interface ImportRowError {
  line: number;
  field: string | null;
  code: string;
  message: string;
}

export const programmeImportJobs = pgTable(
  'programme_import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').references(() => organisationMembers.id, { onDelete: 'set null' }),
    /** Language of the row errors (the uploader's). */
    locale: text('locale').$type<Locale>().notNull(),
    fileName: text('file_name'),
    totalRows: integer('total_rows').notNull(),
    processedRows: integer('processed_rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /** Problems found while splitting the file (unknown columns, a slug written twice). */
    errors: jsonb('errors').$type<ImportRowError[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: at('created_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
  },
  (t) => [index('programme_import_jobs_org_idx').on(t.organisationId, t.createdAt)],
);

export const programmeImportChunks = pgTable(
  'programme_import_chunks',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => programmeImportJobs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    /** The header and this chunk's rows, padded with blank lines so each row keeps its file line. Emptied once done. */
    csv: text('csv').notNull(),
    rows: integer('rows').notNull(),
    /** Each row's slug and file line, to place refusals (another organisation's row) on their line. */
    slugs: jsonb('slugs').$type<{ slug: string; line: number }[]>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    errors: jsonb('errors').$type<ImportRowError[]>(),
    doneAt: at('done_at'),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.seq] }),
    index('programme_import_chunks_pending_idx').on(t.jobId, t.seq).where(sql`${t.doneAt} is null`),
  ],
);
