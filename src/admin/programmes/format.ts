import type { Locale } from '../../i18n';
import { dateTimeFormat, numberFormat } from '../../lib/intl';
import { regionLabel } from '../../regions';

/* Small display helpers shared by the programme and applicant pages. */

const tag = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'id-ID');

/** `2026-12-31` → "31 Des 2026" / "31 Dec 2026" (a calendar day: no time zone shift). */
export function formatDay(day: string | null | undefined, locale: Locale): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
  return dateTimeFormat(tag(locale), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** An instant in Jakarta time: "8 Des 2026 13.30 WIB". */
export function formatInstant(at: Date | string | null | undefined, locale: Locale): string {
  if (!at) return '';
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return '';
  const text = dateTimeFormat(tag(locale), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Jakarta',
  }).format(date);
  return `${text} WIB`;
}

/** The date part of an instant in Jakarta (`YYYY-MM-DD`). */
export function jakartaDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

const countries = new Map<Locale, Intl.DisplayNames>();
/** A programme's place: regency and province, the destination country, or nothing (online). */
export function placeOf(
  p: { regency: string | null; province: string | null; country: string | null },
  locale: Locale,
): string {
  if (p.country) {
    let names = countries.get(locale);
    if (!names) {
      names = new Intl.DisplayNames([tag(locale)], { type: 'region', fallback: 'code' });
      countries.set(locale, names);
    }
    return names.of(p.country) ?? p.country;
  }
  const code = p.regency ?? p.province;
  return code ? (regionLabel(code) ?? code) : '';
}

export function localized(text: { id: string; en?: string } | undefined, locale: Locale): string {
  if (!text) return '';
  return locale === 'en' && text.en ? text.en : text.id;
}

export const formatNumber = (n: number, locale: Locale) => numberFormat(tag(locale)).format(n);
