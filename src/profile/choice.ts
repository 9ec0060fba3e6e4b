/**
 * One of a question's options: its text in any case and spacing ("n4", "N 4"), its number ("2",
 * "no 2", "yang kedua"), a unique option named inside a sentence, or a small typo of one.
 */

import { closest } from '../shared/text/distance';
import { normaliseText } from '../shared/text/normalise';
import { fail, ok, type ParseResult } from './result';

export interface ChoiceAnswer {
  value: string;
  index: number;
}

// biome-ignore format: a table reads better in rows
const ORDINALS: Record<string, number> = {
  pertama: 1, satu: 1, kesatu: 1, first: 1,
  kedua: 2, dua: 2, second: 2,
  ketiga: 3, tiga: 3, third: 3,
  keempat: 4, empat: 4, fourth: 4,
  kelima: 5, lima: 5, fifth: 5,
  keenam: 6, enam: 6,
  ketujuh: 7, tujuh: 7,
  kedelapan: 8, delapan: 8,
  kesembilan: 9, sembilan: 9,
  kesepuluh: 10, sepuluh: 10,
  terakhir: -1, last: -1,
};

const compact = (text: string) => normaliseText(text).replace(/ /g, '');

export function parseChoice(raw: string, options: readonly string[]): ParseResult<ChoiceAnswer> {
  const pick = (index: number) => ok({ value: options[index]!, index });
  const listed = options.map((option, i) => `${i + 1}. ${option}`).join(', ');
  const unknown = () => fail<ChoiceAnswer>('choice.unknown', { count: options.length, options: listed });
  const text = normaliseText(raw);
  const keys = options.map(compact);

  // The option's own text first, so an option that is a number ("2021") is not read as a position.
  const exact = keys.indexOf(text.replace(/ /g, ''));
  if (exact >= 0) return pick(exact);

  const spoken = /^(?:(?:pilih|pilihan|no|nomor|nmr|nomer|yang|yg)\s*)*(?:ke\s*)?(\d{1,2}|[a-z]+)$/.exec(
    text,
  );
  if (spoken) {
    const n = /^\d+$/.test(spoken[1]!) ? Number(spoken[1]) : ORDINALS[spoken[1]!];
    if (n !== undefined) {
      const index = n === -1 ? options.length - 1 : n - 1;
      return index >= 0 && index < options.length ? pick(index) : unknown();
    }
  }

  // "saya sudah N4": exactly one option appears as whole words in the answer.
  const padded = ` ${text} `;
  const named = options
    .map((o, i) => [normaliseText(o), i] as const)
    .filter(([o]) => o !== '' && padded.includes(` ${o} `));
  if (named.length === 1) return pick(named[0]![1]);
  if (named.length > 1) {
    // "N4 atau N3": more than one named, unless one option's text contains the others' ("kursus bahasa" vs "bahasa").
    const longest = named.reduce((a, b) => (b[0].length > a[0].length ? b : a));
    if (named.every(([o]) => longest[0].includes(o))) return pick(longest[1]);
    return fail('choice.ambiguous', { matches: named.map(([, i]) => options[i]).join(', ') });
  }

  const guess = closest(text.replace(/ /g, ''), keys);
  return guess !== undefined ? pick(keys.indexOf(guess)) : unknown();
}
