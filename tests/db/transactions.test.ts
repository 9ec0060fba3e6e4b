// Transactions as the code relies on them, on both databases. On Postgres they are begun by
// src/db/postgres.ts (BEGIN pipelined with the first statement, COMMIT optionally right behind the
// last), so these check that the pipelining changes nothing a caller can see.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAfterNextStatement } from '../../src/db/postgres';
import { users } from '../../src/db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

async function newUser(name: string): Promise<string> {
  const [row] = await database.db.insert(users).values({ locale: 'id', displayName: name }).returning();
  return row!.id;
}
async function nameOf(id: string): Promise<string | null> {
  const [row] = await database.db.select().from(users).where(eq(users.id, id));
  return row!.displayName;
}

describe('transactions', () => {
  it('commits what the callback wrote, and returns its result', async () => {
    const id = await newUser('before');
    const result = await database.db.transaction(async (tx) => {
      await tx.update(users).set({ displayName: 'after' }).where(eq(users.id, id));
      return 42;
    });
    expect(result).toBe(42);
    expect(await nameOf(id)).toBe('after');
  });

  it('rolls back when the callback throws', async () => {
    const id = await newUser('kept');
    await expect(
      database.db.transaction(async (tx) => {
        await tx.update(users).set({ displayName: 'lost' }).where(eq(users.id, id));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await nameOf(id)).toBe('kept');
  });

  it('never reports success for a transaction the database aborted (an error the callback caught)', async () => {
    const id = await newUser('kept');
    await expect(
      database.db.transaction(async (tx) => {
        await tx.update(users).set({ displayName: 'lost' }).where(eq(users.id, id));
        await tx.execute(sql`select 1 / 0`).catch(() => {});
      }),
    ).rejects.toThrow();
    expect(await nameOf(id)).toBe('kept');
  });

  it('with COMMIT sent behind the last statement: commits it, and returns what it returned', async () => {
    const id = await newUser('before');
    const returned = await database.db.transaction(async (tx) => {
      await tx.update(users).set({ displayName: 'middle' }).where(eq(users.id, id));
      commitAfterNextStatement(tx);
      return tx.update(users).set({ displayName: 'last' }).where(eq(users.id, id)).returning();
    });
    expect(returned[0]!.displayName).toBe('last');
    expect(await nameOf(id)).toBe('last');
  });

  it('with COMMIT sent behind a last statement that fails: nothing is kept', async () => {
    const id = await newUser('kept');
    await expect(
      database.db.transaction(async (tx) => {
        await tx.update(users).set({ displayName: 'lost' }).where(eq(users.id, id));
        commitAfterNextStatement(tx);
        await tx.execute(sql`select 1 / 0`);
      }),
    ).rejects.toThrow();
    expect(await nameOf(id)).toBe('kept');
  });

  it('nested transactions roll back alone', async () => {
    const id = await newUser('outer');
    await database.db.transaction(async (tx) => {
      await tx
        .transaction(async (inner) => {
          await inner.update(users).set({ displayName: 'inner' }).where(eq(users.id, id));
          throw new Error('inner fails');
        })
        .catch(() => {});
      await tx.update(users).set({ displayName: 'outer done' }).where(eq(users.id, id));
    });
    expect(await nameOf(id)).toBe('outer done');
  });

  it('runs many at once on a small pool without mixing them up', async () => {
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => newUser(`n${i}`)));
    await Promise.all(
      ids.map((id, i) =>
        database.db
          .transaction(async (tx) => {
            await tx
              .update(users)
              .set({ displayName: `t${i}` })
              .where(eq(users.id, id));
            if (i % 3 === 0) throw new Error('rolled back');
          })
          .catch(() => {}),
      ),
    );
    const names = await Promise.all(ids.map(nameOf));
    expect(names).toEqual(ids.map((_, i) => (i % 3 === 0 ? `n${i}` : `t${i}`)));
  });
});
