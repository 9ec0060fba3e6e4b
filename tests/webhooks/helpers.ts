import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client';
import { rowsOf } from '../../src/db/rows';
import { createOrganisation, findOrganisation } from '../../src/organisations/service';
import type { Runtime } from '../../src/runtime';
import { EVENT_DATA, type EventType } from '../../src/webhooks/catalogue';
import { createEndpoint, type Endpoint } from '../../src/webhooks/endpoints';
import type { Received, WebhookReceiver } from '../helpers/webhook-receiver';

/** The organisation (created when missing). */
export async function organisationNamed(db: Db, slug: string) {
  return (
    (await findOrganisation(db, slug)) ?? (await createOrganisation(db, { name: slug.toUpperCase(), slug }))
  );
}

/** An endpoint of `slug` pointing at the receiver's `path`, the receiver told its secret. */
export async function endpointAt(
  runtime: Runtime,
  receiver: WebhookReceiver,
  slug: string,
  path: string,
  events: readonly string[] = [
    'application.submitted',
    'application.status_changed',
    'application.withdrawn',
    'handoff.waiting',
    'handoff.closed',
    'handoff.rated',
    'broadcast.finished',
    'programme.closing_soon',
    'subscriber.joined',
    'target.reached',
  ],
): Promise<Endpoint> {
  const organisation = await organisationNamed(runtime.db, slug);
  const { endpoint, secret } = await createEndpoint(
    runtime.db,
    runtime.webhooks.cipher,
    organisation.id,
    { url: `${receiver.url}${path}`, events },
    runtime.webhooks.policy,
  );
  receiver.secret(path, secret);
  return endpoint;
}

/** Deliveries still queued for enabled endpoints. */
export async function queued(db: Db): Promise<number> {
  const [row] = rowsOf<{ n: number | string }>(
    await db.execute(sql`
      select count(*) as n from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
      where d.status = 'pending' and e.enabled`),
  );
  return Number(row?.n ?? 0);
}

/**
 * Delivers what is queued as the running dispatcher would, without waiting out the backoff between
 * rounds (each round makes every backing-off endpoint due again).
 */
export async function drainWebhooks(runtime: Runtime, rounds = 10): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    await runtime.db.execute(sql`update webhook_endpoints set retry_at = null where retry_at is not null`);
    await runtime.webhooks.deliverer.drain({ budgetMs: 15_000 });
    if ((await queued(runtime.db)) === 0) return;
  }
}

/** The payload's data, checked against the event's published schema (src/webhooks/catalogue.ts). */
export function dataOf(received: Received): Record<string, unknown> {
  const payload = received.payload!;
  const schema = EVENT_DATA[payload.type as EventType];
  if (!schema) throw new Error(`unknown event type ${payload.type}`);
  return schema.parse(payload.data) as Record<string, unknown>;
}
