// Several Node processes on one Postgres: server processes (the real entry, src/index.ts) behind
// different ports — one person's concurrent updates spread across them stay serialised; processes can be
// added, stopped (gracefully, with requests in flight) or killed without losing or duplicating anything —
// and processes competing for the WhatsApp number (the Baileys lease). After the first test, the others
// run concurrently: most of their time is spent waiting out the production leases (25–30 s).
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEASE_DEFAULTS, leaseStatus } from '../../src/channels/whatsapp/baileys/lease';
import { rowsOf } from '../../src/db/rows';
import { processedEvents } from '../../src/db/schema';
import { type BotApiCall, BotApiStandIn } from '../helpers/bot-api';
import { textUpdate } from '../helpers/telegram';
import { postgresOnly, type SharedDatabase, sharedDatabase } from './postgres';
import { bundled, ChildRun, ServerProcess } from './processes';

const enabled = postgresOnly('scale/processes');

const TOKEN = '424242:scale-test_token';
const SECRET = 'scale_secret_1';
const METRICS_TOKEN = 'scale_metrics_1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let shared: SharedDatabase;
let api: BotApiStandIn;
const servers: ServerProcess[] = [];
let serverA: ServerProcess;
let serverB: ServerProcess;
/**
 * The graceful-stop and SIGKILL tests' own servers, started (one after another) while the first test
 * runs, so those tests do not spend their time on it and C, added mid-traffic, does not queue behind.
 */
let spares: { D: Promise<ServerProcess>; E: Promise<ServerProcess> };
/** How the Bot API stand-in treats one chat (tests run concurrently, each with its own chats). */
type ChatBehaviour = (call: BotApiCall) => Promise<{ status: number; body: unknown } | undefined>;
const chatBehaviour = new Map<string, ChatBehaviour>();

const env = () => ({
  DATABASE_URL: shared.url,
  TELEGRAM_BOT_TOKEN: TOKEN,
  TELEGRAM_WEBHOOK_SECRET: SECRET,
  TELEGRAM_API_ROOT: api.url,
  TELEGRAM_BOT_INFO: JSON.stringify({
    id: 424242,
    is_bot: true,
    first_name: 'J',
    username: 'jembatan_scale_bot',
  }),
  TELEGRAM_SEND_TIMEOUT_MS: '5000',
  METRICS_TOKEN,
  SHUTDOWN_TIMEOUT_MS: '10000',
  LOG_LEVEL: 'warn',
});

async function startServer(name: string): Promise<ServerProcess> {
  const server = await ServerProcess.start(name, env());
  servers.push(server);
  return server;
}

function post(server: ServerProcess, update: Update): Promise<Response> {
  return server.fetch('/webhooks/telegram', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
    body: JSON.stringify(update),
  });
}

/** Like Telegram: retries an update until some process answers 200 (a refused or failed one goes elsewhere). */
async function deliver(pool: () => ServerProcess[], update: Update, start: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const live = pool().filter((s) => s.alive);
    const server = live[(start + attempt) % live.length]!;
    const res = await post(server, update).catch(() => undefined);
    await res?.arrayBuffer();
    if (res?.status === 200) return attempt;
    await sleep(50);
  }
  throw new Error(`update ${update.update_id} never answered`);
}

async function outRows(chatId: number) {
  return rowsOf<{ id: number; text: string; status: string }>(
    await shared.database.db.execute(sql`
      select m.id, m.body->>'text' as text, m.status from messages m
      join identities i on i.id = m.identity_id
      where i.channel = 'telegram' and i.external_id = ${String(chatId)} and m.direction = 'out'
      order by m.id`),
  );
}

/** Waits until every reply to a chat is marked sent (marks are written in batches every few ms). */
async function allSent(chatId: number, timeoutMs = 5_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const rows = await outRows(chatId);
    if (rows.length && rows.every((r) => r.status === 'sent')) return rows;
    if (Date.now() > end) throw new Error(`not all sent: ${JSON.stringify(rows.map((r) => r.status))}`);
    await sleep(50);
  }
}

async function updatesHandledBy(server: ServerProcess): Promise<number> {
  const res = await server.fetch('/metrics', { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await res.text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith('jembatan_updates_total{channel="telegram",outcome="handled"}'));
  return Number(line?.split(' ')[1] ?? 0);
}

describe.skipIf(!enabled)('several Node processes on one Postgres', () => {
  beforeAll(async () => {
    api = await new BotApiStandIn().start();
    api.behaviour = (call) => chatBehaviour.get(String(call.body.chat_id))?.(call);
    shared = await sharedDatabase('jembatan_scale_web');
    [serverA, serverB] = await Promise.all([startServer('A'), startServer('B')]);
    spares = { D: startServer('D'), E: startServer('E') };
    // A failed start fails the test that awaits it, not the run.
    for (const spare of Object.values(spares)) spare.catch(() => {});
  }, 90_000);

  afterAll(async () => {
    await Promise.all([...servers, ...competitors].map((s) => s.stop('SIGKILL')));
    await api?.stop();
    await shared?.drop();
  });

  it('serialises one person across processes: nine concurrent toggles on two processes alternate', async () => {
    const [a, b] = [serverA, serverB];
    const p = { id: 610_001 };
    expect((await post(a, textUpdate(p, '/pengaturan'))).status).toBe(200);
    const toggles = Array.from({ length: 9 }, () => textUpdate(p, '3')); // "teks sederhana" on/off
    const results = await Promise.all(toggles.map((u, i) => post(i % 2 ? b : a, u)));
    expect(results.map((r) => r.status)).toEqual(Array(9).fill(200));
    // In commit order (row ids are taken under the chat's lock) each toggle saw the one before it.
    await allSent(p.id);
    const confirmations = (await outRows(p.id)).filter((r) => r.text.startsWith('Teks sederhana'));
    expect(confirmations.map((r) => (r.text.includes('aktif.') ? 'on' : 'off'))).toEqual([
      'on',
      'off',
      'on',
      'off',
      'on',
      'off',
      'on',
      'off',
      'on',
    ]);
    // Telegram received each confirmation once.
    const received = api.texts(p.id).filter((t) => t.startsWith('Teks sederhana'));
    expect(received.sort()).toEqual(confirmations.map((r) => r.text).sort());
    // Both processes did part of the work.
    expect(await updatesHandledBy(a)).toBeGreaterThan(0);
    expect(await updatesHandledBy(b)).toBeGreaterThan(0);
  }, 60_000);

  describe.concurrent('while processes come and go', () => {
    it('a process added and another stopped mid-traffic: every update answered once, every reply sent once', async () => {
      let c: ServerProcess | undefined;
      const pool = () => [serverA, serverB, ...(c ? [c] : [])];
      const people = Array.from({ length: 12 }, (_, i) => ({ id: 620_000 + i }));
      const script = ['/start', '5', '3', '3', 'menu', '/menu', 'magang jepang', '/pengaturan', 'menu'];
      const posted: Update[] = [];
      // Phases: steps 0–2 on A and B; then C joins; from step 6 on, B is stopped while updates flow.
      let openPhase2!: () => void;
      let openPhase3!: () => void;
      const phase2 = new Promise<void>((r) => (openPhase2 = r));
      const phase3 = new Promise<void>((r) => (openPhase3 = r));
      const reached = [0, 0];
      let retried = 0;
      const traffic = people.map(async (p, i) => {
        for (const [step, text] of script.entries()) {
          if (step === 3) {
            reached[0]!++;
            await phase2;
          }
          if (step === 6) {
            reached[1]!++;
            await phase3;
          }
          const update = textUpdate(p, text);
          posted.push(update);
          retried += await deliver(pool, update, i + step);
        }
      });
      const total = people.length * script.length;
      while (reached[0]! < people.length) await sleep(20);
      c = await startServer('C'); // added
      openPhase2();
      while (reached[1]! < people.length) await sleep(20);
      openPhase3();
      await sleep(30); // some updates are in flight on B now
      const bStopped = serverB.stop('SIGTERM');
      await Promise.all(traffic);
      expect(await bStopped).toBe(0); // a clean exit after finishing what it had in hand
      expect(await updatesHandledBy(c)).toBeGreaterThan(0);
      console.info(`[scale] ${total} updates, ${retried} redelivered after B refused or went away`);

      // Every update recorded once; every reply row sent, and received by Telegram exactly once, in order.
      const [events] = await shared.database.db
        .select({ n: count() })
        .from(processedEvents)
        .where(
          and(
            eq(processedEvents.channel, 'telegram'),
            inArray(
              processedEvents.eventId,
              posted.map((u) => String(u.update_id)),
            ),
          ),
        );
      expect(events!.n).toBe(total);
      for (const p of people) {
        const rows = await allSent(p.id);
        expect(rows.length).toBeGreaterThan(script.length);
        expect(api.texts(p.id)).toEqual(rows.map((r) => r.text));
      }
    }, 90_000);

    it('graceful stop: the update in flight finishes and is answered; new ones are refused', async () => {
      const d = await spares.D;
      const p = { id: 630_001 };
      // The Bot API is slow for this chat, so the update is still in flight when the signal comes.
      chatBehaviour.set(String(p.id), async () => {
        await sleep(1_500);
        return undefined;
      });
      {
        const inFlight = post(d, textUpdate(p, '/start'));
        // In flight: its reply has reached the (slow) Bot API. (A fixed 400 ms was not enough for a
        // loaded machine to get that far.)
        await api.waitFor((calls) => calls.some((c) => String(c.body.chat_id) === String(p.id)), 30_000);
        const stopping = d.stop('SIGTERM');
        // Draining: /readyz says so (or the listener is already closed).
        while ((await d.fetch('/readyz').catch(() => undefined))?.status === 200) await sleep(20);
        // While draining: refused (503) or, once the listener is closed, not connected at all.
        const refused = await post(d, textUpdate({ id: 630_002 }, '/start')).catch(() => undefined);
        expect([undefined, 503]).toContain(refused?.status);
        const res = await inFlight;
        expect(res.status).toBe(200);
        expect(await stopping).toBe(0);
        // Sent marks are buffered for a few milliseconds; the stopping process flushed them before exiting.
        const rows = await outRows(p.id);
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
        expect(api.texts(p.id)).toEqual(rows.map((r) => r.text));
      }
    }, 60_000);

    it('a killed process (SIGKILL) loses nothing: the redelivery is recognised, the reply is sent after its lease', async () => {
      const e = await spares.E;
      const a = serverA;
      const p = { id: 640_001 };
      const delivered: string[] = [];
      let crashing = true;
      // While the crash is staged, this chat's sends hang and then fail (never delivered).
      chatBehaviour.set(String(p.id), async (call) => {
        if (call.method !== 'sendMessage') return undefined;
        if (crashing) {
          await sleep(2_000);
          return { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } };
        }
        delivered.push(String(call.body.text));
        return undefined;
      });
      {
        const update = textUpdate(p, '/start');
        const lost = post(e, update).catch(() => 'connection lost' as const);
        await api.waitFor((calls) => calls.some((c) => String(c.body.chat_id) === String(p.id)));
        await e.stop('SIGKILL'); // committed, reply being sent: the worst moment
        expect(await lost).toBe('connection lost');
        crashing = false;
        // Telegram redelivers to another process: recognised as done, nothing run twice.
        const again = await post(a, update);
        expect(again.status).toBe(200);
        const [events] = rowsOf<{ n: number }>(
          await shared.database.db.execute(
            sql`select count(*)::int as n from processed_events where event_id = ${String(update.update_id)}`,
          ),
        );
        expect(events!.n).toBe(1);
        // The replies were leased to the dead process; once the lease ends, a dispatcher sends them.
        const replies = (await outRows(p.id)).map((r) => r.text);
        expect(replies.length).toBeGreaterThan(0);
        await api.waitFor(() => delivered.length >= replies.length, 45_000);
        await sleep(500);
        expect(delivered).toEqual(replies);
        await allSent(p.id);
      }
    }, 90_000);

    it('exactly one process holds the WhatsApp number; a killed holder is replaced within 30 s, a stopped one at once', async () => {
      const p1 = await compete('proc-1');
      await p1.waitForLine(/"status":"open"/, 45_000);
      const p2 = await compete('proc-2');
      const p3 = await compete('proc-3');
      await p2.waitForLine(/"status":"standby"/, 45_000);
      await p3.waitForLine(/"status":"standby"/, 45_000);
      // Several polls and renewals later, still only the first holds it.
      await sleep(LEASE_DEFAULTS.pollMs + 1_000);
      expect([opened(p1), opened(p2), opened(p3)]).toEqual([true, false, false]);
      expect((await leaseStatus(shared.database.db, 'scale'))?.holder).toBe('proc-1');

      // Killed (no release): one of the others takes over once the lease runs out (production timings).
      const killedAt = Date.now();
      await p1.stop('SIGKILL');
      const takeover = await Promise.race([
        p2.waitForLine(/"status":"open"/, 35_000).then(() => p2),
        p3.waitForLine(/"status":"open"/, 35_000).then(() => p3),
      ]);
      const tookMs = Date.now() - killedAt;
      console.info(`[scale] WhatsApp lease taken over ${tookMs} ms after its holder was killed`);
      expect(tookMs).toBeLessThanOrEqual(30_000);
      const standby = takeover === p2 ? p3 : p2;
      await sleep(500);
      expect(opened(standby)).toBe(false);
      expect(lastStatus(standby)).toBe('standby');
      expect((await leaseStatus(shared.database.db, 'scale'))?.holder).toBe(takeover.name);

      // Stopped cleanly (lease released): the last one takes over within one poll.
      const stoppedAt = Date.now();
      expect(await takeover.stop('SIGTERM')).toBe(0);
      await standby.waitForLine(/"status":"open"/, LEASE_DEFAULTS.pollMs + 3_000);
      expect(Date.now() - stoppedAt).toBeLessThanOrEqual(LEASE_DEFAULTS.pollMs + 3_000);
      expect((await leaseStatus(shared.database.db, 'scale'))?.holder).toBe(standby.name);
    }, 120_000);
  });
});

const competitors: ChildRun[] = [];

/** A process competing for the number (tests/scale/lease-child.ts: the real connection, a fake socket). */
async function compete(holder: string): Promise<ChildRun> {
  const child = ChildRun.start(
    holder,
    await bundled('tests/scale/lease-child.ts'),
    { DATABASE_URL: shared.url, HOLDER: holder, ACCOUNT: 'scale' },
    true,
  );
  competitors.push(child);
  return child;
}

const opened = (child: ChildRun) => child.output.some((l) => l.includes('"status":"open"'));
const lastStatus = (child: ChildRun) =>
  child.output
    .filter((l) => l.includes('"event":"status"'))
    .map((l) => JSON.parse(l).status as string)
    .at(-1);
