import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import { pgTextArray } from './audience';

/*
 * Delivery counts of many broadcasts at once, for the dashboard's list (one grouped query instead of
 * one progress query per row). Only the organisation's own broadcasts are read.
 */

export interface DeliveryTally {
  sent: number;
  failed: number;
  blocked: number;
  /** Pending or being sent. */
  queued: number;
  cancelled: number;
}

export async function deliveryTallies(
  db: Queryable,
  organisationId: string,
  broadcastIds: readonly string[],
): Promise<Map<string, DeliveryTally>> {
  const tallies = new Map<string, DeliveryTally>();
  if (broadcastIds.length === 0) return tallies;
  const rows = rowsOf<{ broadcast_id: string; status: string; n: number | string }>(
    await db.execute(sql`
      select m.broadcast_id, m.status, count(*) as n from messages m
      join broadcasts b on b.id = m.broadcast_id
      where b.organisation_id = ${organisationId} and m.broadcast_id = any(${pgTextArray(broadcastIds)}::uuid[])
      group by m.broadcast_id, m.status`),
  );
  for (const row of rows) {
    const tally = tallies.get(row.broadcast_id) ?? {
      sent: 0,
      failed: 0,
      blocked: 0,
      queued: 0,
      cancelled: 0,
    };
    const n = Number(row.n);
    if (row.status === 'pending' || row.status === 'sending') tally.queued += n;
    else if (row.status in tally) tally[row.status as keyof DeliveryTally] += n;
    tallies.set(row.broadcast_id, tally);
  }
  return tallies;
}
