// /api/v1/webhooks (issue #19): owner tokens manage endpoints (the secret in the create answer only),
// test, list deliveries and resend; other tokens and other organisations are refused; the OpenAPI
// document describes every event with its schema and an example.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/organisations/service';
import {
  EVENT_DATA,
  EVENT_EXAMPLES,
  type EventType,
  SUBSCRIBABLE_EVENTS,
} from '../../src/webhooks/catalogue';
import { emitBuilt } from '../../src/webhooks/events';
import { call, organisation, type TestOrganisation } from '../api/helpers';
import { type Harness, startHarness } from '../helpers/harness';
import { WebhookReceiver } from '../helpers/webhook-receiver';
import { drainWebhooks } from './helpers';

let h: Harness;
let receiver: WebhookReceiver;
let lpk: TestOrganisation;
let lpkOwner: string;
let other: TestOrganisation;
let otherOwner: string;

beforeAll(async () => {
  receiver = await new WebhookReceiver().start();
  h = await startHarness();
  lpk = await organisation(h.runtime.db, 'LPK Maju', 'lpk-maju');
  lpkOwner = (await createToken(h.runtime.db, lpk.id, { name: 'owner', role: 'owner' })).token;
  other = await organisation(h.runtime.db, 'BLK Lain', 'blk-lain');
  otherOwner = (await createToken(h.runtime.db, other.id, { name: 'owner', role: 'owner' })).token;
});
afterAll(async () => {
  await h.close();
  await receiver.stop();
});

describe('/api/v1/webhooks', () => {
  let endpointId: string;

  it('creates an endpoint with an owner token and answers its secret once', async () => {
    const created = await call(h, lpkOwner, 'POST', '/webhooks', {
      url: `${receiver.url}/crm`,
      events: ['application.submitted', 'target.reached'],
      description: 'CRM',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.json).toMatchObject({
      url: `${receiver.url}/crm`,
      events: ['application.submitted', 'target.reached'],
      enabled: true,
      secret: expect.stringMatching(/^whsec_/),
    });
    endpointId = created.json.id;
    receiver.secret('/crm', created.json.secret);
    const read = await call(h, lpkOwner, 'GET', `/webhooks/${endpointId}`);
    expect(read.status).toBe(200);
    expect(read.json.secret).toBeUndefined();
    expect(read.text).not.toContain(created.json.secret);
    const list = await call(h, lpkOwner, 'GET', '/webhooks');
    expect(list.json.items.map((e: { id: string }) => e.id)).toEqual([endpointId]);
  });

  it('refuses what it cannot deliver: a bad URL, unknown events, staff and viewer tokens, another organisation', async () => {
    expect(
      (await call(h, lpkOwner, 'POST', '/webhooks', { url: 'ftp://x', events: ['application.submitted'] }))
        .status,
    ).toBe(422);
    const unknown = await call(h, lpkOwner, 'POST', '/webhooks', {
      url: 'https://x.org',
      events: ['user.created'],
    });
    expect(unknown.status).toBe(400);
    expect((await call(h, lpk.token, 'GET', '/webhooks')).status).toBe(403);
    expect(
      (await call(h, lpk.viewer, 'POST', '/webhooks', { url: 'https://x.org', events: ['handoff.waiting'] }))
        .status,
    ).toBe(403);
    // Another organisation's owner: the endpoint does not exist for them.
    expect((await call(h, otherOwner, 'GET', `/webhooks/${endpointId}`)).status).toBe(404);
    expect((await call(h, otherOwner, 'DELETE', `/webhooks/${endpointId}`)).status).toBe(404);
    expect((await call(h, otherOwner, 'POST', `/webhooks/${endpointId}/test`)).status).toBe(404);
    expect((await call(h, otherOwner, 'GET', `/webhooks/${endpointId}/deliveries`)).status).toBe(404);
    expect((await call(h, otherOwner, 'GET', '/webhooks')).json.items).toEqual([]);
  });

  it('tests, lists deliveries and resends one with the same event id', async () => {
    const test = await call(h, lpkOwner, 'POST', `/webhooks/${endpointId}/test`);
    expect(test.status).toBe(200);
    expect(test.json).toMatchObject({ ok: true, status: 200, error: null });
    expect(receiver.types('/crm')).toEqual(['webhook.test']);

    await h.runtime.db.transaction((tx) =>
      emitBuilt(tx, {
        type: 'target.reached',
        organisationId: lpk.id,
        data: {
          target: {
            id: '22222222-2222-4222-8222-222222222222',
            name: 'Angkatan 2',
            programme: null,
            goals: { participants: 2, women_percent: null, disability_percent: null },
            progress: { participants: 2, women_percent: 50, disability_percent: 0 },
          },
        },
      }),
    );
    await drainWebhooks(h.runtime);
    const deliveries = await call(h, lpkOwner, 'GET', `/webhooks/${endpointId}/deliveries`);
    expect(deliveries.status).toBe(200);
    expect(
      deliveries.json.items.map((d: { type: string; status: string }) => `${d.type}:${d.status}`),
    ).toEqual(['target.reached:delivered', 'webhook.test:delivered']);
    const reached = deliveries.json.items[0];
    expect(reached).toMatchObject({ attempts: 1, last_status: 200 });
    const resent = await call(h, lpkOwner, 'POST', `/webhooks/${endpointId}/deliveries/${reached.id}/resend`);
    expect(resent.status).toBe(202);
    await drainWebhooks(h.runtime);
    const ids = receiver.verified('/crm').filter((r) => r.payload!.type === 'target.reached');
    expect(ids.map((r) => r.headers['webhook-id'])).toEqual([reached.event_id, reached.event_id]);
    const filtered = await call(h, lpkOwner, 'GET', `/webhooks/${endpointId}/deliveries?status=failed`);
    expect(filtered.json.items).toEqual([]);
  });

  it('changes, pauses, rotates the secret and deletes', async () => {
    const patched = await call(h, lpkOwner, 'PATCH', `/webhooks/${endpointId}`, {
      events: ['handoff.waiting'],
      enabled: false,
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      events: ['handoff.waiting'],
      enabled: false,
      disabled_reason: 'owner',
    });
    const rotated = await call(h, lpkOwner, 'POST', `/webhooks/${endpointId}/rotate-secret`);
    expect(rotated.json.secret).toMatch(/^whsec_/);
    expect((await call(h, lpkOwner, 'DELETE', `/webhooks/${endpointId}`)).status).toBe(204);
    expect((await call(h, lpkOwner, 'GET', `/webhooks/${endpointId}`)).status).toBe(404);
  });

  it('documents every event in the OpenAPI document, with its schema and an example that fits it', async () => {
    const doc = (await call(h, null, 'GET', '/openapi.json')).json;
    expect(doc.paths['/webhooks']).toBeDefined();
    expect(doc.paths['/webhooks/{id}/deliveries/{delivery_id}/resend'].post).toBeDefined();
    for (const type of [...SUBSCRIBABLE_EVENTS, 'person.erased', 'webhook.test'] as EventType[]) {
      const entry = doc.webhooks[type]?.post;
      expect(entry, type).toBeDefined();
      expect(entry.parameters.map((p: { name: string }) => p.name)).toEqual([
        'webhook-id',
        'webhook-timestamp',
        'webhook-signature',
      ]);
      const content = entry.requestBody.content['application/json'];
      expect(content.schema.properties.data).toBeDefined();
      expect(EVENT_DATA[type].safeParse(content.example.data).success, type).toBe(true);
      expect(EVENT_DATA[type].safeParse(EVENT_EXAMPLES[type]).success, type).toBe(true);
    }
    const events = await call(h, lpkOwner, 'GET', '/webhooks/events');
    expect(events.json.items).toHaveLength(SUBSCRIBABLE_EVENTS.length + 2);
  });
});
