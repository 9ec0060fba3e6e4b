// postgres.js → drizzle, shared by the Node entry (a pool per process) and the Workers entry (a client
// per request through Hyperdrive). Imports neither PGlite nor node:fs, so the Worker bundle can use it.
import { drizzle } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import type { Database, Db, Tx } from './client';
import * as schema from './schema';

/** A Database over a postgres.js client; `close()` ends the client. */
export function postgresDatabase(client: Sql): Database {
  const db = drizzle(preparing(client), { schema }) as unknown as Db;
  return { db, driver: 'postgres', shared: true, close: () => client.end({ timeout: 5 }) };
}

// biome-ignore lint/suspicious/noExplicitAny: postgres.js's callable clients, wrapped transparently
type Client = any;

/** Set on a transaction's client: the next statement is the last, COMMIT goes right behind it. */
const COMMIT_NEXT = Symbol('commitNext');

/**
 * drizzle sends every query through postgres.js `unsafe()` unprepared, and postgres.js then spends an
 * extra round trip describing each parameterised query. Preparing them (postgres.js caches statements
 * per connection) halves the round trips on the hot path; measured in `npm run bench`.
 *
 * Transactions are begun here rather than by postgres.js, whose `begin()` waits for BEGIN's answer
 * before the first statement is even sent: here BEGIN goes out in the same write as the transaction's
 * first statements (a round trip less per transaction, issue #15). What postgres.js's own `begin()`
 * guarantees is kept: one reserved connection, COMMIT or ROLLBACK at the end, and a transaction that
 * Postgres aborted (an error the code caught) never reports success.
 */
// biome-ignore lint/suspicious/noExplicitAny: as above
export function preparing<T extends (...args: any[]) => any>(sql: T): T {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      const client = target as Client;
      if (prop === 'unsafe')
        return (query: string, args?: unknown[], options?: Record<string, unknown>) =>
          client.unsafe(query, args, { ...options, prepare: true });
      if (prop === 'begin')
        return (...params: unknown[]) => {
          const fn = params.pop() as (tx: unknown) => unknown;
          return pipelinedBegin(client, fn, typeof params[0] === 'string' ? params[0] : '');
        };
      return Reflect.get(target, prop, receiver);
    },
  });
}

async function pipelinedBegin(pool: Client, fn: (tx: unknown) => unknown, options: string): Promise<unknown> {
  const connection = await pool.reserve();
  let commit: Promise<{ command?: string }> | undefined;
  let savepoints = 0;
  const tx: Client = new Proxy(connection, {
    get(target, prop, receiver) {
      if (prop === 'unsafe')
        return (query: string, args?: unknown[], options?: Record<string, unknown>) => {
          // Queued at once, in the order the statements are made (postgres.js would otherwise queue
          // each when it is first awaited): a write the flow does not wait for (FlowContext.writeBehind)
          // always runs before the statements made after it, COMMIT included.
          const statement = target.unsafe(query, args, { ...options, prepare: true }).execute();
          if (tx[COMMIT_NEXT] && !commit) {
            // Queued now, so postgres.js sends it in the same write and Postgres runs it right after.
            commit = target.unsafe('commit').execute();
            commit?.catch(() => {});
          }
          return statement;
        };
      if (prop === 'savepoint')
        return async (...params: unknown[]) => {
          const body = params.pop() as (tx: unknown) => unknown;
          const name = `s${savepoints++}`;
          await target.unsafe(`savepoint ${name}`);
          try {
            const result = await body(tx);
            await target.unsafe(`release savepoint ${name}`);
            return result;
          } catch (error) {
            await target.unsafe(`rollback to savepoint ${name}`);
            throw error;
          }
        };
      return Reflect.get(target, prop, receiver);
    },
  });
  try {
    const begun = connection.unsafe(`begin ${options.replace(/[^a-z ]/gi, '')}`).execute();
    begun.catch(() => {});
    try {
      const result = await fn(tx);
      await begun;
      const done = await (commit ?? connection.unsafe('commit'));
      // COMMIT of a transaction Postgres had aborted (a failed statement whose error was caught)
      // answers ROLLBACK: the work is lost, so the caller must not think it was saved.
      if (done.command !== 'COMMIT') throw new Error(`transaction rolled back (${done.command})`);
      return result;
    } catch (error) {
      await connection.unsafe('rollback').catch(() => {});
      throw error;
    }
  } finally {
    connection.release();
  }
}

/**
 * Says that the next statement on `tx` is the transaction's last: on Postgres, COMMIT is sent right
 * behind it instead of a round trip later (the engine's turn write, issue #15). Nothing else may be
 * run on `tx` after that statement; on PGlite this does nothing.
 */
export function commitAfterNextStatement(tx: Tx): void {
  const client = (tx as unknown as { session?: { client?: Client } }).session?.client;
  if (client && typeof client === 'function') client[COMMIT_NEXT] = true;
}
