import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/rows';
import type { WebhookDeliveryStatus } from '../db/schema';
import { EndpointError, getEndpoint } from './endpoints';

/* What an endpoint received: the dashboard's delivery list and GET /webhooks/{id}/deliveries. */

export interface DeliveryRow {
  id: number;
  eventId: string;
  type: string;
  occurredAt: Date;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastAttemptAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  deliveredAt: Date | null;
  /** The person erased their data: the event's contents are gone and it cannot be sent again. */
  redacted: boolean;
}

interface RawRow {
  id: number | string;
  event_id: string;
  type: string;
  occurred_at: Date | string;
  status: WebhookDeliveryStatus;
  attempts: number;
  last_attempt_at: Date | string | null;
  last_status: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  delivered_at: Date | string | null;
  redacted: boolean | null;
}

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

/** The endpoint's deliveries, newest first (by delivery id), `before` an id for the next page. */
export async function listDeliveries(
  db: Queryable,
  organisationId: string,
  endpointId: string,
  options: { status?: WebhookDeliveryStatus | undefined; limit?: number; before?: number | undefined } = {},
): Promise<DeliveryRow[]> {
  if (!(await getEndpoint(db, organisationId, endpointId))) throw new EndpointError('not_found');
  const rows = rowsOf<RawRow>(
    await db.execute(sql`
      select d.id, d.event_id, e.type, e.occurred_at, d.status, d.attempts, d.last_attempt_at, d.last_status,
        d.last_error, d.last_duration_ms, d.delivered_at, (e.data ? 'redacted') as redacted
      from webhook_deliveries d join webhook_events e on e.id = d.event_id
      where d.endpoint_id = ${endpointId}::uuid
        ${options.status ? sql`and d.status = ${options.status}` : sql``}
        ${options.before ? sql`and d.id < ${options.before}` : sql``}
      order by d.id desc limit ${options.limit ?? 50}`),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    eventId: r.event_id,
    type: r.type,
    occurredAt: new Date(r.occurred_at),
    status: r.status,
    attempts: Number(r.attempts),
    lastAttemptAt: date(r.last_attempt_at),
    lastStatus: r.last_status === null ? null : Number(r.last_status),
    lastError: r.last_error,
    lastDurationMs: r.last_duration_ms === null ? null : Number(r.last_duration_ms),
    deliveredAt: date(r.delivered_at),
    redacted: r.redacted === true,
  }));
}

/**
 * "Kirim ulang": the delivery goes back to the endpoint's queue (in its place by event time, so it is
 * next) with the same event id — a receiver that kept it sees a duplicate it can ignore. The endpoint
 * is tried at once, even while backing off.
 */
export async function resendDelivery(
  db: Queryable,
  organisationId: string,
  endpointId: string,
  deliveryId: number,
): Promise<void> {
  const endpoint = await getEndpoint(db, organisationId, endpointId);
  if (!endpoint) throw new EndpointError('not_found');
  if (!endpoint.enabled) throw new EndpointError('disabled');
  const [row] = rowsOf<{ redacted: boolean }>(
    await db.execute(sql`
      select (e.data ? 'redacted') as redacted from webhook_deliveries d
      join webhook_events e on e.id = d.event_id
      where d.id = ${deliveryId} and d.endpoint_id = ${endpointId}::uuid`),
  );
  if (!row) throw new EndpointError('not_found');
  if (row.redacted) throw new EndpointError('redacted');
  await db.execute(sql`
    with d as (
      update webhook_deliveries set status = 'pending', last_error = null
      where id = ${deliveryId} and endpoint_id = ${endpointId}::uuid
      returning endpoint_id
    )
    update webhook_endpoints set retry_at = null where id in (select endpoint_id from d)`);
}
