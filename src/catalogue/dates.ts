/** Calendar dates as ISO strings (YYYY-MM-DD), counted in Indonesia's western time (WIB). */

const jakarta = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Jakarta',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Jakarta: a programme closing "today" is still open until midnight WIB. */
export function todayIso(now: Date = new Date()): string {
  return jakarta.format(now);
}

/** A date given as ISO text or a Date (taken as a moment, read in Jakarta). */
export function toIsoDate(value: string | Date | undefined): string {
  if (value === undefined) return todayIso();
  if (typeof value === 'string') return value.slice(0, 10);
  return todayIso(value);
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
