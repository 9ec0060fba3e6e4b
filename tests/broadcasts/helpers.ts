import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/rows';
import { jakartaHour } from '../../src/shared/jakarta-time';
import type { Harness } from '../helpers/harness';

/** Quiet hours that do not include the present hour (tests run at any time of day). */
export function quietElsewhere(): string {
  const hour = Math.floor(jakartaHour(new Date()));
  return `${(hour + 3) % 24}-${(hour + 5) % 24}`;
}

/** Quiet hours that include the present hour. */
export function quietNow(): string {
  const hour = Math.floor(jakartaHour(new Date()));
  return `${hour}-${(hour + 2) % 24}`;
}

/**
 * Sends everything due within `horizonMs` the way the running dispatcher would: broadcast rows are
 * planned a few milliseconds apart, so an empty claim waits for the next one instead of stopping.
 */
export async function drainDue(h: Harness, horizonMs = 5_000, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const claimed = await h.runtime.dispatcher.drainOnce();
    if (claimed > 0) continue;
    const [left] = rowsOf<{ n: number | string }>(
      await h.runtime.db.execute(sql`
        select count(*) as n from messages where direction = 'out' and status in ('pending', 'sending')
          and available_at < now() + make_interval(secs => ${horizonMs / 1000})`),
    );
    if (Number(left?.n ?? 0) === 0) return;
    if (Date.now() > end) throw new Error('outbox not drained in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function statusCounts(h: Harness, broadcastId: string): Promise<Record<string, number>> {
  const rows = rowsOf<{ status: string; n: number | string }>(
    await h.runtime.db.execute(
      sql`select status, count(*) as n from messages where broadcast_id = ${broadcastId} group by status`,
    ),
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
