import { parseIsoDate, toCalendarDate } from '../eligibility/dates';
import type { IsoDate } from '../shared/profile';
import { normaliseText } from '../shared/text/normalise';
import { MIN_AGE } from './birth-date';
import { fail, ok, type ParseResult } from './result';

export interface GraduationYearOptions {
  today: IsoDate | Date;
  /** When known, a graduation before the tenth birthday year is refused as a typo. */
  birthDate?: IsoDate;
}

/** "tahun lalu" / "tahun ini" / "tahun depan", as years from now. */
const RELATIVE: ReadonlyArray<[RegExp, number]> = [
  [/\b(?:tahun|thn|th) (?:lalu|kemarin|kemaren|kmrn)\b|\blast year\b/, -1],
  [/\b(?:tahun|thn|th) ini\b|\bthis year\b/, 0],
  [/\b(?:tahun|thn|th) depan\b|\bnext year\b/, 1],
];

/** "'21", "th 21", "lulus 21": two digits alone are this century's year. */
const TWO_DIGITS = /^(?:(?:lulus|lulusan|tamat|tahun|thn|th|angkatan)\s*)*(\d{2})(?:\s*(?:kak|ka|min))?$/;

/**
 * A four-digit year ("2021", "lulus tahun 2021"), two digits ("'21"), or "tahun lalu". Up to next year is
 * accepted: final-year students give the year they expect to graduate.
 */
export function parseGraduationYear(raw: string, options: GraduationYearOptions): ParseResult<number> {
  const thisYear = toCalendarDate(options.today).year;
  const example = thisYear - 2;
  const text = normaliseText(raw);
  const years = [...text.matchAll(/(?<!\d)(\d{4})(?!\d)/g)].map((m) => Number(m[1]));
  const short = TWO_DIGITS.exec(text);
  if (years.length === 0 && short) years.push(2000 + Number(short[1]));
  const relative = RELATIVE.find(([pattern]) => pattern.test(text));
  if (years.length === 0 && relative) years.push(thisYear + relative[1]);
  if (years.length === 0) {
    if (/\b(?:belum|blm|blum|masih|sedang) (?:lulus|tamat|sekolah|kuliah)\b/.test(text)) {
      return fail('graduationYear.not_graduated', { example: thisYear + 1 });
    }
    return fail('graduationYear.format', { example });
  }
  // "masuk 2018 lulus 2021": the last year named is the graduation.
  const year = years[years.length - 1]!;
  if (year > thisYear + 1) return fail('graduationYear.future', { year, example });
  const birth = parseIsoDate(options.birthDate);
  const earliest = birth ? birth.year + MIN_AGE : thisYear - 80;
  if (year < earliest) {
    return birth
      ? fail('graduationYear.before_birth', { year, birthYear: birth.year, example })
      : fail('graduationYear.format', { example });
  }
  return ok(year);
}
