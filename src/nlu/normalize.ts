/**
 * Chat Indonesian → plain lower-case standard words: emoji and punctuation off, stretched letters
 * shrunk ("bangettt"), slang expanded ("gak" → "tidak", "yg" → "yang"), forms of address dropped
 * ("kak", "min"), "-ku"/"-nya" split off known words, and one typo forgiven in domain words — while
 * the abbreviations this domain depends on (SMA, SMP, BLK, KK, D3…) are left exactly as they are.
 */
import { onRegionsReloaded } from '../regions/data';
import { multiWordNamesWith, placeNameTokens, townNameTokens } from '../regions/gazetteer';
import { TypoIndex } from '../shared/text/distance';
import { rawTokens } from '../shared/text/tokens';
import { isCommonWord } from '../shared/text/words';
import { FILLERS, INTENT_VOCABULARY } from './intent';
import {
  ADDRESS_TERMS,
  EMOJI_WORDS,
  LAUGHTER,
  PROTECTED,
  SLANG_MAP,
  SLANG_PAIR_MAP,
  TYPO_TARGETS,
} from './lexicon';
import { CONSTRAINT_TABLE } from './slots/constraints';
import { COUNTRY_TABLE } from './slots/country';
import { EDUCATION_TABLE } from './slots/education';
import { FIELD_TABLE } from './slots/fields';
import { KIND_TABLE } from './slots/kind';
import { NUMBER_WORDS, ORDINAL_WORDS } from './slots/ordinal';

export interface NormalizedMessage {
  /** A leading bot command without its slash or @botname: "berhenti" for "/berhenti@JembatanBot". */
  command?: string;
  tokens: string[];
  /** Whether each token was written in capitals in the message. */
  caps: boolean[];
  /** The person addressed the bot ("kak", "min") — on its own, a way of saying hello. */
  addressed: boolean;
  /** A programme was referred to as a known one: "pelatihannya", "programnya". */
  definite: boolean;
  /** Something of a programme in view was asked about first thing: "biayanya …", "sertifikatnya …". */
  attribute: boolean;
}

const PROGRAMME_WORDS = new Set([
  'pelatihan',
  'program',
  'magang',
  'kursus',
  'training',
  'sertifikasi',
  'kelas',
]);
const ATTRIBUTE_WORDS = new Set([
  'biaya',
  'lokasi',
  'jadwal',
  'sertifikat',
  'gaji',
  'asrama',
  'kuota',
  'alamat',
  'durasi',
  'tempat',
  'fasilitas',
  'saku',
  'tanggal',
  'harga',
  'materi',
  'benefit',
  'penyelenggara',
  'kontak',
  'seleksi',
  'tes',
]);

/** Words the slot and intent tables look for: never rewritten (typos go towards TYPO_TARGETS only). */
const domainWords: ReadonlySet<string> = new Set([
  ...FIELD_TABLE.vocabulary,
  ...KIND_TABLE.vocabulary,
  ...COUNTRY_TABLE.vocabulary,
  ...CONSTRAINT_TABLE.vocabulary,
  ...EDUCATION_TABLE.vocabulary,
  ...INTENT_VOCABULARY,
  ...NUMBER_WORDS.keys(),
  ...ORDINAL_WORDS.keys(),
]);
let known: Set<string> | undefined;
let domainTypos: TypoIndex | undefined;
let placeTypos: TypoIndex | undefined;
onRegionsReloaded(() => {
  known = undefined;
  placeTypos = undefined;
  joinTargets = undefined;
  addressInPlaces = undefined;
});

function vocabulary(): Set<string> {
  if (!known) {
    known = new Set(domainWords);
    for (const w of placeNameTokens()) known.add(w);
    for (const w of townNameTokens()) known.add(w);
    for (const replacement of SLANG_MAP.values()) for (const w of replacement) known.add(w);
  }
  return known;
}

function isKnown(token: string): boolean {
  return isCommonWord(token) || vocabulary().has(token) || PROTECTED.has(token);
}

function correctTypo(token: string): string | undefined {
  placeTypos ??= new TypoIndex([...placeNameTokens()].filter((w) => !isCommonWord(w)));
  // A misspelt place is the gazetteer's to recognise; do not turn it into a domain word first.
  if (placeTypos.correct(token)) return undefined;
  // One typo only, even in long words: Indonesian affixes put many real words two letters from a domain
  // word ("pengolahan" / "pengelasan", "pertanyaan" / "pertanian").
  domainTypos ??= new TypoIndex(TYPO_TARGETS, (length) => (length >= 12 ? 2 : length >= 5 ? 1 : 0));
  return domainTypos.correct(token);
}

const CAUSATIVE_STEMS = new Set([
  'batal',
  'daftar',
  'pilih',
  'bantu',
  'cari',
  'kabar',
  'info',
  'inget',
  'ingat',
  'kirim',
  'hapus',
  'ajar',
  'jelas',
  'tunjuk',
  'kasih',
  'cek',
  'tanya',
  'rekomendasi',
  'saran',
  'ganti',
  'balik',
]);

const COMMAND = /^\s*\/([a-z_]+)(?:@\w+)?/i;
const MY = new Set(['saya', 'sy', 'aku', 'ak', 'gue', 'gw', 'gua', 'ku', 'ane']);
const REDUPLICATED = /^([a-z]{3,})2$/;
/** "hotel2an", "coding2an": the thing and its like. */
const REDUPLICATED_AN = /^([a-z]{3,})2an$/;
const STRETCHED = /(.)\1{2,}/g;
const DOUBLED = /(.)\1+/g;
const HAS_DOUBLE = /(.)\1/;
const SUFFIXES: ReadonlyArray<[string, string[]]> = [
  ['nya', []],
  // Javanese "-ne" is "-nya": "uang sakune".
  ['ne', []],
  ['ku', ['saya']],
  ['mu', ['kamu']],
  ['lah', []],
  ['kah', []],
  // Jakarta causative: "batalin", "daftarin", "pilihin" (only on verbs, or "hadirin" would lose its meaning).
  ['in', []],
];

/** Place names with a word that is also a way of addressing someone ("pangkalan bun"), from the gazetteer. */
let addressInPlaces: string[][] | undefined;

/** The word at `i` is part of a place name written around it ("pangkalan bun"), not a form of address. */
function inPlaceName(raw: ReadonlyArray<{ text: string }>, i: number): boolean {
  addressInPlaces ??= multiWordNamesWith(ADDRESS_TERMS);
  const word = raw[i]!.text;
  return addressInPlaces.some((parts) =>
    parts.some((w, k) => w === word && parts.every((p, j) => raw[i - k + j]?.text === p)),
  );
}

function normalizeWord(token: string, depth = 0, seen?: { definite: boolean; attribute: boolean }): string[] {
  if (PROTECTED.has(token) || /^\d+$/.test(token)) return [token];
  const slang = SLANG_MAP.get(token);
  if (slang) return [...slang];
  if (ADDRESS_TERMS.has(token)) return [];
  if (isKnown(token)) return [token];
  if (LAUGHTER.test(token)) return [];
  if (depth > 2) return [token];
  const like = REDUPLICATED_AN.exec(token);
  if (like) return normalizeWord(like[1]!, depth + 1);
  const twice = REDUPLICATED.exec(token);
  if (twice) {
    const word = normalizeWord(twice[1]!, depth + 1);
    return [...word, ...word];
  }
  if (token.includes('-')) {
    const parts = token.split('-');
    // "kupu-kupu" stays one word; "e-learning" becomes two.
    if (parts.every((p) => p === parts[0])) return [token];
    return parts.flatMap((p) => normalizeWord(p, depth + 1));
  }
  if (HAS_DOUBLE.test(token)) {
    // "maaaf" → "maaf", "bangettt" → "banget", "kakk" → "kak", "siapp" → "siap".
    const two = token.replace(STRETCHED, '$1$1');
    const one = token.replace(DOUBLED, '$1');
    for (const form of [two, one]) {
      if (form !== token && (isKnown(form) || SLANG_MAP.has(form) || ADDRESS_TERMS.has(form))) {
        return normalizeWord(form, depth + 1);
      }
    }
    if (two !== token) return normalizeWord(one, depth + 1);
  }
  for (const [suffix, adds] of SUFFIXES) {
    if (token.length - suffix.length < 3 || !token.endsWith(suffix)) continue;
    const stem = token.slice(0, -suffix.length);
    if (suffix === 'in' && !CAUSATIVE_STEMS.has(stem)) continue;
    if (isKnown(stem) || SLANG_MAP.has(stem)) {
      if (suffix === 'nya' && seen && PROGRAMME_WORDS.has(stem)) seen.definite = true;
      if (suffix === 'nya' && seen && ATTRIBUTE_WORDS.has(stem)) seen.attribute = true;
      return [...normalizeWord(stem, depth + 1), ...adds];
    }
  }
  const negated = splitNegation(token);
  if (negated) return ['tidak', ...normalizeWord(negated, depth + 1)];
  const joined = splitJoined(token);
  if (joined) return joined.flatMap((w) => normalizeWord(w, depth + 1));
  const fixed = correctTypo(token);
  return fixed ? [fixed] : [token];
}

/** Prepositions typed onto the place after them: "kejepang", "disurabaya". */
const JOINED_PREPOSITIONS = ['dari', 'di', 'ke'];
let joinTargets: Set<string> | undefined;

/**
 * Two words typed without the space between them: "pelatihanlas", "magangjepang", "kejepang". Only a
 * programme word or a preposition followed by a field, country or place, so ordinary words never split.
 */
/** Negations people glue to the verb in chat ("gapunya", "gabisa", "tdkada", "gatau"). */
const GLUED_NEGATIONS = ['nggak', 'ngga', 'ndak', 'gak', 'tdk', 'ga', 'gk', 'g'];
/**
 * The verbs a glued negation goes with: a closed list, so "gaji", "galau" or "gabung" are never
 * read as "tidak ji", "tidak lau", "tidak bung".
 */
const NEGATABLE = new Set(
  'punya ada bisa pernah tau tahu mau usah lulus tamat boleh jadi suka ngerti paham sempat perlu butuh minat yakin dapat dapet kuat sanggup kerja sekolah'.split(
    ' ',
  ),
);

function splitNegation(token: string): string | undefined {
  for (const neg of GLUED_NEGATIONS) {
    const rest = token.slice(neg.length);
    if (token.startsWith(neg) && NEGATABLE.has(rest)) return rest;
  }
  return undefined;
}

function splitJoined(token: string): string[] | undefined {
  if (token.length < 5) return undefined;
  joinTargets ??= new Set([
    ...FIELD_TABLE.vocabulary,
    ...COUNTRY_TABLE.vocabulary,
    ...[...placeNameTokens()].filter((w) => !isCommonWord(w)),
  ]);
  for (const head of [...PROGRAMME_WORDS, ...JOINED_PREPOSITIONS]) {
    const rest = token.slice(head.length);
    if (token.startsWith(head) && rest.length >= 3 && joinTargets.has(rest)) return [head, rest];
  }
  return undefined;
}

export function normalizeMessage(text: string): NormalizedMessage {
  let body = text;
  let command: string | undefined;
  const cmd = COMMAND.exec(body);
  if (cmd) {
    command = cmd[1]!.toLowerCase();
    body = body.slice(cmd[0].length);
  }
  for (const [emoji, words] of EMOJI_WORDS) body = body.replace(emoji, words);
  const raw = rawTokens(body);
  const tokens: string[] = [];
  const caps: boolean[] = [];
  let addressed = false;
  const seen = { definite: false, attribute: false };
  let attributeAt = -1;
  for (let i = 0; i < raw.length; i++) {
    const { text: word, caps: isCaps } = raw[i]!;
    const next = raw[i + 1]?.text;
    const pair = next !== undefined ? SLANG_PAIR_MAP.get(`${word} ${next}`) : undefined;
    if (pair) {
      for (const w of pair) {
        tokens.push(w);
        caps.push(false);
      }
      i++;
      continue;
    }
    // "min 18 tahun" is a minimum, not "admin".
    if (word === 'min' && next && /^\d/.test(next)) {
      tokens.push('minimal');
      caps.push(false);
      continue;
    }
    const askedBefore = seen.attribute;
    // "kakak saya", "abang gw": a relative, not a way of addressing the bot.
    const relative = ADDRESS_TERMS.has(word) && next !== undefined && MY.has(next);
    // "pangkalan bun": the end of a place's name, not "bunda".
    const placeEnd = ADDRESS_TERMS.has(word) && inPlaceName(raw, i);
    const out = relative || placeEnd ? [word] : normalizeWord(word, 0, seen);
    // "uang sakunya": the attribute starts at "uang".
    if (!askedBefore && seen.attribute) attributeAt = tokens.length - (tokens.at(-1) === 'uang' ? 1 : 0);
    if (out.length === 0 && ADDRESS_TERMS.has(word.replace(DOUBLED, '$1'))) addressed = true;
    for (const w of out) {
      tokens.push(w);
      caps.push(isCaps && out.length === 1);
    }
  }
  const { definite } = seen;
  // "biayanya berapa?", "ada asramanya?" ask about a programme in view; "pelatihan yang ada asramanya" looks for one.
  const attribute =
    attributeAt >= 0 && tokens.slice(0, attributeAt).filter((w) => !FILLERS.has(w)).length <= 1;
  return command === undefined
    ? { tokens, caps, addressed, definite, attribute }
    : { command, tokens, caps, addressed, definite, attribute };
}

/** The message as plain lower-case standard words (a leading command kept as "/name"). */
export function normalize(text: string): string {
  const m = normalizeMessage(text);
  const words = m.tokens.join(' ');
  return m.command ? `/${m.command}${words ? ` ${words}` : ''}` : words;
}
