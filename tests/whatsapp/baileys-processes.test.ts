import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BaileysRuntime, startBaileys } from '../../src/channels/whatsapp/baileys';
import { whatsappSettings } from '../../src/channels/whatsapp/settings';
import { loadConfig } from '../../src/config';
import { rowsOf } from '../../src/db/rows';
import { identities, messages } from '../../src/db/schema';
import { silentLogger } from '../../src/logger';
import { OutboxCoordinator } from '../../src/outbox/coordination';
import { deliver } from '../../src/outbox/delivery';
import { createRuntime, type Runtime } from '../../src/runtime';
import { type BaileysHarness, startBaileysHarness } from '../helpers/whatsapp';
import { pnOf, type WaPerson } from '../helpers/whatsapp-messages';
import { FakeSockets, waitUntil } from '../helpers/whatsapp-socket';

/*
 * Several processes over one database (issue #16, point 4): only the process holding the Baileys
 * socket sends WhatsApp messages. The others claim no WhatsApp rows from the outbox, and a send that
 * reaches one of them anyway is handed back without pausing the channel — which would have stopped the
 * holder too.
 */

let holder: BaileysHarness;
let other: { runtime: Runtime; baileys: BaileysRuntime };
const dewi: WaPerson = { pn: '6285711100001', name: 'Dewi' };

beforeAll(async () => {
  holder = await startBaileysHarness();
  // A second process over the same database: its socket never comes, the number is held.
  const runtime = createRuntime({ config: loadConfig({}), database: holder.database, logger: silentLogger });
  const baileys = startBaileys({
    db: runtime.db,
    engine: runtime.engine,
    senders: runtime.senders,
    logger: silentLogger,
    settings: whatsappSettings({
      WHATSAPP_MIN_GAP_MS: '0',
      WHATSAPP_MAX_GAP_MS: '0',
      WHATSAPP_WARMUP: 'off',
    }),
    connection: { makeSocket: new FakeSockets().make, lease: { ttlMs: 2_000, renewMs: 200, pollMs: 50 } },
  });
  other = { runtime, baileys };
  await waitUntil(() => baileys.connection.health().status === 'standby');
});
afterAll(async () => {
  await other.baileys.stop();
  await other.runtime.shutdown();
  await holder.close();
});

async function notice(text: string): Promise<number> {
  const [identity] = await holder.runtime.db
    .select({ id: identities.id, userId: identities.userId })
    .from(identities)
    .where(and(eq(identities.channel, 'whatsapp'), eq(identities.externalId, pnOf(dewi))));
  const [row] = await holder.runtime.db
    .insert(messages)
    .values({
      userId: identity!.userId,
      identityId: identity!.id,
      channel: 'whatsapp',
      direction: 'out',
      origin: 'notice',
      body: { type: 'text', text },
      status: 'pending',
    })
    .returning({ id: messages.id });
  return row!.id;
}

async function row(id: number) {
  const [r] = await holder.runtime.db
    .select({ status: messages.status, attempts: messages.attempts, error: messages.error })
    .from(messages)
    .where(eq(messages.id, id));
  return r!;
}

async function channelPauses(): Promise<number> {
  return rowsOf(
    await holder.runtime.db.execute(sql`select 1 from outbox_channel_pauses where paused_until > now()`),
  ).length;
}

describe('Baileys with several processes', () => {
  it('only the process holding the socket claims WhatsApp rows; the other leaves them, pausing nothing', async () => {
    await holder.say(dewi, '/start');
    const id = await notice('Jadwal pelatihan las sudah keluar.');
    expect(other.baileys.sender.available()).toBe(false);
    expect(await other.runtime.dispatcher.drainOnce()).toBe(0);
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await channelPauses()).toBe(0);

    expect(holder.baileys.sender.available()).toBe(true);
    expect(await holder.runtime.dispatcher.drainOnce()).toBe(1);
    expect(holder.texts(pnOf(dewi)).at(-1)).toBe('Jadwal pelatihan las sudah keluar.');
    expect((await row(id)).status).toBe('sent');
  });

  it('a send that reaches a process without the socket goes back to the queue: attempt not counted, channel not paused', async () => {
    const id = await notice('Pengingat: bawa fotokopi ijazah.');
    await holder.runtime.db
      .update(messages)
      .set({ status: 'sending', attempts: 1 })
      .where(eq(messages.id, id));
    const paused: number[] = [];
    await deliver(
      [{ id, channel: 'whatsapp', address: pnOf(dewi), message: { type: 'text', text: 'Pengingat' } }],
      {
        db: other.runtime.db,
        senders: other.runtime.senders,
        logger: silentLogger,
        onRateLimited: (_channel, ms) => paused.push(ms),
      },
    );
    expect(paused).toEqual([]);
    expect(await row(id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      error: 'whatsapp socket held elsewhere',
    });
    expect(await channelPauses()).toBe(0);
    // The holder sends it when it is due.
    await holder.runtime.db
      .update(messages)
      .set({ availableAt: new Date(0) })
      .where(eq(messages.id, id));
    await holder.runtime.dispatcher.drainOnce();
    expect((await row(id)).status).toBe('sent');
  });

  it('with shared coordination, the standing-by process never pauses WhatsApp for the holder', async () => {
    const coordination = new OutboxCoordinator(holder.runtime.db, 0);
    const id = await notice('Besok libur nasional.');
    expect(await other.runtime.dispatcher.drainOnce()).toBe(0);
    const state = await coordination.sync(true);
    expect(state.pauses.has('whatsapp')).toBe(false);
    expect(await holder.runtime.dispatcher.drainOnce()).toBe(1);
    expect((await row(id)).status).toBe('sent');
  });
});
