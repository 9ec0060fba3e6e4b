/**
 * Folding and tokenising shared by the normaliser and the gazetteer: accents off, apostrophes joined
 * ("jum'at" → "jumat"), emoji and punctuation to spaces, a hyphen kept only inside a word
 * ("laki-laki") and dots dropped inside numbers ("1.500.000").
 */

const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’‘`´]/g;
const NUMBER_DOTS = /(?<=\d)[.,](?=\d{3}\b)/g;
const NOISE = /[^\p{L}\p{N}\s-]+/gu;
const LOOSE_HYPHENS = /(?<!\p{L})-|-(?!\p{L})/gu;
const SPACES = /\s+/;

export interface RawToken {
  /** Lower-cased token. */
  text: string;
  /** Written in capitals ("IT", "AC", "SMA"): a hint that it is an abbreviation. */
  caps: boolean;
}

const CAPS = /^(?=.*\p{Lu})[\p{Lu}\p{N}]{2,}$/u;

function clean(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(APOSTROPHES, '')
    .replace(NUMBER_DOTS, '')
    .replace(NOISE, ' ')
    .replace(LOOSE_HYPHENS, ' ');
}

/** Tokens of a message with their capitalisation noted. */
export function rawTokens(text: string): RawToken[] {
  const out: RawToken[] = [];
  for (const piece of clean(text).split(SPACES)) {
    if (piece) out.push({ text: piece.toLowerCase(), caps: CAPS.test(piece) });
  }
  return out;
}

/** Lower-cased tokens, hyphenated words split ("toli-toli" → "toli", "toli"). */
export function plainTokens(text: string): string[] {
  return clean(text).toLowerCase().replace(/-/g, ' ').split(SPACES).filter(Boolean);
}
