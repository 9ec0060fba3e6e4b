// Pengaturan → Integrasi (issue #19): an owner connects their system in a few steps (one form, the
// secret shown once, a test), sees every delivery with its answer and resends one; an integration the
// dispatcher turned off greets the owners with a banner until one of them looks; staff and other
// organisations see nothing of it.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookDeliveries, webhookEndpoints } from '../../src/db/schema';
import { tFor } from '../../src/i18n';
import { emitBuilt } from '../../src/webhooks/events';
import { type AdminClient, createStaff, loggedInClient } from '../helpers/admin';
import { type Harness, startHarness } from '../helpers/harness';
import { WebhookReceiver } from '../helpers/webhook-receiver';
import { dataOf, drainWebhooks } from './helpers';

const shownSecret = (html: string) => /<code class="set-secret"[^>]*>(whsec_[^<]+)<\/code>/.exec(html)?.[1];
const BASE = '/admin/settings/integrations';
const id = (key: string, params: Record<string, unknown> = {}) => tFor('id')(`integrations:${key}`, params);
/** The text of a message up to its first unknown value (the answer time of a test varies). */
const upTo = (key: string, params: Record<string, unknown>) => id(key, { ...params, ms: '§' }).split('§')[0]!;

describe('dashboard: integrations', () => {
  let h: Harness;
  let receiver: WebhookReceiver;
  let owner: AdminClient;
  let staff: AdminClient;
  let organisationId: string;
  let endpointId: string;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    h = await startHarness();
    const db = h.runtime.db;
    organisationId = (
      await createStaff(db, { organisation: 'lpk-cahaya', email: 'dewi@lpkcahaya.or.id', role: 'owner' })
    ).organisation.id;
    await createStaff(db, { organisation: 'lpk-cahaya', email: 'bima@lpkcahaya.or.id', role: 'staff' });
    await createStaff(db, { organisation: 'bpvp-medan', email: 'ucok@bpvpmedan.go.id', role: 'owner' });
    owner = await loggedInClient(h.runtime.app, 'dewi@lpkcahaya.or.id');
    staff = await loggedInClient(h.runtime.app, 'bima@lpkcahaya.or.id');
  });
  afterAll(async () => {
    await h.close();
    await receiver.stop();
  });

  it('an owner connects a system in three steps: the form, the secret shown once, a test that verifies', async () => {
    let res = await owner.get(BASE);
    expect(res.status).toBe(200);
    expect(owner.lastHtml).toContain(id('empty'));
    // Every event is ticked already: the URL is all there is to type.
    expect(owner.lastHtml.match(/name="events"[^>]*checked/g)?.length).toBe(10);

    // Refused first: not a URL, then no events.
    res = await owner.post(BASE, { url: 'sistem kami', events: 'application.submitted' });
    expect(res.status).toBe(422);
    expect(owner.lastHtml).toContain(id('errors.urlInvalid'));
    expect(owner.lastHtml).toContain('value="sistem kami"');
    res = await owner.post(BASE, { url: `${receiver.url}/lpk` });
    expect(res.status).toBe(422);
    expect(owner.lastHtml).toContain(id('errors.events'));

    const form = new URLSearchParams({
      _csrf: owner.csrf,
      url: `${receiver.url}/lpk`,
      description: 'Spreadsheet',
    });
    for (const type of ['application.submitted', 'application.status_changed', 'target.reached'])
      form.append('events', type);
    res = await h.runtime.app.request(`http://localhost${BASE}`, {
      method: 'POST',
      body: form,
      headers: {
        cookie: [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    const secret = shownSecret(html);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    expect(html).toContain(id('secret.once'));
    expect(html).toContain('new Webhook(process.env.JEMBATAN_WEBHOOK_SECRET)');
    receiver.secret('/lpk', secret!);
    const [stored] = await h.runtime.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.organisationId, organisationId));
    endpointId = stored!.id;
    expect(stored!.events).toEqual(['application.submitted', 'application.status_changed', 'target.reached']);
    // Stored only encrypted.
    expect(stored!.secretCipher).not.toContain(secret!.slice(6, 20));

    // The test, from the secret's page: sent now, verified by the receiver with the secret just shown.
    res = await owner.post(`${BASE}/${endpointId}/test`);
    expect(res.status).toBe(200);
    expect(owner.lastHtml).toContain(upTo('detail.testOk', { status: 200 }));
    expect(receiver.types('/lpk')).toEqual(['webhook.test']);
    expect(dataOf(receiver.verified('/lpk')[0]!)).toMatchObject({ organisation: 'lpk-cahaya' });

    // The secret never appears again.
    await owner.get(`${BASE}/${endpointId}`);
    expect(owner.lastHtml).not.toContain(secret!);
    expect(owner.lastHtml).toContain('Spreadsheet');
    expect(owner.lastHtml).toContain(id('deliveries.states.delivered'));
  });

  it('shows each delivery with its status, attempts, last error and answer time; "kirim ulang" sends it again with the same id', async () => {
    receiver.answer('/lpk', (_r, n) => (n === 2 ? { status: 500, body: 'sheet locked' } : { status: 200 }));
    await h.runtime.db.transaction((tx) =>
      emitBuilt(tx, {
        type: 'target.reached',
        organisationId,
        data: {
          target: {
            id: '11111111-1111-4111-8111-111111111111',
            name: 'Angkatan 1',
            programme: null,
            goals: { participants: 1, women_percent: null, disability_percent: null },
            progress: { participants: 1, women_percent: 100, disability_percent: 0 },
          },
        },
      }),
    );
    await h.runtime.webhooks.deliverer.drain({ budgetMs: 5_000 });
    await owner.get(`${BASE}/${endpointId}`);
    expect(owner.lastHtml).toContain(id('deliveries.states.pending'));
    expect(owner.lastHtml).toContain('HTTP 500: sheet locked');
    expect(owner.lastHtml).toContain(id('deliveries.answer', { status: 500, ms: '' }).split(' · ')[0]);
    // While something waits, the list refreshes itself.
    expect(owner.lastHtml).toContain(`data-poll="${BASE}/${endpointId}/deliveries"`);

    await drainWebhooks(h.runtime);
    const fragment = await owner.get(`${BASE}/${endpointId}/deliveries`, { 'x-requested-with': 'fetch' });
    expect(fragment.status).toBe(286);
    const text = await fragment.text();
    expect(text).toContain(id('deliveries.states.delivered'));
    expect(text).toMatch(/<td[^>]*>2<\/td>/); // two attempts

    const [delivery] = await h.runtime.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.status, 'delivered'))
      .orderBy(webhookDeliveries.id);
    const target = (
      await h.runtime.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId))
    ).find((d) => d.id !== delivery!.id)!;
    const res = await owner.post(`${BASE}/${endpointId}/deliveries/${target.id}/resend`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('ok=integrations:deliveries.resent');
    await drainWebhooks(h.runtime);
    // Refused once (500), accepted, then sent again on request: one event id throughout.
    const targets = receiver.verified('/lpk').filter((r) => r.payload!.type === 'target.reached');
    expect(targets).toHaveLength(3);
    expect(new Set(targets.map((r) => r.headers['webhook-id'])).size).toBe(1);
  });

  it('an integration turned off after a day of failures greets every owner with a banner until one looks', async () => {
    await h.runtime.db
      .update(webhookEndpoints)
      .set({
        enabled: false,
        disabledReason: 'failing',
        disabledAt: new Date(),
        disabledNotice: true,
        lastError: 'HTTP 502: bad gateway',
      })
      .where(eq(webhookEndpoints.id, endpointId));
    const later = await loggedInClient(h.runtime.app, 'dewi@lpkcahaya.or.id');
    await later.get('/admin/inbox');
    expect(later.lastHtml).toContain(id('banner.failing', { url: `${receiver.url}/lpk` }));
    // Staff are not owners: no banner for them.
    await staff.get('/admin/inbox');
    expect(staff.lastHtml).not.toContain(id('banner.link'));
    // The owner opens it: why, and how to turn it on again.
    await later.get(`${BASE}/${endpointId}`);
    expect(later.lastHtml).toContain('HTTP 502: bad gateway');
    expect(later.lastHtml).toContain(id('detail.enable'));
    await later.get('/admin/inbox');
    expect(later.lastHtml).not.toContain(id('banner.link'));
    // A resend waits until it is on again.
    const [one] = await h.runtime.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpointId));
    const refused = await later.post(`${BASE}/${endpointId}/deliveries/${one!.id}/resend`);
    expect(refused.status).toBe(409);
    expect(later.lastHtml).toContain(id('flash.disabledRefused'));
    const on = await later.post(`${BASE}/${endpointId}/enabled`, { enabled: '1' });
    expect(on.status).toBe(303);
    const [row] = await h.runtime.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpointId));
    expect(row).toMatchObject({ enabled: true, disabledReason: null, failures: 0 });
  });

  it('is for owners only, and another organisation’s integration is refused without showing it', async () => {
    await staff.get(BASE);
    expect(staff.lastHtml).toContain(id('ownersOnly'));
    expect(staff.lastHtml).not.toContain(`${receiver.url}/lpk`);
    expect((await staff.get(`${BASE}/${endpointId}`)).status).toBe(403);
    expect(
      (await staff.post(BASE, { url: 'https://example.org/x', events: 'application.submitted' })).status,
    ).toBe(403);
    const medan = await loggedInClient(h.runtime.app, 'ucok@bpvpmedan.go.id');
    const res = await medan.get(`${BASE}/${endpointId}`);
    expect(res.status).toBe(403);
    expect(medan.lastHtml).not.toContain(`${receiver.url}/lpk`);
    expect((await medan.post(`${BASE}/${endpointId}/delete`)).status).toBe(403);
    expect((await medan.post(`${BASE}/${endpointId}/secret`)).status).toBe(403);
    expect(
      await h.runtime.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId)),
    ).toHaveLength(1);
  });

  it('edits, makes a new secret (shown once; the old one stops verifying) and deletes', async () => {
    let res = await owner.post(`${BASE}/${endpointId}`, {
      url: `${receiver.url}/lpk`,
      description: 'CRM',
      events: 'handoff.waiting',
    });
    expect(res.status).toBe(303);
    const [edited] = await h.runtime.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpointId));
    expect(edited).toMatchObject({ description: 'CRM', events: ['handoff.waiting'] });

    res = await owner.post(`${BASE}/${endpointId}/secret`);
    const fresh = shownSecret(owner.lastHtml);
    expect(fresh).toMatch(/^whsec_/);
    receiver.reset();
    await owner.post(`${BASE}/${endpointId}/test`);
    // The receiver still holds the old secret: the test arrives but does not verify.
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.rejected).toMatch(/signature/i);
    receiver.secret('/lpk', fresh!);
    await owner.post(`${BASE}/${endpointId}/test`);
    expect(receiver.types('/lpk')).toEqual(['webhook.test']);

    res = await owner.post(`${BASE}/${endpointId}/delete`);
    expect(res.status).toBe(303);
    expect(
      await h.runtime.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId)),
    ).toEqual([]);
  });
});
