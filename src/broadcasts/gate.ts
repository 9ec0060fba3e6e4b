import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import type { GateDecision, OutboxGate } from '../outbox/dispatcher';
import { DEFAULT_QUIET_HOURS, isQuiet, nextSendable, type QuietHours } from '../shared/jakarta-time';
import { pgTextArray } from './audience';

/**
 * What the dispatcher asks about claimed broadcast rows just before sending them: the broadcast was
 * cancelled, the person said /berhenti or blocked the bot since the rows were written — cancelled;
 * quiet hours began while the broadcast was still going (it fell behind its plan) — the rest of it
 * moves to the morning, keeping its pace.
 */
export function broadcastGate(
  db: Db,
  quiet: QuietHours = DEFAULT_QUIET_HOURS,
  clock: () => Date = () => new Date(),
): OutboxGate {
  return {
    async review(rows) {
      const ids = rows.filter((r) => r.broadcastId !== null).map((r) => String(r.id));
      const decisions = new Map<number, GateDecision>();
      if (ids.length === 0) return decisions;
      const info = rowsOf<{
        id: number | string;
        broadcast_id: string;
        status: string;
        urgent: boolean;
        stopped: boolean;
        unreachable: boolean;
      }>(
        await db.execute(sql`
          select m.id, m.broadcast_id, b.status, b.urgent,
            coalesce(u.broadcasts_stopped, false) as stopped, coalesce(i.unreachable, false) as unreachable
          from messages m
          join broadcasts b on b.id = m.broadcast_id
          left join users u on u.id = m.user_id
          left join identities i on i.id = m.identity_id
          where m.id = any(${pgTextArray(ids)}::bigint[])`),
      );
      const now = clock();
      const quietNow = isQuiet(now, quiet);
      const morning = nextSendable(now, quiet);
      const deferred = new Set<string>();
      for (const row of info) {
        const id = Number(row.id);
        if (row.status === 'cancelled')
          decisions.set(id, { action: 'cancel', reason: 'broadcast cancelled' });
        else if (row.stopped) decisions.set(id, { action: 'cancel', reason: 'person stopped broadcasts' });
        else if (row.unreachable) decisions.set(id, { action: 'cancel', reason: 'recipient unreachable' });
        else if (quietNow && !row.urgent) {
          decisions.set(id, { action: 'defer', until: morning, reason: 'quiet hours' });
          deferred.add(row.broadcast_id);
        }
      }
      for (const broadcastId of deferred)
        await db.execute(sql`
          update messages m set available_at = m.available_at + (${morning.toISOString()}::timestamptz - s.first)
          from (select min(available_at) as first from messages
                where broadcast_id = ${broadcastId} and status = 'pending') s
          where m.broadcast_id = ${broadcastId} and m.status = 'pending'
            and s.first < ${morning.toISOString()}::timestamptz`);
      return decisions;
    },
  };
}
