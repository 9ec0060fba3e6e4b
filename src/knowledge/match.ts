/**
 * Which knowledge-base entry a free question asks for, tolerant of slang and typos: the message goes
 * through the NLU's normaliser ("gmn" → "bagaimana", "ketipu" stays, "pelatiahn" → "pelatihan"), and
 * each word is also compared by its stem (Snowball's Indonesian and English stemmers: "penipuan" and
 * "menipu", "persyaratan" and "syarat", "licensed" and "license").
 *
 * An entry is found through its keywords — the phrases people use for that question, written by whoever
 * wrote the entry. A phrase matches when all its words occur close together, in any order ("apa itu
 * magang", "magang itu apa"). The score is the weight of the message's words the entry's phrases explain,
 * each word counted once and weighted by how rare it is among all entries' keywords; overlap with the
 * entry's question adds a little. Nothing is matched on common words alone.
 */
import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as indonesianStem } from '@orama/stemmers/indonesian';
import { FILLERS } from '../nlu/intent';
import { normalizeMessage } from '../nlu/normalize';
import synonyms from './synonyms.json';

export interface MatchableEntry {
  /** The entry's reference ("seed:lpk-licence" or a row id). */
  ref: string;
  questions: string[];
  keywords: readonly string[];
  /** The entry's answer text (each language): its words are a second, weaker way to find it. */
  answers?: string[];
  /** Breaks ties towards an organisation's own entry over a global one. */
  priority?: number;
}

export interface Match {
  ref: string;
  score: number;
}

export interface MatchOptions {
  /**
   * Words that count for nothing in this message: the router passes the words a programme search
   * already accounts for ("magang di bekasi yang ada uang sakunya" is a search, not a question about
   * uang saku in general).
   */
  discount?: (word: string) => boolean;
}

/** Function words: they can complete a phrase ("apa itu magang") but never carry a match. */
const FUNCTION_WORDS = new Set(
  `apa apakah apaan itu ini yang di ke dari dan atau ada adalah saja aja bagaimana cara berapa kapan dimana mana
  siapa kenapa mengapa tidak belum sudah bisa boleh mau saya aku kamu kak sih dong ya kan juga dengan untuk buat
  pada tentang kalau jika sama harus perlu apa saja the a an is are am be to of for in on at and or it this that
  what which where how why when who can could do does did i me my you your we our they their there please`.split(
    /\s+/,
  ),
);

interface Phrase {
  terms: string[][];
  /** Which terms must be found (a long phrase's function words may be left out). */
  required: boolean[];
  /** How many required terms may be missing: none in short phrases, a quarter in a whole question. */
  slack: number;
}

interface IndexedEntry {
  entry: MatchableEntry;
  phrases: Phrase[];
  questionTerms: string[][];
  /** The entry's own words (question and answer) by meaning: 1 for its question, 0.5 for its answer. */
  bag: Map<string, number>;
}

export interface KnowledgeIndex {
  entries: IndexedEntry[];
  /** Inverse document frequency of a meaning over the entries' own words. */
  textIdf: Map<string, number>;
  /** Inverse document frequency of a term (over keyword phrases), by each of its forms. */
  idf: Map<string, number>;
  defaultIdf: number;
}

const ASCII = /^[a-z]+$/;

/** A word's forms: itself and its stems (a stem shorter than 3 letters is too vague to compare). */
export function formsOf(word: string): string[] {
  const forms = new Set([word]);
  if (word.length > 3 && ASCII.test(word) && !FUNCTION_WORDS.has(word) && !FILLERS.has(word)) {
    for (const stem of [indonesianStem(word), englishStem(word)]) if (stem.length >= 3) forms.add(stem);
  }
  return [...forms];
}

function tokens(text: string): string[] {
  return normalizeMessage(text).tokens;
}

const isContent = (w: string) => !FILLERS.has(w) && !FUNCTION_WORDS.has(w) && !/^\d+$/.test(w);

const same = (a: string[], b: string[]) => a.some((f) => b.includes(f));

/** Each word of a synonym group → the group's first word (synonyms.json). */
const SYNONYM: ReadonlyMap<string, string> = new Map(
  synonyms.groups.flatMap((group) => group.map((w) => [w, group[0]!] as const)),
);

/** What a content word means for the second channel: its synonym group, else its stem. */
function meaningOf(word: string): string {
  const direct = SYNONYM.get(word);
  if (direct) return direct;
  const forms = formsOf(word);
  for (const f of forms) {
    const s = SYNONYM.get(f);
    if (s) return s;
  }
  return forms[forms.length - 1]!;
}

function bagOf(entry: MatchableEntry): Map<string, number> {
  const bag = new Map<string, number>();
  const put = (text: string, weight: number) => {
    for (const w of tokens(text)) {
      if (!isContent(w) || w.length < 3) continue;
      const m = meaningOf(w);
      bag.set(m, Math.max(bag.get(m) ?? 0, weight));
    }
  };
  for (const a of entry.answers ?? []) put(a, 0.5);
  for (const q of entry.questions) put(q, 1);
  return bag;
}

export function buildIndex(entries: readonly MatchableEntry[]): KnowledgeIndex {
  const indexed: IndexedEntry[] = entries.map((entry) => ({
    entry,
    phrases: entry.keywords
      .map((k) => tokens(k))
      .filter((words) => words.length > 0)
      .map((words) => {
        const content = words.filter(isContent).length;
        // A whole question may be asked without its function words and with a quarter of its other words
        // changed; a keyword ("tidak lolos", "apa itu magang") is matched whole.
        const long = content >= 4;
        return {
          terms: words.map(formsOf),
          required: words.map((w) => !long || isContent(w)),
          slack: long ? Math.floor(content / 4) : 0,
        };
      }),
    questionTerms: entry.questions.flatMap((q) => tokens(q).filter(isContent).map(formsOf)),
    bag: bagOf(entry),
  }));
  const textDf = new Map<string, number>();
  for (const e of indexed) for (const m of e.bag.keys()) textDf.set(m, (textDf.get(m) ?? 0) + 1);
  // Document frequency per form: in how many entries' keywords a form occurs.
  const df = new Map<string, number>();
  for (const e of indexed) {
    const seen = new Set<string>();
    for (const p of e.phrases) for (const t of p.terms) for (const f of t) seen.add(f);
    for (const f of seen) df.set(f, (df.get(f) ?? 0) + 1);
  }
  const n = Math.max(1, indexed.length);
  const idf = new Map<string, number>();
  for (const [form, count] of df) idf.set(form, Math.log(1 + n / count));
  const textIdf = new Map<string, number>();
  for (const [m, count] of textDf) textIdf.set(m, Math.log(1 + n / count));
  return { entries: indexed, idf, textIdf, defaultIdf: Math.log(1 + n) };
}

function weight(index: KnowledgeIndex, forms: string[]): number {
  let best = 0;
  for (const f of forms) best = Math.max(best, index.idf.get(f) ?? 0);
  return best || index.defaultIdf;
}

/**
 * Message positions a phrase covers: its terms found close together, in any order. Every required term of
 * a short phrase must be there; a long one (a whole question) may miss a quarter of them.
 */
function phraseHit(phrase: Phrase, message: string[][]): number[] | undefined {
  const window = phrase.terms.length + 4;
  for (let start = 0; start < message.length; start++) {
    if (!phrase.terms.some((t) => same(t, message[start]!))) continue;
    const used: number[] = [];
    const end = Math.min(message.length, start + window);
    let missing = 0;
    for (const [k, term] of phrase.terms.entries()) {
      let found = -1;
      for (let i = start; i < end; i++) {
        if (!used.includes(i) && same(term, message[i]!)) {
          found = i;
          break;
        }
      }
      if (found >= 0) used.push(found);
      else if (phrase.required[k]) missing++;
      if (missing > phrase.slack) break;
    }
    if (missing <= phrase.slack && used.length) return used;
  }
  return undefined;
}

/** Every entry that explains part of the message, best first. */
export function matchQuestion(index: KnowledgeIndex, text: string, options: MatchOptions = {}): Match[] {
  const words = tokens(text);
  const message = words.map(formsOf);
  const counts = (i: number) => isContent(words[i]!) && !options.discount?.(words[i]!);
  const out: Match[] = [];
  // The second channel: the message's meanings found among the entry's own words.
  const meanings = new Map<string, number>();
  words.forEach((w, i) => {
    if (counts(i) && w.length >= 3 && !NUMBER_WORDS.test(w)) meanings.set(meaningOf(w), i);
  });
  const meaningWeight = (m: string) => index.textIdf.get(m) ?? UNKNOWN_WEIGHT;
  const asked = [...meanings.keys()].reduce((sum, m) => sum + meaningWeight(m), 0);
  for (const e of index.entries) {
    const covered = new Set<number>();
    for (const p of e.phrases) {
      const hit = phraseHit(p, message);
      if (hit) for (const i of hit) covered.add(i);
    }
    const text = textScore(e, meanings, meaningWeight, asked);
    // A phrase of function words only ("apa itu") explains nothing by itself.
    if (![...covered].some(counts)) {
      if (text > 0) out.push({ ref: e.entry.ref, score: text + (e.entry.priority ?? 0) * 0.01 });
      continue;
    }
    // Each distinct word once: "abal abal" is one word said twice.
    const seen = new Set<string>();
    let score = 0;
    for (const i of covered) {
      if (seen.has(words[i]!)) continue;
      seen.add(words[i]!);
      score += counts(i) ? weight(index, message[i]!) : isContent(words[i]!) ? 0 : 0.3;
    }
    let overlap = 0;
    message.forEach((forms, i) => {
      if (covered.has(i) || seen.has(words[i]!) || !counts(i)) return;
      if (e.questionTerms.some((q) => same(q, forms))) {
        seen.add(words[i]!);
        overlap += weight(index, forms);
      }
    });
    const phrases = score + 0.25 * overlap;
    out.push({ ref: e.entry.ref, score: Math.max(phrases, text) + (e.entry.priority ?? 0) * 0.01 });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** How much of the second channel must explain the message, and how it compares with phrase scores. */
// Measured on tests/knowledge/paraphrases*.json and the NLU set (README "Knowledge base").
const TEXT_COVERAGE = 0.6;
const TEXT_SCALE = 0.5;
const TEXT_MIN = 2;
/** "nomor dua", "the first one": which item of a list, never what a question is about. */
const NUMBER_WORDS =
  /^(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|pertama|kedua|ketiga|keempat|kelima|nomor|one|two|three|four|five|first|second|third|fourth|fifth|last|terakhir)$/;
/** A word no entry says weighs little in what the message asks ("tetep", "kak", a name). */
const UNKNOWN_WEIGHT = 1;

/**
 * The entry's own question and answer explaining the message, without any keyword: the weight of the
 * message's meanings found there (its question counting double, synonyms as data in synonyms.json),
 * when at least two distinct meanings are found, one of them in its question, and they are most of
 * what the message says; else 0.
 */
function textScore(
  e: IndexedEntry,
  meanings: Map<string, number>,
  weightOf: (m: string) => number,
  asked: number,
): number {
  let found = 0;
  let score = 0;
  let covered = 0;
  let inQuestion = 0;
  for (const m of meanings.keys()) {
    const where = e.bag.get(m);
    if (!where) continue;
    found++;
    if (where === 1) inQuestion++;
    covered += weightOf(m);
    score += weightOf(m) * where;
  }
  if (found < TEXT_MIN || !inQuestion || asked === 0 || covered / asked < TEXT_COVERAGE) return 0;
  return score * TEXT_SCALE;
}
