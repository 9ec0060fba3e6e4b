import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { broadcastGate } from '../../src/broadcasts/gate';
import { createBroadcast, sendBroadcastNow } from '../../src/broadcasts/service';
import { rowsOf } from '../../src/db/rows';
import { identities, messages } from '../../src/db/schema';
import type { ChannelSender } from '../../src/outbox/sender';
import type { Outbound } from '../../src/shared/conversation';
import { parseQuietHours } from '../../src/shared/jakarta-time';
import { call, organisation, person, type TestOrganisation } from '../api/helpers';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';
import { textUpdate } from '../helpers/telegram';
import { drainDue, quietElsewhere, statusCounts } from './helpers';

/*
 * Broadcast delivery through the outbox and the real dispatcher, against the Bot API stand-in: one
 * message per recipient, at the channel's pace, quiet hours, cancel mid-way, /berhenti mid-way, 429,
 * blocked and transient failures.
 */

let h: Harness;
let org: TestOrganisation;
const simulated: Array<{ address: string; text: string }> = [];
let nextChat = 50_000;

beforeAll(async () => {
  h = await startHarness({ API_RATE_BURST: '10000', BROADCAST_QUIET_HOURS: quietElsewhere() });
  org = await organisation(h.runtime.db, 'KOPRI PB PMII', 'kopri-pb-pmii');
  await loadCatalogue(h.runtime.db, [programme('las-sby', { title: { id: 'Pelatihan Las Surabaya' } })]);
  const simulator: ChannelSender = {
    channel: 'simulator',
    async send(address: string, message: Outbound) {
      simulated.push({ address, text: message.type === 'text' ? message.text : '' });
      return { platformMessageId: `sim-${simulated.length}` };
    },
  };
  h.runtime.senders.add(simulator);
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  h.api.reset();
  simulated.length = 0;
  // Each test its own recipients: earlier ones stop (their subscription goes).
  await h.runtime.db.execute(sql`delete from subscriptions`);
});

async function people(n: number): Promise<Array<{ chat: number; userId: string; identityId: string }>> {
  const out = [];
  for (let i = 0; i < n; i++) {
    const chat = nextChat++;
    out.push({ chat, ...(await person(h.runtime.db, chat)) });
  }
  return out;
}

async function broadcast(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await call(h, org.token, 'POST', '/broadcasts', {
    name: 'Las',
    text: { id: 'Ada pelatihan las gratis di Surabaya!' },
    programme: 'las-sby',
    ...extra,
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.id;
}

async function send(id: string): Promise<void> {
  const res = await call(h, org.token, 'POST', `/broadcasts/${id}/send`);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
}

describe('broadcast delivery', () => {
  it('sends exactly one message per recipient; a person on two channels gets one, where they wrote last', async () => {
    const recipients = await people(6);
    const [indah] = await people(1);
    await h.runtime.db
      .update(identities)
      .set({ lastSeenAt: new Date(Date.now() - 3_600_000) })
      .where(eq(identities.id, indah!.identityId));
    await h.runtime.db
      .insert(identities)
      .values({ userId: indah!.userId, channel: 'simulator', externalId: 'indah', address: 'indah' });
    const id = await broadcast();
    await send(id);
    await drainDue(h);
    for (const r of recipients) expect(h.api.deliveredTo.get(String(r.chat)), `chat ${r.chat}`).toBe(1);
    expect(h.api.deliveredTo.get(String(indah!.chat))).toBeUndefined();
    expect(simulated.map((s) => s.address)).toEqual(['indah']);
    const text = h.api.texts(recipients[0]!.chat)[0]!;
    expect(text).toContain('Ada pelatihan las gratis di Surabaya!');
    expect(text).toMatch(/https:\/\/t\.me\/jembatan_test_bot\?start=b_[a-z0-9]+/);
    expect(text).toContain('/berhenti');
    expect(await statusCounts(h, id)).toEqual({ sent: 7 });
    await h.runtime.dispatcher.drainOnce(); // its task marks finished broadcasts
    const stats = await call(h, org.token, 'GET', `/broadcasts/${id}/stats`);
    expect(stats.json.broadcast.status).toBe('sent');
    expect(stats.json.progress).toMatchObject({ recipients: 7, queued: 0, sent: 7, failed: 0, blocked: 0 });
  });

  it("goes out at the channel's pace (25/s on Telegram by default)", async () => {
    await people(8);
    const id = await broadcast();
    await send(id);
    const planned = rowsOf<{ gap: number | string }>(
      await h.runtime.db.execute(sql`
        select extract(epoch from max(available_at) - min(available_at)) as gap from messages where broadcast_id = ${id}`),
    );
    expect(Number(planned[0]!.gap)).toBeCloseTo(7 / 25, 2);
    await drainDue(h);
    const at = h.api.acceptedAt;
    expect(at).toHaveLength(8);
    expect(at.at(-1)! - at[0]!).toBeGreaterThanOrEqual(7 * 40 - 15);
  });

  it('waits for the morning in quiet hours, unless urgent', async () => {
    await people(3);
    const settings = { ...h.runtime.broadcasts, quiet: parseQuietHours('21-7') };
    const late = new Date('2030-03-04T15:30:00Z'); // 22:30 WIB
    const quiet = await createBroadcast(h.runtime.db, org, {
      name: 'q',
      text: { id: 'Info' },
      audience: {},
      programme: 'las-sby',
    });
    await sendBroadcastNow(h.runtime.db, settings, org, quiet.id, late);
    const [plan] = rowsOf<{ first: string | Date; last: string | Date }>(
      await h.runtime.db.execute(
        sql`select min(available_at) as first, max(available_at) as last from messages where broadcast_id = ${quiet.id}`,
      ),
    );
    expect(new Date(plan!.first).toISOString()).toBe('2030-03-05T00:00:00.000Z'); // 07:00 WIB next day
    expect(new Date(plan!.last).getTime() - new Date(plan!.first).getTime()).toBe(80); // 2 × 1/25 s
    const urgent = await createBroadcast(h.runtime.db, org, {
      name: 'u',
      text: { id: 'Penting' },
      audience: {},
      urgent: true,
    });
    await sendBroadcastNow(h.runtime.db, settings, org, urgent.id, late);
    const [urgentPlan] = rowsOf<{ first: string | Date }>(
      await h.runtime.db.execute(
        sql`select min(available_at) as first from messages where broadcast_id = ${urgent.id}`,
      ),
    );
    expect(new Date(urgentPlan!.first).toISOString()).toBe(late.toISOString());
    await call(h, org.token, 'POST', `/broadcasts/${quiet.id}/cancel`);
    await call(h, org.token, 'POST', `/broadcasts/${urgent.id}/cancel`);
  });

  it('holds a broadcast that runs into quiet hours, keeping its pace for the morning', async () => {
    const recipients = await people(4);
    const created = await createBroadcast(h.runtime.db, org, { name: 'g', text: { id: 'x' }, audience: {} });
    await sendBroadcastNow(h.runtime.db, h.runtime.broadcasts, org, created.id);
    const ids = (
      await h.runtime.db
        .select({ id: messages.id })
        .from(messages)
        .where(eq(messages.broadcastId, created.id))
    ).map((r) => r.id);
    const gate = broadcastGate(h.runtime.db, parseQuietHours('21-7'), () => new Date('2030-03-04T15:30:00Z'));
    const rows = ids.slice(0, 1).map((id, i) => ({
      id,
      channel: 'telegram' as const,
      identityId: recipients[i]!.identityId,
      userId: recipients[i]!.userId,
      body: {},
      origin: 'broadcast',
      broadcastId: created.id,
    }));
    const decisions = await gate.review(rows);
    expect(decisions.get(ids[0]!)).toMatchObject({ action: 'defer', reason: 'quiet hours' });
    const [shifted] = rowsOf<{ first: string | Date; last: string | Date }>(
      await h.runtime.db.execute(sql`
        select min(available_at) as first, max(available_at) as last from messages
        where broadcast_id = ${created.id} and status = 'pending'`),
    );
    expect(new Date(shifted!.first).toISOString()).toBe('2030-03-05T00:00:00.000Z');
    expect(new Date(shifted!.last).getTime() - new Date(shifted!.first).getTime()).toBe(120); // still 1/25 s apart
    await call(h, org.token, 'POST', `/broadcasts/${created.id}/cancel`);
  });

  it('can be cancelled mid-way: what was not sent is never sent', async () => {
    await people(6);
    const created = await createBroadcast(h.runtime.db, org, { name: 'c', text: { id: 'x' }, audience: {} });
    // Planned at 1 per minute: the first goes now, the rest over the next 5 minutes. (At 2 per second a
    // loaded machine took longer than the 0.5 s to the second one before the dispatcher claimed.)
    const slow = { ...h.runtime.broadcasts, rates: { ...h.runtime.broadcasts.rates, telegram: 1 / 60 } };
    await sendBroadcastNow(h.runtime.db, slow, org, created.id);
    await h.runtime.dispatcher.drainOnce();
    const cancel = await call(h, org.token, 'POST', `/broadcasts/${created.id}/cancel`);
    expect(cancel.status).toBe(200);
    expect(cancel.json.broadcast.status).toBe('cancelled');
    expect(cancel.json.cancelled_messages).toBe(5);
    // The 5 minutes pass (the database's clock decides what is due).
    await h.runtime.db.execute(
      sql`update messages set available_at = now() where broadcast_id = ${created.id}`,
    );
    await drainDue(h);
    expect(h.api.acceptedAt).toHaveLength(1);
    expect(await statusCounts(h, created.id)).toEqual({ sent: 1, cancelled: 5 });
    const again = await call(h, org.token, 'POST', `/broadcasts/${created.id}/cancel`);
    expect(again.status).toBe(409);
  });

  it('skips a person who says /berhenti after the broadcast was queued', async () => {
    const [stays, leaves] = await people(2);
    const created = await createBroadcast(h.runtime.db, org, { name: 's', text: { id: 'x' }, audience: {} });
    await sendBroadcastNow(h.runtime.db, h.runtime.broadcasts, org, created.id);
    await h.post(textUpdate({ id: leaves!.chat }, '/berhenti'));
    h.api.reset();
    await drainDue(h);
    expect(h.api.deliveredTo.get(String(stays!.chat))).toBe(1);
    expect(h.api.deliveredTo.get(String(leaves!.chat))).toBeUndefined();
    expect(await statusCounts(h, created.id)).toEqual({ sent: 1, cancelled: 1 });
  });

  it('on 429 stops the whole channel for retry_after, then delivers everything once', async () => {
    const recipients = await people(10);
    h.api.rateLimit = { perSecond: 4, retryAfter: 1 };
    const id = await broadcast();
    await send(id);
    await drainDue(h, 5_000, 30_000);
    for (const r of recipients) expect(h.api.deliveredTo.get(String(r.chat))).toBe(1);
    expect(h.api.tooManyRequests.length).toBeGreaterThan(0);
    // After a 429 nothing goes out until retry_after has passed (the bucket, not just the row, waits).
    for (const t of h.api.tooManyRequests) {
      const during = h.api.acceptedAt.filter((a) => a > t + 5 && a < t + 950);
      expect(during, `sends within retry_after of the 429 at ${t.toFixed(0)}`).toEqual([]);
    }
    expect(await statusCounts(h, id)).toEqual({ sent: 10 });
    expect(h.runtime.dispatcher.rateOf('telegram')).toBeLessThan(25);
  });

  it('marks a person who blocked the bot unreachable on that channel, and sends to the others', async () => {
    const [blocker, other] = await people(2);
    h.api.behaviour = (c) =>
      c.method === 'sendMessage' && String(c.body.chat_id) === String(blocker!.chat)
        ? {
            status: 403,
            body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
          }
        : undefined;
    const id = await broadcast();
    await send(id);
    await drainDue(h);
    expect(h.api.deliveredTo.get(String(other!.chat))).toBe(1);
    expect(await statusCounts(h, id)).toEqual({ sent: 1, blocked: 1 });
    const [identity] = await h.runtime.db
      .select({ unreachable: identities.unreachable })
      .from(identities)
      .where(eq(identities.id, blocker!.identityId));
    expect(identity!.unreachable).toBe(true);
    // The next broadcast leaves them out.
    const preview = await call(h, org.token, 'POST', '/broadcasts/preview', {});
    expect(preview.json.recipients).toBe(1);
  });

  it('retries a transient failure with backoff and records a permanent one', async () => {
    const [flaky, broken] = await people(2);
    let failures = 0;
    h.api.behaviour = (c) => {
      if (c.method !== 'sendMessage') return undefined;
      if (String(c.body.chat_id) === String(flaky!.chat) && failures++ === 0)
        return { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } };
      if (String(c.body.chat_id) === String(broken!.chat))
        return {
          status: 400,
          body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' },
        };
      return undefined;
    };
    const id = await broadcast();
    await send(id);
    await drainDue(h, 500);
    const [row] = await h.runtime.db
      .select({ status: messages.status, availableAt: messages.availableAt, attempts: messages.attempts })
      .from(messages)
      .where(and(eq(messages.broadcastId, id), eq(messages.identityId, flaky!.identityId)));
    expect(row!.status).toBe('pending');
    expect(row!.availableAt.getTime()).toBeGreaterThan(Date.now() + 1_000);
    await h.runtime.db
      .update(messages)
      .set({ availableAt: new Date(0) })
      .where(and(eq(messages.broadcastId, id), inArray(messages.status, ['pending'])));
    await drainDue(h);
    expect(h.api.deliveredTo.get(String(flaky!.chat))).toBe(1);
    expect(await statusCounts(h, id)).toEqual({ sent: 1, failed: 1 });
    const stats = await call(h, org.token, 'GET', `/broadcasts/${id}/stats`);
    expect(stats.json.progress).toMatchObject({ sent: 1, failed: 1, queued: 0 });
  });
});
