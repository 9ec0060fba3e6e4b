/**
 * Office hours in WIB (Asia/Jakarta, UTC+7, no daylight saving): when a person can expect staff.
 * Configured as `OFFICE_HOURS="1-5 08:00-16:00"` (ISO weekdays, 1 = Monday).
 */
export interface OfficeHours {
  days: Set<number>;
  openMinute: number;
  closeMinute: number;
}

const WIB_OFFSET_MS = 7 * 3_600_000;

export function parseOfficeHours(value: string): OfficeHours {
  const match = /^\s*([1-7])(?:-([1-7]))?\s+(\d{1,2})[.:](\d{2})\s*-\s*(\d{1,2})[.:](\d{2})\s*$/.exec(value);
  if (!match) throw new Error('OFFICE_HOURS must look like "1-5 08:00-16:00" (ISO weekdays, WIB)');
  const [, from, to, oh, om, ch, cm] = match;
  const first = Number(from);
  const last = Number(to ?? from);
  const days = new Set<number>();
  for (let d = first; d <= last; d++) days.add(d);
  const openMinute = Number(oh) * 60 + Number(om);
  const closeMinute = Number(ch) * 60 + Number(cm);
  if (closeMinute <= openMinute || closeMinute > 24 * 60)
    throw new Error('OFFICE_HOURS: closing must be after opening');
  return { days, openMinute, closeMinute };
}

function wib(instant: Date): { weekday: number; minute: number; dayStart: number } {
  const local = new Date(instant.getTime() + WIB_OFFSET_MS);
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const dayStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - WIB_OFFSET_MS;
  return { weekday, minute, dayStart };
}

export function isOpen(hours: OfficeHours, at: Date = new Date()): boolean {
  const { weekday, minute } = wib(at);
  return hours.days.has(weekday) && minute >= hours.openMinute && minute < hours.closeMinute;
}

/** The next moment the desk opens (now, if it is open). */
export function nextOpening(hours: OfficeHours, at: Date = new Date()): Date {
  if (isOpen(hours, at)) return at;
  const { weekday, minute, dayStart } = wib(at);
  for (let ahead = 0; ahead <= 7; ahead++) {
    const day = ((weekday - 1 + ahead) % 7) + 1;
    if (!hours.days.has(day)) continue;
    if (ahead === 0 && minute >= hours.openMinute) continue;
    return new Date(dayStart + ahead * 86_400_000 + hours.openMinute * 60_000);
  }
  return at;
}

/** "Senin–Jumat 08.00–16.00 WIB" style pieces for the locale strings. */
export function describeHours(hours: OfficeHours): {
  firstDay: number;
  lastDay: number;
  open: string;
  close: string;
} {
  const sorted = [...hours.days].sort();
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}.${String(m % 60).padStart(2, '0')}`;
  return {
    firstDay: sorted[0] ?? 1,
    lastDay: sorted.at(-1) ?? 5,
    open: hhmm(hours.openMinute),
    close: hhmm(hours.closeMinute),
  };
}

/** The canonical text of office hours (`1-5 08:00-16:00`), as stored and as OFFICE_HOURS is written. */
export function formatOfficeHours(hours: OfficeHours): string {
  const d = describeHours(hours);
  const hhmm = (text: string) => text.replace('.', ':');
  const days = d.firstDay === d.lastDay ? `${d.firstDay}` : `${d.firstDay}-${d.lastDay}`;
  return `${days} ${hhmm(d.open)}-${hhmm(d.close)}`;
}
