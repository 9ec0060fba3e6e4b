/**
 * One number from an answer: "160", "160 cm", "1,60 m", "1.500.000", "1,5 juta", "Rp 2 jt", "170an",
 * "seratus tujuh puluh", "170 bukan 17". Indonesian writing: comma for decimals, dot between thousands.
 * A unit hint converts what people wrote in another unit (metres for a height asked in cm).
 */
import { numberWordsToDigits } from '../shared/text/number-words';
import { fail, ok, type ParseResult } from './result';

export type NumberUnit = 'cm' | 'm' | 'kg' | 'g' | 'tahun' | 'bulan' | 'rupiah';

export interface NumberOptions {
  unit?: NumberUnit;
  /** Plausible range, to catch typos ("1600" cm); outside it the person is asked again. */
  min?: number;
  max?: number;
  /** Shown in the error message ("misalnya 160"); default from the unit. */
  example?: string;
}

const EXAMPLES: Record<NumberUnit | 'none', string> = {
  cm: '160',
  m: '1,6',
  kg: '55',
  g: '500',
  tahun: '2',
  bulan: '6',
  rupiah: '1.500.000',
  none: '5',
};

const MULTIPLIERS: Record<string, number> = { rb: 1e3, ribu: 1e3, k: 1e3, jt: 1e6, juta: 1e6 };

/** Length and mass written in one unit, wanted in another. */
const CONVERSIONS: Record<string, Record<string, number>> = {
  cm: { m: 100, meter: 100, mm: 0.1, cm: 1 },
  m: { cm: 0.01, mm: 0.001, m: 1, meter: 1 },
  kg: { g: 0.001, gr: 0.001, gram: 0.001, kg: 1 },
  g: { kg: 1000, g: 1, gr: 1, gram: 1 },
  // "pengalaman 6 bulan" to a question asked in years is half a year.
  tahun: { bulan: 1 / 12, bln: 1 / 12, tahun: 1, thn: 1, th: 1 },
  bulan: { tahun: 12, thn: 12, th: 12, bulan: 1, bln: 1 },
};

function readNumber(digits: string): number {
  const groupedByDots = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(digits);
  const groupedByCommas = /^\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$/.test(digits); // 1,000,000 (English)
  if (groupedByDots) return Number(digits.replace(/\./g, '').replace(',', '.'));
  if (groupedByCommas) return Number(digits.replace(/,/g, ''));
  return Number(digits.replace(',', '.'));
}

export function parseNumber(raw: string, options: NumberOptions = {}): ParseResult<number> {
  const example = options.example ?? EXAMPLES[options.unit ?? 'none'];
  const text = numberWordsToDigits(raw.toLowerCase())
    .replace(/rp\.?\s*/g, '')
    // "maksudnya 170 cm bukan 17": the number said to be wrong is not an answer.
    .replace(/\b(bukan|not)\s+\d+(?:[.,]\d+)*\s*[a-z]*/g, ' ');
  // "170an", "30-an": about that much, which is that number.
  const found = [
    ...text.matchAll(
      /(\d+(?:[.,]\d+)*)(?:-?an)?\s*(rb|ribu|k|jt|juta|cm|mm|meter|m|kg|gram|gr|g|bulan|bln|tahun|thn|th)?(?![a-z0-9])/g,
    ),
  ];
  const values = found.map((match) => {
    let value = readNumber(match[1]!);
    const suffix = match[2];
    if (suffix && MULTIPLIERS[suffix]) value *= MULTIPLIERS[suffix];
    else if (suffix && options.unit) value *= CONVERSIONS[options.unit]?.[suffix] ?? 1;
    // A height asked in centimetres and answered "1,60" is in metres.
    else if (!suffix && options.unit === 'cm' && value > 0 && value < 3) value *= 100;
    return Math.round(value * 1e6) / 1e6;
  });
  const distinct = [...new Set(values)];
  if (distinct.length === 0 || distinct.some(Number.isNaN)) return fail('number.format', { example });
  if (distinct.length > 1) return fail('number.several', { example });
  const value = distinct[0]!;
  if (
    (options.min !== undefined && value < options.min) ||
    (options.max !== undefined && value > options.max)
  ) {
    return fail('number.range', { value, min: options.min, max: options.max, example });
  }
  return ok(value);
}
