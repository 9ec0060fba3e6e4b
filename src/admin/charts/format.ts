/*
 * Numbers as the charts print them, and the arithmetic of bar lengths. Pure, so edge cases (nothing to
 * show, one category, 100 %) are tested without rendering.
 */

export type ChartLocale = 'id' | 'en';

const integer = {
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
};
const decimal = {
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

/** 1234 → "1.234" (id) or "1,234" (en). */
export function formatCount(n: number, locale: ChartLocale): string {
  return integer[locale].format(n);
}

/** Share of `part` in `whole` in percent, one decimal; 0 when the whole is 0 (never NaN). */
export function percentOf(part: number, whole: number): number {
  if (!(whole > 0)) return 0;
  return Math.round((part / whole) * 1000) / 10;
}

/** 33.3 → "33,3" (id) or "33.3" (en). */
export function formatDecimal(n: number, locale: ChartLocale): string {
  return decimal[locale].format(n);
}

/** 40 → "40%", 33.3 → "33,3%" (id). */
export function formatPercent(percent: number, locale: ChartLocale): string {
  return `${decimal[locale].format(percent)}%`;
}

/**
 * The length of a bar for `value` on a scale whose end is `max`, in `width` units: clamped to the
 * track, and at least a sliver for a value above zero so it never looks like nothing.
 */
export function barLength(value: number, max: number, width: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  const length = (Math.min(value, max) / max) * width;
  return Math.max(2, Math.round(length * 10) / 10);
}
