import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../src/api';
import { messages, programmes } from '../../src/db/schema';
import { createToken, listTokens, revokeToken } from '../../src/organisations/service';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';
import {
  type ApiResponse,
  call,
  handoff,
  organisation,
  person,
  submittedApplication,
  type TestOrganisation,
} from './helpers';

/*
 * Every route of the organisation API: no token → 401; a viewer token on a write → 403; another
 * organisation's token never reads or changes the first organisation's data (404 for its resources,
 * absent from its lists, refused when named in a body). The table below must name every operation of
 * the OpenAPI document, so a new route cannot be added without its isolation test.
 */

let h: Harness;
let a: TestOrganisation; // KOPRI: owns the resources
let b: TestOrganisation; // another organisation, trying to reach them
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness({ API_RATE_PER_MINUTE: '100000', API_RATE_BURST: '10000' });
  const db = h.runtime.db;
  a = await organisation(db, 'KOPRI PB PMII', 'kopri-pb-pmii');
  b = await organisation(db, 'BLK Surabaya', 'blk-sby');
  await loadCatalogue(db, [
    programme('las-kopri', { title: { id: 'Las KOPRI' } }),
    programme('jahit-blk', {
      title: { id: 'Menjahit BLK' },
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'blk-sby' },
    }),
  ]);
  const broadcast = await call(h, a.token, 'POST', '/broadcasts', {
    name: 'KOPRI draft',
    text: { id: 'Halo' },
    programme: 'las-kopri',
  });
  ids.broadcast = broadcast.json.id;
  const target = await call(h, a.token, 'POST', '/targets', { name: 'Las', participants: 10 });
  ids.target = target.json.id;
  const link = await call(h, a.token, 'POST', '/referral-links', { code: 'kopri-sby', recruiter: 'Ani' });
  ids.link = link.json.id;
  const sari = await person(db, 70_001, { profile: { gender: 'perempuan' } });
  ids.application = await submittedApplication(db, sari.userId, 'las-kopri', 'JMB-2026-000001');
  ids.handoff = await handoff(db, sari.userId, a.slug);
});
afterAll(async () => {
  await h.close();
});

const ANY_ID = '00000000-0000-4000-8000-000000000000';

/** Fills a documented path with A's resources. */
function pathFor(path: string): string {
  return path
    .replace('{slug}', 'las-kopri')
    .replace('{reference}', 'JMB-2026-000001')
    .replace(
      '{id}',
      path.startsWith('/broadcasts')
        ? ids.broadcast!
        : path.startsWith('/targets')
          ? ids.target!
          : path.startsWith('/referral-links')
            ? ids.link!
            : path.startsWith('/handoffs')
              ? ids.handoff!
              : ANY_ID,
    );
}

const routes = apiRoutes({
  db: undefined as never,
  logger: undefined as never,
  broadcasts: undefined as never,
  rateLimit: { perMinute: 1, burst: 1 },
});

/** B's attempt on A's data, per operation, and what proves A's data stayed A's. */
const isolation: Record<string, () => Promise<void>> = {
  async getOrganisation() {
    const res = await call(h, b.token, 'GET', '/organisation');
    expect(res.json.slug).toBe('blk-sby');
  },
  async listProgrammes() {
    const res = await call(h, b.token, 'GET', '/programmes');
    expect(res.json.items.map((p: { slug: string }) => p.slug)).toEqual(['jahit-blk']);
  },
  async getProgramme() {
    expect((await call(h, b.token, 'GET', '/programmes/las-kopri')).status).toBe(404);
  },
  async createProgramme() {
    const naming = await call(h, b.token, 'POST', '/programmes', programme('baru-kopri'));
    expect(naming.status).toBe(403);
    expect(naming.json.error.code).toBe('other_organisation');
    const taking = await call(
      h,
      b.token,
      'POST',
      '/programmes',
      programme('las-kopri', {
        application: { mode: 'in_chat', documents: ['ktp'], organisation: 'blk-sby' },
      }),
    );
    expect(taking.status).toBe(409);
    expect(taking.json.error.code).toBe('slug_taken');
  },
  async updateProgramme() {
    const res = await call(h, b.token, 'PUT', '/programmes/las-kopri', {
      ...programme('las-kopri', { title: { id: 'Dibajak' } }),
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'blk-sby' },
    });
    expect(res.status).toBe(404);
  },
  async importProgrammes() {
    const res = await call(h, b.token, 'POST', '/programmes/import', [
      programme('las-kopri', { title: { id: 'Dibajak' } }),
      programme('las-kopri-2', {
        application: { mode: 'in_chat', documents: ['ktp'], organisation: 'blk-sby' },
        slug: 'las-kopri',
      }),
    ]);
    expect(res.status).toBe(200);
    expect(res.json.created + res.json.updated).toBe(0);
    expect(res.json.rejected.map((r: { code: string }) => r.code).sort()).toEqual(['other_organisation']);
  },
  async closeProgramme() {
    expect((await call(h, b.token, 'POST', '/programmes/las-kopri/close')).status).toBe(404);
  },
  async listBroadcasts() {
    expect((await call(h, b.token, 'GET', '/broadcasts')).json.items).toEqual([]);
  },
  async createBroadcast() {
    const res = await call(h, b.token, 'POST', '/broadcasts', {
      name: 'x',
      text: { id: 'x' },
      programme: 'las-kopri',
    });
    expect(res.status).toBe(422);
    const eligible = await call(h, b.token, 'POST', '/broadcasts', {
      name: 'x',
      text: { id: 'x' },
      audience: { eligible_for: 'las-kopri' },
    });
    expect(eligible.status).toBe(422);
  },
  async previewAudience() {
    const res = await call(h, b.token, 'POST', '/broadcasts/preview', { programme: 'las-kopri' });
    expect(res.status).toBe(422);
  },
  async getBroadcast() {
    expect((await call(h, b.token, 'GET', `/broadcasts/${ids.broadcast}`)).status).toBe(404);
  },
  async updateBroadcast() {
    expect((await call(h, b.token, 'PATCH', `/broadcasts/${ids.broadcast}`, { name: 'x' })).status).toBe(404);
  },
  async previewBroadcast() {
    expect((await call(h, b.token, 'GET', `/broadcasts/${ids.broadcast}/preview`)).status).toBe(404);
  },
  async scheduleBroadcast() {
    const res = await call(h, b.token, 'POST', `/broadcasts/${ids.broadcast}/schedule`, {
      at: '2099-01-01T09:00',
    });
    expect(res.status).toBe(404);
  },
  async sendBroadcast() {
    expect((await call(h, b.token, 'POST', `/broadcasts/${ids.broadcast}/send`)).status).toBe(404);
  },
  async cancelBroadcast() {
    expect((await call(h, b.token, 'POST', `/broadcasts/${ids.broadcast}/cancel`)).status).toBe(404);
  },
  async broadcastStats() {
    expect((await call(h, b.token, 'GET', `/broadcasts/${ids.broadcast}/stats`)).status).toBe(404);
  },
  async listApplications() {
    const res = await call(h, b.token, 'GET', '/applications');
    expect(res.json.total).toBe(0);
  },
  async exportApplications() {
    const res = await call(h, b.token, 'GET', '/applications/export.csv');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('JMB-2026-000001');
    expect(res.text).not.toContain('Sari');
  },
  async changeApplicationStatus() {
    const res = await call(h, b.token, 'POST', '/applications/JMB-2026-000001/status', { status: 'ditolak' });
    expect(res.status).toBe(404);
  },
  async subscriberCounts() {
    // Platform-wide counts (nobody's data): the same for every organisation.
    const mine = await call(h, a.token, 'GET', '/subscribers');
    const theirs = await call(h, b.token, 'GET', '/subscribers');
    expect(theirs.json).toEqual(mine.json);
  },
  async listTargets() {
    expect((await call(h, b.token, 'GET', '/targets')).json.items).toEqual([]);
  },
  async createTarget() {
    const res = await call(h, b.token, 'POST', '/targets', { name: 'x', programme: 'las-kopri' });
    expect(res.status).toBe(422);
  },
  async getTarget() {
    expect((await call(h, b.token, 'GET', `/targets/${ids.target}`)).status).toBe(404);
  },
  async updateTarget() {
    expect((await call(h, b.token, 'PATCH', `/targets/${ids.target}`, { participants: 1 })).status).toBe(404);
  },
  async deleteTarget() {
    expect((await call(h, b.token, 'DELETE', `/targets/${ids.target}`)).status).toBe(404);
  },
  async listReferralLinks() {
    expect((await call(h, b.token, 'GET', '/referral-links')).json.items).toEqual([]);
  },
  async createReferralLink() {
    const res = await call(h, b.token, 'POST', '/referral-links', { programme: 'las-kopri' });
    expect(res.status).toBe(422);
  },
  async getReferralLink() {
    expect((await call(h, b.token, 'GET', `/referral-links/${ids.link}`)).status).toBe(404);
  },
  async deactivateReferralLink() {
    expect((await call(h, b.token, 'DELETE', `/referral-links/${ids.link}`)).status).toBe(404);
  },
  async listHandoffs() {
    expect((await call(h, b.token, 'GET', '/handoffs')).json.items).toEqual([]);
  },
  async handoffMessages() {
    expect((await call(h, b.token, 'GET', `/handoffs/${ids.handoff}/messages`)).status).toBe(404);
  },
  async claimHandoff() {
    expect((await call(h, b.token, 'POST', `/handoffs/${ids.handoff}/claim`)).status).toBe(404);
  },
  async replyHandoff() {
    const res = await call(h, b.token, 'POST', `/handoffs/${ids.handoff}/reply`, { text: 'halo' });
    expect(res.status).toBe(404);
  },
  async closeHandoff() {
    expect((await call(h, b.token, 'POST', `/handoffs/${ids.handoff}/close`)).status).toBe(404);
  },
  // Webhooks: owner tokens only; B's owner never sees or touches A's endpoint.
  async listWebhookEvents() {
    expect((await call(h, (await hooks()).b, 'GET', '/webhooks/events')).status).toBe(200);
  },
  async listWebhooks() {
    expect((await call(h, (await hooks()).b, 'GET', '/webhooks')).json.items).toEqual([]);
    expect((await call(h, b.token, 'GET', '/webhooks')).status).toBe(403);
  },
  async createWebhook() {
    const res = await call(h, (await hooks()).b, 'POST', '/webhooks', {
      url: 'https://blk.example.org/hook',
      events: ['handoff.waiting'],
    });
    expect(res.status).toBe(201);
    expect((await call(h, (await hooks()).a, 'GET', '/webhooks')).json.items).toHaveLength(1);
  },
  async getWebhook() {
    expect((await call(h, (await hooks()).b, 'GET', `/webhooks/${(await hooks()).endpoint}`)).status).toBe(
      404,
    );
  },
  async updateWebhook() {
    const { b: owner, endpoint } = await hooks();
    const res = await call(h, owner, 'PATCH', `/webhooks/${endpoint}`, { url: 'https://evil.example.org/' });
    expect(res.status).toBe(404);
  },
  async deleteWebhook() {
    const { b: owner, endpoint } = await hooks();
    expect((await call(h, owner, 'DELETE', `/webhooks/${endpoint}`)).status).toBe(404);
  },
  async rotateWebhookSecret() {
    const { b: owner, endpoint } = await hooks();
    expect((await call(h, owner, 'POST', `/webhooks/${endpoint}/rotate-secret`)).status).toBe(404);
  },
  async testWebhook() {
    const { b: owner, endpoint } = await hooks();
    expect((await call(h, owner, 'POST', `/webhooks/${endpoint}/test`)).status).toBe(404);
  },
  async listWebhookDeliveries() {
    const { b: owner, endpoint } = await hooks();
    expect((await call(h, owner, 'GET', `/webhooks/${endpoint}/deliveries`)).status).toBe(404);
  },
  async resendWebhookDelivery() {
    const { b: owner, endpoint } = await hooks();
    expect((await call(h, owner, 'POST', `/webhooks/${endpoint}/deliveries/1/resend`)).status).toBe(404);
    const mine = await call(h, (await hooks()).a, 'GET', `/webhooks/${endpoint}`);
    expect(mine.json.url).toBe('https://kopri.example.org/hook');
  },
};

/** Owner tokens of both organisations and A's webhook endpoint (made on first use). */
let webhookFixture: Promise<{ a: string; b: string; endpoint: string }> | undefined;
function hooks() {
  webhookFixture ??= (async () => {
    const ownerA = (await createToken(h.runtime.db, a.id, { name: 'owner', role: 'owner' })).token;
    const ownerB = (await createToken(h.runtime.db, b.id, { name: 'owner', role: 'owner' })).token;
    const created = await call(h, ownerA, 'POST', '/webhooks', {
      url: 'https://kopri.example.org/hook',
      events: ['application.submitted'],
    });
    return { a: ownerA, b: ownerB, endpoint: created.json.id as string };
  })();
  return webhookFixture;
}

describe('organisation API: authentication and isolation', () => {
  it('covers every operation of the OpenAPI document', async () => {
    const doc = (await call(h, null, 'GET', '/openapi.json')).json;
    const operations = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>)
      .flatMap((methods) => Object.values(methods))
      .map((op) => op.operationId)
      .sort();
    expect(operations).toEqual(Object.keys(isolation).sort());
    expect(operations).toEqual(routes.map((r) => r.operationId).sort());
  });

  it('answers 401 without a token, with a wrong one and with a revoked one, on every route', async () => {
    for (const r of routes) {
      const res = await call(
        h,
        null,
        r.method.toUpperCase(),
        pathFor(r.path),
        r.method === 'get' ? undefined : {},
      );
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
      expect(res.json.error.code).toBe('unauthorized');
      const wrong = await call(h, 'jbt_not-a-token', r.method.toUpperCase(), pathFor(r.path));
      expect(wrong.status, `${r.method} ${r.path}`).toBe(401);
    }
    const revoked = await organisation(h.runtime.db, 'Revoked Org', 'revoked-org');
    expect((await call(h, revoked.token, 'GET', '/organisation')).status).toBe(200);
    const token = (await listTokens(h.runtime.db, revoked.id)).find((t) => t.role === 'staff');
    expect(await revokeToken(h.runtime.db, token!.id)).toBe(true);
    expect((await call(h, revoked.token, 'GET', '/organisation')).status).toBe(401);
  });

  it('answers 403 to a viewer token on every route that writes, and lets it read', async () => {
    for (const r of routes.filter((r) => r.write)) {
      const res = await call(h, a.viewer, r.method.toUpperCase(), pathFor(r.path), {});
      expect(res.status, `${r.method} ${r.path}`).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
    }
    expect((await call(h, a.viewer, 'GET', '/programmes')).status).toBe(200);
  });

  for (const [operation, attempt] of Object.entries(isolation))
    it(`keeps the other organisation out: ${operation}`, async () => {
      await attempt();
    });

  it("left the first organisation's data as it was", async () => {
    const [las] = await h.runtime.db.select().from(programmes).where(eq(programmes.slug, 'las-kopri'));
    expect(las!.status).toBe('open');
    expect(las!.organisation).toBe('kopri-pb-pmii');
    expect(las!.record.title.id).toBe('Las KOPRI');
    const broadcast = await call(h, a.token, 'GET', `/broadcasts/${ids.broadcast}`);
    expect(broadcast.json).toMatchObject({ status: 'draft', name: 'KOPRI draft' });
    expect((await call(h, a.token, 'GET', `/targets/${ids.target}`)).json.participants).toBe(10);
    expect((await call(h, a.token, 'GET', `/referral-links/${ids.link}`)).json.active).toBe(true);
    const apps = await call(h, a.token, 'GET', '/applications');
    expect(
      apps.json.items.map((x: { reference: string; status: string }) => [x.reference, x.status]),
    ).toEqual([['JMB-2026-000001', 'diajukan']]);
    expect((await call(h, a.token, 'GET', '/handoffs')).json.items).toHaveLength(1);
    const staffMessages = await h.runtime.db.select().from(messages).where(eq(messages.origin, 'staff'));
    expect(staffMessages).toHaveLength(0);
  });
});

describe('organisation API: errors and validation', () => {
  const expectError = (res: ApiResponse, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(typeof res.json.error.message).toBe('string');
  };

  it('validates bodies and parameters with clear messages', async () => {
    const missing = await call(h, a.token, 'POST', '/broadcasts', { text: { id: 'x' } });
    expectError(missing, 400, 'validation_failed');
    expect(missing.json.error.message).toContain('name');
    expect(missing.json.error.details[0].path).toBe('name');
    expectError(
      await call(h, a.token, 'POST', '/broadcasts', {
        name: 'x',
        text: { id: 'x' },
        audience: { provinces: ['99'], age: { min: 30, max: 20 } },
      }),
      400,
      'validation_failed',
    );
    expectError(
      await call(h, a.token, 'POST', '/broadcasts', { name: 'x', text: { id: 'x' }, extra: 1 }),
      400,
      'validation_failed',
    );
    expectError(await call(h, a.token, 'GET', '/broadcasts/not-a-uuid'), 400, 'validation_failed');
    expectError(await call(h, a.token, 'GET', '/programmes?per_page=5000'), 400, 'validation_failed');
    expectError(
      await call(h, a.token, 'POST', '/targets', '{"name": ', 'application/json'),
      400,
      'invalid_json',
    );
    expectError(
      await call(h, a.token, 'POST', '/targets', 'name=x', 'text/plain'),
      415,
      'unsupported_media_type',
    );
    expectError(
      await call(h, a.token, 'POST', `/broadcasts/${ids.broadcast}/schedule`, { at: 'besok pagi' }),
      422,
      'invalid_time',
    );
    const invalid = await call(h, a.token, 'POST', '/programmes', programme('x'));
    expectError(invalid, 422, 'invalid_programme');
    expectError(await call(h, a.token, 'GET', '/nothing-here'), 404, 'not_found');
  });

  it('limits requests per token (429 with Retry-After)', async () => {
    const { createApi } = await import('../../src/api');
    const api = createApi({
      db: h.runtime.db,
      logger: (await import('../../src/logger')).silentLogger,
      broadcasts: h.runtime.broadcasts,
      rateLimit: { perMinute: 60, burst: 3 },
    });
    const get = () => api.request('/organisation', { headers: { authorization: `Bearer ${a.token}` } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await get()).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await get();
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await limited.json()).error.code).toBe('rate_limited');
    // Another token has its own budget.
    expect(
      (await api.request('/organisation', { headers: { authorization: `Bearer ${b.token}` } })).status,
    ).toBe(200);
  });

  it('serves an OpenAPI 3.1 document with every route, its parameters and schemas', async () => {
    const res = await call(h, null, 'GET', '/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.json;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const r of routes) {
      const op = doc.paths[r.path]?.[r.method];
      expect(op, `${r.method} ${r.path}`).toBeDefined();
      for (const name of [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))
        expect(
          op.parameters.some((p: { name: string; in: string }) => p.name === name && p.in === 'path'),
        ).toBe(true);
      expect(Object.keys(op.responses).length).toBeGreaterThan(1);
    }
    const create = doc.paths['/broadcasts'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(expect.arrayContaining(['name', 'text']));
    expect(create.properties.audience.properties.gender.enum).toEqual(['perempuan', 'laki_laki']);
    expect(
      doc.paths['/programmes'].post.requestBody.content['application/json'].schema.properties.slug,
    ).toBeDefined();
    // It is plain JSON all the way down (no functions, no undefined).
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
