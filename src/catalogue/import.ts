/**
 * Loads a catalogue into the `programmes` table: upsert by slug, in batches, in one transaction.
 * A row whose content hash is unchanged is not written at all (its `updated_at` stays), so importing
 * the same file twice changes nothing the second time.
 */
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { catalogueWords, programmes } from '../db/schema/catalogue';
import type { Programme } from '../shared/programme';
import { loadRegions, type RegionLookup } from '../shared/programme-regions';
import type { CatalogueError } from './errors';
import { contentHash } from './hash';
import { type ParseOptions, type ParseResult, parseCatalogue } from './parse';
import { buildSearchText, searchWords } from './search-text';

export interface ImportProgress {
  /** Valid programmes written (or found unchanged) so far. */
  done: number;
  total: number;
}

export interface ImportOptions extends ParseOptions {
  /** Load nothing if any record (or the header) has an error. */
  strict?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** Rows per INSERT statement. */
  batchSize?: number;
}

export interface ImportSummary {
  /** Records read from the input. */
  records: number;
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
  errors: CatalogueError[];
  /** Strict mode found errors, so nothing was loaded. */
  aborted: boolean;
}

type ProgrammeInsert = typeof programmes.$inferInsert;

/** The table row of a validated programme. */
export async function programmeRow(p: Programme, regions: RegionLookup): Promise<ProgrammeInsert> {
  return {
    slug: p.slug,
    kind: p.kind,
    field: p.field,
    status: p.status,
    province: p.location.province ?? null,
    regency: p.location.regency ?? null,
    country: p.destination_country ?? null,
    mode: p.location.mode,
    applicationMode: p.application.mode,
    organisation: p.application.organisation ?? null,
    registrationOpens: p.dates.registration_opens ?? null,
    registrationCloses: p.dates.registration_closes ?? null,
    starts: p.dates.starts ?? null,
    ends: p.dates.ends ?? null,
    seatsTotal: p.seats?.total ?? null,
    seatsWomen: p.seats?.women ?? null,
    feeIdr: p.costs.fee_idr,
    stipendIdr: p.costs.stipend_idr ?? 0,
    disabilityFriendly: p.inclusion?.disability_friendly ?? false,
    womenOnly: p.eligibility?.gender === 'perempuan',
    verifiedAt: p.verified_at,
    contentHash: await contentHash(p),
    record: p,
    searchText: buildSearchText(p, regions),
  };
}

/** On conflict, every column takes the incoming value except the identity and the creation time. */
function conflictSet(): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const [key, column] of Object.entries(getTableColumns(programmes))) {
    // Postgres computes generated columns (title_text) itself.
    if (
      key === 'id' ||
      key === 'slug' ||
      key === 'createdAt' ||
      key === 'titleText' ||
      key === 'domicileRestricted'
    )
      continue;
    set[key] = key === 'updatedAt' ? sql`now()` : sql.raw(`excluded."${column.name}"`);
  }
  return set;
}

/** Parses (JSON text, CSV text or a parsed JSON value) and imports. */
export async function importProgrammes(
  db: Db,
  input: unknown,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const regions = options.regions ?? (await loadRegions());
  const parsed = await parseCatalogue(input, { ...options, regions });
  return importParsed(db, parsed, { ...options, regions });
}

/** Imports what parseCatalogue produced (errors are carried into the summary). */
export async function importParsed(
  db: Db,
  parsed: ParseResult,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    records: parsed.records,
    created: 0,
    updated: 0,
    unchanged: 0,
    invalid: parsed.invalid,
    errors: parsed.errors,
    aborted: false,
  };
  if (options.strict && parsed.errors.length > 0) return { ...summary, aborted: true };

  const regions = options.regions ?? (await loadRegions());
  const total = parsed.programmes.length;
  const rows = await Promise.all(parsed.programmes.map((p) => programmeRow(p, regions)));
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const set = conflictSet();
  options.onProgress?.({ done: 0, total });

  if (rows.length > 0) {
    await db.transaction(async (tx) => {
      for (let start = 0; start < rows.length; start += batchSize) {
        const batch = rows.slice(start, start + batchSize);
        const written = await tx
          .insert(programmes)
          .values(batch)
          .onConflictDoUpdate({
            target: programmes.slug,
            set,
            setWhere: sql`${programmes.contentHash} is distinct from excluded.content_hash`,
          })
          // xmax = 0 only on a freshly inserted row version: tells "created" from "updated".
          .returning({ inserted: sql<boolean>`(xmax = 0)` });
        const created = written.filter((r) => r.inserted === true).length;
        summary.created += created;
        summary.updated += written.length - created;
        summary.unchanged += batch.length - written.length;
        options.onProgress?.({ done: Math.min(start + batch.length, total), total });
      }
      // The dictionary the search's typo fallback looks in (see search.ts): words, not numbers.
      const words = [...new Set(rows.flatMap((row) => searchWords(row.searchText)))].filter(
        (word) => word.length >= 3 && !/\d/.test(word),
      );
      for (let start = 0; start < words.length; start += 2000) {
        const chunk = words.slice(start, start + 2000).map((word) => ({ word }));
        await tx.insert(catalogueWords).values(chunk).onConflictDoNothing();
      }
    });
    // Fresh statistics after a large load, so the planner picks the indexes right away instead of
    // waiting for autovacuum (a plan made on an empty table's statistics can be 10× slower).
    if (summary.created + summary.updated >= ANALYZE_AFTER)
      await db.execute(sql`analyze programmes, catalogue_words`);
  }
  return summary;
}

const ANALYZE_AFTER = 500;
