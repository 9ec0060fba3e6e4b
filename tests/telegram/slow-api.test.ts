import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queueNotice } from '../../src/applications/notify';
import { identities, messages } from '../../src/db/schema';
import { type Harness, startHarness } from '../helpers/harness';
import { textUpdate } from '../helpers/telegram';

/*
 * A slow but successful Bot API (issue #18.2). A deadline bounds how long the webhook (2.5 s) or a
 * dispatcher lane (10 s) waits, never whether a send that is already out may finish: before, the send
 * was aborted at the deadline and counted as failed although Telegram delivered it, and the retry sent
 * it again (one reply reached a person six times with a 12-second API). The stand-in below counts a
 * message as delivered when it answers, whether or not the bot is still listening — as Telegram does.
 */

const METRICS_TOKEN = 'slow_api_metrics';
let h: Harness;
let nextPerson = 83_000;

beforeAll(async () => {
  // The production budgets (webhook 2.5 s, dispatcher lane 10 s, API 10–12 s) scaled down five-fold in
  // proportion, so the suite does not wait a minute of wall clock for the same orderings.
  h = await startHarness({
    TELEGRAM_SEND_TIMEOUT_MS: '500',
    OUTBOX_SEND_TIMEOUT_MS: '3000',
    METRICS_TOKEN,
  });
});
afterAll(() => h.close());
beforeEach(() => h.api.reset());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function metric(name: string): Promise<number> {
  const res = await h.runtime.app.request('/metrics', {
    headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
  });
  const line = (await res.text()).split('\n').find((l) => l.startsWith(`${name} `));
  return Number(line?.split(' ')[1] ?? 0);
}

async function outRows(telegramId: number) {
  return h.runtime.db
    .select({ id: messages.id, status: messages.status, body: messages.body })
    .from(messages)
    .innerJoin(identities, eq(identities.id, messages.identityId))
    .where(and(eq(identities.externalId, String(telegramId)), eq(messages.direction, 'out')))
    .orderBy(messages.id);
}

/** Runs the dispatcher the way the server's loop does, for `ms`. */
async function dispatchFor(ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await h.runtime.dispatcher.drainOnce();
    await sleep(250);
  }
}

describe('a Bot API slower than the webhook budget', () => {
  it('webhook: answers within its budget, each reply reaches the person exactly once', async () => {
    const p = { id: nextPerson++ };
    h.api.delayMs = 2_000;
    const res = await h.post(textUpdate(p, '/start'));
    expect(res.status).toBe(200);
    // The webhook's budget, not the API's delay: the webhook answered before the Bot API did. (Not timed by
    // the wall clock, which on a loaded machine measures the scheduler.)
    expect(h.api.deliveredTo.get(String(p.id))).toBeUndefined();
    // The first reply is still out; the second waits for it (in order), then the dispatcher sends it.
    await h.api.waitFor(() => (h.api.deliveredTo.get(String(p.id)) ?? 0) >= 1, 15_000);
    await dispatchFor(5_000);
    const rows = await outRows(p.id);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(h.api.deliveredTo.get(String(p.id))).toBe(2);
    const texts = h.api.texts(p.id);
    expect(new Set(texts).size).toBe(texts.length);
    // The greeting went out before the menu, not beside it.
    expect(texts[0]).toContain('Halo');
  }, 60_000);

  it('dispatcher: an API slower than the lane timeout gets the notice once, not once per timeout', async () => {
    const p = { id: nextPerson++ };
    await h.post(textUpdate(p, '/start'));
    const [identity] = await h.runtime.db
      .select({ userId: identities.userId })
      .from(identities)
      .where(eq(identities.externalId, String(p.id)));
    await queueNotice(h.runtime.db, identity!.userId, () => 'Status lamaranmu berubah.');
    h.api.reset();
    h.api.delayMs = 3_600;
    const unknownBefore = await metric('jembatan_send_unknown_total{channel="telegram"}');
    await dispatchFor(8_000);
    expect(h.api.deliveredTo.get(String(p.id))).toBe(1);
    expect(h.api.texts(p.id)).toEqual(['Status lamaranmu berubah.']);
    const [notice] = (await outRows(p.id)).filter((r) =>
      (r.body as { text?: string }).text?.startsWith('Status'),
    );
    expect(notice!.status).toBe('sent');
    expect(await metric('jembatan_send_unknown_total{channel="telegram"}')).toBe(unknownBefore);
  }, 60_000);
});

describe('a send whose answer never comes', () => {
  it('is recorded as unknown, counted apart in /metrics, and never sent again', async () => {
    const p = { id: nextPerson++ };
    await h.post(textUpdate(p, '/start'));
    h.api.reset();
    const before = await metric('jembatan_send_unknown_total{channel="telegram"}');
    const errorsBefore = await metric('jembatan_send_errors_total{channel="telegram",kind="transient"}');
    // The request reaches "Telegram", then the connection drops before any answer.
    let dropped = 0;
    h.api.behaviour = (call) => {
      if (call.method !== 'sendMessage' || String(call.body.chat_id) !== String(p.id) || dropped > 0)
        return undefined;
      dropped++;
      return { drop: true };
    };
    await h.post(textUpdate(p, '/bantuan'));
    await dispatchFor(3_000);
    const rows = await outRows(p.id);
    const unknown = rows.filter((r) => r.status === 'unknown');
    expect(unknown).toHaveLength(1);
    // Tried once (the dropped call), never again.
    const text = (unknown[0]!.body as { text: string }).text;
    expect(h.api.sent('sendMessage', p.id).filter((c) => c.body.text === text)).toHaveLength(1);
    expect(await metric('jembatan_send_unknown_total{channel="telegram"}')).toBe(before + 1);
    expect(await metric('jembatan_send_errors_total{channel="telegram",kind="transient"}')).toBe(
      errorsBefore,
    );
    // Nothing of it is left in the queue.
    const queued = await h.runtime.db
      .select({ id: messages.id })
      .from(messages)
      .where(
        and(
          inArray(
            messages.id,
            rows.map((r) => r.id),
          ),
          inArray(messages.status, ['pending', 'sending']),
        ),
      );
    expect(queued).toEqual([]);
  }, 30_000);
});
