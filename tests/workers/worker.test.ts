// The Worker in workerd (`wrangler dev`), on the machine's Postgres through the Hyperdrive binding:
// the same updates answered identically by the Node runtime and by the Worker, the Cron Trigger
// draining the outbox, and the operations routes.
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalogue } from '../../src/catalogue/demo';
import { signBody } from '../../src/channels/whatsapp/cloud/signature';
import { loadConfig } from '../../src/config';
import { rowsOf } from '../../src/db/rows';
import { identities, messages } from '../../src/db/schema';
import { silentLogger } from '../../src/logger';
import { createOrganisation } from '../../src/organisations/service';
import { fieldCipherFromConfig } from '../../src/privacy/keyring';
import { createRuntime, type Runtime } from '../../src/runtime';
import { createEndpoint } from '../../src/webhooks/endpoints';
import { emitBuilt } from '../../src/webhooks/events';
import { createStaff, STAFF_PASSWORD } from '../helpers/admin';
import { type BotApiCall, BotApiStandIn } from '../helpers/bot-api';
import { buttonsOf, editedUpdate, messageUpdate, textUpdate } from '../helpers/telegram';
import { WebhookReceiver } from '../helpers/webhook-receiver';
import {
  CLOUD_APP_SECRET,
  CLOUD_PHONE_ID,
  CLOUD_TOKEN,
  CLOUD_VERIFY_TOKEN,
  GraphApiStandIn,
  type GraphCall,
  textBody,
} from '../helpers/whatsapp-cloud';
import { postgresOnly, type SharedDatabase, sharedDatabase } from '../scale/postgres';
import { startWorkerDev, type WorkerDev } from './wrangler-dev';

const enabled = postgresOnly('workers');

const TOKEN = '777001:worker-test_token';
const SECRET = 'worker_secret_1';
const METRICS_TOKEN = 'metrics_token_1';
const BOT_INFO = {
  id: 777001,
  is_bot: true,
  first_name: 'Jembatan',
  username: 'jembatan_test_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

/** The same variables on both sides; only where the platform stand-ins listen differs. */
function vars(api: BotApiStandIn, graph: GraphApiStandIn): Record<string, string> {
  return {
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: api.url,
    TELEGRAM_BOT_INFO: JSON.stringify(BOT_INFO),
    TELEGRAM_SEND_TIMEOUT_MS: '5000',
    WA_CLOUD_ACCESS_TOKEN: CLOUD_TOKEN,
    WA_CLOUD_PHONE_NUMBER_ID: CLOUD_PHONE_ID,
    WA_CLOUD_APP_SECRET: CLOUD_APP_SECRET,
    WA_CLOUD_VERIFY_TOKEN: CLOUD_VERIFY_TOKEN,
    WA_CLOUD_API_ROOT: graph.url,
    DATA_ENCRYPTION_KEY: KEY,
    METRICS_TOKEN,
  };
}
const KEY = randomBytes(32).toString('base64');

interface Side {
  name: string;
  api: BotApiStandIn;
  graph: GraphApiStandIn;
  shared: SharedDatabase;
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

let node: Side & { runtime: Runtime };
let worker: Side & { dev: WorkerDev };

describe.skipIf(!enabled)('the Worker in workerd, beside the Node runtime', () => {
  beforeAll(async () => {
    const make = async (name: string) => {
      const api = await new BotApiStandIn().start();
      const graph = await new GraphApiStandIn().start();
      const shared = await sharedDatabase(`jembatan_w_${name}`);
      // Programmes to find, the same on both sides.
      await seedDemoCatalogue(shared.database.db);
      return { name, api, graph, shared };
    };
    const [n, w] = await Promise.all([make('node'), make('worker')]);
    const runtime = createRuntime({
      config: loadConfig(vars(n.api, n.graph)),
      database: n.shared.database,
      logger: silentLogger,
    });
    node = {
      ...n,
      runtime,
      fetch: async (path, init) => runtime.app.request(path, init),
    };
    // Migrations come from Node (done above); the Worker only connects.
    const dev = await startWorkerDev({ databaseUrl: w.shared.url, vars: vars(w.api, w.graph) });
    worker = { ...w, dev, fetch: (path, init) => fetch(`${dev.url}${path}`, init) };
  }, 120_000);

  afterAll(async () => {
    await worker?.dev.stop();
    await node?.runtime.shutdown();
    for (const side of [node, worker]) {
      if (!side) continue;
      await side.api.stop();
      await side.graph.stop();
      await side.shared.drop();
    }
  });

  const postUpdate = (side: Side, update: Update, requestId?: string) =>
    side.fetch('/webhooks/telegram', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-Telegram-Bot-Api-Secret-Token': SECRET,
        ...(requestId ? { 'X-Request-Id': requestId } : {}),
      },
      body: JSON.stringify(update),
    });

  it('answers the same Telegram conversation identically on Node and in workerd', async () => {
    const p = { id: 880_001, firstName: 'Rina', languageCode: 'id' };
    type Step = Update | { press: string };
    const steps: Step[] = [
      textUpdate(p, '/start'),
      { press: 'Pengaturan' },
      textUpdate(p, '3'), // simple text on
      textUpdate(p, '3'), // and off
      textUpdate(p, 'menu'),
      textUpdate(p, 'magang jepang'),
      textUpdate(p, 'pelatihan las di surabaya gratis'),
      textUpdate(p, 'gmn cara daftarnya kak'),
      messageUpdate(p, {
        sticker: { file_id: 'x', file_unique_id: 'y', type: 'regular', width: 1, height: 1 },
      }),
      editedUpdate(p, 'diedit'),
      textUpdate(p, '/bahasa'),
      { press: 'English' },
      textUpdate(p, '/menu'),
      textUpdate(p, 'welding training in jakarta'),
    ];
    const transcripts: Record<string, Array<{ status: number; calls: BotApiCall[] }>> = {};
    for (const side of [node, worker]) {
      transcripts[side.name] = [];
      const sent: Update[] = [];
      for (const step of steps) {
        let update: Update;
        if ('press' in step) {
          // A button of the last message, by its label: the same person pressing the same button.
          const lastMessage = side.api.sent('sendMessage', p.id).at(-1)!;
          const button = buttonsOf(lastMessage.body).find((b) => b.text.includes(step.press));
          expect(button, `${side.name}: a "${step.press}" button`).toBeDefined();
          update = {
            update_id: 900_000 + sent.length,
            callback_query: {
              id: `cbq-${sent.length}`,
              from: { id: p.id, is_bot: false, first_name: p.firstName, language_code: 'id' },
              chat_instance: 'ci',
              data: button!.data,
              message: {
                message_id: 1,
                date: 0,
                chat: { id: p.id, type: 'private', first_name: p.firstName },
                text: '…',
              },
            },
          } as unknown as Update;
        } else update = step as Update;
        sent.push(update);
        const before = side.api.calls.length;
        const res = await postUpdate(side, update);
        transcripts[side.name]!.push({ status: res.status, calls: side.api.calls.slice(before) });
      }
      // A redelivery of the first update changes nothing and sends nothing.
      const before = side.api.calls.length;
      expect((await postUpdate(side, sent[0]!)).status).toBe(200);
      expect(side.api.calls.length).toBe(before);
    }
    const nodeSide = normaliseTranscript(transcripts.node!);
    const workerSide = normaliseTranscript(transcripts.worker!);
    expect(nodeSide.length).toBe(steps.length);
    // Something was said at almost every step (not a transcript of silences compared equal).
    expect(nodeSide.filter((s) => s.calls.some((c) => c.method === 'sendMessage')).length).toBeGreaterThan(
      10,
    );
    expect(workerSide).toEqual(nodeSide);
  });

  it('answers the same WhatsApp Cloud API conversation identically', async () => {
    const person = { waId: '6281234500077', name: 'Dewi' };
    const texts = ['halo', '1', 'menu', 'magang jepang', 'bahasa'];
    const transcripts: Record<string, Array<{ status: number; calls: GraphCall[] }>> = {};
    for (const side of [node, worker]) {
      transcripts[side.name] = [];
      for (const [i, text] of texts.entries()) {
        const raw = JSON.stringify(textBody(person, text, `wamid.compare.${i}`));
        const before = side.graph.calls.length;
        const res = await side.fetch('/webhooks/whatsapp', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'X-Hub-Signature-256': signBody(raw, CLOUD_APP_SECRET),
          },
          body: raw,
        });
        transcripts[side.name]!.push({ status: res.status, calls: side.graph.calls.slice(before) });
      }
    }
    const strip = (t: Array<{ status: number; calls: GraphCall[] }>) =>
      normaliseTokens(
        t.map((s) => ({ status: s.status, calls: s.calls.map((c) => ({ path: c.path, body: c.body })) })),
      );
    expect(transcripts.node!.flatMap((s) => s.calls).length).toBeGreaterThan(3);
    expect(strip(transcripts.worker!)).toEqual(strip(transcripts.node!));
    // A forged signature is refused in workerd too.
    const forged = await worker.fetch('/webhooks/whatsapp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Hub-Signature-256': 'sha256=00' },
      body: JSON.stringify(textBody(person, 'halo')),
    });
    expect(forged.status).toBe(401);
  });

  it('the database rows written by the Worker match those written by Node', async () => {
    const summary = async (side: Side) =>
      rowsOf<{ channel: string; direction: string; status: string; n: number }>(
        await side.shared.database.db.execute(sql`
          select channel, direction, status, count(*)::int as n from messages
          where origin <> 'notice' group by 1, 2, 3 order by 1, 2, 3`),
      );
    const nodeRows = await summary(node);
    expect(nodeRows.length).toBeGreaterThan(2);
    expect(await summary(worker)).toEqual(nodeRows);
  });

  it('serves the JSON API and the other routes as Node does', async () => {
    // (/admin pages carry a random CSRF token each time: the dashboard has its own test below.)
    for (const path of [
      '/api/v1/openapi.json',
      '/api/v1/programmes',
      '/admin/assets/admin.css',
      '/nowhere',
    ]) {
      const [fromNode, fromWorker] = await Promise.all([node.fetch(path), worker.fetch(path)]);
      expect({ path, status: fromWorker.status }).toEqual({ path, status: fromNode.status });
      expect(await fromWorker.text()).toEqual(await fromNode.text());
    }
  });

  it('logs a staff member in to the dashboard in workerd (scrypt, session, CSRF)', async () => {
    // The password is hashed by Node (the org CLI) and checked by workerd's node:crypto.
    await createStaff(worker.shared.database.db, {
      organisation: 'kopri-pb-pmii',
      email: 'rina@kopri.or.id',
    });
    const login = await worker.fetch('/admin/login');
    expect(login.status).toBe(200);
    const csrfCookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
    const wrong = await worker.fetch('/admin/login', {
      method: 'POST',
      headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, email: 'rina@kopri.or.id', password: 'bukan-sandinya' }),
    });
    expect(wrong.status).toBe(401);
    const ok = await worker.fetch('/admin/login', {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, email: 'rina@kopri.or.id', password: STAFF_PASSWORD }),
    });
    expect(ok.status).toBe(303);
    const session = ok.headers
      .getSetCookie()
      .find((c) => c.startsWith('jmb_session='))!
      .split(';')[0]!;
    const inbox = await worker.fetch('/admin/inbox', { headers: { cookie: session } });
    expect(inbox.status).toBe(200);
    expect(await inbox.text()).toContain('Kotak masuk');
  });

  it('the Cron Trigger drains the outbox in workerd', async () => {
    const db = worker.shared.database.db;
    const [identity] = await db
      .select({ id: identities.id, userId: identities.userId })
      .from(identities)
      .where(eq(identities.externalId, '880001'));
    expect(identity).toBeDefined();
    const [row] = await db
      .insert(messages)
      .values({
        userId: identity!.userId,
        identityId: identity!.id,
        channel: 'telegram',
        direction: 'out',
        origin: 'notice',
        body: { type: 'text', text: 'Pengingat: pendaftaran ditutup besok.' },
        status: 'pending',
      })
      .returning({ id: messages.id });
    const before = worker.api.calls.length;
    const res = await fetch(
      `${worker.dev.url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent('* * * * *')}`,
    );
    expect(res.status).toBe(200);
    const sentNow = worker.api.calls.slice(before).filter((c) => c.method === 'sendMessage');
    expect(sentNow.map((c) => c.body.text)).toContain('Pengingat: pendaftaran ditutup besok.');
    const [after] = await db
      .select({ status: messages.status })
      .from(messages)
      .where(eq(messages.id, row!.id));
    expect(after!.status).toBe('sent');
  });

  it('the Cron Trigger delivers outbound webhooks in workerd, signed for the standardwebhooks verifier', async () => {
    const db = worker.shared.database.db;
    const receiver = await new WebhookReceiver().start();
    try {
      const organisation = await createOrganisation(db, { name: 'LPK Workers', slug: 'lpk-workers' });
      // The Worker reads the secret with the same DATA_ENCRYPTION_KEY.
      const cipher = fieldCipherFromConfig({ DATA_ENCRYPTION_KEY: KEY });
      const { secret } = await createEndpoint(
        db,
        cipher,
        organisation.id,
        { url: `${receiver.url}/hook`, events: ['target.reached'] },
        { production: false },
      );
      receiver.secret('/hook', secret);
      await db.transaction((tx) =>
        emitBuilt(tx, {
          type: 'target.reached',
          organisationId: organisation.id,
          data: { target: { id: 'w1' } },
        }),
      );
      const res = await fetch(
        `${worker.dev.url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent('* * * * *')}`,
      );
      expect(res.status).toBe(200);
      expect(receiver.types('/hook')).toEqual(['target.reached']);
      const [delivery] = rowsOf<{ status: string }>(
        await db.execute(sql`select status from webhook_deliveries`),
      );
      expect(delivery!.status).toBe('delivered');
    } finally {
      await receiver.stop();
    }
  });

  it('serves /healthz, /readyz and /metrics (token) with request ids in workerd', async () => {
    const health = await worker.fetch('/healthz', { headers: { 'X-Request-Id': 'probe-123' } });
    expect(health.status).toBe(200);
    expect(health.headers.get('X-Request-Id')).toBe('probe-123');
    const ready = await worker.fetch('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      ok: true,
      checks: {
        database: { ok: true },
        telegram: { ok: true, status: 'ready' },
        whatsapp_cloud: { ok: true },
      },
    });
    expect((await worker.fetch('/metrics')).status).toBe(401);
    expect((await worker.fetch('/metrics', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    const metrics = await worker.fetch('/metrics', { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toMatch(/jembatan_outbox_messages\{status="pending"\} \d+/);
    expect(text).toMatch(/jembatan_http_requests_total\{[^}]*route="\/webhooks\/telegram"[^}]*\} \d+/);
    // The Worker's log lines are JSON with the caller's request id, and carry no message text.
    const traced = await postUpdate(worker, textUpdate({ id: 880_002 }, 'magang jepang'), 'trace-abc');
    expect(traced.headers.get('X-Request-Id')).toBe('trace-abc');
    await new Promise((r) => setTimeout(r, 300)); // wrangler relays the Worker's console
    const logged = worker.dev.output.filter((l) => l.startsWith('{"')).map((l) => JSON.parse(l));
    expect(logged).toContainEqual(
      expect.objectContaining({
        reqId: 'trace-abc',
        msg: 'request',
        path: '/webhooks/telegram',
        status: 200,
      }),
    );
    expect(JSON.stringify(logged)).not.toContain('magang jepang');
  });
});

/** Screen tokens are random per side: number them in order of appearance instead. */
function normaliseTokens<T>(value: T): T {
  const tokens = new Map<string, string>();
  const token = (t: string) => {
    if (!tokens.has(t)) tokens.set(t, `TOKEN${tokens.size}`);
    return tokens.get(t)!;
  };
  return JSON.parse(JSON.stringify(value), (_key, v) =>
    typeof v === 'string'
      ? v.replace(/(^|[^\w-])([\w-]{8}):(\d+)\b/g, (_, pre, t, i) => `${pre}${token(t)}:${i}`)
      : v,
  );
}

function normaliseTranscript(transcript: Array<{ status: number; calls: BotApiCall[] }>) {
  return normaliseTokens(
    transcript.map((step) => ({
      status: step.status,
      calls: step.calls.map((c) => ({ method: c.method, body: withoutVolatile(c.body) })),
    })),
  );
}

function withoutVolatile(body: Record<string, unknown>): Record<string, unknown> {
  const { callback_query_id: _ignored, ...rest } = body;
  return rest;
}
