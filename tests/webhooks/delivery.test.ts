// Outbound webhooks, the delivery itself (issue #19): written with the change or not at all, signed as
// Standard Webhooks and verified by the off-the-shelf verifier, retried in order with the same event
// id, an endpoint that fails for a day disabled, a 410 at once, and the outcomes counted in /metrics.
import { eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rowsOf } from '../../src/db/rows';
import { webhookDeliveries, webhookEndpoints } from '../../src/db/schema';
import { silentLogger } from '../../src/logger';
import { nodePost } from '../../src/platform/webhook-post.nodejs';
import { WebhookDeliverer } from '../../src/webhooks/deliver';
import { emitBuilt } from '../../src/webhooks/events';
import { fetchPost } from '../../src/webhooks/post';
import { type Harness, startHarness } from '../helpers/harness';
import { WebhookReceiver } from '../helpers/webhook-receiver';
import { dataOf, drainWebhooks, endpointAt, organisationNamed, queued } from './helpers';

let h: Harness;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await new WebhookReceiver().start();
  h = await startHarness({ METRICS_TOKEN: 'metrics_token_1' });
});
afterAll(async () => {
  await h.close();
  await receiver.stop();
});
beforeEach(() => receiver.reset());

/** A `webhook.test`-shaped event of the organisation, written in its own transaction. */
async function emitFor(slug: string, n: number) {
  const organisation = await organisationNamed(h.runtime.db, slug);
  return h.runtime.db.transaction((tx) =>
    emitBuilt(tx, {
      type: 'target.reached',
      organisationId: organisation.id,
      data: {
        target: {
          id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
          name: `Target ${n}`,
          programme: null,
          goals: { participants: n, women_percent: null, disability_percent: null },
          progress: { participants: n, women_percent: 0, disability_percent: 0 },
        },
      },
    }),
  );
}

const numberOf = (r: { payload?: { data: Record<string, unknown> } }) =>
  (r.payload!.data.target as { goals: { participants: number } }).goals.participants;

describe('delivery', () => {
  it('sends a committed event once, signed so the standardwebhooks verifier accepts it; a rolled-back change sends nothing; another organisation hears nothing', async () => {
    await endpointAt(h.runtime, receiver, 'org-a', '/a');
    await endpointAt(h.runtime, receiver, 'org-b', '/b');
    expect(await emitFor('org-a', 1)).toBe(1);
    // The change that would cause an event rolls back: neither the event nor a delivery remains.
    const organisation = await organisationNamed(h.runtime.db, 'org-a');
    await expect(
      h.runtime.db.transaction(async (tx) => {
        await emitBuilt(tx, {
          type: 'target.reached',
          organisationId: organisation.id,
          data: { rolledBack: true },
        });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    const rolledBack = rowsOf(
      await h.runtime.db.execute(sql`select 1 from webhook_events where data ? 'rolledBack'`),
    );
    expect(rolledBack).toEqual([]);

    await drainWebhooks(h.runtime);
    await drainWebhooks(h.runtime);
    const got = receiver.verified('/a');
    expect(got).toHaveLength(1);
    expect(got[0]!.rejected).toBeUndefined();
    expect(got[0]!.payload!.type).toBe('target.reached');
    expect(dataOf(got[0]!)).toMatchObject({ organisation: 'org-a', target: { name: 'Target 1' } });
    expect(got[0]!.headers['webhook-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(got[0]!.headers['content-type']).toBe('application/json');
    expect(receiver.received.filter((r) => r.path === '/b')).toEqual([]);
    const [delivery] = await h.runtime.db.select().from(webhookDeliveries).limit(1);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 200 });
    expect(delivery!.lastDurationMs).toBeGreaterThanOrEqual(0);
  });

  it('a forged, altered or replayed delivery is refused by the verifier', async () => {
    const endpoint = await endpointAt(h.runtime, receiver, 'org-c', '/c');
    await emitFor('org-c', 2);
    await drainWebhooks(h.runtime);
    const [real] = receiver.verified('/c');
    expect(real).toBeDefined();
    const secret = h.runtime.webhooks.cipher.decrypt(
      (await h.runtime.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)))[0]!
        .secretCipher,
    );
    const verifier = new Webhook(secret);
    expect(() => verifier.verify(real!.body, real!.headers)).not.toThrow();
    // Signed with another secret (a forger who does not know it).
    const forger = new Webhook(`whsec_${Buffer.from('not-the-secret-at-all-123').toString('base64')}`);
    const now = new Date();
    const forged = {
      ...real!.headers,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': forger.sign(real!.headers['webhook-id']!, now, real!.body),
    };
    expect(() => verifier.verify(real!.body, forged)).toThrow(/signature/i);
    // The body changed on the way (a different target), with the original signature.
    expect(() => verifier.verify(real!.body.replace('Target 2', 'Target 9'), real!.headers)).toThrow(
      /signature/i,
    );
    // The captured request sent again ten minutes later: its timestamp is outside the tolerance.
    const later = Date.now() + 10 * 60_000;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(later);
    try {
      expect(() => verifier.verify(real!.body, real!.headers)).toThrow(/too old/i);
    } finally {
      clock.mockRestore();
    }
  });

  it('a receiver that answers 500 three times, then 200, gets it exactly once more; later events wait their turn', async () => {
    await endpointAt(h.runtime, receiver, 'org-d', '/d');
    receiver.answer('/d', (_r, n) => (n <= 3 ? { status: 500, body: 'database down' } : { status: 200 }));
    await emitFor('org-d', 1);
    await emitFor('org-d', 2);
    await emitFor('org-d', 3);
    // One pass: the first attempt fails and the endpoint backs off (nothing else is tried meanwhile).
    await h.runtime.webhooks.deliverer.drain({ budgetMs: 5_000 });
    expect(receiver.received.filter((r) => r.path === '/d')).toHaveLength(1);
    const [state] = await h.runtime.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.url, `${receiver.url}/d`));
    expect(state!.failures).toBe(1);
    expect(state!.retryAt!.getTime()).toBeGreaterThan(Date.now());
    expect(state!.lastError).toBe('HTTP 500: database down');

    await drainWebhooks(h.runtime);
    const requests = receiver.received.filter((r) => r.path === '/d');
    // 3 refusals of the first event, then the first, second and third — each accepted exactly once.
    expect(requests.map((r) => r.payload && numberOf(r))).toEqual([1, 1, 1, 1, 2, 3]);
    expect(new Set(requests.slice(0, 4).map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(requests.every((r) => r.rejected === undefined)).toBe(true);
    const [first] = rowsOf<{ attempts: number; status: string; last_error: string | null }>(
      await h.runtime.db.execute(sql`
        select d.attempts, d.status, d.last_error from webhook_deliveries d
        join webhook_endpoints e on e.id = d.endpoint_id
        where e.url = ${`${receiver.url}/d`} order by d.occurred_at limit 1`),
    );
    expect(first).toMatchObject({ attempts: 4, status: 'delivered', last_error: null });
    await drainWebhooks(h.runtime);
    expect(receiver.received.filter((r) => r.path === '/d')).toHaveLength(6);
  });

  it('an endpoint failing for a day is disabled, its queue marked failed, and its owners are told; 410 Gone disables at once', async () => {
    const failing = await endpointAt(h.runtime, receiver, 'org-e', '/e');
    receiver.answer('/e', () => ({ status: 503 }));
    await emitFor('org-e', 1);
    await emitFor('org-e', 2);
    await drainWebhooks(h.runtime, 1);
    // It has been failing for a day by the next attempt.
    await h.runtime.db
      .update(webhookEndpoints)
      .set({ failingSince: sql`now() - interval '25 hours'` })
      .where(eq(webhookEndpoints.id, failing.id));
    await drainWebhooks(h.runtime, 1);
    const [off] = await h.runtime.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, failing.id));
    expect(off).toMatchObject({ enabled: false, disabledReason: 'failing', disabledNotice: true });
    const statuses = await h.runtime.db
      .select({ status: webhookDeliveries.status })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, failing.id));
    expect(statuses.map((s) => s.status).sort()).toEqual(['failed', 'failed']);
    // New events are not queued for a disabled endpoint.
    await emitFor('org-e', 3);
    expect(
      await h.runtime.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, failing.id)),
    ).toHaveLength(2);

    const gone = await endpointAt(h.runtime, receiver, 'org-f', '/f');
    receiver.answer('/f', () => ({ status: 410, body: 'no such hook' }));
    await emitFor('org-f', 1);
    await drainWebhooks(h.runtime, 1);
    const [goneNow] = await h.runtime.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, gone.id));
    expect(goneNow).toMatchObject({
      enabled: false,
      disabledReason: 'gone',
      lastError: 'HTTP 410: no such hook',
    });
    expect(await queued(h.runtime.db)).toBe(0);
  });

  it.each([
    ['fetch (Workers, default)', fetchPost],
    ['node:http (the Node entry)', nodePost],
  ])(
    'over %s: delivers signed, a receiver that does not answer in time is a timeout, redirects are not followed, stopping aborts',
    async (name, post) => {
      const tag = name.startsWith('fetch') ? 'f' : 'n';
      const deliverer = new WebhookDeliverer(h.runtime.db, h.runtime.webhooks.cipher, silentLogger, {
        timeoutMs: 1_000,
        concurrency: 2,
        post,
      });
      const fine = await endpointAt(h.runtime, receiver, `org-ok-${tag}`, `/ok-${tag}`);
      receiver.answer(`/ok-${tag}`, () => ({ status: 204 }));
      await emitFor(`org-ok-${tag}`, 1);
      await deliverer.drain({ budgetMs: 5_000 });
      expect(receiver.types(`/ok-${tag}`)).toEqual(['target.reached']);

      const slow = await endpointAt(h.runtime, receiver, `org-slow-${tag}`, `/slow-${tag}`);
      receiver.answer(`/slow-${tag}`, () => ({ status: 200, delayMs: 3_000 }));
      await emitFor(`org-slow-${tag}`, 1);
      await deliverer.drain({ budgetMs: 5_000 });
      const [row] = await h.runtime.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, slow.id));
      expect(row).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastStatus: null,
        lastError: 'no answer within 1 s',
      });

      const moved = await endpointAt(h.runtime, receiver, `org-moved-${tag}`, `/moved-${tag}`);
      receiver.answer(`/moved-${tag}`, () => ({ status: 301, body: 'see elsewhere' }));
      await emitFor(`org-moved-${tag}`, 1);
      await deliverer.drain({ budgetMs: 5_000 });
      const [redirected] = await h.runtime.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, moved.id));
      expect(redirected!.lastError).toBe('HTTP 301 (redirects are not followed): see elsewhere');

      // Stopping mid-request: the attempt is not counted, the delivery stays queued, the endpoint free.
      await h.runtime.db
        .update(webhookEndpoints)
        .set({ retryAt: null })
        .where(eq(webhookEndpoints.id, slow.id));
      const slowPath = `/slow-${tag}`;
      const asked = receiver.received.filter((r) => r.path === slowPath).length;
      const draining = deliverer.drain({ budgetMs: 5_000 });
      // Mid-request: the receiver has the request (it answers after 3 s). A fixed 300 ms could pass
      // before a loaded machine sent it, and the test would then stop nothing.
      while (receiver.received.filter((r) => r.path === slowPath).length === asked)
        await new Promise((r) => setTimeout(r, 5));
      await deliverer.stop();
      await draining;
      const [after] = await h.runtime.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, slow.id));
      expect(after).toMatchObject({ status: 'pending', attempts: 1 });
      for (const id of [fine.id, slow.id, moved.id])
        await h.runtime.db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    },
  );

  it('counts deliveries by outcome in /metrics, with the queue as gauges', async () => {
    const res = await h.runtime.app.request('/metrics', {
      headers: { Authorization: 'Bearer metrics_token_1' },
    });
    const text = await res.text();
    expect(text).toMatch(/jembatan_webhook_deliveries_total\{outcome="delivered"\} \d+/);
    expect(text).toMatch(/jembatan_webhook_deliveries_total\{outcome="rejected"\} \d+/);
    expect(text).toMatch(/jembatan_webhook_deliveries_total\{outcome="gave_up"\} \d+/);
    expect(text).toContain('jembatan_webhook_queued_deliveries');
    expect(text).toMatch(/jembatan_webhook_disabled_endpoints 2/);
    expect(h.runtime.ops.metrics.webhookDeliveries.get({ outcome: 'delivered' })).toBeGreaterThanOrEqual(5);
  });
});
