/**
 * Finding programmes: filters, free text (pg_trgm), ranking, paging, and — when nothing matches —
 * which single filter to loosen. Plain SQL through drizzle; the same on PGlite and Postgres.
 *
 * Ranking: registration open now first (then opening later, then closed when asked for), then
 * relevance (free-text word matches plus a bonus for being in the very place asked for, over online
 * programmes that match everywhere), then the closing date, soonest first.
 */

import { and, asc, desc, eq, gt, inArray, isNotNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { TFunction } from 'i18next';
import type { Queryable } from '../db/client';
import { catalogueWords, programmes } from '../db/schema/catalogue';
import { daysBetween, toIsoDate } from './dates';
import { provinceOf, type RegionLookup } from './regions';
import type { Programme } from './schema';
import { normaliseText } from './search-text';
import type { Field, ProgrammeKind } from './vocabulary';

export interface ProgrammeQuery {
  kinds?: ProgrammeKind[];
  fields?: Field[];
  /** Kemendagri province code (`35`): programmes anywhere in the province, and online ones. */
  province?: string;
  /** Regency/city code (`35.78`): programmes in that regency, and online ones. Wins over `province`. */
  regency?: string;
  /** ISO alpha-2 destination (`JP`). */
  country?: string;
  /** No fee. */
  free?: boolean;
  /** Pays a stipend (uang saku). */
  stipend?: boolean;
  womenOnly?: boolean;
  disabilityFriendly?: boolean;
  /** Fully online (daring). */
  online?: boolean;
  /** Free text: every content word must match a word of the programme (prefix, or fuzzy for typos). */
  text?: string;
  /** Also programmes whose registration has closed. */
  includeClosed?: boolean;
}

export interface SearchOptions {
  /** 1-based. */
  page?: number;
  pageSize?: number;
  /** The date registration is judged on; today in Jakarta by default. */
  today?: string | Date;
}

export type RegistrationState = 'open' | 'upcoming' | 'closed';

export interface LocalizedText {
  id: string;
  en?: string;
}

/** What a result list shows; the full record comes from getProgramme. */
export interface ProgrammeSummary {
  id: string;
  slug: string;
  kind: ProgrammeKind;
  field: Field;
  title: LocalizedText;
  provider: { name: string; type: string };
  province: string | null;
  regency: string | null;
  country: string | null;
  mode: Programme['location']['mode'];
  registrationOpens: string | null;
  registrationCloses: string | null;
  starts: string | null;
  seatsTotal: number | null;
  seatsWomen: number | null;
  feeIdr: number;
  stipendIdr: number;
  stipendPeriod: string | null;
  disabilityFriendly: boolean;
  womenOnly: boolean;
  verifiedAt: string;
  state: RegistrationState;
  /** Days until registration closes (0 = closes today); null without a closing date. */
  daysLeft: number | null;
  /** Open and closing within 7 days. */
  closingSoon: boolean;
  relevance: number;
}

export interface SearchResult {
  total: number;
  items: ProgrammeSummary[];
  page: number;
  pages: number;
  pageSize: number;
}

export const CLOSING_SOON_DAYS = 7;
const MAX_WORDS = 8;

/** Chat filler that says nothing about a programme ("saya mau cari info yang di …"). */
const STOPWORDS = new Set(
  (
    'yang yg di ke dari dan atau untuk utk buat bagi dengan dgn dong deh sih kak kakak min admin mas mbak bang ' +
    'saya aku gue gw ane kami kita mau ingin pengen pingin cari mencari nyari info informasi tentang ttg ada adakah ' +
    'apa apakah ini itu bisa gimana bagaimana tolong mohon halo hai hi hello please the a an in for of to and or ' +
    'program programnya yg bisa nya lagi dong ya ga gak nggak enggak tidak tak belum'
  ).split(' '),
);

/** The content words of a free-text query, normalised like search_text. */
export function queryWords(text: string | undefined): string[] {
  if (!text) return [];
  const words = normaliseText(text)
    .split(' ')
    .filter((w) => w.length >= 2 && !STOPWORDS.has(w));
  return [...new Set(words)].slice(0, MAX_WORDS);
}

function stateSql(today: string): SQL<RegistrationState> {
  const p = programmes;
  return sql<RegistrationState>`case
    when ${p.status} = 'closed' or ${p.registrationCloses} < ${today}::date then 'closed'
    when ${p.registrationOpens} > ${today}::date then 'upcoming'
    else 'open' end`;
}

function stateRankSql(today: string): SQL<number> {
  const p = programmes;
  return sql<number>`(case
    when ${p.status} = 'closed' or ${p.registrationCloses} < ${today}::date then 2
    when ${p.registrationOpens} > ${today}::date then 1
    else 0 end)`;
}

/** A query word, and — only after it matched nothing — the catalogue words it may be a misspelling of. */
interface TextTerm {
  word: string;
  similar: string[];
}

const SIMILARITY = 0.6;
const MAX_SIMILAR = 20;
/** Shorter words must start a word (`las` ↛ `kelas`); longer ones may sit inside one (`jahit` → `menjahit`). */
const INFIX_MIN_LENGTH = 4;

function plainTerms(text: string | undefined): TextTerm[] {
  return queryWords(text).map((word) => ({ word, similar: [] }));
}

/**
 * The typo fallback, used only when a search found nothing: each query word found in no catalogue word
 * is widened to the dictionary words it resembles (pg_trgm word similarity ≥ 0.6: "komputr" →
 * "komputer", "pertanain" → "pertanian"; never "las" → "kelas"). Null when nothing could be widened.
 */
async function typoTerms(db: Queryable, terms: TextTerm[]): Promise<TextTerm[] | null> {
  const w = catalogueWords.word;
  let changed = false;
  const widened = await Promise.all(
    terms.map(async (term) => {
      if (term.word.length < 3 || /\d/.test(term.word)) return term;
      const pattern = term.word.length >= INFIX_MIN_LENGTH ? `%${term.word}%` : `${term.word}%`;
      const known = await db
        .select({ word: w })
        .from(catalogueWords)
        .where(sql`${w} like ${pattern}`)
        .limit(1);
      if (known.length > 0) return term;
      const rows = await db
        .select({ word: w })
        .from(catalogueWords)
        .where(and(sql`${term.word} <% ${w}`, sql`word_similarity(${term.word}, ${w}) >= ${SIMILARITY}`))
        .orderBy(sql`word_similarity(${term.word}, ${w}) desc`, asc(w))
        .limit(MAX_SIMILAR);
      if (rows.length === 0) return term;
      changed = true;
      return { word: term.word, similar: rows.map((r) => r.word) };
    }),
  );
  return changed ? widened : null;
}

/** `like '% las%'`: a word of the programme starts with the query word (search_text is space-framed). */
function startsWord(term: TextTerm): SQL {
  return sql`${programmes.searchText} like ${`% ${term.word}%`}`;
}

function insideWord(term: TextTerm): SQL | undefined {
  return term.word.length >= INFIX_MIN_LENGTH
    ? sql`${programmes.searchText} like ${`%${term.word}%`}`
    : undefined;
}

function similarWord(term: TextTerm): SQL | undefined {
  if (term.similar.length === 0) return undefined;
  const patterns = term.similar.map((w) => sql`${`% ${w} %`}`);
  return sql`${programmes.searchText} like any(array[${sql.join(patterns, sql`, `)}]::text[])`;
}

function termMatch(term: TextTerm): SQL {
  const any = [insideWord(term) ?? startsWord(term), similarWord(term)].filter(
    (c): c is SQL => c !== undefined,
  );
  return any.length === 1 ? any[0]! : sql`(${sql.join(any, sql` or `)})`;
}

/** 1 for a word starting with the query word, 0.8 for one containing it, 0.7 for a look-alike. */
function termScore(term: TextTerm): SQL {
  const branches = [sql`when ${startsWord(term)} then 1.0`];
  const inside = insideWord(term);
  if (inside) branches.push(sql`when ${inside} then 0.8`);
  const similar = similarWord(term);
  if (similar) branches.push(sql`when ${similar} then 0.7`);
  return sql`(case ${sql.join(branches, sql` `)} else 0.0 end)`;
}

function conditions(query: ProgrammeQuery, today: string, terms: TextTerm[]): SQL[] {
  const p = programmes;
  const where: SQL[] = [ne(p.status, 'draft')];
  if (!query.includeClosed) {
    where.push(
      eq(p.status, 'open'),
      sql`(${p.registrationCloses} is null or ${p.registrationCloses} >= ${today}::date)`,
    );
  }
  if (query.kinds?.length) where.push(inArray(p.kind, query.kinds));
  if (query.fields?.length) where.push(inArray(p.field, query.fields));
  if (query.regency) where.push(or(eq(p.regency, query.regency), eq(p.mode, 'daring'))!);
  else if (query.province) where.push(or(eq(p.province, query.province), eq(p.mode, 'daring'))!);
  if (query.country) where.push(eq(p.country, query.country.toUpperCase()));
  if (query.free) where.push(eq(p.feeIdr, 0));
  if (query.stipend) where.push(sql`${p.stipendIdr} > 0`);
  if (query.womenOnly) where.push(or(eq(p.womenOnly, true), gt(p.seatsWomen, 0))!);
  if (query.disabilityFriendly) where.push(eq(p.disabilityFriendly, true));
  if (query.online) where.push(eq(p.mode, 'daring'));
  for (const term of terms) where.push(termMatch(term));
  return where;
}

function relevanceSql(query: ProgrammeQuery, terms: TextTerm[]): SQL<number> {
  const p = programmes;
  const parts: SQL[] = terms.map(termScore);
  // Being in the very place asked for beats an online programme that matches every place.
  if (query.regency) parts.push(sql`(case when ${p.regency} = ${query.regency} then 1.0 else 0.0 end)`);
  else if (query.province)
    parts.push(sql`(case when ${p.province} = ${query.province} then 1.0 else 0.0 end)`);
  if (parts.length === 0) return sql<number>`0.0`;
  return sql<number>`(${sql.join(parts, sql` + `)})`;
}

export async function searchProgrammes(
  db: Queryable,
  query: ProgrammeQuery,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const today = toIsoDate(options.today);
  const pageSize = Math.max(1, Math.min(50, Math.floor(options.pageSize ?? 5)));
  const page = Math.max(1, Math.floor(options.page ?? 1));
  let terms = plainTerms(query.text);
  let rows = await pageRows(db, query, terms, today, page, pageSize);
  // Nothing found (not just a page past the end): look for misspelt words.
  if (
    rows.length === 0 &&
    terms.length > 0 &&
    (page === 1 || (await countWith(db, query, terms, today)) === 0)
  ) {
    const widened = await typoTerms(db, terms);
    if (widened) {
      terms = widened;
      rows = await pageRows(db, query, terms, today, page, pageSize);
    }
  }
  // A page past the end returns no rows (and so no window count): count on its own then.
  const total =
    rows.length > 0 ? Number(rows[0]!.total) : page > 1 ? await countWith(db, query, terms, today) : 0;
  const items = rows.map(({ total: _total, ...row }) => {
    const daysLeft = row.registrationCloses ? daysBetween(today, row.registrationCloses) : null;
    return {
      ...row,
      feeIdr: Number(row.feeIdr),
      stipendIdr: Number(row.stipendIdr),
      relevance: Number(row.relevance),
      daysLeft,
      closingSoon: row.state === 'open' && daysLeft !== null && daysLeft <= CLOSING_SOON_DAYS,
    };
  });
  return { total, items, page, pages: Math.ceil(total / pageSize), pageSize };
}

/** One page of hits in rank order, each row carrying the total (window count) and its relevance. */
function pageRows(
  db: Queryable,
  query: ProgrammeQuery,
  terms: TextTerm[],
  today: string,
  page: number,
  pageSize: number,
) {
  const p = programmes;
  const rank = stateRankSql(today);
  const relevance = relevanceSql(query, terms);
  // Rank and count in a CTE over the narrow columns; read the records of the page's rows only.
  const hits = db.$with('hits').as(
    db
      .select({
        id: p.id,
        rank: sql<number>`${rank}`.as('rank'),
        relevance: sql<number>`${relevance}`.as('relevance'),
        // Open/upcoming: closing soonest first; closed: most recently closed first.
        soonest: sql<string | null>`case when ${rank} < 2 then ${p.registrationCloses} end`.as('soonest'),
        latest: sql<string | null>`case when ${rank} = 2 then ${p.registrationCloses} end`.as('latest'),
        slug: p.slug,
        total: sql<number>`count(*) over ()`.as('total'),
      })
      .from(p)
      .where(and(...conditions(query, today, terms)))
      .orderBy(
        sql`rank`,
        sql`relevance desc`,
        sql`soonest asc nulls last`,
        sql`latest desc nulls last`,
        asc(p.slug),
      )
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  );
  return db
    .with(hits)
    .select({
      id: p.id,
      slug: p.slug,
      kind: p.kind,
      field: p.field,
      title: sql<LocalizedText>`${p.record}->'title'`,
      provider: sql<{
        name: string;
        type: string;
      }>`jsonb_build_object('name', ${p.record}->'provider'->'name', 'type', ${p.record}->'provider'->'type')`,
      stipendPeriod: sql<string | null>`${p.record}->'costs'->>'stipend_period'`,
      province: p.province,
      regency: p.regency,
      country: p.country,
      mode: p.mode,
      registrationOpens: p.registrationOpens,
      registrationCloses: p.registrationCloses,
      starts: p.starts,
      seatsTotal: p.seatsTotal,
      seatsWomen: p.seatsWomen,
      feeIdr: p.feeIdr,
      stipendIdr: p.stipendIdr,
      disabilityFriendly: p.disabilityFriendly,
      womenOnly: p.womenOnly,
      verifiedAt: p.verifiedAt,
      state: stateSql(today),
      relevance: hits.relevance,
      total: hits.total,
    })
    .from(hits)
    .innerJoin(p, eq(p.id, hits.id))
    .orderBy(
      hits.rank,
      desc(hits.relevance),
      sql`${hits.soonest} asc nulls last`,
      sql`${hits.latest} desc nulls last`,
      asc(hits.slug),
    );
}

/** How many programmes a query finds (all pages), with the same typo fallback as the search. */
export async function countProgrammes(
  db: Queryable,
  query: ProgrammeQuery,
  options: Pick<SearchOptions, 'today'> = {},
): Promise<number> {
  const today = toIsoDate(options.today);
  const terms = plainTerms(query.text);
  const count = await countWith(db, query, terms, today);
  if (count > 0 || terms.length === 0) return count;
  const widened = await typoTerms(db, terms);
  return widened ? countWith(db, query, widened, today) : 0;
}

async function countWith(
  db: Queryable,
  query: ProgrammeQuery,
  terms: TextTerm[],
  today: string,
): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)` })
    .from(programmes)
    .where(and(...conditions(query, today, terms)));
  return Number(row?.count ?? 0);
}

export type RelaxedFilter = Exclude<keyof ProgrammeQuery, never>;

/** One filter loosened, and how many programmes that finds. */
export interface Relaxation {
  /** The filter loosened: dropped, or for `regency` widened to its province, or `includeClosed` turned on. */
  filter: RelaxedFilter;
  count: number;
  /** The loosened query, ready to search with. */
  query: ProgrammeQuery;
}

export interface EmptyExplanation {
  /** Results of the query as given (explanations are only computed when this is 0). */
  total: number;
  /** Loosenings that find something, most results first. */
  relaxations: Relaxation[];
}

function relaxations(query: ProgrammeQuery): { filter: RelaxedFilter; query: ProgrammeQuery }[] {
  const out: { filter: RelaxedFilter; query: ProgrammeQuery }[] = [];
  const without = (key: keyof ProgrammeQuery): ProgrammeQuery => {
    const copy = { ...query };
    delete copy[key];
    return copy;
  };
  if (query.regency) {
    out.push({ filter: 'regency', query: { ...without('regency'), province: provinceOf(query.regency) } });
    const nationwide = without('regency');
    delete nationwide.province;
    out.push({ filter: 'province', query: nationwide });
  } else if (query.province) {
    out.push({ filter: 'province', query: without('province') });
  }
  if (query.kinds?.length) out.push({ filter: 'kinds', query: without('kinds') });
  if (query.fields?.length) out.push({ filter: 'fields', query: without('fields') });
  if (query.country) out.push({ filter: 'country', query: without('country') });
  for (const flag of ['free', 'stipend', 'womenOnly', 'disabilityFriendly', 'online'] as const) {
    if (query[flag]) out.push({ filter: flag, query: without(flag) });
  }
  if (queryWords(query.text).length) out.push({ filter: 'text', query: without('text') });
  if (!query.includeClosed) out.push({ filter: 'includeClosed', query: { ...query, includeClosed: true } });
  return out;
}

/**
 * When a search finds nothing: which single filter, loosened, would find something — as data, so the
 * bot can say "Tidak ada pelatihan las di Kota Surabaya, tapi ada 3 di Jawa Timur".
 */
export async function explainEmpty(
  db: Queryable,
  query: ProgrammeQuery,
  options: Pick<SearchOptions, 'today'> = {},
): Promise<EmptyExplanation> {
  const total = await countProgrammes(db, query, options);
  if (total > 0) return { total, relaxations: [] };
  const found: Relaxation[] = [];
  for (const candidate of relaxations(query)) {
    const count = await countProgrammes(db, candidate.query, options);
    if (count > 0) found.push({ ...candidate, count });
  }
  // Most useful first: the closest place, then the most results.
  found.sort((a, b) => (a.filter === 'regency' ? -1 : b.filter === 'regency' ? 1 : b.count - a.count));
  return { total, relaxations: found };
}

/** One loosening as a sentence ("Tidak ada di Kota Surabaya, tapi ada 3 di Jawa Timur."). */
export function describeRelaxation(
  t: TFunction,
  relaxation: Relaxation,
  original: ProgrammeQuery,
  regions?: RegionLookup,
): string {
  const name = (code: string | undefined) => (code ? (regions?.name(code) ?? code) : '');
  return t(`search.relax.${relaxation.filter}`, {
    count: relaxation.count,
    regency: name(original.regency),
    province: name(original.province ?? (original.regency ? provinceOf(original.regency) : undefined)),
    text: original.text ?? '',
  });
}

export interface ProgrammeDetail {
  id: string;
  programme: Programme;
  state: RegistrationState;
  daysLeft: number | null;
  closingSoon: boolean;
  updatedAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A programme by slug (or by id); drafts only when asked for. */
export async function getProgramme(
  db: Queryable,
  slugOrId: string,
  options: Pick<SearchOptions, 'today'> & { includeDraft?: boolean } = {},
): Promise<ProgrammeDetail | null> {
  const today = toIsoDate(options.today);
  const p = programmes;
  const [row] = await db
    .select({
      id: p.id,
      record: p.record,
      status: p.status,
      state: stateSql(today),
      closes: p.registrationCloses,
      updatedAt: p.updatedAt,
    })
    .from(p)
    .where(UUID.test(slugOrId) ? eq(p.id, slugOrId) : eq(p.slug, slugOrId))
    .limit(1);
  if (!row || (row.status === 'draft' && !options.includeDraft)) return null;
  const daysLeft = row.closes ? daysBetween(today, row.closes) : null;
  return {
    id: row.id,
    programme: row.record,
    state: row.state,
    daysLeft,
    closingSoon: row.state === 'open' && daysLeft !== null && daysLeft <= CLOSING_SOON_DAYS,
    updatedAt: row.updatedAt,
  };
}

/** Number of programmes in the table, drafts included (for "seed if empty"). */
export async function catalogueSize(db: Queryable): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)` })
    .from(programmes)
    .where(isNotNull(programmes.id));
  return Number(row?.count ?? 0);
}
