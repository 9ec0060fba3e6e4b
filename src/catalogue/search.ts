/**
 * Finding programmes: filters, free text (pg_trgm), ranking, paging, and — when nothing matches —
 * which single filter to loosen. Plain SQL through drizzle; the same on PGlite and Postgres.
 *
 * What the person's words were understood as filters (kind, field, place, country, conditions, what
 * they said about themselves); everything else only ranks. Topics ("kopi", "benerin hp") and leftover
 * words count once each when a programme's title or summary says them (by word start, or a catalogue
 * word that looks like a misspelling of them); the first pages show the programmes that say the most
 * of them — the others stay one tap away (`everything`) — and a word that no programme says changes
 * nothing. Within that: registration open now first (then opening later, then closed when asked for),
 * what the title says, being in the very place asked for (over online programmes that match every
 * place), then the closing date, soonest first.
 */

import { and, asc, eq, gt, inArray, isNotNull, ne, not, or, type SQL, sql } from 'drizzle-orm';
import type { TFunction } from 'i18next';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import { catalogueWords, programmes } from '../db/schema/catalogue';
import { COUNTRY_NAMES } from '../nlu/lexicons';
import { HEIGHT_QUESTION_PATTERN } from '../shared/profile';
import type { Programme } from '../shared/programme';
import { provinceOf, type RegionLookup } from '../shared/programme-regions';
import { normaliseText } from '../shared/text/normalise';
import { EDUCATION_LEVELS, type Field, type ProgrammeKind } from '../shared/vocabulary';
import { daysBetween, toIsoDate } from './dates';
import { failedTraitPath, questionsMatching } from './traits';

export type { PersonFacts, ProgrammeExclusions, ProgrammeQuery } from '../shared/programme-query';

import type { PersonFacts, ProgrammeQuery } from '../shared/programme-query';

export interface SearchOptions {
  /** 1-based. */
  page?: number;
  pageSize?: number;
  /** The date registration is judged on; today in Jakarta by default. */
  today?: string | Date;
  /** Every word of `text` must match (stored alerts: "kabari kalau ada pelatihan drone"). */
  textMustMatch?: boolean;
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

/** Why a programme the filters allow is not listed for this person. */
export type HiddenReason =
  | 'gender'
  | 'age'
  | 'education'
  | 'domicile'
  | 'status'
  | 'graduated'
  | 'height'
  | 'tattoo'
  /** A programme's own question the person fails by what they said ("gk punya sim"): `trait.sim`. */
  | `trait.${string}`;

export interface SearchResult {
  total: number;
  items: ProgrammeSummary[];
  page: number;
  pages: number;
  pageSize: number;
  /** Programmes the filters allow beyond those listed (they say fewer of the topics and words). */
  others: number;
  /** Programmes the filters allow that this person cannot join (page 1 only), and why. */
  hidden?: { count: number; reasons: HiddenReason[] };
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

/** A query word, and — when no catalogue word starts with it — the catalogue words it may be a misspelling of. */
interface TextTerm {
  word: string;
  similar: string[];
}

const SIMILARITY = 0.6;
const MAX_SIMILAR = 20;
/** Shorter words must start a word (`las` ↛ `kelas`); longer ones may sit inside one (`jahit` → `menjahit`). */
const INFIX_MIN_LENGTH = 5;
/**
 * Words this short must be a whole word: as a prefix they start too many others ("bis" → bisa, bisnis;
 * "sim" → simulasi; "tas" → Tasikmalaya), and a typo of three letters cannot be told from another word.
 */
const WHOLE_MAX_LENGTH = 3;

function plainTerms(text: string | undefined): TextTerm[] {
  return queryWords(text).map((word) => ({ word, similar: [] }));
}

/**
 * Typo tolerance: each query word no catalogue word starts with (or contains, from 5 letters) is widened
 * to the dictionary words it resembles (pg_trgm word similarity ≥ 0.6: "komputr" → "komputer",
 * "pertanain" → "pertanian"; never "las" → "kelas").
 */
async function typoTerms(db: Queryable, terms: TextTerm[]): Promise<TextTerm[]> {
  const w = catalogueWords.word;
  const checked = terms.filter((term) => term.word.length > WHOLE_MAX_LENGTH && !/\d/.test(term.word));
  if (!checked.length) return terms;
  // Which words some catalogue word starts with (or contains): one query for all of them, since each
  // round trip to the database costs more than the lookups.
  const patterns = checked.map((term) =>
    term.word.length >= INFIX_MIN_LENGTH ? `%${term.word}%` : `${term.word}%`,
  );
  const list = sql.join(
    patterns.map((x) => sql`${x}`),
    sql`, `,
  );
  const found = await db.execute(
    sql`select p.pattern from unnest(array[${list}]::text[]) as p(pattern)
      where exists (select 1 from ${catalogueWords} where ${w} like p.pattern)`,
  );
  const known = new Set(rowsOf<{ pattern: string }>(found).map((r) => r.pattern));
  return Promise.all(
    terms.map(async (term) => {
      const i = checked.indexOf(term);
      if (i < 0 || known.has(patterns[i]!)) return term;
      const similar = await db
        .select({ word: w })
        .from(catalogueWords)
        .where(and(sql`${term.word} <% ${w}`, sql`word_similarity(${term.word}, ${w}) >= ${SIMILARITY}`))
        .orderBy(sql`word_similarity(${term.word}, ${w}) desc`, asc(w))
        .limit(MAX_SIMILAR);
      return similar.length ? { word: term.word, similar: similar.map((r) => r.word) } : term;
    }),
  );
}

type Column = typeof programmes.searchText | typeof programmes.titleText;

/** A word of the column starts with the query word (the column is space-framed). */
function startsWord(column: Column, word: string): SQL {
  return sql`${column} like ${`% ${word}%`}`;
}

function termMatch(column: Column, term: TextTerm): SQL {
  // A long word anywhere in a word covers it starting one: one pattern, which the trigram index serves
  // (with both, Postgres reads every row).
  const any = [
    term.word.length >= INFIX_MIN_LENGTH
      ? sql`${column} like ${`%${term.word}%`}`
      : term.word.length <= WHOLE_MAX_LENGTH
        ? sql`${column} like ${`% ${term.word} %`}`
        : startsWord(column, term.word),
  ];
  if (term.similar.length) {
    const patterns = term.similar.map((w) => sql`${`% ${w} %`}`);
    any.push(sql`${column} like any(array[${sql.join(patterns, sql`, `)}]::text[])`);
  }
  return any.length === 1 ? any[0]! : sql`(${sql.join(any, sql` or `)})`;
}

/** A phrase of a topic: each of its words is a word of the column ("desain grafis"; "perawat" is not "perawatan"). */
function phraseMatch(column: Column, phrase: string): SQL | undefined {
  const words = normaliseText(phrase).split(' ').filter(Boolean);
  if (!words.length) return undefined;
  const all = words.map((w) => sql`${column} like ${`% ${w} %`}`);
  return all.length === 1 ? all[0]! : sql`(${sql.join(all, sql` and `)})`;
}

function anyPhrase(column: Column, phrases: readonly string[]): SQL | undefined {
  const any = phrases.map((phrase) => phraseMatch(column, phrase)).filter((c): c is SQL => c !== undefined);
  if (!any.length) return undefined;
  return any.length === 1 ? any[0]! : sql`(${sql.join(any, sql` or `)})`;
}

/**
 * How much a programme says of what was asked, as one number that orders lexicographically: each topic
 * counts 2 when the title says one of its words and 1 when only the summary does (×50, so topics come
 * first); each leftover word and each subject to rank by counts 1. The programmes with the highest
 * number are listed.
 */
function scoreSql(query: ProgrammeQuery, terms: TextTerm[]): SQL {
  const p = programmes;
  const parts: SQL[] = [];
  for (const group of query.topics ?? []) {
    const inTitle = anyPhrase(p.titleText, group);
    const anywhere = anyPhrase(p.searchText, group);
    if (!inTitle || !anywhere) continue;
    parts.push(sql`(case when ${anywhere} then 100 else 0 end)`);
  }
  for (const group of query.rankBy ?? []) {
    const anywhere = anyPhrase(p.searchText, group);
    if (anywhere) parts.push(sql`(case when ${anywhere} then 1 else 0 end)`);
  }
  if (query.rankFields?.length)
    parts.push(sql`(case when ${inArray(p.field, query.rankFields)} then 1 else 0 end)`);
  for (const term of terms) parts.push(sql`(case when ${termMatch(p.searchText, term)} then 1 else 0 end)`);
  return parts.length ? sql`(${sql.join(parts, sql` + `)})` : sql`0`;
}

/** What the titles say of it: the order within equal scores. */
function titleSql(query: ProgrammeQuery, terms: TextTerm[]): SQL {
  const p = programmes;
  const parts: SQL[] = [];
  // The topic as the person said it, in the title, first.
  for (const [said] of query.topics ?? []) {
    const inTitle = said === undefined ? undefined : phraseMatch(p.titleText, said);
    if (inTitle) parts.push(sql`(case when ${inTitle} then 2 else 0 end)`);
  }
  for (const group of query.topics ?? []) {
    const inTitle = anyPhrase(p.titleText, group);
    if (inTitle) parts.push(sql`(case when ${inTitle} then 1 else 0 end)`);
  }
  for (const term of terms) parts.push(sql`(case when ${termMatch(p.titleText, term)} then 1 else 0 end)`);
  const words = query.fieldWords?.length ? anyPhrase(p.titleText, query.fieldWords) : undefined;
  if (words) parts.push(sql`(case when ${words} then 1 else 0 end)`);
  return parts.length ? sql`(${sql.join(parts, sql` + `)})` : sql`0`;
}

/** Region codes of the place filter: regencies and provinces. */
function placeCodes(query: ProgrammeQuery): { regencies: string[]; provinces: string[] } {
  const codes = query.places?.length
    ? query.places
    : query.regency
      ? [query.regency]
      : query.province
        ? [query.province]
        : [];
  return {
    regencies: codes.filter((c) => c.includes('.')),
    provinces: codes.filter((c) => !c.includes('.')),
  };
}

function inPlaces(codes: { regencies: string[]; provinces: string[] }): SQL | undefined {
  const p = programmes;
  const any: SQL[] = [];
  if (codes.regencies.length) any.push(inArray(p.regency, codes.regencies));
  if (codes.provinces.length) any.push(inArray(p.province, codes.provinces));
  if (!any.length) return undefined;
  return any.length === 1 ? any[0]! : or(...any)!;
}

function educationRank(expression: SQL): SQL {
  return sql`(case ${sql.join(
    EDUCATION_LEVELS.map((level, i) => sql`when ${expression} = ${level} then ${sql.raw(String(i))}`),
    sql` `,
  )} end)`;
}

/** A rule the programme holds as binding (not merely "diutamakan"). */
function binding(rule: string): SQL {
  return sql`not coalesce(${programmes.record}->'eligibility'->'preferred' ? ${rule}, false)`;
}

/** For each thing the person said, the programmes it rules out. */
function hiddenBy(person: PersonFacts | undefined, today: string): Array<[HiddenReason, SQL]> {
  if (!person) return [];
  const out = hiddenRules(person, today);
  // A rule the record does not state is no reason: never let a null hide a programme.
  return out.map(([reason, c]) => [reason, sql`coalesce(${c}, false)`]);
}

function hiddenRules(person: PersonFacts, today: string): Array<[HiddenReason, SQL]> {
  const p = programmes;
  const e = sql`${p.record}->'eligibility'`;
  const out: Array<[HiddenReason, SQL]> = [];
  if (person.gender === 'laki_laki') out.push(['gender', sql`(${p.womenOnly} and ${binding('gender')})`]);
  // Age is counted on a date of the programme, up to a year after today: the youngest and oldest the
  // person can be then.
  const year = Number(today.slice(0, 4));
  const ages =
    person.age !== undefined
      ? [person.age, person.age + 1]
      : person.birthYear !== undefined
        ? [year - person.birthYear - 1, year - person.birthYear + 1]
        : undefined;
  if (ages) {
    out.push([
      'age',
      sql`(${binding('age')} and (coalesce((${e}->'age'->>'max')::int, 999) < ${ages[0]} or coalesce((${e}->'age'->>'min')::int, 0) > ${ages[1]}))`,
    ]);
  }
  if (person.education) {
    const mine = EDUCATION_LEVELS.indexOf(person.education);
    out.push([
      'education',
      sql`(${binding('education')} and (coalesce(${educationRank(sql`${e}->'education'->>'min'`)}, 0) > ${mine} or coalesce(${educationRank(sql`${e}->'education'->>'max'`)}, 99) < ${mine}))`,
    ]);
  }
  if (person.domicile) {
    const { province, regency, regencies = [] } = person.domicile;
    const codes = [province, ...(regency ? [regency] : regencies)];
    // Only the province known: a rule naming a regency of that province may still fit, so it does not
    // hide the programme (the card's check asks). "orang semarang" is the city or the regency, both
    // named: a rule for Magelang fits neither.
    const within = regency || regencies.length ? sql`` : sql` or d like ${`${province}.%`}`;
    out.push([
      'domicile',
      sql`(${binding('domicile')} and jsonb_typeof(${e}->'domicile') = 'array' and not exists (
        select 1 from jsonb_array_elements_text(${e}->'domicile') d where d in (${sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )})${within}))`,
    ]);
  }
  if (person.activity) {
    // Someone just graduated is also not working: either of the two lets them in.
    const fits =
      person.activity === 'lulusan_baru' || person.activity === 'tidak_bekerja'
        ? ['lulusan_baru', 'tidak_bekerja']
        : [person.activity];
    out.push([
      'status',
      sql`(${binding('status')} and jsonb_typeof(${e}->'status') = 'array' and not (${e}->'status' ?| array[${sql.join(
        fits.map((f) => sql`${f}`),
        sql`, `,
      )}]::text[]))`,
    ]);
  }
  // "lulus 2021" and a programme for those who finished school within the last two years.
  if (person.graduationYear !== undefined)
    out.push([
      'graduated',
      sql`(${binding('graduated_within_years')} and (${e}->>'graduated_within_years')::int < ${year - person.graduationYear})`,
    ]);
  // The programme's own questions, answered by what was said: found by their wording as the chat finds
  // them (isHeightQuestion), whatever id the organisers gave them ("tinggi_cm", "tinggi").
  if (person.height !== undefined) {
    const height = `$.questions[*] ? (@.ask.id like_regex ${JSON.stringify(HEIGHT_QUESTION_PATTERN)} flag "i" && @.type == "number" && (@.require.min > $h || @.require.max < $h))`;
    out.push([
      'height',
      sql`jsonb_path_exists(${e}, ${height}::jsonpath, jsonb_build_object('h', ${person.height}::int))`,
    ]);
  }
  if (person.tattoo)
    out.push([
      'tattoo',
      sql`jsonb_path_exists(${e}, ${`${questionsMatching('tato|tatt?oo')} ? (@.require == false)`}::jsonpath)`,
    ]);
  // "gk punya sim", "ga bisa berenang", "buta warna": a question the person thereby fails.
  for (const [trait, has] of Object.entries(person.traits ?? {})) {
    const path = failedTraitPath(trait, has);
    if (path) out.push([`trait.${trait}`, sql`jsonb_path_exists(${e}, ${path}::jsonpath)`]);
  }
  return out;
}

/** The filters the person's words set (not the person's own facts). */
function conditions(query: ProgrammeQuery, today: string, onlineAnywhere = true): SQL[] {
  const p = programmes;
  const where: SQL[] = [ne(p.status, 'draft')];
  if (!query.includeClosed) {
    where.push(
      eq(p.status, 'open'),
      sql`(${p.registrationCloses} is null or ${p.registrationCloses} >= ${today}::date)`,
    );
  }
  if (query.kinds?.length) where.push(inArray(p.kind, query.kinds));
  if (query.fields?.length) {
    // What was said, in the title of a programme filed under another field, finds it too: "kopi" a
    // coffee-farming course, "komputer" an office course "Operator Komputer".
    // Not the field's own name: "Welder Konstruksi Baja" is welding, whatever its title says.
    const names = new Set(query.fields.flatMap((f) => f.split('_')));
    const said = [...(query.topics ?? []).flat(), ...(query.fieldWords ?? []).filter((w) => !names.has(w))];
    const widen = said.length ? anyPhrase(p.titleText, said) : undefined;
    where.push(widen ? or(inArray(p.field, query.fields), widen)! : inArray(p.field, query.fields));
  }
  const place = inPlaces(placeCodes(query));
  // First what is held in the place itself (see localFirst). Failing that, online programmes match
  // every place when a subject was asked for ("las di bekasi"); a place alone ("kediri ada apa") asks
  // what is there, online ones run from there included.
  if (place && !onlineAnywhere) where.push(place, ne(p.mode, 'daring'));
  else if (place) where.push(placeAndSubject(query) ? or(place, eq(p.mode, 'daring'))! : place);
  const countries = query.countries?.length ? query.countries : query.country ? [query.country] : [];
  if (countries.length) {
    const going = inArray(
      p.country,
      countries.map((c) => c.toUpperCase()),
    );
    // A course at home for the country ("Kelas Online Persiapan EPS-TOPIK Bahasa Korea"), when wanted.
    const names = query.countryCourses
      ? countries.flatMap((c) => (COUNTRY_NAMES[c.toUpperCase()] ?? []).filter((n) => n.length >= 4))
      : [];
    const named = names.length ? anyPhrase(p.titleText, names) : undefined;
    where.push(named ? or(going, named)! : going);
  }
  // "kelas malam": a programme that says when it is held, and says it fits.
  const held = query.schedule?.length ? anyPhrase(p.searchText, query.schedule.flat()) : undefined;
  if (held) where.push(held);
  if (query.free) where.push(eq(p.feeIdr, 0));
  if (query.stipend) where.push(sql`${p.stipendIdr} > 0`);
  // The record's own list of what it gives; no column of its own (a filter people ask for rarely).
  for (const benefit of query.benefits ?? []) {
    const listed = sql`(${p.record} -> 'benefits') @> ${JSON.stringify([benefit])}::jsonb`;
    // A certification, or a programme that says it ends in a competency test ("uji kompetensi", BNSP),
    // gives its competency certificate whether or not the record lists it.
    const certifies = or(
      eq(p.kind, 'sertifikasi'),
      sql`${p.searchText} like '% kompetensi %'`,
      sql`${p.searchText} like '% bnsp %'`,
    )!;
    where.push(benefit === 'sertifikat_kompetensi' ? or(listed, certifies)! : listed);
  }
  if (query.womenOnly === 'only') where.push(eq(p.womenOnly, true));
  else if (query.womenOnly) where.push(or(eq(p.womenOnly, true), gt(p.seatsWomen, 0))!);
  if (query.disabilityFriendly) where.push(eq(p.disabilityFriendly, true));
  if (query.blended) where.push(eq(p.mode, 'campuran'));
  if (query.online) where.push(query.hybrid ? inArray(p.mode, ['daring', 'campuran']) : eq(p.mode, 'daring'));
  const x = query.exclude;
  if (x?.fields?.length) where.push(not(inArray(p.field, x.fields)));
  if (x?.kinds?.length) where.push(not(inArray(p.kind, x.kinds)));
  if (x?.countries?.length)
    where.push(sql`(${p.country} is null or ${not(inArray(p.country, x.countries))})`);
  const away = x?.places?.length
    ? inPlaces({
        regencies: x.places.filter((c) => c.includes('.')),
        provinces: x.places.filter((c) => !c.includes('.')),
      })
    : undefined;
  if (away) where.push(sql`(${p.mode} = 'daring' or not coalesce(${away}, false))`);
  if (x?.online) where.push(ne(p.mode, 'daring'));
  const ruledOut = x?.words?.length ? anyPhrase(p.titleText, x.words) : undefined;
  if (ruledOut) where.push(not(ruledOut));
  return where;
}

/** A place and what about ("las di bekasi"): online programmes elsewhere count only when nothing there fits. */
function placeAndSubject(query: ProgrammeQuery): boolean {
  return Boolean(
    inPlaces(placeCodes(query)) &&
      (query.fields?.length || query.topics?.length || query.country || query.countries?.length),
  );
}

/**
 * Search what is held in the place itself first: the person did not ask for online programmes, and an
 * online one is not "in" a place because its organiser is.
 */
function localFirst(query: ProgrammeQuery): boolean {
  return Boolean(inPlaces(placeCodes(query)) && !query.online && !query.blended);
}

/** Being in the very place asked for (or near the person's home) beats an online programme that matches every place. */
function placeBonus(query: ProgrammeQuery): SQL {
  const p = programmes;
  const parts: SQL[] = [];
  const codes = placeCodes(query);
  const here = inPlaces(codes);
  if (here)
    parts.push(sql`(case when ${p.mode} <> 'daring' and coalesce(${here}, false) then 1.0 else 0.0 end)`);
  if (query.near?.length) {
    const regencies = query.near.filter((c) => c.includes('.'));
    const provinces = [...new Set(query.near.map(provinceOf))];
    if (regencies.length)
      parts.push(
        sql`(case when ${p.mode} <> 'daring' and ${inArray(p.regency, regencies)} then 0.5 else 0.0 end)`,
      );
    parts.push(
      sql`(case when ${p.mode} <> 'daring' and ${inArray(p.province, provinces)} then 0.25 else 0.0 end)`,
    );
  }
  if (query.preferKinds?.length)
    parts.push(sql`(case when ${inArray(p.kind, query.preferKinds)} then 0.3 else 0.0 end)`);
  return parts.length ? sql`(${sql.join(parts, sql` + `)})` : sql`0.0`;
}

/** What the programme is about was said (a field, a topic's field, a place, a country): leftover words only rank. */
function subjectSaid(query: ProgrammeQuery): boolean {
  return Boolean(
    // A condition is what was asked ("kelas online apa aja", "magang yg ramah disabilitas"): the words
    // around it ("honestly", "kaki polio") only rank.
    query.free ||
      query.stipend ||
      query.womenOnly ||
      query.disabilityFriendly ||
      query.online ||
      query.blended ||
      query.benefits?.length ||
      query.fields?.length ||
      query.fieldWords?.length ||
      query.country ||
      query.countries?.length ||
      query.places?.length ||
      query.regency ||
      query.province ||
      query.rankBy?.length ||
      query.rankFields?.length ||
      query.schedule?.length ||
      query.near?.length,
  );
}

interface Plan {
  where: SQL[];
  /** How much a programme says of what was asked (see scoreSql). */
  score: SQL;
  /** The title's share of it, then the place. */
  relevance: SQL;
  /** Rows the person cannot join (a column, not a filter: they still set the bar for the others). */
  hidden: SQL;
  hiddenReasons: Array<[HiddenReason, SQL]>;
  hasTopics: boolean;
  hasSignals: boolean;
  /** Nothing but words was asked: when no programme says any of them, nothing is found. */
  wordsOnly: boolean;
}

const NOT_FILTERS = new Set([
  'text',
  'topics',
  'fieldWords',
  'rankBy',
  'rankFields',
  'everything',
  'includeClosed',
  'person',
  'near',
  'preferKinds',
  'countryCourses',
  'sortByStipend',
  'hybrid',
]);

function plan(
  query: ProgrammeQuery,
  terms: TextTerm[],
  today: string,
  textMustMatch: boolean,
  onlineAnywhere = true,
): Plan {
  const p = programmes;
  const where = conditions(query, today, onlineAnywhere);
  if (textMustMatch) for (const term of terms) where.push(termMatch(p.searchText, term));
  const hiddenReasons = hiddenBy(query.person, today);
  const hidden = hiddenReasons.length ? or(...hiddenReasons.map(([, c]) => c))! : sql`false`;
  // A programme only some people may join (by domicile) comes after one open to anyone, when the
  // person's own domicile is not known.
  const restricted =
    query.person?.domicile || query.near?.length
      ? sql`0`
      : sql`(case when ${p.domicileRestricted} then 0.5 else 0 end)`;
  const filters = Object.entries(query).some(([k, v]) => !NOT_FILTERS.has(k) && v !== undefined);
  const hasTopicsEarly = Boolean(query.topics?.some((t) => t.length > 0));

  const hasTopics = Boolean(query.topics?.some((t) => t.length > 0));
  const ranks = Boolean(query.rankBy?.length || query.rankFields?.length);
  const wordsOnly = (!filters || !subjectSaid(query)) && !hasTopicsEarly && terms.length > 0;
  // Only words: a programme must say one of them — as a filter too, so the trigram index finds them.
  if (wordsOnly) where.push(or(...terms.map((t) => termMatch(p.searchText, t)))!);
  return {
    where,
    score: scoreSql(query, terms),
    relevance: sql`(${titleSql(query, terms)} * 0.1 + ${placeBonus(query)} - ${restricted})`,
    hidden,
    hiddenReasons,
    hasTopics,
    hasSignals: hasTopics || ranks || terms.length > 0,
    // Nothing said of what the programme is about, only words: a programme must say one of them.
    wordsOnly,
  };
}

export async function searchProgrammes(
  db: Queryable,
  query: ProgrammeQuery,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const today = toIsoDate(options.today);
  const pageSize = Math.max(1, Math.min(50, Math.floor(options.pageSize ?? 5)));
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const terms = await typoTerms(db, plainTerms(query.text));
  const mustMatch = options.textMustMatch ?? false;
  // In the place asked for first; online programmes from elsewhere only when nothing there fits.
  const local = localFirst(query);
  let q = plan(query, terms, today, mustMatch, !local);
  let rows = await pageRows(db, query, q, today, page, pageSize);
  if (local) {
    const here = rows[0]
      ? Number(rows[0].total)
      : page === 1
        ? 0
        : (await countPlan(db, query, q, today)).total;
    if (here === 0) {
      q = plan(query, terms, today, mustMatch);
      rows = await pageRows(db, query, q, today, page, pageSize);
    }
  }
  const first = rows[0];
  const counted = first
    ? { total: Number(first.total), all: q.hasSignals ? Number(first.all) : Number(first.total) }
    : await countPlan(db, query, q, today);
  const items = rows.map(({ total: _total, all: _all, ...row }) => {
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
  const result: SearchResult = {
    total: counted.total,
    items,
    page,
    pages: Math.ceil(counted.total / pageSize),
    pageSize,
    others: counted.all - counted.total,
  };
  if (page === 1 && q.hiddenReasons.length) {
    const hidden = await hiddenCounts(db, query, q, today);
    if (hidden.count > 0) result.hidden = hidden;
  }
  return result;
}

/** The rows the filters allow, each with its score; the best score over all of them; whether the person can join. */
function scored(db: Queryable, query: ProgrammeQuery, q: Plan, today: string) {
  const p = programmes;
  const rank = stateRankSql(today);
  return db.$with('matching').as(
    db
      .select({
        id: p.id,
        slug: p.slug,
        rank: sql<number>`${rank}`.as('rank'),
        score: sql<number>`${q.score}`.as('score'),
        relevance: sql<number>`${q.relevance}`.as('relevance'),
        stipend: sql<number>`${query.sortByStipend ? p.stipendIdr : sql`0`}`.as('stipend'),
        soonest: sql<string | null>`case when ${rank} < 2 then ${p.registrationCloses} end`.as('soonest'),
        latest: sql<string | null>`case when ${rank} = 2 then ${p.registrationCloses} end`.as('latest'),
        hidden: sql<boolean>`${q.hidden}`.as('hidden'),
        // Without topics or words every row is in the tier: no pass over all rows for the best score, and
        // "all" is the listed total (a window over thousands of rows is most of a broad search's time).
        best: (q.hasSignals ? sql<number>`max(${q.score}) over ()` : sql<number>`0`).as('best'),
        all: (q.hasSignals
          ? sql<number>`count(*) filter (where not ${q.hidden}) over ()`
          : sql<number>`0`
        ).as('all'),
      })
      .from(p)
      .where(and(...q.where)),
  );
}

/** The programmes that say the most of what was asked (or all, when asked for everything). */
function tier(query: ProgrammeQuery, q: Plan): SQL {
  // Topics are subjects the person named: when no programme says one, none is listed.
  if (q.hasTopics)
    return query.everything ? sql`best >= 50 and score >= 50` : sql`best >= 50 and score = best`;
  if (!q.hasSignals) return sql`true`;
  // Only words were asked: a programme must say at least one of them.
  if (q.wordsOnly) return sql`score > 0 and score = best`;
  if (query.everything) return sql`true`;
  return sql`score = best`;
}

/** The listed rows: the tier, without those the person cannot join. */
function cut(query: ProgrammeQuery, q: Plan): SQL {
  return sql`(${tier(query, q)}) and not hidden`;
}

/** One page of hits in rank order, each row carrying the total (window count) and its relevance. */
function pageRows(
  db: Queryable,
  query: ProgrammeQuery,
  q: Plan,
  today: string,
  page: number,
  pageSize: number,
) {
  const p = programmes;
  const matching = scored(db, query, q, today);
  const m = matching;
  const hits = db.$with('hits').as(
    db
      .select({
        id: m.id,
        rank: m.rank,
        score: m.score,
        relevance: m.relevance,
        stipend: m.stipend,
        soonest: m.soonest,
        latest: m.latest,
        slug: m.slug,
        all: m.all,
        total: sql<number>`count(*) over ()`.as('total'),
      })
      .from(m)
      .where(cut(query, q))
      .orderBy(
        m.rank,
        sql`${m.score} desc`,
        sql`${m.stipend} desc`,
        sql`${m.relevance} desc`,
        sql`${m.soonest} asc nulls last`,
        sql`${m.latest} desc nulls last`,
        asc(m.slug),
      )
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  );
  return db
    .with(matching, hits)
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
      all: hits.all,
    })
    .from(hits)
    .innerJoin(p, eq(p.id, hits.id))
    .orderBy(
      hits.rank,
      sql`${hits.score} desc`,
      sql`${hits.stipend} desc`,
      sql`${hits.relevance} desc`,
      sql`${hits.soonest} asc nulls last`,
      sql`${hits.latest} desc nulls last`,
      asc(hits.slug),
    );
}

async function countPlan(
  db: Queryable,
  query: ProgrammeQuery,
  q: Plan,
  today: string,
): Promise<{ total: number; all: number }> {
  const matching = scored(db, query, q, today);
  const rows = await db
    .with(matching)
    .select({
      total: sql<number>`count(*) filter (where ${cut(query, q)})`,
      all: sql<number>`count(*)`,
    })
    .from(matching);
  return { total: Number(rows[0]?.total ?? 0), all: Number(rows[0]?.all ?? 0) };
}

/** How many programmes the person's own facts hide among those that would be listed, and which facts did. */
async function hiddenCounts(
  db: Queryable,
  query: ProgrammeQuery,
  q: Plan,
  today: string,
): Promise<{ count: number; reasons: HiddenReason[] }> {
  const p = programmes;
  const matching = scored(db, query, q, today);
  const ids = db
    .with(matching)
    .select({ id: sql<string>`id`.as('hidden_id') })
    .from(matching)
    .where(sql`(${tier(query, q)}) and hidden`);
  const counts: Record<string, SQL<number>> = { count: sql<number>`count(*)` };
  for (const [name, c] of q.hiddenReasons) counts[name] = sql<number>`count(*) filter (where ${c})`;
  const result = await db.select(counts).from(p).where(inArray(p.id, ids));
  const row = (result[0] ?? {}) as Record<string, unknown>;
  const count = Number(row.count ?? 0);
  return {
    count,
    reasons: q.hiddenReasons.map(([name]) => name).filter((name) => Number(row[name] ?? 0) > 0),
  };
}

/** How many programmes a query finds (the listed ones, all pages). */
export async function countProgrammes(
  db: Queryable,
  query: ProgrammeQuery,
  options: Pick<SearchOptions, 'today' | 'textMustMatch'> = {},
): Promise<number> {
  const today = toIsoDate(options.today);
  const terms = await typoTerms(db, plainTerms(query.text));
  const count = async (onlineAnywhere: boolean) => {
    const q = plan(query, terms, today, options.textMustMatch ?? false, onlineAnywhere);
    const matching = scored(db, query, q, today);
    const rows = await db
      .with(matching)
      .select({ total: sql<number>`count(*) filter (where ${cut(query, q)})` })
      .from(matching);
    return Number(rows[0]?.total ?? 0);
  };
  // As searchProgrammes lists them: the place itself, else online programmes too.
  if (localFirst(query)) {
    const here = await count(false);
    if (here > 0) return here;
  }
  return count(true);
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
  const without = (...keys: Array<keyof ProgrammeQuery>): ProgrammeQuery => {
    const copy = { ...query };
    for (const key of keys) delete copy[key];
    return copy;
  };
  if (query.places?.length) {
    const provinces = [...new Set(query.places.map((c) => provinceOf(c)))];
    if (query.places.some((c) => c.includes('.')))
      out.push({
        filter: 'places',
        query: { ...without('places', 'regency', 'province'), places: provinces },
      });
    out.push({ filter: 'province', query: without('places', 'regency', 'province') });
  } else if (query.regency) {
    out.push({ filter: 'regency', query: { ...without('regency'), province: provinceOf(query.regency) } });
    out.push({ filter: 'province', query: without('regency', 'province') });
  } else if (query.province) {
    out.push({ filter: 'province', query: without('province') });
  }
  if (query.kinds?.length) out.push({ filter: 'kinds', query: without('kinds') });
  if (query.fields?.length) out.push({ filter: 'fields', query: without('fields') });
  if (query.country || query.countries?.length)
    out.push({ filter: 'country', query: without('country', 'countries') });
  for (const flag of ['free', 'stipend', 'womenOnly', 'disabilityFriendly'] as const) {
    if (query[flag]) out.push({ filter: flag, query: without(flag) });
  }
  if (query.benefits?.length) out.push({ filter: 'benefits', query: without('benefits') });
  // How it is taught (online, partly online) loosens as one.
  if (query.online || query.blended)
    out.push({ filter: 'online', query: without('online', 'hybrid', 'blended') });
  if (query.schedule?.length) out.push({ filter: 'schedule', query: without('schedule') });
  if (query.exclude) out.push({ filter: 'exclude', query: without('exclude') });
  if (query.person) out.push({ filter: 'person', query: without('person') });
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
  const closest = (r: Relaxation) => r.filter === 'regency' || r.filter === 'places';
  found.sort((a, b) => (closest(a) ? -1 : closest(b) ? 1 : b.count - a.count));
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
    what: (original.benefits ?? []).map((b) => t(`benefit.${b}`)).join(', '),
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
