import type { Db } from '../../db/client';
import { pacingOptions } from './baileys';
import { loadCreds } from './baileys/auth-state';
import { leaseStatus } from './baileys/lease';
import { formatVersion } from './baileys/version';
import { dailyCount, PacedSender } from './pacing';
import type { WhatsAppSettings } from './settings';

/**
 * `npm run whatsapp:login -- --status`: is a session paired, which process holds the number, when its
 * socket last opened (and why it last closed), with which WhatsApp Web version, and how many messages
 * went out today against today's cap (the warm-up's while it lasts). Read from the database, so it
 * answers while the server runs (on Postgres).
 */
export async function whatsappStatus(
  db: Db,
  settings: WhatsAppSettings,
  account = 'default',
): Promise<string[]> {
  const paced = new PacedSender(
    { channel: 'whatsapp', send: async () => ({}) },
    pacingOptions(db, account, settings),
  );
  const [creds, lease, count, today] = await Promise.all([
    loadCreds(db, account),
    leaseStatus(db, account),
    dailyCount(db, account),
    paced.todaysCap(),
  ]);
  const when = (d: Date | null | undefined) => (d ? `${d.toISOString()} (${ago(d)})` : 'never');
  const pinned = settings.WHATSAPP_WA_VERSION;
  const holder = lease?.holder ? `${lease.holder} (${lease.live ? 'running' : 'lease expired'})` : 'none';
  const source = pinned
    ? `pinned: ${pinned.join('.')}`
    : settings.WHATSAPP_WA_VERSION_FETCH
      ? 'fetched from web.whatsapp.com at start'
      : `Baileys' own: ${formatVersion(undefined)}`;
  return [
    `Session stored: ${creds?.registered ? 'yes (paired)' : 'no'}`,
    `Lease holder: ${holder}`,
    `Last open: ${when(lease?.openedAt)}`,
    ...(lease?.lastClose ? [`Last close: ${lease.lastClose}, ${when(lease.lastCloseAt)}`] : []),
    `WhatsApp Web version: ${lease?.waVersion ?? 'not connected yet'} (${source})`,
    `Sent today: ${count} of ${today.cap}` +
      (today.warmingUp ? ` (warm-up day ${today.age + 1} of ${settings.WHATSAPP_WARMUP.length})` : ''),
    ...(lease?.stoppedReason
      ? [`Stopped: ${lease.stoppedReason} — run \`npm run whatsapp:login\` to pair again.`]
      : []),
  ];
}

function ago(date: Date): string {
  const minutes = Math.round((Date.now() - date.getTime()) / 60_000);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}
