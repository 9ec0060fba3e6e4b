import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import type { GaugeSample } from './metrics';

/**
 * Outbound webhooks at scrape time (shared by every process, like the outbox gauges): deliveries
 * queued, how long the oldest has waited, and endpoints the dispatcher disabled. Attempts by outcome
 * are counted as they happen (`jembatan_webhook_deliveries_total`).
 */
export async function webhookGauges(db: Db): Promise<GaugeSample[]> {
  const [row] = rowsOf<{ queued: number; oldest: number | null; disabled: number }>(
    await db.execute(sql`
      select (select count(*)::int from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
                where d.status = 'pending' and e.enabled) as queued,
        (select extract(epoch from now() - min(d.occurred_at))::float8 from webhook_deliveries d
          join webhook_endpoints e on e.id = d.endpoint_id where d.status = 'pending' and e.enabled) as oldest,
        (select count(*)::int from webhook_endpoints where not enabled and disabled_reason in ('failing', 'gone'))
          as disabled`),
  );
  return [
    {
      name: 'jembatan_webhook_queued_deliveries',
      help: 'Webhook deliveries waiting for enabled endpoints (a failing endpoint keeps its queue until it answers).',
      values: [{ value: Number(row?.queued ?? 0) }],
    },
    {
      name: 'jembatan_webhook_oldest_queued_seconds',
      help: 'Age of the oldest queued webhook event.',
      values: [{ value: Math.max(0, Number(row?.oldest ?? 0)) }],
    },
    {
      name: 'jembatan_webhook_disabled_endpoints',
      help: 'Endpoints disabled after failing for a day or answering 410 Gone.',
      values: [{ value: Number(row?.disabled ?? 0) }],
    },
  ];
}
