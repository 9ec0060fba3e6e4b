/**
 * One of a question's options: its text in any case and spacing ("n4", "N 4"), then whatever picks a
 * button (`matchChoice` of src/nlu/choice.ts: its number "2", "no 2", "yang kedua", its words, a typo),
 * then a unique option named inside a sentence, or a small typo of the whole option. What picks several
 * ("N4 atau N3") is said to be ambiguous.
 */

import { matchChoice } from '../nlu/choice';
import { closest } from '../shared/text/distance';
import { normaliseText } from '../shared/text/normalise';
import { fail, ok, type ParseResult } from './result';

export interface ChoiceAnswer {
  value: string;
  index: number;
}

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

  // "yang terakhir", "last"; every other position, number and wording is the buttons' own matcher's.
  if (/^(?:(?:pilih|pilihan|no|nomor|yang|yg)\s*)*(?:terakhir|last)$/.test(text))
    return pick(options.length - 1);
  const matched = matchChoice(raw, options);
  if (matched !== undefined) return pick(matched);

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
