import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import type { GaugeSample } from './metrics';

const QUEUED = ['pending', 'sending'] as const;

/**
 * Outbox depth, read at scrape time (shared by every process, so any one of them reports it): rows
 * waiting or being sent, how many of them are due, and how long the oldest due one has waited. Only
 * the queued statuses are counted — that is what the partial outbox index covers; failures are counted
 * as they happen (`jembatan_send_errors_total`).
 */
export async function outboxGauges(db: Db): Promise<GaugeSample[]> {
  const rows = rowsOf<{ status: string; total: number; due: number; oldest: number | null }>(
    await db.execute(sql`
      select status, count(*)::int as total,
        count(*) filter (where available_at <= now())::int as due,
        extract(epoch from now() - min(available_at) filter (where available_at <= now()))::float8 as oldest
      from messages
      where direction = 'out' and status in ('pending', 'sending')
      group by status`),
  );
  const by = new Map(rows.map((r) => [r.status, r]));
  return [
    {
      name: 'jembatan_outbox_messages',
      help: 'Outbound messages queued in the outbox, by status.',
      values: QUEUED.map((status) => ({ labels: { status }, value: Number(by.get(status)?.total ?? 0) })),
    },
    {
      name: 'jembatan_outbox_due_messages',
      help: 'Queued messages whose time has come (a growing number means the dispatchers fall behind).',
      values: QUEUED.map((status) => ({ labels: { status }, value: Number(by.get(status)?.due ?? 0) })),
    },
    {
      name: 'jembatan_outbox_oldest_due_seconds',
      help: 'How long the oldest due message has waited.',
      values: [{ value: Math.max(0, ...rows.map((r) => Number(r.oldest ?? 0))) }],
    },
  ];
}
