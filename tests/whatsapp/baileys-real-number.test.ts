import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { proto, type SignalKeyStore } from 'baileys';
import { and, count, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBaileys } from '../../src/channels/whatsapp/baileys';
import { LeaseLostError } from '../../src/channels/whatsapp/baileys/auth-state';
import {
  BaileysConnection,
  type BaileysConnectionOptions,
} from '../../src/channels/whatsapp/baileys/connection';
import { leaseStatus } from '../../src/channels/whatsapp/baileys/lease';
import { SentMessages } from '../../src/channels/whatsapp/baileys/sent-messages';
import { BUNDLED_VERSION, versionSource } from '../../src/channels/whatsapp/baileys/version';
import { PacedSender } from '../../src/channels/whatsapp/pacing';
import { isPausedByPhone } from '../../src/channels/whatsapp/pauses';
import { whatsappSettings } from '../../src/channels/whatsapp/settings';
import { whatsappStatus } from '../../src/channels/whatsapp/status';
import { loadConfig } from '../../src/config';
import { identities, messages, processedEvents } from '../../src/db/schema';
import { silentLogger } from '../../src/logger';
import type { SendError } from '../../src/outbox/sender';
import { attachBaileys, createRuntime } from '../../src/runtime';
import type { Outbound } from '../../src/shared/conversation';
import type { TestDatabase } from '../helpers/db';
import { type BaileysHarness, startBaileysHarness } from '../helpers/whatsapp';
import { conversation, pnOf, type WaPerson, waMessage } from '../helpers/whatsapp-messages';
import { FakeSockets, waitUntil } from '../helpers/whatsapp-socket';

/*
 * Issue #16: what a real phone number runs into with Baileys — history sync, the WhatsApp Web version,
 * readiness, signal keys that fail to save, the Business app's automated replies, warm-up, typing and
 * read receipts, broadcasts, and the status command. Against the fake socket with real event shapes.
 */

let h: BaileysHarness;
let database: TestDatabase;
beforeAll(async () => {
  h = await startBaileysHarness();
  database = h.database;
});
afterAll(async () => {
  await h.close();
});

const running: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.stop()));
});

let next = 6285800000000;
const person = (): WaPerson => ({ pn: String(next++), name: 'Rina' });
const nowSeconds = () => Math.floor(Date.now() / 1000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function userIdOf(p: WaPerson): Promise<string> {
  const [row] = await h.runtime.db
    .select({ userId: identities.userId })
    .from(identities)
    .where(and(eq(identities.channel, 'whatsapp'), eq(identities.externalId, pnOf(p))));
  return row!.userId;
}

let accounts = 0;
function connection(options: Partial<BaileysConnectionOptions> = {}) {
  const sockets = new FakeSockets();
  const c = new BaileysConnection({
    db: h.runtime.db,
    logger: silentLogger,
    sent: new SentMessages(h.runtime.db),
    account: `real-${++accounts}`,
    makeSocket: sockets.make,
    lease: { ttlMs: 5_000, renewMs: 1_000, pollMs: 50 },
    backoff: { baseMs: 20, maxMs: 40 },
    random: () => 0.5,
    watchdog: { intervalMs: 60_000 },
    ...options,
  });
  running.push(c);
  c.start();
  return { connection: c, sockets };
}

describe('history sync (point 1)', () => {
  it('asks for every history kind but the full one', () => {
    const { config } = h.sockets.last;
    expect(config.syncFullHistory).toBe(false);
    const ask = (syncType: proto.Message.HistorySyncType) => config.shouldSyncHistoryMessage!({ syncType });
    expect(ask(proto.Message.HistorySyncType.INITIAL_BOOTSTRAP)).toBe(true);
    expect(ask(proto.Message.HistorySyncType.RECENT)).toBe(true);
    expect(ask(proto.Message.HistorySyncType.PUSH_NAME)).toBe(true);
    expect(ask(proto.Message.HistorySyncType.FULL)).toBe(false);
  });

  it('synced messages never reach the engine: no turn, no reply, no phone pause', async () => {
    const p = person();
    const [before] = await h.runtime.db.select({ n: count() }).from(processedEvents);
    const sentBefore = h.sockets.texts().length;
    const sets = h.baileys.connection.stats.historySets;
    h.sockets.last.emit('messaging-history.set', {
      chats: [{ id: pnOf(p), conversationTimestamp: nowSeconds() - 3_600 }],
      contacts: [{ id: pnOf(p), notify: 'Rina' }],
      messages: [
        conversation(p, 'kak info magang jepang', { timestamp: nowSeconds() - 3_600 }),
        conversation(p, 'Halo kak, silakan datang ke kantor', {
          fromMe: true,
          timestamp: nowSeconds() - 3_500,
        }),
      ],
      syncType: proto.HistorySync.HistorySyncType.RECENT,
      progress: 100,
      isLatest: true,
    });
    await h.baileys.channel.idle();
    expect(h.baileys.connection.stats.historySets).toBe(sets + 1);
    const [after] = await h.runtime.db.select({ n: count() }).from(processedEvents);
    expect(after!.n).toBe(before!.n);
    expect(h.sockets.texts().length).toBe(sentBefore);
    // The person writes now: a first conversation, not a chat paused by the old phone message.
    await h.say(p, '/start');
    expect(h.texts(pnOf(p))[0]).toContain('Halo, Rina!');
  });

  it("logs Baileys' own warnings at warn, without phone numbers", async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _e, done) {
          lines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    const { sockets } = connection({ logger });
    await waitUntil(() => sockets.all.length === 1);
    const baileysLog = sockets.last.config.logger!;
    baileysLog.warn(
      { lid: '123456789012345@lid', pn: '6281234567890@s.whatsapp.net' },
      'Failed to store LID-PN mapping',
    );
    baileysLog.info({}, 'connected to WA');
    const warnings = lines.filter((l) => l.module === 'baileys');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40, msg: 'Failed to store LID-PN mapping', lid: '[jid]' });
    expect(JSON.stringify(lines)).not.toContain('6281234567890');
  });
});

describe('WhatsApp Web version (point 2)', () => {
  it('announces the fetched current version, and fetches again after WhatsApp refused it (405)', async () => {
    const versions: Array<[number, number, number]> = [
      [2, 3000, 1_000_000_001],
      [2, 3000, 1_000_000_002],
    ];
    let fetched = 0;
    const { connection: c, sockets } = connection({
      version: versionSource({
        fetch: true,
        fetchLatest: async () => ({ version: versions[fetched++]!, isLatest: true }),
      }),
    });
    await waitUntil(() => sockets.all.length === 1);
    expect(sockets.last.config.version).toEqual([2, 3000, 1_000_000_001]);
    sockets.last.open();
    await waitUntil(() => c.status === 'open');
    await waitUntil(
      async () => (await leaseStatus(h.runtime.db, c.account))?.waVersion === '2.3000.1000000001',
    );
    // A reconnect for another reason keeps the version; a 405 fetches it again.
    sockets.last.close(428);
    await waitUntil(() => sockets.all.length === 2);
    expect(fetched).toBe(1);
    sockets.last.close(405);
    await waitUntil(() => sockets.all.length === 3);
    expect(fetched).toBe(2);
    expect(sockets.last.config.version).toEqual([2, 3000, 1_000_000_002]);
    // Noted for the status command with the next lease renewal.
    await waitUntil(
      async () =>
        /client version \(405\)/.test((await leaseStatus(h.runtime.db, c.account))?.lastClose ?? ''),
      3_000,
    );
  });

  it('a pinned version is used as is; a failed fetch falls back to Baileys’ own', async () => {
    let asked = 0;
    const pinned = await versionSource({
      pinned: [2, 3000, 1_023_456_789],
      fetch: true,
      fetchLatest: async () => {
        asked += 1;
        return { version: [2, 3000, 1], isLatest: true };
      },
    })();
    expect(pinned).toEqual({ version: [2, 3000, 1_023_456_789], source: 'pinned' });
    expect(asked).toBe(0);
    const offline = await versionSource({
      fetch: true,
      fetchLatest: async () => {
        throw new Error('getaddrinfo ENOTFOUND web.whatsapp.com');
      },
    })();
    expect(offline).toMatchObject({
      version: undefined,
      source: 'bundled',
      error: expect.stringContaining('ENOTFOUND'),
    });
    const { sockets } = connection({ version: async () => offline });
    await waitUntil(() => sockets.all.length === 1);
    expect(sockets.last.config.version).toBeUndefined(); // Baileys' default
    expect(BUNDLED_VERSION).toHaveLength(3);
  });
});

describe('/readyz with Baileys (point 2)', () => {
  it('a socket that does not open for the configured time is not ready, with the reason', async () => {
    const runtime = createRuntime({ config: loadConfig({}), database, logger: silentLogger });
    const sockets = new FakeSockets();
    const baileys = startBaileys({
      db: runtime.db,
      engine: runtime.engine,
      senders: runtime.senders,
      logger: silentLogger,
      account: 'readyz',
      settings: whatsappSettings({ WHATSAPP_WA_VERSION_FETCH: '0' }),
      connection: {
        makeSocket: sockets.make,
        lease: { ttlMs: 5_000, renewMs: 1_000, pollMs: 50 },
        backoff: { baseMs: 20, maxMs: 40 },
        notReadyAfterMs: 300,
      },
    });
    running.push({ stop: () => baileys.stop() });
    attachBaileys(runtime, baileys);
    const readyz = async () => {
      const res = await runtime.app.request('/readyz');
      const body = (await res.json()) as {
        checks: Record<string, { ok: boolean; status: string; reason?: string }>;
      };
      return { status: res.status, baileys: body.checks.whatsapp_baileys! };
    };
    await waitUntil(() => sockets.all.length === 1);
    sockets.last.open();
    await waitUntil(() => baileys.connection.status === 'open');
    expect(await readyz()).toMatchObject({ status: 200, baileys: { ok: true, status: 'open' } });
    // WhatsApp refuses the version, again and again: ready for a while, then not, saying why.
    sockets.last.close(405);
    expect((await readyz()).status).toBe(200);
    const refuse = setInterval(() => {
      const last = sockets.all.at(-1)!;
      if (!last.ended) last.close(405);
    }, 30);
    try {
      await sleep(400);
      const report = await readyz();
      expect(report.status).toBe(503);
      expect(report.baileys.ok).toBe(false);
      expect(report.baileys.reason).toMatch(
        /not open for .* min: WhatsApp refused this client version \(405\)/,
      );
      // The load balancer's question: the process still serves the dashboard and the webhooks.
      const traffic = await runtime.app.request('/readyz?traffic');
      expect(traffic.status).toBe(200);
      expect(Object.keys(((await traffic.json()) as { checks: object }).checks)).not.toContain(
        'whatsapp_baileys',
      );
    } finally {
      clearInterval(refuse);
    }
    await sleep(60);
    const last = sockets.all.at(-1)!;
    last.open();
    await waitUntil(() => baileys.connection.status === 'open');
    expect((await readyz()).status).toBe(200);
    await runtime.shutdown();
  });

  it('standing by while another process holds the number is ready; a stopped number is not', async () => {
    const { connection: holder, sockets } = connection();
    await waitUntil(() => sockets.all.length === 1);
    sockets.last.open();
    await waitUntil(() => holder.status === 'open');
    const { connection: standby } = connection({ account: holder.account, notReadyAfterMs: 50 });
    await sleep(200);
    expect(standby.health()).toEqual({
      ok: true,
      status: 'standby',
      reason: 'another process holds the number',
    });
    sockets.last.close(401); // logged out from the phone
    await waitUntil(() => !standby.health().ok);
    expect(standby.health()).toMatchObject({
      ok: false,
      status: 'stopped',
      reason: expect.stringMatching(/logged out.*whatsapp:login/),
    });
    expect(holder.health().ok).toBe(false);
  });
});

describe('signal keys that fail to save (point 5)', () => {
  const bytes = () => new Uint8Array(randomBytes(32));
  const session = async (keys: SignalKeyStore, id: string) =>
    Buffer.from((await keys.get('session', [id]))[id]!).toString('hex');

  it('a failed write empties the key cache: memory and the database agree', async () => {
    const { connection: c, sockets } = connection();
    await waitUntil(() => sockets.all.length === 1);
    const keys = sockets.last.config.auth.keys;
    const first = bytes();
    await keys.set({ session: { 'dewi.0': first } });
    // A write that fails in the database (here: a NUL in an id, which Postgres refuses).
    await expect(keys.set({ session: { 'dewi.0': bytes(), 'bad\u0000id': null } })).rejects.toThrow();
    expect(await session(keys, 'dewi.0')).toBe(Buffer.from(first).toString('hex'));
    expect(c.stats.keyCacheDrops).toBe(1);
  });

  it('a fenced write (another process took the number) empties the cache and closes this socket', async () => {
    const { connection: c, sockets } = connection({ lease: { ttlMs: 20_000, renewMs: 10_000, pollMs: 50 } });
    await waitUntil(() => sockets.all.length === 1);
    sockets.last.open();
    await waitUntil(() => c.status === 'open');
    const keys = sockets.last.config.auth.keys;
    const first = bytes();
    await keys.set({ session: { 'sari.0': first } });
    await h.runtime.db.execute(
      sql`update whatsapp_leases set holder = 'someone-else', expires_at = now() + interval '1 minute' where account = ${c.account}`,
    );
    await expect(keys.set({ session: { 'sari.0': bytes() } })).rejects.toBeInstanceOf(LeaseLostError);
    expect(await session(keys, 'sari.0')).toBe(Buffer.from(first).toString('hex'));
    await waitUntil(() => sockets.last.ended);
    expect(c.status).toBe('standby');
  });
});

describe('automated replies of the WhatsApp Business app (point 6)', () => {
  const greeting = 'Terima kasih telah menghubungi BLK Surabaya! Kami akan membalas secepatnya. 🙏';

  it('a greeting right after the person wrote does not pause the bot', async () => {
    const p = person();
    await h.receive(conversation(p, 'halo kak', { timestamp: nowSeconds() }));
    await h.receive(conversation(p, greeting, { fromMe: true, timestamp: nowSeconds() + 1 }));
    expect(await isPausedByPhone(h.runtime.db, await userIdOf(p))).toBe(false);
    await h.say(p, 'menu');
    expect(h.texts(pnOf(p)).at(-1)).toContain('Mau mulai dari mana?');
    expect(h.baileys.channel.automated.timing).toBeGreaterThan(0);
  });

  it('the same text later (the phone was offline) is known as automated too', async () => {
    const p = person();
    await h.receive(conversation(p, '/start', { timestamp: nowSeconds() - 600 }));
    await h.receive(conversation(p, `  ${greeting.toUpperCase()} `, { fromMe: true }));
    expect(await isPausedByPhone(h.runtime.db, await userIdOf(p))).toBe(false);
    expect(h.baileys.channel.automated['known text']).toBeGreaterThan(0);
  });

  it('a message WhatsApp flags as automated does not pause either', async () => {
    const p = person();
    await h.receive(conversation(p, '/start', { timestamp: nowSeconds() - 600 }));
    await h.receive(
      waMessage(
        p,
        {
          extendedTextMessage: {
            text: 'Kami sedang di luar jam kerja.',
            contextInfo: { externalAdReply: { containsAutoReply: true } },
          },
        },
        { fromMe: true },
      ),
    );
    expect(await isPausedByPhone(h.runtime.db, await userIdOf(p))).toBe(false);
  });

  it('right after the bot wrote first into a quiet chat, a greeting is automated', async () => {
    const p = person();
    await h.receive(conversation(p, '/start', { timestamp: nowSeconds() - 3 * 3_600 }));
    // The bot writes (a notice) hours later …
    await h.runtime.senders.get('whatsapp')!.send(pnOf(p), { type: 'text', text: 'Pendaftaran dibuka.' });
    // … and the Business app greets after it.
    await h.receive(conversation(p, 'Selamat datang di BLK Surabaya', { fromMe: true }));
    expect(await isPausedByPhone(h.runtime.db, await userIdOf(p))).toBe(false);
  });

  it('someone typing a new answer a minute after the person wrote still pauses the bot', async () => {
    const p = person();
    await h.receive(conversation(p, '/start', { timestamp: nowSeconds() - 60 }));
    await h.receive(conversation(p, 'Halo Rina, ini Pak Budi. Mau tanya apa?', { fromMe: true }));
    expect(await isPausedByPhone(h.runtime.db, await userIdOf(p))).toBe(true);
  });
});

describe('a new number: warm-up, typing, read receipts (point 7)', () => {
  let paced: BaileysHarness;
  beforeAll(async () => {
    paced = await startBaileysHarness({
      settings: { WHATSAPP_WARMUP: '3,5', WHATSAPP_DAILY_CAP: '100', WHATSAPP_TYPING_MAX_MS: '300' },
    });
  });
  afterAll(async () => {
    await paced.close();
  });

  it('shows typing before each message and marks the answered message read', async () => {
    const p = person();
    const msg = conversation(p, '/start');
    await paced.receive(msg);
    const socket = paced.sockets.last;
    expect(socket.read).toEqual([msg.key.id]);
    const [first] = socket.sent;
    const composing = socket.presences.find((x) => x.presence === 'composing' && x.jid === pnOf(p))!;
    expect(socket.presences[0]!.presence).toBe('available');
    expect(composing.at).toBeLessThanOrEqual(first!.at);
    expect(first!.at - composing.at).toBeGreaterThanOrEqual(250);
    expect(socket.presences.some((x) => x.presence === 'paused' && x.jid === pnOf(p))).toBe(true);
  });

  it('starts at a low daily cap that grows day by day', async () => {
    // Day 1 of the warm-up: 3 messages, whatever people ask; the rest waits for tomorrow.
    for (const text of ['/start', 'menu', '5']) await paced.say(person(), text);
    expect(paced.sockets.texts()).toHaveLength(3);
    const waiting = await paced.runtime.db
      .select({ error: messages.error })
      .from(messages)
      .where(and(eq(messages.direction, 'out'), eq(messages.status, 'pending')));
    expect(waiting.map((w) => w.error)).toContain('rate limited');
    expect(await paced.baileys.sender.todaysCap()).toEqual({ cap: 3, age: 0, warmingUp: true });
    // The same number a day later (its first send yesterday): day 2 of the warm-up, then the full cap.
    const sender = (start: string) =>
      new PacedSender(
        { channel: 'whatsapp', send: async () => ({}) },
        {
          db: paced.runtime.db,
          account: 'default',
          dailyCap: 100,
          minGapMs: 0,
          maxGapMs: 0,
          warmup: [3, 5],
          warmupStart: start,
        },
      );
    const day = (offset: number) =>
      new Date(Date.now() + 7 * 3_600_000 - offset * 86_400_000).toISOString().slice(0, 10);
    expect(await sender(day(1)).todaysCap()).toEqual({ cap: 5, age: 1, warmingUp: true });
    expect(await sender(day(2)).todaysCap()).toEqual({ cap: 100, age: 2, warmingUp: false });
  });

  it('the status command reports version, lease holder, last open time and today’s count', async () => {
    const settings = whatsappSettings({
      WHATSAPP_WARMUP: '3,5',
      WHATSAPP_DAILY_CAP: '100',
      WHATSAPP_WA_VERSION_FETCH: '0',
    });
    const lines = (await whatsappStatus(paced.runtime.db, settings)).join('\n');
    expect(lines).toContain(`Lease holder: ${paced.baileys.connection.holder} (running)`);
    expect(lines).toMatch(/Last open: \d{4}-\d\d-\d\dT.* \(0 min ago\)/);
    expect(lines).toMatch(/WhatsApp Web version: \d+\.\d+\.\d+ \(Baileys' own: \d+\.\d+\.\d+\)/);
    expect(lines).toContain('Sent today: 3 of 3 (warm-up day 1 of 2)');
  });
});

describe('broadcasts through Baileys (point 7)', () => {
  const text = (t: string): Outbound => ({ type: 'text', text: t });

  it('are refused by default, with the reason on the row', async () => {
    const p = person();
    await h.say(p, '/start');
    const [identity] = await h.runtime.db
      .select({ id: identities.id, userId: identities.userId })
      .from(identities)
      .where(eq(identities.externalId, pnOf(p)));
    const [row] = await h.runtime.db
      .insert(messages)
      .values({
        userId: identity!.userId,
        identityId: identity!.id,
        channel: 'whatsapp',
        direction: 'out',
        origin: 'broadcast',
        body: text('Ada pelatihan las gratis!'),
        status: 'pending',
        broadcastId: '00000000-0000-4000-8000-000000000001',
      })
      .returning({ id: messages.id });
    const sentBefore = h.texts(pnOf(p)).length;
    await h.runtime.dispatcher.drainOnce();
    const [after] = await h.runtime.db
      .select({ status: messages.status, error: messages.error })
      .from(messages)
      .where(eq(messages.id, row!.id));
    expect(after).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('WHATSAPP_BAILEYS_BROADCASTS'),
    });
    expect(h.texts(pnOf(p))).toHaveLength(sentBefore);
  });

  it('switched on: replies first, only people who wrote first, not while warming up, half the cap', async () => {
    const order: string[] = [];
    const inner = {
      channel: 'whatsapp' as const,
      send: async (address: string, message: Outbound) => {
        order.push(`${address}:${message.type === 'text' ? message.text : ''}`);
        return {};
      },
    };
    const wrote = person();
    await h.say(wrote, '/start');
    const options = {
      db: h.runtime.db,
      dailyCap: 6,
      minGapMs: 30,
      maxGapMs: 30,
      warmup: [],
      broadcasts: true,
    };
    const sender = new PacedSender(inner, { ...options, account: 'bc-1' });
    const b = (n: number) => sender.send(pnOf(wrote), text(`broadcast ${n}`), undefined, { broadcast: true });
    const broadcasts = [b(1), b(2), b(3)].map((p) => p.catch((e: unknown) => e));
    const reply = sender.send(pnOf(wrote), text('reply'));
    const results = await Promise.all([...broadcasts, reply]);
    // The reply overtook the broadcasts still waiting; broadcasts stop at half the cap (3 of 6, the
    // reply included).
    expect(order).toEqual([
      `${pnOf(wrote)}:broadcast 1`,
      `${pnOf(wrote)}:reply`,
      `${pnOf(wrote)}:broadcast 2`,
    ]);
    expect((results[2] as SendError).failure).toMatchObject({ kind: 'deferred' });
    // Someone who never wrote to the number gets no broadcast.
    const stranger = await sender
      .send('6289999999999@s.whatsapp.net', text('x'), undefined, { broadcast: true })
      .catch((e: unknown) => e);
    expect((stranger as SendError).failure.kind).toBe('permanent');
    // While the number warms up, broadcasts wait.
    const young = new PacedSender(inner, { ...options, account: 'bc-2', warmup: [2, 3] });
    const early = await young
      .send(pnOf(wrote), text('x'), undefined, { broadcast: true })
      .catch((e: unknown) => e);
    expect((early as SendError).failure.kind).toBe('deferred');
  });
});

describe('the status command without a session', () => {
  it('says so, and how to pair', async () => {
    const settings = whatsappSettings({ WHATSAPP_WA_VERSION: '2.3000.1023456789' });
    const lines = await whatsappStatus(h.runtime.db, settings, 'never-paired');
    expect(lines).toEqual([
      'Session stored: no',
      'Lease holder: none',
      'Last open: never',
      'WhatsApp Web version: not connected yet (pinned: 2.3000.1023456789)',
      'Sent today: 0 of 40 (warm-up day 1 of 14)',
    ]);
  });
});
