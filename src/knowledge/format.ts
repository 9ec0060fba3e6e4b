/**
 * The knowledge base's import format, for organisations' own entries and for the seed shipped with the
 * code: JSON (an array, or `{ "entries": [...] }`) or CSV with one row per entry. Nothing here touches the
 * database.
 *
 * JSON: { key?, topic?, question: { id, en? }, answer: { id, en? }, keywords: string[] | "a, b",
 *         source: { label, url? }, checked_on: "YYYY-MM-DD", search? }
 * CSV columns: key, topic, question_id, question_en, answer_id, answer_en, keywords (comma-separated),
 *              source_label, source_url, checked_on, search, related
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';

export const TOPICS = [
  'fraud',
  'magang',
  'routes',
  'documents',
  'costs',
  'bpjs',
  'process',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const QUESTION_MAX = 200;
export const ANSWER_MAX = 1500;
export const KEYWORDS_MAX = 1500;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
  );

const keywordList = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (typeof v === 'string' ? v.split(',') : v).map((k) => k.trim()).filter(Boolean))
  .refine((v) => v.join(', ').length <= KEYWORDS_MAX);

export const entryInputSchema = z.object({
  key: z.string().trim().regex(KEY_PATTERN).optional(),
  topic: z.enum(TOPICS).default('other'),
  question: z.object({ id: text(QUESTION_MAX), en: optionalText(QUESTION_MAX) }),
  answer: z.object({ id: text(ANSWER_MAX), en: optionalText(ANSWER_MAX) }),
  keywords: keywordList.default([]),
  source: z.object({
    label: text(300),
    url: z
      .string()
      .trim()
      .url()
      .max(500)
      .optional()
      .or(z.literal('').transform(() => undefined)),
  }),
  checked_on: isoDate,
  /** Words that find programmes about this ("magang jepang"), offered under the answer. */
  search: optionalText(100),
  /** The key of an entry to offer under this one ("see also"). */
  related: z.string().trim().regex(KEY_PATTERN).optional(),
});

export type EntryInput = z.output<typeof entryInputSchema>;

export interface ImportProblem {
  /** 1-based record number (CSV: data row; JSON: array item). */
  record: number;
  /** The field, as written in the file ("answer_id", "checked_on"). */
  field: string;
}

export interface ImportParse {
  entries: EntryInput[];
  problems: ImportProblem[];
  records: number;
}

export const CSV_HEADERS = [
  'key',
  'topic',
  'question_id',
  'question_en',
  'answer_id',
  'answer_en',
  'keywords',
  'source_label',
  'source_url',
  'checked_on',
  'search',
  'related',
] as const;

/** A CSV row (header names as above) → the JSON shape. */
function fromRow(row: Record<string, string>): unknown {
  const v = (k: string) => (row[k] ?? '').trim();
  return {
    ...(v('key') ? { key: v('key') } : {}),
    ...(v('topic') ? { topic: v('topic') } : {}),
    question: { id: v('question_id'), en: v('question_en') },
    answer: { id: v('answer_id'), en: v('answer_en') },
    keywords: v('keywords'),
    source: { label: v('source_label'), url: v('source_url') },
    checked_on: v('checked_on'),
    ...(v('search') ? { search: v('search') } : {}),
    ...(v('related') ? { related: v('related') } : {}),
  };
}

/** The JSON path of an issue, as the CSV column a person would fix. */
function fieldOf(path: PropertyKey[]): string {
  const [head, sub] = path.map(String);
  if (head === 'question' || head === 'answer' || head === 'source') {
    if (head === 'source') return sub === 'url' ? 'source_url' : 'source_label';
    return `${head}_${sub ?? 'id'}`;
  }
  return head ?? 'entry';
}

export function validateEntries(items: unknown[]): ImportParse {
  const entries: EntryInput[] = [];
  const problems: ImportProblem[] = [];
  items.forEach((item, i) => {
    const result = entryInputSchema.safeParse(item);
    if (result.success) entries.push(result.data);
    else {
      const fields = new Set(result.error.issues.map((issue) => fieldOf(issue.path)));
      for (const field of fields) problems.push({ record: i + 1, field });
    }
  });
  return { entries, problems, records: items.length };
}

/** Reads JSON or CSV (guessed from the first character) into entries and per-record problems. */
export function parseImport(textContent: string): ImportParse | { unreadable: true } {
  const body = textContent.replace(/^\uFEFF/, '').trim();
  if (body.startsWith('[') || body.startsWith('{')) {
    try {
      const json = JSON.parse(body) as unknown;
      const items = Array.isArray(json) ? json : (json as { entries?: unknown }).entries;
      if (!Array.isArray(items)) return { unreadable: true };
      return validateEntries(items);
    } catch {
      return { unreadable: true };
    }
  }
  try {
    const rows = parseCsv(body, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count: true,
    }) as Record<string, string>[];
    return validateEntries(rows.map(fromRow));
  } catch {
    return { unreadable: true };
  }
}
