/**
 * Knowledge-base entries as the conversation uses them: Jembatan's own (shipped in seed.json, global,
 * reviewed with the code) and each organisation's (in the database, for its programmes and its desk).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { knowledgeEntries, organisations } from '../db/schema';
import type { Locale } from '../i18n';
import { type EntryInput, validateEntries } from './format';
import { buildIndex, type KnowledgeIndex, type MatchOptions, matchQuestion } from './match';
import seed from './seed.json';

export interface Entry extends EntryInput {
  /** `seed:<key>` for Jembatan's entries, the row id for an organisation's. */
  ref: string;
  key: string;
  /** null: a global entry. */
  organisationId: string | null;
}

export type EntryRow = typeof knowledgeEntries.$inferSelect;

function fromSeed(): Entry[] {
  const parsed = validateEntries(seed as unknown[]);
  // A broken seed is a bug in the code, caught by its unit test; here the valid ones still work.
  return parsed.entries.map((e) => ({ ...e, key: e.key ?? '', ref: `seed:${e.key}`, organisationId: null }));
}

let globals: Entry[] | undefined;
let globalIndex: KnowledgeIndex | undefined;

export function globalEntries(): Entry[] {
  globals ??= fromSeed();
  return globals;
}

export function rowToEntry(row: EntryRow): Entry {
  return {
    ref: row.id,
    key: row.key,
    organisationId: row.organisationId,
    topic: row.topic as Entry['topic'],
    question: { id: row.questionId, en: row.questionEn ?? undefined },
    answer: { id: row.answerId, en: row.answerEn ?? undefined },
    keywords: row.keywords
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    source: { label: row.sourceLabel, url: row.sourceUrl ?? undefined },
    checked_on: row.checkedOn,
    search: undefined,
    related: undefined,
  };
}

export const matchable = (e: Entry, priority = 0) => ({
  ref: e.ref,
  questions: [e.question.id, ...(e.question.en ? [e.question.en] : [])],
  // An entry's own question is always one of the ways to ask it.
  keywords: [...e.keywords, e.question.id, ...(e.question.en ? [e.question.en] : [])],
  answers: [e.answer.id, ...(e.answer.en ? [e.answer.en] : [])],
  priority,
});

/** The entries of the organisations whose desks are in context (their slugs). */
export async function organisationEntries(db: Queryable, slugs: readonly string[]): Promise<Entry[]> {
  if (!slugs.length) return [];
  const rows = await db
    .select({ entry: knowledgeEntries })
    .from(knowledgeEntries)
    .innerJoin(organisations, eq(organisations.id, knowledgeEntries.organisationId))
    .where(inArray(organisations.slug, [...slugs]));
  return rows.map((r) => rowToEntry(r.entry));
}

export interface Found {
  entry: Entry;
  score: number;
  /** A second entry that also fits well, offered under the answer. */
  related?: Entry;
}

/** Below this, a match is a coincidence of words (measured on tests/knowledge/paraphrases*.json). */
export const MATCH_THRESHOLD = 2;

/**
 * The entry that answers the question, from Jembatan's entries and those of the organisations in
 * context (an organisation's own entry wins a tie).
 */
export async function findAnswer(
  db: Queryable,
  text: string,
  organisationSlugs: readonly string[],
  options: MatchOptions = {},
): Promise<Found | undefined> {
  const own = await organisationEntries(db, organisationSlugs);
  globalIndex ??= buildIndex(globalEntries().map((e) => matchable(e)));
  const all = new Map<string, Entry>();
  for (const e of [...globalEntries(), ...own]) all.set(e.ref, e);
  // The organisations' entries are few: their own index, with the same weights, merged by score.
  const matches = [
    ...matchQuestion(globalIndex, text, options),
    ...(own.length ? matchQuestion(buildIndex(own.map((e) => matchable(e, 1))), text, options) : []),
  ].sort((a, b) => b.score - a.score);
  const best = matches[0];
  if (!best || best.score < MATCH_THRESHOLD) return undefined;
  const entry = all.get(best.ref)!;
  const second = matches.find(
    (m) => m.ref !== best.ref && m.score >= MATCH_THRESHOLD && m.score >= best.score * 0.6,
  );
  // A close second match, or else the entry the writer pointed to ("see also").
  const related =
    (second ? all.get(second.ref) : undefined) ??
    (entry.related
      ? [...all.values()].find((e) => e.key === entry.related && e.organisationId === entry.organisationId)
      : undefined);
  return related ? { entry, score: best.score, related } : { entry, score: best.score };
}

/** One entry by its reference, if it is global or belongs to one of these organisations. */
export async function entryByRef(
  db: Queryable,
  ref: string,
  organisationSlugs: readonly string[],
): Promise<Entry | undefined> {
  if (ref.startsWith('seed:')) return globalEntries().find((e) => e.ref === ref);
  if (!/^[0-9a-f-]{36}$/i.test(ref) || !organisationSlugs.length) return undefined;
  const [row] = await db
    .select({ entry: knowledgeEntries })
    .from(knowledgeEntries)
    .innerJoin(organisations, eq(organisations.id, knowledgeEntries.organisationId))
    .where(and(eq(knowledgeEntries.id, ref), inArray(organisations.slug, [...organisationSlugs])));
  return row ? rowToEntry(row.entry) : undefined;
}

/** The entry's text in the person's language (Indonesian when the entry has no English). */
export function localized(e: Entry, locale: Locale): { question: string; answer: string } {
  return {
    question: (locale === 'en' && e.question.en) || e.question.id,
    answer: (locale === 'en' && e.answer.en) || e.answer.id,
  };
}

/**
 * Indonesian regulations cited the way English texts cite them ("UU No. 18 Tahun 2017, Pasal 13" →
 * "Law No. 18 of 2017, Article 13"); the Indonesian titles after "tentang" are left out, since the
 * number identifies the regulation and an English reply should not switch language mid-line.
 */
const CITATION_EN: ReadonlyArray<[RegExp, string]> = [
  [/\s+tentang [^;(]*/g, ''],
  [/\s*\((?:hak|tarif) [^)]*\)/g, ''],
  [/\bUU\b/g, 'Law'],
  [/\bTahun (\d{4})/g, 'of $1'],
  [/\bPasal (\d+\w*)/g, 'Article $1'],
  [/\bdaftar sending organization yang diakui\b/g, 'list of recognised sending organisations'],
  [/\bimbauan\b/g, 'advisory of'],
  [/\b[Ll]ayanan pengaduan\b/g, 'complaints service'],
  [/\bPengumuman Ujian\b/g, 'announcement of the'],
  [/\bprogram G to G\b/g, 'G-to-G programme'],
  [/\bPemerintah Jepang\b/g, 'Government of Japan'],
  [/\bJepang\b/g, 'Japan'],
  [/\bKementerian Hukum\b/g, 'Ministry of Law'],
  [/\bKementerian Luar Negeri\b/g, 'Ministry of Foreign Affairs'],
  [/\blayanan apostille\b/g, 'apostille service'],
  [/\(pelatihan vokasi\)/g, '(vocational training)'],
  [/— data program\b/g, '— programme data'],
];

/** Where an answer comes from, in the person's language. */
export function sourceLabel(e: Entry, locale: Locale): string {
  if (locale !== 'en') return e.source.label;
  return CITATION_EN.reduce((label, [pattern, to]) => label.replace(pattern, to), e.source.label).trim();
}
