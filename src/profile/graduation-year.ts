import { parseIsoDate, toCalendarDate } from '../eligibility/dates';
import type { IsoDate } from '../eligibility/types';
import { MIN_AGE } from './birth-date';
import { normalise } from './normalise';
import { fail, ok, type ParseResult } from './result';

export interface GraduationYearOptions {
  today: IsoDate | Date;
  /** When known, a graduation before the tenth birthday year is refused as a typo. */
  birthDate?: IsoDate;
}

/**
 * A four-digit year ("2021", "lulus tahun 2021"). Up to next year is accepted: final-year students give
 * the year they expect to graduate.
 */
export function parseGraduationYear(raw: string, options: GraduationYearOptions): ParseResult<number> {
  const thisYear = toCalendarDate(options.today).year;
  const example = thisYear - 2;
  const text = normalise(raw);
  const years = [...text.matchAll(/(?<!\d)(\d{4})(?!\d)/g)].map((m) => Number(m[1]));
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
