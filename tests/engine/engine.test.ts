import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/rows';
import { conversations, messages, users } from '../../src/db/schema';
import { Engine } from '../../src/engine/engine';
import { FlowRegistry } from '../../src/engine/flow';
import { createRegistry, createRouter } from '../../src/features';
import { silentLogger } from '../../src/logger';
import type { Inbound } from '../../src/shared/conversation';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

let database: TestDatabase;
let seq = 0;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

function text(externalId: string, body: string): Inbound {
  return {
    channel: 'simulator',
    eventId: `e-${++seq}`,
    user: { externalId, displayName: 'Dewi' },
    payload: { type: 'text', text: body },
  };
}

describe('engine', () => {
  it('apologises when a flow throws, rolls back its writes and keeps the previous state', async () => {
    const registry = createRegistry();
    // A flow that writes, then fails half-way.
    registry.register({
      id: 'broken',
      async start(ctx) {
        ctx.say('start');
      },
      async handle(ctx) {
        await ctx.tx.update(users).set({ displayName: 'CHANGED' }).where(eq(users.id, ctx.user.id));
        ctx.say('half-way');
        throw new Error('boom');
      },
    });
    const engine = new Engine({
      db: database.db,
      logger: silentLogger,
      registry,
      router: createRouter(),
      defaultLocale: 'id',
    });
    const first = await engine.handle(text('u1', '/start'));
    const userId = first.userId!;
    await database.db
      .update(conversations)
      .set({ state: { flow: 'broken', step: 'x', data: { keep: 1 } } })
      .where(eq(conversations.userId, userId));

    const failing = text('u1', 'anything');
    const result = await engine.handle(failing);
    expect(result.deliveries).toHaveLength(1);
    const reply = result.deliveries[0]!.message;
    expect(reply.type === 'text' && reply.text).toContain('Maaf, ada gangguan');
    const [conversation] = await database.db
      .select()
      .from(conversations)
      .where(eq(conversations.userId, userId));
    expect(conversation!.state).toEqual({ flow: 'broken', step: 'x', data: { keep: 1 } });
    const [user] = await database.db.select().from(users).where(eq(users.id, userId));
    expect(user!.displayName).toBe('Dewi');
    // The event is still recorded: a redelivery does not fail a second time.
    const again = await engine.handle(failing);
    expect(again.duplicate).toBe(true);
  });

  it('a write the flow did not wait for: later reads of the turn see it; if it fails, the turn rolls back and apologises', async () => {
    const registry = createRegistry();
    const seen: string[] = [];
    registry.register({
      id: 'behind',
      async start(ctx) {
        ctx.say('start');
      },
      async handle(ctx, input) {
        const said = input.kind === 'text' ? input.text : '';
        ctx.setStep('after', { said });
        ctx.writeBehind(
          ctx.tx
            .update(users)
            .set({ displayName: `Nama ${said}` })
            .where(eq(users.id, ctx.user.id)),
        );
        if (said === 'gagal')
          // Fails in the database (division by zero), unseen by the flow.
          ctx.writeBehind(ctx.tx.execute(sql`select 1 / 0`));
        else {
          const [row] = await ctx.tx
            .select({ name: users.displayName })
            .from(users)
            .where(eq(users.id, ctx.user.id));
          seen.push(row!.name ?? '');
        }
        ctx.say(`ok ${said}`);
      },
    });
    const engine = new Engine({
      db: database.db,
      logger: silentLogger,
      registry,
      router: createRouter(),
      defaultLocale: 'id',
    });
    const userId = (await engine.handle(text('u-behind', '/start'))).userId!;
    const setFlow = () =>
      database.db
        .update(conversations)
        .set({ state: { flow: 'behind', step: 'x', data: {} } })
        .where(eq(conversations.userId, userId));

    await setFlow();
    const saved = await engine.handle(text('u-behind', 'Sari'));
    expect(seen).toEqual(['Nama Sari']);
    expect(saved.deliveries.map((d) => d.message.type === 'text' && d.message.text)).toEqual(['ok Sari']);
    const [user] = await database.db.select().from(users).where(eq(users.id, userId));
    expect(user!.displayName).toBe('Nama Sari');

    await setFlow();
    const failed = await engine.handle(text('u-behind', 'gagal'));
    const reply = failed.deliveries[0]!.message;
    expect(failed.deliveries).toHaveLength(1);
    expect(reply.type === 'text' && reply.text).toContain('Maaf, ada gangguan');
    const [after] = await database.db.select().from(users).where(eq(users.id, userId));
    expect(after!.displayName).toBe('Nama Sari');
    const [conversation] = await database.db
      .select()
      .from(conversations)
      .where(eq(conversations.userId, userId));
    expect(conversation!.state).toEqual({ flow: 'behind', step: 'x', data: {} });
  });

  it('logs inbound and outbound messages in order, outbound ones as leased outbox rows', async () => {
    const engine = new Engine({
      db: database.db,
      logger: silentLogger,
      registry: createRegistry(),
      router: createRouter(),
      defaultLocale: 'id',
    });
    const { userId } = await engine.handle(text('u2', '/start'));
    const rows = await database.db
      .select()
      .from(messages)
      .where(eq(messages.userId, userId!))
      .orderBy(messages.id);
    expect(rows.map((r) => `${r.direction}:${r.status}`)).toEqual([
      'in:received',
      'out:sending',
      'out:sending',
    ]);
    expect(rows[1]!.availableAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('greets a brand-new person whatever their first words are', async () => {
    const engine = new Engine({
      db: database.db,
      logger: silentLogger,
      registry: createRegistry(),
      router: createRouter(),
      defaultLocale: 'id',
    });
    const result = await engine.handle(text('u3', 'p'));
    const texts = result.deliveries.map((d) => (d.message.type === 'text' ? d.message.text : ''));
    expect(texts[0]).toContain('Halo, Dewi!');
    expect(texts[1]).toContain('1. 🔎 Cari program');
  });

  it('falls back to the menu when the stored flow no longer exists (e.g. after a redeploy)', async () => {
    const engine = new Engine({
      db: database.db,
      logger: silentLogger,
      registry: new FlowRegistry().register(...[createRegistry().get('menu')!]),
      router: createRouter(),
      defaultLocale: 'id',
    });
    const { userId } = await engine.handle(text('u4', '/start'));
    await database.db
      .update(conversations)
      .set({ state: { flow: 'removed-flow', step: 'q', data: {} } })
      .where(eq(conversations.userId, userId!));
    const result = await engine.handle(text('u4', 'halo'));
    expect(result.deliveries.length).toBeGreaterThan(0);
  });

  it("hands a flow what its prefetch read with the turn's first statement, once, and only in that flow", async () => {
    const registry = createRegistry();
    const taken: unknown[] = [];
    registry.register({
      id: 'fetching',
      prefetch: ({ userId, data }) => sql`jsonb_build_object('user', ${userId}, 'n', ${data}->'n')`,
      async start(ctx) {
        ctx.say('start');
      },
      async handle(ctx) {
        taken.push(ctx.takePrefetched('fetching'), ctx.takePrefetched('fetching'));
        ctx.say('ok');
      },
    });
    const engine = new Engine({
      db: database.db,
      logger: silentLogger,
      registry,
      router: createRouter(),
      defaultLocale: 'id',
    });
    const userId = (await engine.handle(text('u-prefetch', '/start'))).userId!;
    await database.db
      .update(conversations)
      .set({ state: { flow: 'fetching', step: 'x', data: { n: 7 } } })
      .where(eq(conversations.userId, userId));
    await engine.handle(text('u-prefetch', 'halo'));
    expect(taken).toEqual([{ user: userId, n: 7 }, undefined]);
  });

  it('creates a person seen for the first time, with the names the platform gave', async () => {
    const engine = new Engine({
      db: database.db,
      logger: silentLogger,
      registry: createRegistry(),
      router: createRouter(),
      defaultLocale: 'id',
    });
    const inbound = text('u-new', '/start');
    inbound.user = { ...inbound.user, fullName: 'Dewi Lestari', handle: 'dewi' };
    const result = await engine.handle(inbound);
    expect(result.duplicate).toBe(false);
    const rows = await database.db.execute(
      sql`select i.full_name, i.handle, u.display_name from identities i join users u on u.id = i.user_id
        where i.external_id = 'u-new'`,
    );
    expect(rowsOf(rows)).toEqual([{ full_name: 'Dewi Lestari', handle: 'dewi', display_name: 'Dewi' }]);
    expect((await engine.handle(inbound)).duplicate).toBe(true);
  });
});
