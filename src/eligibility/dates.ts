/**
 * Calendar-day arithmetic on ISO dates. Eligibility is about days in Indonesia, not instants, so dates
 * are plain `{ year, month, day }` and "today" is the day in Asia/Jakarta.
 */
import type { Locale } from '../i18n';
import { dateTimeFormat } from '../lib/intl';
import type { IsoDate } from '../shared/profile';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const JAKARTA = 'Asia/Jakarta';

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** `YYYY-MM-DD` → parts, or undefined when malformed or not a real day. */
export function parseIsoDate(iso: string | undefined): CalendarDate | undefined {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? { year, month, day } : undefined;
}

export function toIsoDate({ year, month, day }: CalendarDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The calendar day in Jakarta at that instant. */
export function jakartaDay(instant: Date = new Date()): CalendarDate {
  const parts = dateTimeFormat('en-CA', {
    timeZone: JAKARTA,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** Accepts an ISO day or an instant (read as the day in Jakarta); throws on a malformed day (a caller's bug). */
export function toCalendarDate(value: IsoDate | Date): CalendarDate {
  if (value instanceof Date) return jakartaDay(value);
  const parsed = parseIsoDate(value);
  if (!parsed) throw new RangeError(`Not an ISO date: ${value}`);
  return parsed;
}

/**
 * Completed years between a birth date and a day. A birthday on that very day counts as turned.
 * Convention: someone born on 29 February turns a year older on 1 March in non-leap years (as in most
 * civil-law reckonings, they have not completed the year until 28 February has fully passed).
 */
export function completedYears(birth: CalendarDate, on: CalendarDate): number {
  const leapling = birth.month === 2 && birth.day === 29 && !isLeapYear(on.year);
  const birthday = leapling ? { month: 3, day: 1 } : birth;
  const beforeBirthday = on.month < birthday.month || (on.month === birthday.month && on.day < birthday.day);
  return on.year - birth.year - (beforeBirthday ? 1 : 0);
}

/** The same day `years` earlier; 29 February falls back to 28 February in a non-leap year. */
export function yearsBefore(date: CalendarDate, years: number): CalendarDate {
  const year = date.year - years;
  return { year, month: date.month, day: Math.min(date.day, daysInMonth(year, date.month)) };
}

/** "15 Januari 2027" / "15 January 2027". */
export function formatDateId(iso: IsoDate, locale: Locale = 'id'): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  // Midnight UTC is 07:00 in Jakarta, the same calendar day.
  const instant = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return dateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: JAKARTA,
  }).format(instant);
}
