/*
 * Broadcast times are Asia/Jakarta (WIB, UTC+7, no daylight saving). Quiet hours: no broadcast goes out
 * between 21:00 and 07:00 WIB unless marked urgent; a send that would fall in them waits for the
 * morning. Pure functions, tested beside this file.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const WIB_OFFSET_MS = 7 * HOUR;

export interface QuietHours {
  /** Hour (WIB) quiet hours begin, e.g. 21. */
  start: number;
  /** Hour (WIB) sending may resume, e.g. 7. */
  end: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: 21, end: 7 };

/** "21-7" → { start: 21, end: 7 }. */
export function parseQuietHours(value: string): QuietHours {
  const match = /^\s*(\d{1,2})\s*-\s*(\d{1,2})\s*$/.exec(value);
  if (!match) throw new Error('quiet hours look like "21-7" (from 21:00 to 07:00 WIB)');
  const start = Number(match[1]);
  const end = Number(match[2]);
  if (start > 23 || end > 23 || start === end) throw new Error('quiet hours: two different hours 0–23');
  return { start, end };
}

/** Hours since midnight in Jakarta, fractional. */
export function jakartaHour(at: Date): number {
  const local = at.getTime() + WIB_OFFSET_MS;
  return (((local % DAY) + DAY) % DAY) / HOUR;
}

/** Midnight (00:00 WIB) of the Jakarta day `at` falls on. */
function jakartaMidnight(at: Date): number {
  const local = at.getTime() + WIB_OFFSET_MS;
  return Math.floor(local / DAY) * DAY - WIB_OFFSET_MS;
}

export function isQuiet(at: Date, quiet: QuietHours = DEFAULT_QUIET_HOURS): boolean {
  const hour = jakartaHour(at);
  return quiet.start > quiet.end
    ? hour >= quiet.start || hour < quiet.end
    : hour >= quiet.start && hour < quiet.end;
}

/** `at` itself, or the end of the quiet hours it falls in. */
export function nextSendable(at: Date, quiet: QuietHours = DEFAULT_QUIET_HOURS): Date {
  if (!isQuiet(at, quiet)) return at;
  const midnight = jakartaMidnight(at);
  const endToday = midnight + quiet.end * HOUR;
  return new Date(endToday > at.getTime() ? endToday : endToday + DAY);
}

/**
 * The sending window `at` (not quiet) falls in: when it opened, where `at` is in it and how long it
 * lasts — what the enqueue needs to spread a broadcast over windows, skipping the nights.
 */
export function sendingWindow(
  at: Date,
  quiet: QuietHours = DEFAULT_QUIET_HOURS,
): { opened: Date; offsetSecs: number; lengthSecs: number } {
  const lengthHours = quiet.start > quiet.end ? quiet.start - quiet.end : 24 - (quiet.end - quiet.start);
  let opened = jakartaMidnight(at) + quiet.end * HOUR;
  if (opened > at.getTime()) opened -= DAY;
  return {
    opened: new Date(opened),
    offsetSecs: (at.getTime() - opened) / 1000,
    lengthSecs: lengthHours * 3600,
  };
}

/**
 * A time organisations write: ISO 8601 with an offset (`2026-12-01T09:00:00+07:00`, `…Z`), or without
 * one, read as Jakarta time (`2026-12-01T09:00`, `2026-12-01 09:00`). Undefined when it is not a time.
 */
export function parseJakartaTime(value: string): Date | undefined {
  const text = value.trim().replace(' ', 'T');
  const match =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, zone] = match;
  const fields = [y, mo, d, h, mi, s ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (fields[1] < 1 || fields[1] > 12 || fields[2] < 1 || fields[2] > 31 || fields[3] > 23 || fields[4] > 59)
    return undefined;
  let offsetMs = WIB_OFFSET_MS;
  if (zone === 'Z') offsetMs = 0;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMs = sign * (Number(digits.slice(0, 2)) * HOUR + Number(digits.slice(2)) * 60_000);
  }
  const utc = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]) - offsetMs;
  const check = new Date(utc + offsetMs);
  if (check.getUTCDate() !== fields[2]) return undefined; // 31 February and the like
  return new Date(utc);
}

/** `2026-12-01T09:00:00+07:00`: how the API shows times. */
export function formatJakarta(at: Date): string {
  const local = new Date(at.getTime() + WIB_OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+07:00`;
}
