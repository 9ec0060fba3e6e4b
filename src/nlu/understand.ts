/**
 * Free text → intent and slots, deterministically and in well under a millisecond: normalise, let each
 * slot extractor claim its words (fields before countries, so "bahasa jepang" is a language course and
 * not a trip to Japan), find places in what is left, then decide the intent.
 */
import type { EducationLevel, Field, ProgrammeKind } from '../catalogue/vocabulary';
import { findRegionsInTokens, placeNameTokens } from '../regions/gazetteer';
import { claim, type Reading } from './context';
import { classify, commandIntent, FILLERS, INTENT_WORDS, INTENTS, type Intent } from './intent';
import { PROTECTED } from './lexicon';
import { normalizeMessage } from './normalize';
import { PhraseTable } from './phrases';
import { type Constraints, extractConstraints } from './slots/constraints';
import { extractCountry } from './slots/country';
import { readEducation } from './slots/education';
import { extractFacts, type PlaceSpan, type StatedFacts } from './slots/facts';
import { extractFields } from './slots/fields';
import { extractKind } from './slots/kind';
import { extractOrdinal } from './slots/ordinal';
import { isCommonWord, isStopword } from './words';

export type { Intent } from './intent';
export type { Constraints } from './slots/constraints';
export type { StatedFacts } from './slots/facts';
export { INTENTS };

export interface Slots {
  kind?: ProgrammeKind;
  fields?: Field[];
  /** ISO 3166 alpha-2 destination. */
  country?: string;
  /** Province code ("35"); set with the regency's province when a regency is named. */
  province?: string;
  /** Regency/city code ("35.78"). */
  regency?: string;
  education?: EducationLevel;
  /** Conditions the person mentioned wanting or asked about. */
  constraints?: Constraints;
  /** Which list item, 1-based ("yang kedua" → 2). */
  ordinal?: number;
  /** Remaining words worth a text search ("drone", "sepatu"). */
  keywords?: string[];
  /** What the person said about themselves ("aku cowok umur 24 lulusan smp"), for this search only. */
  facts?: StatedFacts;
}

export interface Understanding {
  intent: Intent;
  /** The message as plain standard words (see normalize). */
  normalized: string;
  slots: Slots;
}

/** "pelatihan ini", "program itu": a programme already on screen. */
const DEFINITE = new PhraseTable(
  ['pelatihan', 'program', 'magang', 'kursus', 'kelas', 'training'].flatMap((w) =>
    ['ini', 'itu', 'tersebut'].map((d) => [`${w} ${d}`, true] as const),
  ),
);

/** Intents whose words describe programmes; the others get no keywords. */
// An eligibility question's other words describe the person ("hamil", "tato"), not what to search for.
const CONTENT_INTENTS = new Set<Intent>(['search', 'details', 'match', 'apply', 'subscribe']);

/** Abbreviations worth searching for ("N4", "K3"); the other protected ones are documents or grades. */
const KEYWORD_ABBREVIATIONS = new Set([
  'n1',
  'n2',
  'n3',
  'n4',
  'n5',
  'jlpt',
  'topik',
  'eps',
  'k3',
  'cnc',
  'ssw',
]);

const TRAILING_LEVELS = new Set(['kab', 'kabupaten', 'kota']);

function keywordsOf(r: Reading): string[] {
  const out: string[] = [];
  r.tokens.forEach((w, i) => {
    if (r.claimed[i] || /^\d+$/.test(w)) return;
    // Short words only when they mix letters and digits ("3g", "n4").
    if (w.length < 3 && !/\d/.test(w)) return;
    if (isStopword(w) || INTENT_WORDS.has(w) || FILLERS.has(w)) return;
    if (PROTECTED.has(w) && !KEYWORD_ABBREVIATIONS.has(w)) return;
    if (!out.includes(w)) out.push(w);
  });
  return out;
}

export function understand(text: string): Understanding {
  const message = normalizeMessage(text);
  const { tokens } = message;
  const normalized = message.command ? `/${message.command} ${tokens.join(' ')}`.trim() : tokens.join(' ');
  const r: Reading = { tokens, caps: message.caps, claimed: tokens.map(() => false) };

  const fields = extractFields(r);
  const { kind: saidKind, weak, goingAbroad } = extractKind(r);
  const constraints = extractConstraints(r);
  const countryCue = extractCountry(r);
  const country = countryCue?.code;
  const educationReading = readEducation(r);
  const education = educationReading.level;
  const placeTokens = tokens.map((w, i) => (r.claimed[i] ? '' : w));
  // "bekasi kab", "bandung kota": a level said after the name means the same as before it.
  // Not "di kota jogja", where the level comes before the name as usual.
  const places = placeNameTokens();
  for (let i = 1; i < placeTokens.length; i++) {
    const [name, level, after] = [placeTokens[i - 1]!, placeTokens[i]!, placeTokens[i + 1] ?? ''];
    const named = places.has(name) && !isCommonWord(name) && !TRAILING_LEVELS.has(placeTokens[i - 2] ?? '');
    if (TRAILING_LEVELS.has(level) && named && !(after && places.has(after)))
      [placeTokens[i - 1], placeTokens[i]] = [level, name];
  }
  const regions = findRegionsInTokens(placeTokens);
  const region = regions[0];
  const spans: PlaceSpan[] = [];
  for (const place of regions) {
    // Claim every place's words so they do not also become keywords.
    const words = place.matched.split(' ');
    for (let i = 0; i + words.length <= placeTokens.length; i++) {
      if (words.every((w, k) => placeTokens[i + k]?.split('-').includes(w))) {
        claim(r, i, i + words.length);
        const span: PlaceSpan = { start: i, end: i + words.length, province: place.provinceCode };
        if (place.type === 'regency') span.regency = place.code;
        spans.push(span);
      }
    }
  }
  spans.sort((a, b) => a.start - b.start);
  // The intent is decided on the words as they were before the facts took theirs: what a message asks
  // stays what it asked ("umur 27 bisa ikut?" is still a question about eligibility).
  const claimedForIntent = [...r.claimed];
  const facts = extractFacts(r, { education: educationReading, places: spans });
  const core = tokens.filter((w) => !FILLERS.has(w));
  const ordinal = extractOrdinal(r, core.length);

  // A country with talk of going or interning there is a programme abroad ("kerja ke korea", "magang jepang").
  let kind = saidKind;
  if (countryCue && (weak || kind === 'magang') && (goingAbroad || countryCue.destination)) {
    kind = 'magang_luar_negeri';
  }

  const slots: Slots = {};
  if (kind) slots.kind = kind;
  if (fields.length) slots.fields = fields;
  if (country) slots.country = country;
  if (region) {
    slots.province = region.provinceCode;
    if (region.type === 'regency') slots.regency = region.code;
  }
  if (education) slots.education = education;
  if (constraints) slots.constraints = constraints;
  if (ordinal !== undefined) slots.ordinal = ordinal;
  if (facts) slots.facts = facts;

  const content = Boolean(kind || fields.length || country || region || constraints);
  let intent: Intent = message.command ? (commandIntent(message.command) ?? 'unknown') : 'unknown';
  if (!message.command) {
    intent = classify(
      tokens,
      claimedForIntent,
      {
        content,
        education: Boolean(education),
        ordinal: ordinal !== undefined,
        constraints: Boolean(constraints),
        definite: message.definite,
        demonstrative: DEFINITE.test(tokens),
        topic: Boolean(kind || fields.length || country || region),
        attribute: message.attribute,
      },
      message.addressed,
    );
  }
  if (intent === 'language') {
    // "ganti bahasa ke inggris" names the bot's language, not a course or a destination.
    for (const key of ['fields', 'country', 'kind'] as const) delete slots[key];
  }
  if (CONTENT_INTENTS.has(intent)) {
    const keywords = keywordsOf(r);
    if (keywords.length) slots.keywords = keywords;
  }
  return { intent, normalized, slots };
}
