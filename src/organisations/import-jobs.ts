import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { normaliseHeader } from '../catalogue/csv-columns';
import { type CsvRow, csvRowBody, csvRowStartLine, readCsvRows } from '../catalogue/csv-rows';
import { type CatalogueError, errorContext, positionLabel } from '../catalogue/errors';
import { parseCatalogueCsv } from '../catalogue/parse';
import type { Db, Queryable } from '../db/client';
import { type ImportRowError, programmeImportChunks, programmeImportJobs } from '../db/schema';
import { type Locale, tFor } from '../i18n';
import { importOwnProgrammes } from './programmes';

/*
 * A catalogue CSV imported from the dashboard in small steps, without a background worker (so it runs
 * the same on Node and on Workers): the upload is split into chunks of rows stored with the job, and
 * every poll of the progress page imports the next chunk. A chunk is claimed with
 * `FOR UPDATE SKIP LOCKED`, so two polls (two tabs, a retry) never import the same rows; each chunk
 * goes through `importOwnProgrammes` — the same validation, ownership rules and upsert as the API and
 * `npm run import`. Each chunk keeps its rows on their original file lines (padded with blank lines,
 * which the parser skips), so the catalogue's own messages ("Baris 7, kolom `seats_women`") stay right.
 */

export const IMPORT_CHUNK_ROWS = 25;
/** Larger files belong in `npm run import` (the dashboard stores the upload in the database). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** A chunk that fails this often (a bug, not the data) is given up and its rows reported failed. */
const MAX_ATTEMPTS = 3;

export type ImportJob = typeof programmeImportJobs.$inferSelect;
export type { ImportRowError } from '../db/schema';

interface Org {
  id: string;
  slug: string;
  name: string;
}

const newlines = (text: string) => text.match(/\n/g)?.length ?? 0;

const rowError = (e: CatalogueError): ImportRowError => ({
  line: 'line' in e.position ? e.position.line : 0,
  field: e.field,
  code: e.code,
  message: e.detail,
});

export type StartResult = { ok: true; job: ImportJob } | { ok: false; errors: ImportRowError[] };

/**
 * Reads the file's structure (not its contents: that is validated chunk by chunk), refuses a file that
 * cannot be read at all, and stores the job with its chunks. Header problems and slugs written twice
 * are recorded at once; everything else as the chunks are imported.
 */
export async function startImportJob(
  db: Db,
  org: Org,
  input: { csv: string; fileName?: string; memberId?: string; locale: Locale; chunkRows?: number },
): Promise<StartResult> {
  const source = input.csv.replace(/^\uFEFF/, '');
  const readable = async () =>
    (await parseCatalogueCsv(source, { locale: input.locale })).errors.map(rowError);
  let rows: CsvRow[];
  try {
    rows = readCsvRows(source);
  } catch {
    // The catalogue parser fails at the same place and says why in the uploader's language.
    return { ok: false, errors: await readable() };
  }
  const header = rows.shift();
  if (!header) return { ok: false, errors: await readable() };
  const t = tFor(input.locale, 'dashboard');
  if (rows.length === 0)
    return {
      ok: false,
      errors: [{ line: 1, field: null, code: 'no_rows', message: t('programmes.import.noRows') }],
    };

  const headerLine = csvRowStartLine(header);
  const headerText = '\n'.repeat(headerLine - 1) + csvRowBody(header);
  const headerEnd = headerLine + newlines(csvRowBody(header));
  const fileErrors = (await parseCatalogueCsv(headerText, { locale: input.locale })).errors.map(rowError);

  const slugColumn = header.record.findIndex((name) => normaliseHeader(name) === 'slug');
  const catalogue = errorContext(input.locale).t;
  const firstLine = new Map<string, number>();
  const kept: { row: CsvRow; line: number; slug: string }[] = [];
  for (const row of rows) {
    const line = csvRowStartLine(row);
    const slug = slugColumn >= 0 ? (row.record[slugColumn] ?? '').trim() : '';
    const first = slug ? firstLine.get(slug) : undefined;
    if (first !== undefined) {
      // Chunks are imported separately, so a slug written twice is caught here, as the parser would.
      const other = positionLabel(catalogue, { line: first });
      fileErrors.push({
        line,
        field: 'slug',
        code: 'duplicate_slug',
        message: catalogue('error.duplicate_slug', {
          value: slug,
          other: other.charAt(0).toLowerCase() + other.slice(1),
        }),
      });
      continue;
    }
    if (slug) firstLine.set(slug, line);
    kept.push({ row, line, slug });
  }

  const size = Math.max(1, input.chunkRows ?? IMPORT_CHUNK_ROWS);
  const chunks: (typeof programmeImportChunks.$inferInsert)[] = [];
  for (let start = 0, seq = 0; start < kept.length; start += size, seq++) {
    const part = kept.slice(start, start + size);
    let csv = headerText;
    let line = headerEnd;
    for (const { row, line: at } of part) {
      csv += '\n'.repeat(at - line) + csvRowBody(row);
      line = at + newlines(csvRowBody(row));
    }
    chunks.push({
      jobId: '',
      seq,
      csv,
      rows: part.length,
      slugs: part.map((p) => ({ slug: p.slug, line: p.line })),
    });
  }
  const duplicates = rows.length - kept.length;
  const job = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(programmeImportJobs)
      .values({
        organisationId: org.id,
        memberId: input.memberId ?? null,
        locale: input.locale,
        fileName: input.fileName?.slice(0, 200) || null,
        totalRows: rows.length,
        processedRows: duplicates,
        failed: duplicates,
        errors: fileErrors,
      })
      .returning();
    for (let i = 0; i < chunks.length; i += 50)
      await tx
        .insert(programmeImportChunks)
        .values(chunks.slice(i, i + 50).map((c) => ({ ...c, jobId: created!.id })));
    return created!;
  });
  return { ok: true, job };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The organisation's job (another's, or a malformed id: undefined). */
export async function getImportJob(db: Queryable, org: { id: string }, jobId: string) {
  if (!UUID.test(jobId)) return undefined;
  const [job] = await db
    .select()
    .from(programmeImportJobs)
    .where(and(eq(programmeImportJobs.id, jobId), eq(programmeImportJobs.organisationId, org.id)));
  return job;
}

/** The latest jobs of the organisation, newest first. */
export async function recentImportJobs(db: Queryable, org: { id: string }, limit = 5) {
  return db
    .select()
    .from(programmeImportJobs)
    .where(eq(programmeImportJobs.organisationId, org.id))
    .orderBy(desc(programmeImportJobs.createdAt))
    .limit(limit);
}

/** Every row error of a job so far, by file line. */
export async function importJobErrors(db: Queryable, job: ImportJob): Promise<ImportRowError[]> {
  const chunks = await db
    .select({ errors: programmeImportChunks.errors })
    .from(programmeImportChunks)
    .where(eq(programmeImportChunks.jobId, job.id))
    .orderBy(asc(programmeImportChunks.seq));
  const all = [...job.errors, ...chunks.flatMap((c) => c.errors ?? [])];
  return all.sort((a, b) => a.line - b.line);
}

const HEADER_CODES = new Set(['csv_unknown_column', 'csv_duplicate_column']);

export type AdvanceResult = 'advanced' | 'busy' | 'finished' | 'failed';

/**
 * Imports the next chunk of the job, if one is free: `advanced` (a chunk done), `busy` (the remaining
 * chunks are being imported by other requests), `finished` (nothing left), `failed` (this attempt
 * failed; the chunk is retried by the next poll, and given up after a few attempts).
 */
export async function advanceImportJob(db: Db, org: Org, job: ImportJob): Promise<AdvanceResult> {
  if (job.finishedAt) return 'finished';
  // Set inside the transaction: which chunk to count an attempt against if it fails.
  const state: { claimed?: { seq: number; rows: number; slugs: { slug: string; line: number }[] } } = {};
  try {
    return await db.transaction(async (tx) => {
      const [chunk] = await tx
        .select()
        .from(programmeImportChunks)
        .where(and(eq(programmeImportChunks.jobId, job.id), isNull(programmeImportChunks.doneAt)))
        .orderBy(asc(programmeImportChunks.seq))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!chunk) {
        const [pending] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(programmeImportChunks)
          .where(and(eq(programmeImportChunks.jobId, job.id), isNull(programmeImportChunks.doneAt)));
        return Number(pending?.n ?? 0) > 0 ? 'busy' : 'finished';
      }
      state.claimed = chunk;
      const result = await importOwnProgrammes(tx, org.slug, chunk.csv, {
        format: 'csv',
        locale: job.locale,
      });
      const lineOf = new Map(chunk.slugs.map((s) => [s.slug, s.line]));
      const t = tFor(job.locale, 'dashboard');
      const errors: ImportRowError[] = [
        // Header problems were reported once, when the job started.
        ...result.errors.map(rowError).filter((e) => !HEADER_CODES.has(e.code)),
        ...result.rejected.map((r) => ({
          line: lineOf.get(r.slug) ?? 0,
          field: r.code === 'other_organisation' ? 'application_organisation' : 'slug',
          code: r.code,
          message: t(`programmes.import.rejected.${r.code}`, { organisation: org.slug, slug: r.slug }),
        })),
      ];
      await finishChunk(tx, job.id, chunk.seq, errors, {
        rows: chunk.rows,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        failed: result.invalid + result.rejected.length,
      });
      return 'advanced';
    });
  } catch (error) {
    const chunk = state.claimed;
    if (!chunk) throw error;
    const [row] = await db
      .update(programmeImportChunks)
      .set({ attempts: sql`${programmeImportChunks.attempts} + 1` })
      .where(and(eq(programmeImportChunks.jobId, job.id), eq(programmeImportChunks.seq, chunk.seq)))
      .returning({ attempts: programmeImportChunks.attempts });
    if ((row?.attempts ?? 0) >= MAX_ATTEMPTS) {
      const t = tFor(job.locale, 'dashboard');
      await db.transaction((tx) =>
        finishChunk(
          tx,
          job.id,
          chunk.seq,
          chunk.slugs.map((s) => ({
            line: s.line,
            field: null,
            code: 'system',
            message: t('programmes.import.systemError'),
          })),
          { rows: chunk.rows, created: 0, updated: 0, unchanged: 0, failed: chunk.rows },
        ),
      );
    }
    return 'failed';
  }
}

async function finishChunk(
  tx: Queryable,
  jobId: string,
  seq: number,
  errors: ImportRowError[],
  counts: { rows: number; created: number; updated: number; unchanged: number; failed: number },
): Promise<void> {
  await tx
    .update(programmeImportChunks)
    .set({ doneAt: sql`now()`, csv: '', errors })
    .where(and(eq(programmeImportChunks.jobId, jobId), eq(programmeImportChunks.seq, seq)));
  // Concurrent chunks serialise on the job row; the one that reaches the total marks the job finished.
  const j = programmeImportJobs;
  await tx
    .update(j)
    .set({
      processedRows: sql`${j.processedRows} + ${counts.rows}`,
      created: sql`${j.created} + ${counts.created}`,
      updated: sql`${j.updated} + ${counts.updated}`,
      unchanged: sql`${j.unchanged} + ${counts.unchanged}`,
      failed: sql`${j.failed} + ${counts.failed}`,
      finishedAt: sql`case when ${j.processedRows} + ${counts.rows} >= ${j.totalRows} then now() end`,
    })
    .where(eq(j.id, jobId));
}
