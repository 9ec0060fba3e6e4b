import type { Locale, T } from '../../i18n';

/**
 * "3 menit", "1 jam 5 menit", "2 hari 4 jam": a duration as staff say it. Under a minute is "kurang
 * dari 1 menit" (a bare "0 menit" reads like a mistake); from a day on, minutes are noise.
 */
export function formatDuration(t: T, ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return t('inbox:time.lessThanMinute');
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(t('inbox:time.days', { count: days }));
  if (hours) parts.push(t('inbox:time.hours', { count: hours }));
  if (rest && !days) parts.push(t('inbox:time.minutes', { count: rest }));
  return parts.join(' ');
}

const FORMATS = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, withDate: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withDate}`;
  let f = FORMATS.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
      timeZone: 'Asia/Jakarta',
      hour: '2-digit',
      minute: '2-digit',
      ...(withDate ? { day: 'numeric', month: 'short', year: 'numeric' } : {}),
    });
    FORMATS.set(key, f);
  }
  return f;
}

const wibDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** "14.05 WIB" today, "3 Des 2026 14.05 WIB" on another day (staff work in WIB). */
export function formatWib(date: Date, locale: Locale, now: Date = new Date()): string {
  const sameDay = wibDay(date) === wibDay(now);
  return `${format(locale, !sameDay).format(date)} WIB`;
}

/** The machine-readable value for <time datetime>. */
export const isoOf = (date: Date) => date.toISOString();

/** "240 KB", "1,3 MB": a file size as staff read it (KB rounded up, so a small file is never "0 KB"). */
export function formatSize(bytes: number, locale: Locale): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
  const mb = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 });
  return `${mb.format(bytes / (1024 * 1024))} MB`;
}
