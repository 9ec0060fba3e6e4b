import type { BroadcastStatus } from '../../db/schema';
import type { Locale } from '../../i18n';

/*
 * Small pieces of wording shared by the broadcast pages: Jakarta times as staff read them, and the
 * status a broadcast shows.
 */

const WIB_PARTS: Intl.DateTimeFormatOptions = {
  timeZone: 'Asia/Jakarta',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const WIB = {
  id: new Intl.DateTimeFormat('id-ID', WIB_PARTS),
  en: new Intl.DateTimeFormat('en-GB', WIB_PARTS),
};

/** "Rab, 2 Des 2026, 09.00 WIB". */
export function formatWib(at: Date, locale: Locale): string {
  return `${WIB[locale].format(at)} WIB`;
}

/** "07.00" / "07:00": an hour of the quiet-hours setting. */
export function formatHour(hour: number, locale: Locale): string {
  return `${String(hour).padStart(2, '0')}${locale === 'id' ? '.' : ':'}00`;
}

/**
 * What the page shows: a broadcast whose every message is out is finished even before the dispatcher's
 * periodic task writes `sent` (a few seconds later).
 */
export function shownStatus(status: BroadcastStatus, queued: number, recipients: number): BroadcastStatus {
  return status === 'sending' && queued === 0 && recipients > 0 ? 'sent' : status;
}

/** Nothing more will change by itself: the progress stops being polled. */
export function isFinished(status: BroadcastStatus, queued: number): boolean {
  return (
    status === 'sent' ||
    status === 'cancelled' ||
    status === 'draft' ||
    (status === 'sending' && queued === 0)
  );
}
