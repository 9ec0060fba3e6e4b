/**
 * Reads a catalogue file — JSON (an array, or `{ "programmes": [...] }`) or CSV (docs/catalogue-csv.md)
 * — into validated programmes and readable errors. Nothing here touches the database.
 */

import type { Locale } from '../i18n';
import { createProgrammeSchema, type Programme, type ProgrammeSchema } from '../shared/programme';
import { loadRegions, type RegionLookup } from '../shared/programme-regions';
import { CSV_COLUMN_NAMES, CSV_COLUMNS, convertCell, csvFieldOf, normaliseHeader } from './csv-columns';
import { type CsvRow, csvRowStartLine, readCsvRows } from './csv-rows';
import {
  type CatalogueError,
  type CataloguePosition,
  describeIssue,
  type ErrorContext,
  errorContext,
  jsonPath,
  makeError,
  positionLabel,
  suggest,
} from './errors';

export type CatalogueFormat = 'json' | 'csv';

export interface ParseOptions {
  /** Language of the error messages; Indonesian by default. */
  locale?: Locale;
  /** Region codes to validate against (default: idn-area-data). */
  regions?: RegionLookup;
  /** For text input; guessed from the first character otherwise (`[`/`{` → JSON). */
  format?: CatalogueFormat | 'auto';
}

export interface ParseResult {
  format: CatalogueFormat;
  /** Valid programmes, in file order. */
  programmes: Programme[];
  errors: CatalogueError[];
  /** Records read (CSV rows / array items). */
  records: number;
  /** Records rejected (each may have several errors). */
  invalid: number;
}

const schemas = new WeakMap<RegionLookup, ProgrammeSchema>();
export function programmeSchemaFor(regions: RegionLookup): ProgrammeSchema {
  let schema = schemas.get(regions);
  if (!schema) {
    schema = createProgrammeSchema(regions);
    schemas.set(regions, schema);
  }
  return schema;
}

/** Missing, `null` and blank values are the same thing: absent. */
export function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneEmpty);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
    out[key] = pruneEmpty(v);
  }
  return out;
}

interface RawRecord {
  value: unknown;
  position: CataloguePosition;
  /** Errors found while reading the record (bad JSON cell); the record is invalid. */
  errors: CatalogueError[];
  /** The cells are not where the header says (a row wider than it): field checks would only mislead. */
  unreadable?: boolean;
}

function validateRecords(
  raws: RawRecord[],
  format: CatalogueFormat,
  regions: RegionLookup,
  ctx: ErrorContext,
  fileErrors: CatalogueError[],
): ParseResult {
  const schema = programmeSchemaFor(regions);
  const fieldOf = format === 'csv' ? csvFieldOf : jsonPath;
  const programmes: Programme[] = [];
  const errors: CatalogueError[] = [...fileErrors];
  const seen = new Map<string, CataloguePosition>();
  let invalid = 0;

  for (const raw of raws) {
    const rawSlug = (raw.value as { slug?: unknown } | null)?.slug;
    const slug = typeof rawSlug === 'string' && rawSlug.trim() ? rawSlug.trim() : undefined;
    const rowErrors = [...raw.errors];
    if (raw.unreadable) {
      // One error that says what is wrong with the row, not a list of fields it shifted.
    } else if (typeof raw.value !== 'object' || raw.value === null || Array.isArray(raw.value)) {
      rowErrors.push(makeError(ctx, raw.position, null, 'not_object', ctx.t('error.not_object')));
    } else {
      const result = schema.safeParse(pruneEmpty(raw.value), { reportInput: true });
      if (result.success) {
        const first = seen.get(result.data.slug);
        if (first) {
          const other = lowerFirst(positionLabel(ctx.t, first));
          const detail = ctx.t('error.duplicate_slug', { value: result.data.slug, other });
          rowErrors.push(makeError(ctx, raw.position, 'slug', 'duplicate_slug', detail, slug));
        } else if (rowErrors.length === 0) {
          seen.set(result.data.slug, raw.position);
          programmes.push(result.data);
        }
      } else {
        for (const issue of result.error.issues) {
          for (const report of describeIssue(ctx, issue)) {
            const field = report.path.length ? fieldOf(report.path) : null;
            rowErrors.push(makeError(ctx, raw.position, field, report.code, report.detail, slug));
          }
        }
      }
    }
    if (rowErrors.length) {
      invalid++;
      errors.push(...rowErrors);
    }
  }
  return { format, programmes, errors, records: raws.length, invalid };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** JSON text, or an already-parsed value (an array, or `{ programmes: [...] }`). */
export async function parseCatalogueJson(input: unknown, options: ParseOptions = {}): Promise<ParseResult> {
  const regions = options.regions ?? (await loadRegions());
  const ctx = errorContext(options.locale, regions);
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const where = /line (\d+) column (\d+)/.exec(message);
      const reason = message
        .replace(/\s*in JSON at position.*$/, '')
        .replace(/\s*\(line \d+ column \d+\)/, '');
      const detail = ctx.t('error.json_syntax', { reason });
      const fail = makeError(ctx, { line: Number(where?.[1] ?? 1) }, null, 'json_syntax', detail);
      return { format: 'json', programmes: [], errors: [fail], records: 0, invalid: 0 };
    }
  }
  const list = Array.isArray(value)
    ? value
    : value && typeof value === 'object' && Array.isArray((value as { programmes?: unknown }).programmes)
      ? (value as { programmes: unknown[] }).programmes
      : undefined;
  if (!list) {
    const fail = makeError(ctx, { line: 1 }, null, 'json_shape', ctx.t('error.json_shape'));
    return { format: 'json', programmes: [], errors: [fail], records: 0, invalid: 0 };
  }
  const raws = list.map((item, index): RawRecord => ({ value: item, position: { index }, errors: [] }));
  return validateRecords(raws, 'json', regions, ctx, []);
}

/** csv-parse error codes we can explain in the reader's language. */
const CSV_ERROR_REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'csv_quote_not_closed',
  CSV_INVALID_CLOSING_QUOTE: 'csv_invalid_quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'csv_invalid_quote',
};

/** CSV text (UTF-8, `,` `;` or tab separated — guessed from the header line). */
export async function parseCatalogueCsv(text: string, options: ParseOptions = {}): Promise<ParseResult> {
  const regions = options.regions ?? (await loadRegions());
  const ctx = errorContext(options.locale, regions);
  const source = text.replace(/^\uFEFF/, '');
  let rows: CsvRow[];
  try {
    rows = readCsvRows(source);
  } catch (error) {
    const { lines, code } = error as { lines?: number; code?: string };
    const known = code ? CSV_ERROR_REASONS[code] : undefined;
    const reason = known ? ctx.t(`error.${known}`) : error instanceof Error ? error.message : String(error);
    const fail = makeError(
      ctx,
      { line: lines ?? 1 },
      null,
      'csv_syntax',
      ctx.t('error.csv_syntax', { reason }),
    );
    return { format: 'csv', programmes: [], errors: [fail], records: 0, invalid: 0 };
  }
  const header = rows.shift();
  if (!header) {
    const fail = makeError(ctx, { line: 1 }, null, 'csv_empty', ctx.t('error.csv_empty'));
    return { format: 'csv', programmes: [], errors: [fail], records: 0, invalid: 0 };
  }

  const fileErrors: CatalogueError[] = [];
  const headerLine = csvRowStartLine(header);
  const byName = new Map(CSV_COLUMNS.map((c) => [c.name, c]));
  const used = new Set<string>();
  const columns = header.record.map((name) => {
    const normalised = normaliseHeader(name);
    if (!normalised) return undefined;
    const known = byName.get(normalised);
    if (!known) {
      const hint = suggest(normalised, CSV_COLUMN_NAMES);
      const detail = ctx.t('error.csv_unknown_column', {
        suggestion: hint ? ctx.t('error.did_you_mean', { value: hint }) : '',
      });
      fileErrors.push(makeError(ctx, { line: headerLine }, name.trim(), 'csv_unknown_column', detail));
      return undefined;
    }
    if (used.has(normalised)) {
      fileErrors.push(
        makeError(
          ctx,
          { line: headerLine },
          name.trim(),
          'csv_duplicate_column',
          ctx.t('error.csv_duplicate_column'),
        ),
      );
      return undefined;
    }
    used.add(normalised);
    return known;
  });

  const width = header.record.length;
  const raws = rows.map((row): RawRecord => {
    const position = { line: csvRowStartLine(row) };
    const value: Record<string, unknown> = {};
    const errors: CatalogueError[] = [];
    // Wider than the header, with something in the extra cells: a separator inside an unquoted cell
    // moved every later value one column on (a row may be narrower: spreadsheets drop empty tails).
    if (row.record.length > width && row.record.slice(width).some((cell) => cell.trim() !== '')) {
      const slugAt = columns.findIndex((c) => c?.name === 'slug');
      const slug = slugAt >= 0 ? row.record[slugAt]?.trim() || undefined : undefined;
      const detail = ctx.t('error.csv_column_count', { count: row.record.length, header: width });
      errors.push(makeError(ctx, position, null, 'csv_column_count', detail, slug));
      return { value, position, errors, unreadable: true };
    }
    row.record.forEach((cell, i) => {
      const column = columns[i];
      if (!column || cell.trim() === '') return;
      let converted: unknown;
      try {
        converted = convertCell(column.type, cell);
      } catch (error) {
        const reason =
          error instanceof Error ? error.message.replace(/\s*\(line \d+ column \d+\)/, '') : String(error);
        errors.push(makeError(ctx, position, column.name, 'csv_json', ctx.t('error.csv_json', { reason })));
        return;
      }
      setPath(value, column.path, converted);
    });
    const slug = typeof value.slug === 'string' ? value.slug : undefined;
    if (slug) for (const e of errors) e.slug = slug;
    return { value, position, errors };
  });
  return validateRecords(raws, 'csv', regions, ctx, fileErrors);
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      node[key] = created;
      node = created;
    }
  }
  node[path[path.length - 1]!] = value;
}

export function detectFormat(text: string): CatalogueFormat {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '[' || first === '{' ? 'json' : 'csv';
}

/** A file's text (format guessed unless given) or an already-parsed JSON value. */
export async function parseCatalogue(input: unknown, options: ParseOptions = {}): Promise<ParseResult> {
  if (typeof input !== 'string') return parseCatalogueJson(input, options);
  const format = !options.format || options.format === 'auto' ? detectFormat(input) : options.format;
  return format === 'json' ? parseCatalogueJson(input, options) : parseCatalogueCsv(input, options);
}
