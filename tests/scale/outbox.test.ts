// One outbox, several dispatchers: three Node server processes (src/index.ts) drain the same queued
// messages (FOR UPDATE SKIP LOCKED + lease); one of them is stopped halfway. Every message is sent
// exactly once.
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities, messages, users } from '../../src/db/schema';
import { BotApiStandIn } from '../helpers/bot-api';
import { postgresOnly, type SharedDatabase, sharedDatabase } from './postgres';
import { ServerProcess } from './processes';

const enabled = postgresOnly('scale/outbox');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const METRICS_TOKEN = 'scale_metrics_2';

let shared: SharedDatabase;
let api: BotApiStandIn;
const servers: ServerProcess[] = [];

async function sendsBy(server: ServerProcess): Promise<number> {
  const res = await server.fetch('/metrics', { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  const line = (await res.text())
    .split('\n')
    .find((l) => l.startsWith('jembatan_sends_total{channel="telegram"}'));
  return Number(line?.split(' ')[1] ?? 0);
}

describe.skipIf(!enabled)('several dispatchers on one outbox', () => {
  beforeAll(async () => {
    api = await new BotApiStandIn().start();
    api.keepCalls = true;
    shared = await sharedDatabase('jembatan_scale_outbox');
    const env = {
      DATABASE_URL: shared.url,
      TELEGRAM_BOT_TOKEN: '434343:scale-outbox',
      TELEGRAM_WEBHOOK_SECRET: 'scale_outbox_secret',
      TELEGRAM_API_ROOT: api.url,
      TELEGRAM_BOT_INFO: JSON.stringify({
        id: 434343,
        is_bot: true,
        first_name: 'J',
        username: 'jembatan_ob_bot',
      }),
      METRICS_TOKEN,
      LOG_LEVEL: 'warn',
      // Small batches so that all three claim; a fast (paid-broadcast) rate so the test is short.
      OUTBOX_BATCH_SIZE: '10',
      TELEGRAM_PAID_BROADCAST: '1',
      TELEGRAM_RATE_PER_SECOND: '150',
    };
    servers.push(...(await Promise.all(['A', 'B', 'C'].map((name) => ServerProcess.start(name, env)))));
  }, 90_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    await api?.stop();
    await shared?.drop();
  });

  it('sends 300 queued messages exactly once across three processes, one stopped halfway', async () => {
    const db = shared.database.db;
    const people = 300;
    const created = await db
      .insert(users)
      .values(Array.from({ length: people }, () => ({ locale: 'id' })))
      .returning({ id: users.id });
    const ids = await db
      .insert(identities)
      .values(
        created.map((u, i) => ({
          userId: u.id,
          channel: 'telegram' as const,
          externalId: String(650_000 + i),
          address: String(650_000 + i),
        })),
      )
      .returning({ id: identities.id, userId: identities.userId });
    // A broadcast: one message per person, queued at once, all due now.
    const queued = await db
      .insert(messages)
      .values(
        Array.from({ length: 300 }, (_, n) => {
          const to = ids[n % people]!;
          return {
            userId: to.userId,
            identityId: to.id,
            channel: 'telegram' as const,
            direction: 'out' as const,
            origin: 'broadcast',
            body: { type: 'text' as const, text: `Info program #${n}` },
            status: 'pending',
          };
        }),
      )
      .returning({ id: messages.id });
    const queuedIds = queued.map((q) => q.id);
    const sentCount = async () =>
      (
        await db
          .select({ n: count() })
          .from(messages)
          .where(and(inArray(messages.id, queuedIds), eq(messages.status, 'sent')))
      )[0]!.n;

    while ((await sentCount()) < 100) await sleep(20);
    const [a, b, c] = servers as [ServerProcess, ServerProcess, ServerProcess];
    const byB = await sendsBy(b);
    expect(await b.stop('SIGTERM')).toBe(0); // finishes the batch in hand, writes its marks, exits
    const end = Date.now() + 60_000;
    while ((await sentCount()) < 300) {
      if (Date.now() > end) throw new Error(`only ${await sentCount()} of 300 sent`);
      await sleep(100);
    }
    await sleep(1_500); // anything sent twice would show up now

    const texts = api.sent('sendMessage').map((call) => String(call.body.text));
    const broadcast = texts.filter((t) => t.startsWith('Info program #'));
    expect(broadcast).toHaveLength(300);
    expect(new Set(broadcast).size).toBe(300);
    // The work was shared.
    const shares = [await sendsBy(a), byB, await sendsBy(c)];
    console.info(`[scale] sends by A, B (until stopped), C: ${shares.join(', ')}`);
    expect(shares.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
  }, 90_000);
});
