// Operations on the real app (PGlite and Postgres): liveness and readiness, request ids on responses
// and log lines, /metrics behind its token, refusing requests while draining.
import { Writable } from 'node:stream';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { postgresDatabase } from '../../src/db/postgres';
import { createLogger } from '../../src/logger';
import { createRuntime } from '../../src/runtime';
import { BotApiStandIn } from '../helpers/bot-api';
import { type Harness, STILL, startHarness, TEST_SECRET, TEST_TOKEN } from '../helpers/harness';
import { textUpdate } from '../helpers/telegram';

const METRICS_TOKEN = 'ops_metrics_token';
let h: Harness;
let nextPerson = 710_000;
const person = () => ({ id: nextPerson++ });

beforeAll(async () => {
  h = await startHarness({ METRICS_TOKEN });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.api.reset());

const metrics = async () => {
  const res = await h.runtime.app.request('/metrics', {
    headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
};
const value = (text: string, series: string) =>
  Number(
    text
      .split('\n')
      .find((l) => l.startsWith(`${series} `))
      ?.split(' ')[1] ?? Number.NaN,
  );

describe('health and readiness', () => {
  it('/healthz answers without asking anything; /readyz checks the database and Telegram', async () => {
    const health = await h.runtime.app.request('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const ready = await h.runtime.app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ok: true,
      checks: { database: { ok: true, status: 'up' }, telegram: { ok: true, status: 'ready' } },
    });
  });

  it('is not ready while Telegram is not initialised, nor when the database is unreachable', async () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: TEST_SECRET,
      TELEGRAM_API_ROOT: h.api.url,
    });
    // Another process on the same database, before its getMe.
    const runtime = createRuntime({ config, database: h.database, logger: createLogger('silent') });
    let res = await runtime.app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, checks: { telegram: { ok: false } } });
    await runtime.telegram!.init();
    expect((await runtime.app.request('/readyz')).status).toBe(200);
    await runtime.shutdown();
    // A process whose database does not answer (nothing listens on port 1).
    const unreachable = postgresDatabase(postgres('postgres://nobody@127.0.0.1:1/none', { max: 1 }));
    const orphan = createRuntime({
      config: loadConfig({}),
      database: unreachable,
      logger: createLogger('silent'),
    });
    res = await orphan.app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, checks: { database: { ok: false } } });
    expect((await orphan.app.request('/healthz')).status).toBe(200); // liveness does not depend on it
    await unreachable.close();
  });
});

describe('request ids', () => {
  it('returns the caller’s X-Request-Id, or a new one, on every response', async () => {
    const given = await h.post(textUpdate(person(), '/start'));
    expect(given.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
    const res = await h.runtime.app.request('/webhooks/telegram', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-Telegram-Bot-Api-Secret-Token': TEST_SECRET,
        'X-Request-Id': 'lb-7f3a',
      },
      body: JSON.stringify(textUpdate(person(), '/menu')),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Request-Id')).toBe('lb-7f3a');
    expect((await h.runtime.app.request('/nowhere')).headers.get('X-Request-Id')).toBeTruthy();
  });

  it('puts the request id on every log line written while serving, and no message text', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
        done();
      },
    });
    const api = await new BotApiStandIn().start();
    api.behaviour = (call) =>
      call.method === 'sendMessage'
        ? { status: 500, body: { ok: false, error_code: 500, description: 'Internal' } }
        : undefined;
    const database = h.database;
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: TEST_SECRET,
      TELEGRAM_API_ROOT: api.url,
    });
    // The still budget clock, as in the harness: a slow turn must not leave the send to the outbox.
    const runtime = createRuntime({
      config,
      database,
      logger: createLogger('info', sink),
      budgetClock: STILL,
    });
    try {
      await runtime.telegram!.init();
      const res = await runtime.app.request('/webhooks/telegram', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'X-Telegram-Bot-Api-Secret-Token': TEST_SECRET,
          'X-Request-Id': 'trace-42',
        },
        body: JSON.stringify(textUpdate(person(), 'tolong cariin magang jepang')),
      });
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 50));
      const traced = lines.filter((l) => l.reqId === 'trace-42');
      // The failed send (a warning from deep inside the outbox) and the access line both carry it.
      expect(traced.map((l) => l.msg)).toEqual(expect.arrayContaining(['send failed', 'request']));
      expect(traced.find((l) => l.msg === 'request')).toMatchObject({
        method: 'POST',
        path: '/webhooks/telegram',
        status: 200,
      });
      expect(JSON.stringify(lines)).not.toContain('magang jepang');
    } finally {
      await runtime.shutdown();
      await api.stop();
    }
  });
});

describe('/metrics', () => {
  it('needs the bearer token', async () => {
    expect((await h.runtime.app.request('/metrics')).status).toBe(401);
    const wrong = await h.runtime.app.request('/metrics', { headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('WWW-Authenticate')).toBe('Bearer');
    const basic = await h.runtime.app.request('/metrics', {
      headers: { Authorization: `Basic ${METRICS_TOKEN}` },
    });
    expect(basic.status).toBe(401);
  });

  it('counts updates, latency, sends and send errors by kind, and reads the outbox depth', async () => {
    const before = await metrics();
    const p = person();
    await h.post(textUpdate(p, '/start'));
    await h.post(textUpdate(p, '/start')); // not a duplicate: a new update id
    const blocked = person();
    h.api.behaviour = (call) =>
      String(call.body.chat_id) === String(blocked.id) && call.method === 'sendMessage'
        ? {
            status: 403,
            body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
          }
        : undefined;
    await h.post(textUpdate(blocked, '/start'));
    const after = await metrics();
    const handled = 'jembatan_updates_total{channel="telegram",outcome="handled"}';
    expect(value(after, handled) - (value(before, handled) || 0)).toBe(3);
    const count = 'jembatan_update_duration_seconds_count{channel="telegram"}';
    expect(value(after, count) - (value(before, count) || 0)).toBe(3);
    expect(value(after, 'jembatan_sends_total{channel="telegram"}')).toBeGreaterThanOrEqual(4);
    expect(value(after, 'jembatan_send_errors_total{channel="telegram",kind="blocked"}')).toBe(1);
    expect(after).toMatch(
      /jembatan_http_request_duration_seconds_bucket\{route="\/webhooks\/telegram",le="\+Inf"\} \d+/,
    );
    expect(after).toMatch(
      /jembatan_http_requests_total\{method="POST",route="\/webhooks\/telegram",status="2xx"\} \d+/,
    );
    expect(value(after, 'jembatan_outbox_messages{status="pending"}')).toBeGreaterThanOrEqual(0);
    expect(value(after, 'jembatan_outbox_messages{status="sending"}')).toBeGreaterThanOrEqual(0);
    expect(after).toContain('jembatan_outbox_oldest_due_seconds ');
  });

  it('is off (404) without METRICS_TOKEN', async () => {
    const runtime = createRuntime({
      config: loadConfig({}),
      database: h.database,
      logger: createLogger('silent'),
    });
    expect((await runtime.app.request('/metrics')).status).toBe(404);
    await runtime.shutdown();
  });
});

describe('draining (graceful shutdown)', () => {
  it('finishes the update in flight, refuses new ones with 503, and fails /readyz', async () => {
    const p = person();
    // The Bot API holds the reply until the test lets it go: the update stays in flight meanwhile
    // (a 300 ms delay and a 50 ms sleep raced on a loaded machine).
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    h.api.behaviour = async () => {
      await held;
      return undefined;
    };
    const inFlight = h.post(textUpdate(p, '/start'));
    await h.api.waitFor((calls) => calls.some((c) => String(c.body.chat_id) === String(p.id)));
    expect(h.runtime.ops.lifecycle.inFlight).toBe(1);
    const drained = h.runtime.ops.lifecycle.drain(5_000);
    const refused = await h.post(textUpdate(person(), '/start'));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('Retry-After')).toBe('5');
    expect((await h.runtime.app.request('/readyz')).status).toBe(503);
    expect((await h.runtime.app.request('/healthz')).status).toBe(200);
    answer();
    h.api.behaviour = undefined;
    expect(await drained).toBe(true);
    expect((await inFlight).status).toBe(200);
    expect(h.api.texts(p.id).length).toBeGreaterThan(0);
  });
});
