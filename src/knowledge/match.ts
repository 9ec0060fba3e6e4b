/**
 * Which knowledge-base entry a free question asks for, tolerant of slang, typos, regional words and
 * English. Two ways to find an entry, the better one counting:
 *
 * 1. Its keyword phrases (the ways of asking that whoever wrote the entry listed, and its own question):
 *    a phrase matches when all its words occur close together, in any order ("apa itu magang", "magang
 *    itu apa"); the score is the weight of the message's words the phrases explain, each word counted
 *    once and weighted by how rare it is among all entries' keywords. Precise, but only as good as the
 *    keywords someone thought of.
 * 2. Ranked retrieval (BM25F) over the entry's three fields — its question (Indonesian and English), its
 *    keywords and its answer — which finds the questions nobody wrote a keyword for. Every text, entry or
 *    message, is read the same way: the NLU's normaliser ("gmn" → "bagaimana", "ortu" → "orang tua",
 *    Javanese and Sundanese function words), multi-word meanings joined ("orang tua", "rumah sakit"), each
 *    word then standing for its meaning — its synonym group (synonyms.json: one meaning per group,
 *    Indonesian, English and slang) or else its forms (itself and its Snowball stems, Indonesian and
 *    English: "penipuan"/"tipu", "licensed"/"license"). A word no entry says is compared with the words
 *    the entries do say, within one or two typos ("pasport" → "paspor"). Each meaning of the message
 *    weighs by how rare it is among the entries (idf) and by how often and where the entry says it (its
 *    question most, then its keywords, then its answer, a long field counting each mention less). Whether
 *    the entry answers the message is a separate measure, its coverage: the share of what the message
 *    says (by weight) that the entry says in its question or keywords (its answer counting half). A story
 *    ("temen aku pernah ketipu lpk…") is found through its meanings in any order; a message most of whose
 *    weight no entry explains (a search for "las di bali", small talk) is not taken.
 */
import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as indonesianStem } from '@orama/stemmers/indonesian';
import { FILLERS } from '../nlu/intent';
import { normalizeMessage } from '../nlu/normalize';
import { TypoIndex } from '../shared/text/distance';
import { normaliseText } from '../shared/text/normalise';
import synonyms from './synonyms.json';

export interface MatchableEntry {
  /** The entry's reference ("seed:lpk-licence" or a row id). */
  ref: string;
  questions: string[];
  keywords: readonly string[];
  /** The entry's answer text (each language): its words are a third, weaker way to find it. */
  answers?: string[];
  /** Breaks ties towards an organisation's own entry over a global one. */
  priority?: number;
}

export interface Match {
  ref: string;
  /** The better of the two ways' scores; compared with MATCH_THRESHOLD (entries.ts). */
  score: number;
}

export interface MatchOptions {
  /**
   * Words that count for nothing in this message: the router passes the words a programme search
   * already accounts for ("magang di bekasi yang ada uang sakunya" is a search, not a question about
   * uang saku in general).
   */
  discount?: (word: string) => boolean;
  /** Words that count for nothing in the keyword phrases only (see search-words.ts). */
  phraseDiscount?: (word: string) => boolean;
  /**
   * The message points at a programme ("apakah saya bisa ikut pelatihan ini?"): only the keyword phrases
   * may take it — the fields' common words would answer a question about the programme on screen.
   */
  pointsAtProgramme?: boolean;
}

// ─── 1. Keyword phrases ─────────────────────────────────────────────────────────────────────────

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

const ASCII = /^[a-z]+$/;

/**
 * A word's forms for phrases: itself, its stems (a stem shorter than 3 letters is too vague to compare)
 * and its meaning (its synonym group).
 */
function phraseForms(word: string): string[] {
  const forms = new Set([word]);
  // A word a synonym group knows keeps only stems long enough to be words ("kurs", an exchange rate, is
  // not "kur", a credit).
  const least = SYNONYM.has(word) ? 4 : 3;
  if (word.length > 3 && ASCII.test(word) && !FUNCTION_WORDS.has(word) && !FILLERS.has(word)) {
    for (const stem of [indonesianStem(word), englishStem(word)]) if (stem.length >= least) forms.add(stem);
  }
  // Its meaning too: a keyword phrase is found whichever word of a synonym group the message uses
  // ("ikut eps keluar duit brp" says "biaya eps" in other words).
  const meaning = SYNONYM.get(word);
  if (meaning) forms.add(`=${meaning}`);
  return [...forms];
}

/** Small talk about how one is ("apa kabar?", "gimana kabarnya"): no news asked for. */
const HOW_ARE_YOU = /\b(apa|bagaimana) kabar\b|\bkabar baik\b/g;

function tokensOf(text: string): string[] {
  return normalizeMessage(text).tokens.join(' ').replace(HOW_ARE_YOU, ' ').split(' ').filter(Boolean);
}

const isContent = (w: string) => !FILLERS.has(w) && !FUNCTION_WORDS.has(w) && !/^\d+$/.test(w);

const same = (a: string[], b: string[]) => a.some((f) => b.includes(f));

function phrasesOf(entry: MatchableEntry): Phrase[] {
  return entry.keywords
    .map((k) => tokensOf(k))
    .filter((words) => words.length > 0)
    .map((words) => {
      const content = words.filter(isContent).length;
      // A whole question may be asked without its function words and with a quarter of its other words
      // changed; a keyword ("tidak lolos", "apa itu magang") is matched whole.
      const long = content >= 4;
      return {
        terms: words.map(phraseForms),
        required: words.map((w) => !long || isContent(w)),
        slack: long ? Math.floor(content / 4) : 0,
      };
    });
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

/** The weight of the message's words the entry's phrases explain (and a little for its question's words). */
function phraseScore(
  index: KnowledgeIndex,
  e: IndexedEntry,
  words: string[],
  message: string[][],
  counts: (i: number) => boolean,
): number {
  const covered = new Set<number>();
  let whole = false;
  for (const p of e.phrases) {
    const hit = phraseHit(p, message);
    if (!hit) continue;
    for (const i of hit) covered.add(i);
    // Every word of a phrase of two or more ("magang itu apa", "biaya eps") said.
    if (hit.length === p.terms.length && p.terms.length >= 2) whole = true;
  }
  // A phrase of function words only ("apa itu") explains nothing by itself.
  if (![...covered].some(counts)) return 0;
  // The message is one of the entry's phrases and says nothing more ("magang tuh sebenernya apaan sih"):
  // the entry's own way of asking, however common its words.
  const all = words.every((w, i) => covered.has(i) || !counts(i) || !isMeaningful(w));
  const floor = whole && all ? WHOLE_PHRASE : 0;
  // Each distinct word once: "abal abal" is one word said twice.
  const seen = new Set<string>();
  let score = 0;
  for (const i of covered) {
    if (seen.has(words[i]!)) continue;
    seen.add(words[i]!);
    score += counts(i) ? phraseWeight(index, message[i]!) : isContent(words[i]!) ? 0 : 0.3;
  }
  let overlap = 0;
  message.forEach((forms, i) => {
    if (covered.has(i) || seen.has(words[i]!) || !counts(i)) return;
    if (e.questionTerms.some((q) => same(q, forms))) {
      seen.add(words[i]!);
      overlap += phraseWeight(index, forms);
    }
  });
  return Math.max(floor, score + 0.25 * overlap);
}

/** A message that is one whole keyword phrase scores at least this (entries.ts: MATCH_THRESHOLD). */
const WHOLE_PHRASE = 2;

function phraseWeight(index: KnowledgeIndex, forms: string[]): number {
  let best = 0;
  for (const f of forms) best = Math.max(best, index.phraseIdf.get(f) ?? 0);
  return best || index.defaultIdf;
}

// ─── 2. Ranked retrieval over the entry's fields (BM25F) ──────────────────────────────────────────

/** Words that never say what a question is about: function words of both languages, small talk, numbers. */
const STOP = new Set([
  ...FUNCTION_WORDS,
  ...`caranya tuh tu nih deh kok lah pun lagi nanti terus trus masih dulu udah mohon tolong gimana kah dia mereka
  kita kami nya will would should if so not no yes get got have has had just about any some terima kasih makasih
  thanks thank halo hai hello hi want wanna pengen pingin ingin mau need something anything thing
  juta jt ribu rb million thousand rupiah rp someone somebody anyone anybody say says said tell told he she him
  her his hers them into through went go goes going gone come came like really actually kinda sort also still even
  from with as by than then very much many lot lots ok okay yeah dont doesnt didnt cant wont isnt arent im ive
  biar supaya agar
  sebenarnya sebenernya sbenernya emang memang pas segala kata katanya bilang denger dengar baru situ
  asal doang kemarin kemaren kmrn ntar tapi jadi ngapain begitu gitu seperti kayak cuma sekali kali
  actually basically`.split(/\s+/),
]);
const NUMBER_WORDS =
  /^(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|pertama|kedua|ketiga|keempat|kelima|nomor|one|two|three|four|five|first|second|third|fourth|fifth|last|terakhir)$/;

const isMeaningful = (w: string) =>
  w.length >= 2 && !FILLERS.has(w) && !STOP.has(w) && !/^\d+$/.test(w) && !NUMBER_WORDS.test(w);

/** Each word or phrase of a synonym group → the group's first entry (its meaning). */
const SYNONYM: ReadonlyMap<string, string> = new Map(
  synonyms.groups.flatMap((group) => group.map((w) => [w, group[0]!.replace(/ /g, '_')] as const)),
);
/** The longest multi-word synonym, in words. */
const LONGEST = Math.max(1, ...[...SYNONYM.keys()].map((k) => k.split(' ').length));

/** A word's forms: its meaning if a synonym group has it, else itself and its stems (≥ 3 letters). */
export function formsOf(word: string): string[] {
  const direct = SYNONYM.get(word);
  if (direct) return [direct];
  const forms = new Set([word]);
  if (word.length > 3 && ASCII.test(word)) {
    for (const stem of [indonesianStem(word), englishStem(word)]) {
      if (stem.length < 3) continue;
      forms.add(SYNONYM.get(stem) ?? stem);
    }
  }
  return [...forms];
}

interface Term {
  /** The word as normalised (a joined phrase as "orang tua"). */
  word: string;
  forms: string[];
}

/**
 * The content words of a text, multi-word meanings joined. `recover`: words the NLU's normaliser dropped
 * as forms of address that are also meanings here ("mamak aku takut…": "mamak" is a mother).
 */
function analyse(text: string): Term[] {
  const tokens = tokensOf(text);
  const kept = new Set(tokens);
  for (const raw of normaliseText(text).split(' ')) if (!kept.has(raw) && SYNONYM.has(raw)) tokens.push(raw);
  const out: Term[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let joined: string | undefined;
    for (let n = Math.min(LONGEST, tokens.length - i); n >= 2 && !joined; n--) {
      const phrase = tokens.slice(i, i + n).join(' ');
      if (SYNONYM.has(phrase)) {
        joined = phrase;
        i += n - 1;
      }
    }
    if (joined) out.push({ word: joined, forms: [SYNONYM.get(joined)!] });
    // "kk" is a form of address to the normaliser and a family card here.
    else if (isMeaningful(tokens[i]!) || (SYNONYM.has(tokens[i]!) && !STOP.has(tokens[i]!)))
      out.push({ word: tokens[i]!, forms: formsOf(tokens[i]!) });
  }
  return out;
}

/** The fields of an entry, each a bag of forms, with their weights and length normalisation (BM25F). */
const FIELDS = [
  { name: 'question', weight: 3, b: 0.3 },
  { name: 'keywords', weight: 2, b: 0.3 },
  { name: 'answer', weight: 1, b: 0.75 },
] as const;
type FieldName = (typeof FIELDS)[number]['name'];
/** Saturation: the third mention of a word adds little. */
const K1 = 1.2;

interface Field {
  tf: Map<string, number>;
  length: number;
}

interface IndexedEntry {
  entry: MatchableEntry;
  phrases: Phrase[];
  questionTerms: string[][];
  fields: Record<FieldName, Field>;
}

export interface KnowledgeIndex {
  entries: IndexedEntry[];
  /** Inverse document frequency of a form over the entries' keyword phrases (the first way). */
  phraseIdf: Map<string, number>;
  defaultIdf: number;
  /** Average length of each field, for BM25's length normalisation. */
  average: Record<FieldName, number>;
  /** In how many entries each meaning occurs (any field). */
  df: Map<string, number>;
  /** In how many entries each meaning is what is asked: said in the question or keywords. */
  topicDf: Map<string, number>;
  /** The entries' own words, for typo tolerance. */
  typos: TypoIndex;
  /** Every meaning some entry says. */
  vocabulary: Set<string>;
}

function fieldOf(texts: readonly string[]): Field {
  const tf = new Map<string, number>();
  let length = 0;
  for (const text of texts) {
    for (const term of analyse(text)) {
      length++;
      for (const f of term.forms) tf.set(f, (tf.get(f) ?? 0) + 1);
    }
  }
  return { tf, length };
}

export function buildIndex(entries: readonly MatchableEntry[]): KnowledgeIndex {
  const indexed: IndexedEntry[] = entries.map((entry) => ({
    entry,
    phrases: phrasesOf(entry),
    questionTerms: entry.questions.flatMap((q) => tokensOf(q).filter(isContent).map(phraseForms)),
    fields: {
      question: fieldOf(entry.questions),
      keywords: fieldOf(entry.keywords),
      answer: fieldOf(entry.answers ?? []),
    },
  }));
  const df = new Map<string, number>();
  const topicDf = new Map<string, number>();
  const words = new Set<string>();
  for (const e of indexed) {
    const seen = new Set<string>();
    for (const { name } of FIELDS) for (const f of e.fields[name].tf.keys()) seen.add(f);
    for (const f of seen) df.set(f, (df.get(f) ?? 0) + 1);
    const topics = new Set([...e.fields.question.tf.keys(), ...e.fields.keywords.tf.keys()]);
    for (const f of topics) topicDf.set(f, (topicDf.get(f) ?? 0) + 1);
  }
  for (const e of entries)
    for (const text of [...e.questions, ...e.keywords, ...(e.answers ?? [])])
      for (const w of tokensOf(text)) if (ASCII.test(w) && isMeaningful(w)) words.add(w);
  const n = Math.max(1, indexed.length);
  // The first way's weights: in how many entries' keyword phrases a form occurs.
  const phraseDf = new Map<string, number>();
  for (const e of indexed) {
    const seen = new Set<string>();
    for (const p of e.phrases) for (const t of p.terms) for (const f of t) seen.add(f);
    for (const f of seen) phraseDf.set(f, (phraseDf.get(f) ?? 0) + 1);
  }
  const phraseIdf = new Map<string, number>();
  for (const [form, count] of phraseDf) phraseIdf.set(form, Math.log(1 + n / count));
  const average = Object.fromEntries(
    FIELDS.map(({ name }) => [name, indexed.reduce((s, e) => s + e.fields[name].length, 0) / n || 1]),
  ) as Record<FieldName, number>;
  return {
    entries: indexed,
    phraseIdf,
    defaultIdf: Math.log(1 + n),
    average,
    df,
    topicDf,
    typos: new TypoIndex(words),
    vocabulary: new Set(df.keys()),
  };
}

/** The forms a message word is looked up by: its own, or those of the entries' word it is a typo of. */
function lookupForms(index: KnowledgeIndex, term: Term): string[] {
  if (term.forms.some((f) => index.vocabulary.has(f))) return term.forms;
  // A word a synonym group knows is no typo ("saran" is not "sarana").
  const corrected =
    ASCII.test(term.word) && !SYNONYM.has(term.word) ? index.typos.correct(term.word) : undefined;
  return corrected ? formsOf(corrected) : term.forms;
}

/** BM25's idf, never negative. */
function idfOf(index: KnowledgeIndex, df: number): number {
  const n = index.entries.length;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** A word no entry says weighs this much in what the message asks ("tetep", a name): little. */
const UNKNOWN_WEIGHT = 1.5;
/** What an answer-only mention explains, against one in the entry's question or keywords. */
const ANSWER_ONLY = 0.5;
/** Below this share of the message explained, an entry is not what was asked. */
const MIN_COVERAGE = 0.55;
/** Meanings the entry must say in its question or keywords, and their least weight together. */
const MIN_STRONG = 2;
const MIN_STRONG_WEIGHT = 3.5;
/**
 * A message of one or two meanings ("durasinya berapa lama", "pelatihan ini gratis?") is left to the
 * keyword phrases — too short to tell a general question from one about the programme on screen —
 * unless both are in the entry's own question.
 */
const MIN_ASKED = 3;

/** How the second way's score compares with the first's (measured on tests/knowledge/paraphrases*.json). */
const FIELD_SCALE = 0.5;

/** Every entry that explains part of the message, best first. */
export function matchQuestion(index: KnowledgeIndex, text: string, options: MatchOptions = {}): Match[] {
  const words = tokensOf(text);
  const message = words.map(phraseForms);
  const counts = (i: number) =>
    isContent(words[i]!) && !options.discount?.(words[i]!) && !options.phraseDiscount?.(words[i]!);
  const asked = askedOf(index, text, options);
  const out: Match[] = [];
  for (const e of index.entries) {
    const phrases = phraseScore(index, e, words, message, counts);
    const fields = options.pointsAtProgramme ? 0 : FIELD_SCALE * fieldScore(index, e, asked);
    const score = Math.max(phrases, fields);
    if (score > 0) out.push({ ref: e.entry.ref, score: score + (e.entry.priority ?? 0) * 0.01 });
  }
  return out.sort((a, b) => b.score - a.score);
}

interface Asked {
  forms: string[];
  /** What the word weighs in the message: its idf, or little when no entry says it. */
  weight: number;
  idf: number;
}

/** The message's meanings, each once ("abal abal" is one word said twice), without discounted words. */
function askedOf(index: KnowledgeIndex, text: string, options: MatchOptions): Asked[] {
  const seen = new Set<string>();
  const asked: Asked[] = [];
  for (const term of analyse(text)) {
    const discount = options.discount;
    if (discount && term.word.split(' ').some((w) => isMeaningful(w) && discount(w))) continue;
    const forms = lookupForms(index, term);
    // "call" and "calls", "biaya" and "biayanya": one meaning.
    if (forms.some((f) => seen.has(f))) continue;
    for (const f of forms) seen.add(f);
    const df = Math.max(0, ...forms.map((f) => index.df.get(f) ?? 0));
    const idf = df ? idfOf(index, df) : 0;
    // A word only answers say ("full", "misal") is no topic of any entry: it weighs as little as an
    // unknown one in what the message asks.
    const topical = forms.some((f) => index.topicDf.has(f));
    asked.push({ forms, weight: topical ? idf : Math.min(idf, UNKNOWN_WEIGHT) || UNKNOWN_WEIGHT, idf });
  }
  return asked;
}

/**
 * BM25F relevance times coverage, when the entry explains enough of the message (and some of it in its
 * question or keywords); else 0.
 */
function fieldScore(index: KnowledgeIndex, e: IndexedEntry, asked: Asked[]): number {
  const total = asked.reduce((s, a) => s + a.weight, 0);
  if (!total || asked.length < 2) return 0;
  // Two meanings are enough only when the entry's own question says both ("my parents don't want me to
  // go abroad": parents, abroad).
  const inQuestion = (a: Asked) => a.forms.some((f) => e.fields.question.tf.has(f));
  if (asked.length < MIN_ASKED && !asked.every(inQuestion)) return 0;
  let score = 0;
  let explained = 0;
  let strong = 0;
  let strongWeight = 0;
  for (const a of asked) {
    if (!a.idf) continue;
    let tilde = 0;
    let inStrong = false;
    for (const { name, weight, b } of FIELDS) {
      const field = e.fields[name];
      const tf = Math.max(0, ...a.forms.map((f) => field.tf.get(f) ?? 0));
      if (!tf) continue;
      if (name !== 'answer') inStrong = true;
      tilde += (weight * tf) / (1 - b + (b * field.length) / index.average[name]);
    }
    if (!tilde) continue;
    score += (a.idf * (tilde * (K1 + 1))) / (tilde + K1);
    explained += inStrong ? a.weight : ANSWER_ONLY * a.weight;
    if (inStrong) {
      strong++;
      strongWeight += a.weight;
    }
  }
  const coverage = explained / total;
  // Rare words carry a match; common ones ("kerja", "luar negeri") only when they are all the message says.
  const weighty = strongWeight >= MIN_STRONG_WEIGHT || (coverage >= 0.9 && strongWeight >= 2.5);
  if (strong < MIN_STRONG || !weighty || coverage < MIN_COVERAGE) return 0;
  return score * coverage;
}

/**
 * How the second way reads a message against one entry (for `scripts/kb-probe.ts`): each meaning with its
 * weight and where the entry says it (Q question, K keywords, A answer), and the entry's field score.
 */
export function explainMatch(
  index: KnowledgeIndex,
  text: string,
  ref: string,
  options: MatchOptions = {},
): string {
  const e = index.entries.find((x) => x.entry.ref === ref);
  if (!e) return `${ref}: no such entry`;
  const asked = askedOf(index, text, options);
  const where = (forms: string[]) =>
    (['question', 'keywords', 'answer'] as const)
      .filter((name) => forms.some((f) => e.fields[name].tf.has(f)))
      .map((name) => name[0]!.toUpperCase())
      .join('');
  const words = asked.map((a) => `${a.forms.join('/')}:${a.weight.toFixed(2)}${where(a.forms)}`);
  return `${words.join('  ')}  → ${(FIELD_SCALE * fieldScore(index, e, asked)).toFixed(2)}`;
}
