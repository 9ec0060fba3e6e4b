// One chat's messages leave in order even when two dispatchers claim at the same moment: a worker whose
// SKIP LOCKED claim skipped a chat's first row (another worker holds it) must not take the chat's later
// rows and send them first. Seen in CI: after a crash, a greeting arrived after the menu that follows it.
import { eq, inArray } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities, messages, users } from '../../src/db/schema';
import { silentLogger } from '../../src/logger';
import { Dispatcher } from '../../src/outbox/dispatcher';
import { SenderRegistry } from '../../src/outbox/sender';
import type { Outbound } from '../../src/shared/conversation';
import { postgresOnly, type SharedDatabase, sharedDatabase } from './postgres';

const enabled = postgresOnly('scale/outbox-order');
let shared: SharedDatabase;

describe.skipIf(!enabled)('one chat, two dispatchers', () => {
  beforeAll(async () => {
    shared = await sharedDatabase('jembatan_outbox_order');
  }, 60_000);
  afterAll(async () => {
    await shared?.drop();
  });

  it("leaves a chat's later rows alone while another worker holds its earlier one, then sends all in order", async () => {
    const db = shared.database.db;
    const [user] = await db.insert(users).values({ locale: 'id' }).returning({ id: users.id });
    const [identity] = await db
      .insert(identities)
      .values({ userId: user!.id, channel: 'telegram', externalId: '770001', address: '770001' })
      .returning({ id: identities.id });
    const texts = ['Halo!', 'Mau mulai dari mana?', 'Pilih salah satu'];
    const rows = await db
      .insert(messages)
      .values(
        texts.map((text) => ({
          userId: user!.id,
          identityId: identity!.id,
          channel: 'telegram' as const,
          direction: 'out' as const,
          body: { type: 'text' as const, text },
          status: 'pending',
        })),
      )
      .returning({ id: messages.id });
    const ids = rows.map((r) => r.id).sort((a, b) => a - b);

    const sent: string[] = [];
    const senders = new SenderRegistry().add({
      channel: 'telegram',
      async send(_address: string, message: Outbound) {
        sent.push(message.type === 'text' ? message.text : message.type);
        return {};
      },
    });
    const dispatcher = new Dispatcher({ db, senders, logger: silentLogger });

    // Another worker is in the middle of its claim: it holds the chat's first row.
    const other = postgres(shared.url, { max: 1 });
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => {
      locked = r;
    });
    const holder = other.begin(async (tx) => {
      await tx`select id from messages where id = ${ids[0]!} for update`;
      locked();
      await held;
    });
    await isLocked;
    try {
      expect(await dispatcher.drainOnce()).toBe(0);
      expect(sent).toEqual([]);
      const statuses = await db
        .select({ status: messages.status })
        .from(messages)
        .where(inArray(messages.id, ids.slice(1)));
      expect(statuses.map((s) => s.status)).toEqual(['pending', 'pending']);
    } finally {
      release();
      await holder;
      await other.end();
    }

    // The other worker let go without claiming: this one now takes the whole chat, in order.
    expect(await dispatcher.drainOnce()).toBe(3);
    expect(sent).toEqual(texts);
    const after = await db
      .select({ status: messages.status })
      .from(messages)
      .where(eq(messages.userId, user!.id));
    expect(after.map((s) => s.status)).toEqual(['sent', 'sent', 'sent']);
  }, 60_000);
});
