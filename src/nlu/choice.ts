/**
 * Which of the options on screen a typed reply picks: by number ("2", "no 2", "dua", "yang kedua",
 * "ke-2", "pilih 2"), by the option's own words ("cari program", "bahasa", one typo forgiven), or by
 * meaning for the controls ("mau ngomong sama admin" → "Bicara dengan petugas"). Ties pick nothing.
 */

import { editDistance, typoBudget } from '../shared/text/distance';
import type { Reading } from './context';
import { FILLERS } from './intent';
import { normalizeMessage } from './normalize';
import { extractOrdinal } from './slots/ordinal';
import { HEAVY_TONES, readTone } from './tone';
import { understand } from './understand';

/** Words too general to tell options apart. */
const FUNCTION_WORDS = [
  'yang',
  'dan',
  'di',
  'ke',
  'dengan',
  'untuk',
  'dari',
  'the',
  'a',
  'an',
  'to',
  'of',
  'atau',
  'or',
];
/** Words in a reply that do not tell options apart ("dong", "mau", "saya"). */
const IGNORED = new Set([...FILLERS, ...FUNCTION_WORDS, 'ini', 'itu', 'pilih', 'ingin', 'my', 'i', 'want']);
/** In an option, only function words are noise: "Program saya" is not "Program". */
const LABEL_IGNORED = new Set(FUNCTION_WORDS);

/** Words that make a reply a question, not a pick. */
const QUESTION_WORDS = new Set([
  'kapan',
  'berapa',
  'dimana',
  'mana',
  'bagaimana',
  'gimana',
  'kenapa',
  'mengapa',
  'apakah',
  'when',
  'where',
  'how',
  'why',
]);

/** Intents that name a control; a label meaning the same control is picked even in other words. */
const CONTROL_INTENTS = new Set([
  'menu',
  'back',
  'next',
  'prev',
  'handoff',
  'cancel',
  'yes',
  'no',
  'help',
  'stop',
  'language',
  'status',
  'privacy_export',
  'privacy_delete',
]);

/** Words of going on with something left ("lanjutin", "terusin", "continue"). */
const RESUMING = /\b(lanjut|lanjutkan|lanjutin|terusin|teruskan|continue|resume)\b/;

interface Label {
  words: string[];
  joined: string;
  /** The controls the option stands for: "Ya, lanjut" is both yes and next. */
  intents: Set<string>;
}

const labelCache = new Map<string, Label>();

function readLabel(label: string): Label {
  let cached = labelCache.get(label);
  if (!cached) {
    const tokens = normalizeMessage(label).tokens;
    const words = tokens.filter((w) => !LABEL_IGNORED.has(w));
    const intents = new Set([understand(label).intent]);
    const opening = tokens[0] ? understand(tokens[0]).intent : undefined;
    if (opening === 'yes' || opening === 'no') intents.add(opening);
    cached = { words: words.length ? words : tokens, joined: tokens.join(' '), intents };
    if (labelCache.size > 2000) labelCache.clear();
    labelCache.set(label, cached);
  }
  return cached;
}

function sameWord(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (typed.length < 5 || typed[0] !== word[0]) return false;
  const budget = typoBudget(word.length);
  return editDistance(typed, word, budget) <= budget;
}

/** Index of the option picked, or undefined when the reply picks none or several equally. */
export function matchChoice(text: string, labels: readonly string[]): number | undefined {
  if (labels.length === 0) return undefined;
  const message = normalizeMessage(text);
  const tokens = message.tokens;
  if (tokens.length === 0) return undefined;
  const words = tokens.filter((w) => !IGNORED.has(w));

  // By number.
  const reading: Reading = { tokens, caps: message.caps, claimed: tokens.map(() => false) };
  const ordinal = extractOrdinal(reading, tokens.filter((w) => !FILLERS.has(w)).length || tokens.length);
  if (
    ordinal !== undefined &&
    (words.length <= 1 || reading.claimed.filter(Boolean).length >= words.length)
  ) {
    return ordinal >= 1 && ordinal <= labels.length ? ordinal - 1 : undefined;
  }

  const read = labels.map(readLabel);
  const joined = tokens.join(' ');
  const exact = read.findIndex((l) => l.joined === joined);
  if (exact >= 0 && read.filter((l) => l.joined === joined).length === 1) return exact;

  // By the option's words: every word typed is in the option, or every word of the option was typed.
  const typed = words.length ? words : tokens;
  let best: number | undefined;
  let bestScore = 0;
  let tie = false;
  read.forEach((label, index) => {
    const typedFound = typed.filter((w) => label.words.some((lw) => sameWord(w, lw))).length;
    const labelFound = label.words.filter((lw) => typed.some((w) => sameWord(w, lw))).length;
    if (typedFound === 0) return;
    if (typedFound < typed.length && labelFound < label.words.length) return;
    // "daftarnya sampai kapan?" asks about the option's subject; it does not press "Daftar".
    if (typedFound < typed.length && typed.some((w) => QUESTION_WORDS.has(w))) return;
    const score = labelFound / label.words.length + typedFound / typed.length;
    if (score > bestScore) {
      best = index;
      bestScore = score;
      tie = false;
    } else if (score === bestScore) tie = true;
  });
  if (best !== undefined) return tie ? undefined : best;

  // By meaning, for the controls only — and not when a feeling is said with it: "aku capek bgt, udah
  // daftar kemana2 ga ada yg nerima 😭" is not a tap on "📄 Lamaran saya" (the free-text reading hears
  // the feeling first, then the request).
  const intent = understand(text).intent;
  if (!CONTROL_INTENTS.has(intent)) return undefined;
  const tone = readTone(text)?.tone;
  if (tone && HEAVY_TONES.has(tone)) return undefined;
  // "tadi pendaftaranku gmn? lanjutin dong" goes on with an application: it is not "📄 Lamaran saya"
  // (the free-text reading takes it back to the unfinished one).
  if (intent === 'status' && RESUMING.test(joined)) return undefined;
  const same = read.flatMap((l, i) => (l.intents.has(intent) ? [i] : []));
  return same.length === 1 ? same[0] : undefined;
}
