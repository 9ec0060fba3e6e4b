import type { Locale } from '../i18n';
import { dateTimeFormat } from '../lib/intl';
import type { ApplicationStatus, StatusDetails } from '../shared/application-statuses';

/** A translate function bound to one language (ctx.t, or tFor(locale) wrapped). */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export function localizedTitle(title: { id: string; en?: string } | undefined, locale: Locale): string {
  if (!title) return '';
  return locale === 'en' && title.en ? title.en : title.id;
}

/** `JMB-2026-000123`: the year it was submitted (in Jakarta) and the sequence number. */
export function formatReference(year: number, n: number): string {
  return `JMB-${year}-${String(n).padStart(6, '0')}`;
}

/**
 * Interview dates as staff give them: `2026-12-07 09:00` (Jakarta time, WIB), an ISO instant, or a day
 * alone (`2026-12-07`, time to be announced). Stored as an ISO instant, or the bare day.
 */
export function parseWhen(text: string): string | undefined {
  const t = text.trim();
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})[:.](\d{2}))?$/.exec(t);
  if (local) {
    const [year, month, day] = [Number(local[1]), Number(local[2]), Number(local[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
    if (local[4] === undefined) return `${local[1]}-${local[2]}-${local[3]}`;
    const [hour, minute] = [Number(local[4]), Number(local[5])];
    if (hour > 23 || minute > 59) return undefined;
    // WIB is UTC+7 all year (no daylight saving).
    return new Date(Date.UTC(year, month - 1, day, hour - 7, minute)).toISOString();
  }
  const instant = Date.parse(t);
  return /^\d{4}-\d{2}-\d{2}T/.test(t) && !Number.isNaN(instant)
    ? new Date(instant).toISOString()
    : undefined;
}

/** "Senin, 7 Desember 2026 pukul 09.00 WIB" / "Monday 7 December 2026 at 09:00 WIB". */
export function formatWhen(value: string | undefined, locale: Locale): string {
  if (!value) return '';
  const tag = locale === 'en' ? 'en-GB' : 'id-ID';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return dateTimeFormat(tag, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${value}T00:00:00Z`));
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const day = dateTimeFormat(tag, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Jakarta',
  }).format(date);
  const time = dateTimeFormat(tag, {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Asia/Jakarta',
  }).format(date);
  return locale === 'en' ? `${day} at ${time} WIB` : `${day} pukul ${time} WIB`;
}

/** What the status means for the person and what to do next, one short paragraph. */
export function nextSteps(
  t: Translate,
  locale: Locale,
  status: ApplicationStatus,
  details: StatusDetails | null | undefined,
  extra: { position?: number } = {},
): string {
  const vars = {
    date: formatWhen(details?.date, locale),
    place: details?.place ?? '',
    position: extra.position ?? '',
  };
  const base = t(`applications:status.${status}.next`, vars);
  // Any status may carry the organisers' note ("bring your KTP to the interview" matters as much as
  // a reason for a rejection).
  const reason = details?.reason ? `\n${t('applications:status.reason', { reason: details.reason })}` : '';
  return `${base}${reason}`;
}

export function statusLabel(t: Translate, status: ApplicationStatus): string {
  return t(`applications:status.${status}.label`);
}
