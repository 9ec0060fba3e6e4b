/**
 * Birth date as people write it: day first (Indonesian order) with -, /, . or spaces, a month name or
 * abbreviation, ISO, or only an age ("umur 22", "22 tahun", "22"), which gives an approximate date.
 */
import { completedYears, isValidDate, toCalendarDate, toIsoDate, yearsBefore } from '../eligibility/dates';
import type { IsoDate } from '../shared/profile';
import { closest } from '../shared/text/distance';
import { normaliseText } from '../shared/text/normalise';
import { numberWordsToDigits } from '../shared/text/number-words';
import { fail, ok, type ParseResult } from './result';

export interface BirthDateAnswer {
  birthDate: IsoDate;
  /** True when only an age was given: `birthDate` is today minus that age (see Profile). */
  approximate: boolean;
  age?: number;
}

export const MIN_AGE = 10;
export const MAX_AGE = 80;

// biome-ignore format: a table reads better in rows
const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1, janu: 1,
  februari: 2, pebruari: 2, feb: 2, peb: 2, febr: 2, february: 2,
  maret: 3, mar: 3, mrt: 3, march: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  agustus: 8, agt: 8, agu: 8, ags: 8, agst: 8, agus: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9, spt: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nov: 11, nop: 11, nopember: 11,
  desember: 12, des: 12, dec: 12, december: 12,
};

// Full names only, for typos ("agutus", "febuari"); abbreviations are too short to guess at.
const FULL_MONTH_NAMES = Object.keys(MONTHS).filter((name) => name.length >= 5);

function monthNumber(word: string): number | undefined {
  const known = MONTHS[word];
  if (known) return known;
  const guess = word.length >= 4 ? closest(word, FULL_MONTH_NAMES) : undefined;
  return guess ? MONTHS[guess] : undefined;
}

/** Two-digit years: 00 up to this year's two digits are 20xx, the rest 19xx. */
function fullYear(digits: string, thisYear: number): number {
  if (digits.length === 4) return Number(digits);
  const yy = Number(digits);
  return yy <= thisYear % 100 ? 2000 + yy : 1900 + yy;
}

interface Written {
  day: number;
  month: number;
  year: number;
  /** As the person wrote it, for the error message. */
  text: string;
}

function findDate(text: string, thisYear: number): Written | undefined {
  const iso = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), text: iso[0] };

  const numeric =
    /(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*'?(\d{4}|\d{2})(?!\d)/.exec(text) ??
    /(?<!\d)(\d{1,2})\s+(\d{1,2})\s+(\d{4})(?!\d)/.exec(text);
  if (numeric) {
    return {
      day: Number(numeric[1]),
      month: Number(numeric[2]),
      year: fullYear(numeric[3]!, thisYear),
      text: numeric[0],
    };
  }

  const named = /(?<!\d)(\d{1,2})\s*[-/.]?\s*([a-z]{3,10})\.?\s*[-/.,]?\s*'?(\d{4}|\d{2})(?!\d)/.exec(text);
  const month = named ? monthNumber(named[2]!) : undefined;
  if (named && month)
    return { day: Number(named[1]), month, year: fullYear(named[3]!, thisYear), text: named[0] };

  // 17082003: day, month, year without separators (ISO order only if that is the only real date).
  const packed = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (packed) {
    const [dd, mm, yyyy] = [Number(packed[1]), Number(packed[2]), Number(packed[3])];
    if (isValidDate(yyyy, mm, dd)) return { day: dd, month: mm, year: yyyy, text };
    const [y, m, d] = [Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6))];
    if (isValidDate(y, m, d)) return { day: d, month: m, year: y, text };
    return { day: dd, month: mm, year: yyyy, text };
  }
  return undefined;
}

const AGE =
  /^(?:(?:umur|umurku|usia|usiaku|age)\s*(?:saya|aku|ku|sekarang|skrg)?\s*)?(\d{1,3})\s*(?:tahun|thn|th|thun|taun|tahunan|yo|years?(?:\s*old)?)?(?:\s*(?:kak|ka|min|bang|sekarang|skrg|ini))?$/;

export function parseBirthDate(
  raw: string,
  options: { today: IsoDate | Date },
): ParseResult<BirthDateAnswer> {
  const today = toCalendarDate(options.today);
  const text = numberWordsToDigits(normaliseText(raw, "-/.'"))
    .replace(/\b(?:tanggal|tgl|tgl\.|lahir|lahirku|saya|aku|ku|pada|di|tanggal lahir)\b/g, ' ')
    // "5 bulan 1 tahun 2001": the words between the numbers only name them.
    .replace(/(\d)\s+(?:bulan|bln)\s+(?=\d)/g, '$1 ')
    .replace(/(\d)\s+(?:tahun|thn|th)\s+(?=\d{4}\b)/g, '$1 ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return fail('birthDate.format');

  const age = AGE.exec(text);
  if (age) {
    const years = Number(age[1]);
    if (years < MIN_AGE || years > MAX_AGE)
      return fail('birthDate.age_range', { age: years, min: MIN_AGE, max: MAX_AGE });
    return ok({ birthDate: toIsoDate(yearsBefore(today, years)), approximate: true, age: years });
  }
  // A lone four-digit number is a birth year: ask for the day too rather than guess.
  if (/^(?:tahun |thn )?(19|20)\d{2}$/.test(text))
    return fail('birthDate.year_only', { year: text.slice(-4) });

  const date = findDate(text, today.year);
  if (!date) {
    const withoutYear = /^(\d{1,2})\s*[-/.\s]\s*(\d{1,2}|[a-z]{3,10})\.?$/.exec(text);
    const dayMonth = withoutYear && (/^\d/.test(withoutYear[2]!) || monthNumber(withoutYear[2]!));
    return fail(dayMonth ? 'birthDate.no_year' : 'birthDate.format');
  }
  const written = date.text.trim();
  if (!isValidDate(date.year, date.month, date.day)) return fail('birthDate.impossible', { date: written });

  const birth = { year: date.year, month: date.month, day: date.day };
  const iso = toIsoDate(birth);
  if (iso > toIsoDate(today)) return fail('birthDate.future', { date: written });
  const years = completedYears(birth, today);
  if (years < MIN_AGE) return fail('birthDate.too_young', { date: written, age: years, min: MIN_AGE });
  if (years > MAX_AGE) return fail('birthDate.too_old', { date: written, age: years, max: MAX_AGE });
  return ok({ birthDate: iso, approximate: false });
}
