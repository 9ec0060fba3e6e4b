/**
 * How a message feels, apart from what it asks: tears, anger, an insult, thanks, laughter or a greeting —
 * from words (after the normaliser), from emoji and typed emoticons (before it strips them). "😭😭😭🙏"
 * is someone crying and pleading, not thanking; "makasih kak 😭🙏" is thanks; "wkwkwk 😭" is laughter.
 * The words are data (lexicons/tone.json). Pure and fast; the conversation decides what to say.
 */

import { rawTokens } from '../shared/text/tokens';
import { FILLERS } from './intent';
import { LAUGHTER } from './lexicon';
import data from './lexicons/tone.json';
import { normalizeMessage } from './normalize';
import { PhraseTable } from './phrases';

export const TONES = [
  'crisis',
  'distress',
  'insult',
  'frustration',
  'apology',
  'joy',
  'thanks',
  'laughter',
  'greeting',
] as const;
export type Tone = (typeof TONES)[number];

/** Feelings that get an answer of their own, before any request said with them. */
export const HEAVY_TONES: ReadonlySet<Tone> = new Set<Tone>(['crisis', 'distress', 'insult', 'frustration']);

export interface ToneReading {
  tone: Tone;
  /** Nothing but the feeling was said (no question, no request): the feeling is the whole message. */
  only: boolean;
  /** The message without the words of feeling ("bot bego, pelatihan las dong" → "pelatihan las dong"). */
  rest: string;
}

const isTone = (value: string): value is Tone => (TONES as readonly string[]).includes(value);
const entries = <V>(record: Record<string, V>): Array<[Tone, V]> =>
  Object.entries(record).flatMap(([tone, value]) => (isTone(tone) ? [[tone, value] as [Tone, V]] : []));

/** Each emoji (one code point; skin tones and variation selectors are ignored) → its feeling. */
const EMOJI: ReadonlyMap<number, Tone> = new Map(
  entries(data.emoji).flatMap(([tone, chars]) =>
    Array.from(chars, (c) => [c.codePointAt(0)!, tone] as const),
  ),
);
const EMOTICONS: ReadonlyArray<[Tone, RegExp]> = entries(data.emoticons).flatMap(([tone, patterns]) =>
  patterns.map((p) => [tone, new RegExp(p)] as [Tone, RegExp]),
);
const ANY_EMOJI = /\p{Extended_Pictographic}/gu;
const EMOTICON_CHARS = /^[^\p{L}\p{N}]*[:;=><'\-_.\p{L}\p{N}()[\]/3]*$/u;

// Over normalised words ("gak" → "tidak", "bgt" → "banget", "lu" → "kamu").
const WORDS = new PhraseTable<Tone>(
  entries(data.words).flatMap(([tone, phrases]) =>
    phrases
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => [p, tone] as const),
  ),
);

/** Words that add nothing to a feeling: "aku sedih banget kak", "this bot is useless". */
const TRIVIAL = new Set(data.trivial.split(/\s+/).filter(Boolean));

/** "huhu", "huhuhu": the sound of crying (the normaliser drops it with laughter). */
const CRYING = /^(?:hu){2,}h?$/;
/** "hahaha", "wkwk" — but "huhu" is crying, and "hmm" is thinking. */
const isLaughter = (token: string) => LAUGHTER.test(token) && !/^hm+$/.test(token) && !CRYING.test(token);

const ORDER: readonly Tone[] = TONES;

/** What the message feels like, or undefined when it is neutral. */
export function readTone(text: string): ToneReading | undefined {
  const found = new Set<Tone>();
  const symbolTones = new Set<Tone>();
  for (const char of text.match(ANY_EMOJI) ?? []) {
    const tone = EMOJI.get(char.codePointAt(0)!);
    if (tone) symbolTones.add(tone);
  }
  // Typed faces (":(", "T_T", "xD") are tokens of their own; they are taken out before the words are read.
  const pieces = text.replace(ANY_EMOJI, ' ').split(/\s+/).filter(Boolean);
  const words: string[] = [];
  for (const piece of pieces) {
    const face = EMOTICON_CHARS.test(piece) ? EMOTICONS.find(([, re]) => re.test(piece)) : undefined;
    if (face) symbolTones.add(face[0]);
    else words.push(piece);
  }
  const plain = words.join(' ');
  const emojiOnly = plain.replace(/\uFE0F|\u200D|[\s\p{P}\p{S}]/gu, '') === '';
  for (const t of symbolTones) found.add(t);
  // Laughter as typed ("wkwkwk", "hahaha"): the normaliser drops it, so read it from the raw words.
  const raw = rawTokens(plain);
  const laughs = raw.some((t) => isLaughter(t.text));
  if (laughs) found.add('laughter');
  const cries = raw.some((t) => CRYING.test(t.text));
  if (cries) found.add('distress');
  const message = normalizeMessage(plain);
  const tokens = message.tokens;
  const used = tokens.map(() => false);
  const wordTones = new Set<Tone>();
  for (const hit of WORDS.scan(tokens)) {
    wordTones.add(hit.value);
    for (let i = hit.start; i < hit.end; i++) used[i] = true;
  }
  for (const t of wordTones) found.add(t);
  if (found.size === 0) return undefined;
  const saidInWords = (t: Tone) =>
    wordTones.has(t) || (t === 'laughter' && laughs) || (t === 'distress' && cries);
  // Thanks said in words outweighs tears in emoji ("makasih kak 😭🙏"); tears alone are not thanks.
  if (found.has('distress') && found.has('thanks') && !saidInWords('distress')) {
    if (saidInWords('thanks')) found.delete('distress');
    else found.delete('thanks');
  }
  // "makasih kak 🎉": thanks with a party; "gimana biar lolos? 🎉" is no news to celebrate.
  if (found.has('joy') && (plain.includes('?') || (!saidInWords('joy') && found.size > 1)))
    found.delete('joy');
  // "wkwkwk 😭😭": crying with laughter. Tears in words ("sedih wkwk") stay tears.
  if (found.has('distress') && saidInWords('laughter') && !saidInWords('distress')) found.delete('distress');
  const tone = ORDER.find((t) => found.has(t))!;
  const left = tokens.filter((_, i) => !used[i]);
  const meaningful = left.filter((w) => !FILLERS.has(w) && !TRIVIAL.has(w));
  return { tone, only: emojiOnly || meaningful.length === 0, rest: left.join(' ') };
}
