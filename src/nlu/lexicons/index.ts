/**
 * The lexicons as data (see README.md beside them): fields and their topics, the work people name,
 * regional and chat words, world regions. Compiled once into lookup tables.
 */
import { BENEFITS, type Benefit, FIELDS, type Field } from '../../shared/vocabulary';
import benefitsData from './benefits.json';
import countriesData from './countries.json';
import dialectData from './dialect.json';
import fieldsData from './fields.json';
import jobsData from './jobs.json';
import scheduleData from './schedule.json';
import traitsData from './traits.json';

/** What a phrase about work or learning means. */
export interface Concept {
  /** Kejuruan it names (none for a bare "operator": a job word that only ranks). */
  fields: Field[];
  /**
   * Words that find programmes about it by their title and summary (a topic's words): "kopi" →
   * kopi, barista, coffee. Empty for a phrase that names a whole field ("kuliner").
   */
  find: string[];
  /** Also a request for a person ("admin", "customer service"): work only when the message is about work. */
  context: boolean;
  /** A topic as wide as the field itself ("pabrik"): it ranks and finds titles, but never narrows the list. */
  broad?: boolean;
}

interface FieldEntry {
  words: string[];
  topics?: Record<string, string[]>;
}

interface JobEntry {
  field?: string | string[];
  topic?: string;
  say: string[];
  find?: string[];
  context?: boolean;
}

function isField(value: string): value is Field {
  return (FIELDS as readonly string[]).includes(value);
}

function fieldList(value: string | string[] | undefined, where: string): Field[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.map((f) => {
    if (!isField(f)) throw new Error(`lexicon ${where}: unknown field ${f}`);
    return f;
  });
}

const FIELD_ENTRIES = fieldsData as unknown as Record<string, FieldEntry>;
/** Topics as wide as their field (fields.json `_broad`). */
const BROAD = new Set((fieldsData as unknown as { _broad?: string[] })._broad ?? []);

function topicWords(field: string, topic: string): string[] {
  const words = FIELD_ENTRIES[field]?.topics?.[topic];
  if (!words) throw new Error(`lexicon jobs: no topic ${topic} in field ${field}`);
  return [topic, ...words.filter((w) => w !== topic)];
}

/** "{fix} hp" → "benerin hp", "perbaiki hp", … */
function expand(phrase: string, verbs: Record<string, string[]>): string[] {
  const m = /\{(\w+)\}/.exec(phrase);
  if (!m) return [phrase];
  const list = verbs[m[1]!];
  if (!list) throw new Error(`lexicon jobs: no verb class ${m[1]}`);
  return list.flatMap((v) => expand(phrase.replace(m[0], v), verbs));
}

function buildConcepts(): Map<string, Concept> {
  const out = new Map<string, Concept>();
  const add = (phrase: string, concept: Concept) => {
    const key = phrase.trim().toLowerCase().replace(/\s+/g, ' ');
    const known = out.get(key);
    if (!known) {
      out.set(key, { fields: [...concept.fields], find: [...concept.find], context: concept.context });
      return;
    }
    for (const f of concept.fields) if (!known.fields.includes(f)) known.fields.push(f);
    for (const w of concept.find) if (!known.find.includes(w)) known.find.push(w);
    known.context &&= concept.context;
    if (concept.broad) known.broad = true;
  };
  for (const [field, entry] of Object.entries(FIELD_ENTRIES)) {
    if (field.startsWith('_')) continue;
    const fields = fieldList(field, 'fields');
    for (const w of entry.words) add(w, { fields, find: [], context: false });
    // A topic's name comes first among its words: it is how the search shows it ("kopi").
    for (const [topic, words] of Object.entries(entry.topics ?? {})) {
      const find = [topic, ...words.filter((w) => w !== topic)];
      const broad = BROAD.has(topic);
      for (const w of words) add(w, { fields, find, context: false, ...(broad ? { broad } : {}) });
    }
  }
  const verbs = jobsData.verbs as Record<string, string[]>;
  for (const job of jobsData.jobs as JobEntry[]) {
    const fields = fieldList(job.field, 'jobs');
    const find = job.find ?? (job.topic ? topicWords(fields[0]!, job.topic) : []);
    const broad = job.topic !== undefined && BROAD.has(job.topic);
    for (const phrase of job.say)
      for (const w of expand(phrase, verbs))
        add(w, { fields, find, context: job.context ?? false, ...(broad ? { broad } : {}) });
  }
  return out;
}

/** Every phrase about work or learning, with what it means. */
export const CONCEPTS: ReadonlyMap<string, Concept> = buildConcepts();

/** The verbs of the work phrases ("benerin", "bikin", "nyupir"): not what a programme's title says. */
export const WORK_VERBS: ReadonlySet<string> = new Set(
  Object.values(jobsData.verbs as Record<string, string[]>)
    .flat()
    .flatMap((v) => v.split(' ')),
);

/**
 * Words several fields use ("desain": grafis, busana, bangunan): they find programmes through what the
 * person said, never as another topic's synonym (fields.json `_ambiguous`).
 */
export const AMBIGUOUS_WORDS: ReadonlySet<string> = new Set(
  (fieldsData as unknown as { _ambiguous?: string[] })._ambiguous ?? [],
);

type DialectGroups = Record<string, Record<string, string> | string[] | string>;

const DIALECT = dialectData as DialectGroups;

/** Regional and chat words → standard words ([] drops the word). */
export const DIALECT_MAP: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(DIALECT).flatMap(([group, entries]) =>
    group.startsWith('_') || Array.isArray(entries) || typeof entries === 'string'
      ? []
      : Object.entries(entries).map(([from, to]) => [from, to ? to.split(' ') : []] as const),
  ),
);

/** Words that are never search words: wishes, situations, function words of any region. */
export const DIALECT_STOPWORDS: ReadonlySet<string> = new Set(
  Array.isArray(DIALECT.stopwords) ? DIALECT.stopwords : [],
);

interface CountriesData {
  countries: Record<string, string[]>;
  regions: Record<string, { say: string[]; countries: string[] }>;
  schemes: Record<string, { country?: string; say: string[] } | string>;
}

const COUNTRIES = countriesData as unknown as CountriesData;

/** ISO alpha-2 → the names people use. */
export const COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = COUNTRIES.countries;

/** Regions of the world ("eropa", "timur tengah") → their countries. */
export const WORLD_REGIONS: ReadonlyArray<{ say: readonly string[]; countries: readonly string[] }> =
  Object.values(COUNTRIES.regions);

/** Named routes abroad ("tokutei ginou", "eps"): the country they lead to, and the words that find them. */
export const SCHEMES: ReadonlyArray<{ name: string; country?: string; say: readonly string[] }> =
  Object.entries(COUNTRIES.schemes).flatMap(([name, scheme]) =>
    typeof scheme === 'string' ? [] : [{ name, ...scheme }],
  );

/** When classes are held (schedule.json): each phrase said → the words a fitting programme says. */
export const SCHEDULE_PHRASES: ReadonlyArray<readonly [string, readonly string[]]> = Object.entries(
  scheduleData as unknown as Record<string, { say?: string[]; find?: string[] } | string>,
).flatMap(([, entry]) =>
  typeof entry === 'string' ? [] : (entry.say ?? []).map((said) => [said, entry.find ?? []] as const),
);

/** Something a programme's own yes/no question asks that people say of themselves (traits.json). */
export interface TraitEntry {
  id: string;
  /** The words naming it, each as tokens. */
  say: readonly (readonly string[])[];
  /** Words allowed between a negation and `say`: "tidak *punya* sim". */
  after: ReadonlySet<string>;
  /** Naming it alone says the person has it ("saya buta warna"). */
  stated: boolean;
  /** A regular expression over a question's id and wording (lower case), POSIX and JavaScript alike. */
  asks: string;
  /** Lacking it, the word still ranks: a programme that lends a laptop says "laptop". */
  ranks: boolean;
}

interface TraitsData {
  negations: string[];
  traits: Record<string, { say: string[]; after: string[]; stated?: boolean; ranks?: boolean; asks: string }>;
}

const TRAITS_DATA = traitsData as unknown as TraitsData;

/** Negations before a trait ("tidak punya sim", "son bisa berenang"). */
export const TRAIT_NEGATIONS: ReadonlySet<string> = new Set(TRAITS_DATA.negations);

export const TRAITS: readonly TraitEntry[] = Object.entries(TRAITS_DATA.traits).map(([id, t]) => ({
  id,
  say: t.say.map((s) => s.split(' ')),
  after: new Set(t.after),
  stated: t.stated ?? false,
  asks: t.asks,
  ranks: t.ranks ?? false,
}));

/** What a programme gives, by the words people ask for it with (benefits.json): each phrase → the catalogue's benefit. */
export const BENEFIT_PHRASES: ReadonlyArray<readonly [string, Benefit]> = Object.entries(
  benefitsData as unknown as Record<string, { say?: string[] } | string>,
).flatMap(([benefit, entry]) => {
  if (typeof entry === 'string') return [];
  if (!(BENEFITS as readonly string[]).includes(benefit))
    throw new Error(`lexicon benefits: unknown benefit ${benefit}`);
  return (entry.say ?? []).map((say) => [say, benefit as Benefit] as const);
});
