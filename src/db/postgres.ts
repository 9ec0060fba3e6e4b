// postgres.js → drizzle, shared by the Node entry (a pool per process) and the Workers entry (a client
// per request through Hyperdrive). Imports neither PGlite nor node:fs, so the Worker bundle can use it.
import { drizzle } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import type { Database, Db } from './client';
import * as schema from './schema';

/** A Database over a postgres.js client; `close()` ends the client. */
export function postgresDatabase(client: Sql): Database {
  const db = drizzle(preparing(client), { schema }) as unknown as Db;
  return { db, driver: 'postgres', shared: true, close: () => client.end({ timeout: 5 }) };
}

/**
 * drizzle sends every query through postgres.js `unsafe()` unprepared, and postgres.js then spends an
 * extra round trip describing each parameterised query. Preparing them (postgres.js caches statements
 * per connection) halves the round trips on the hot path; measured in `npm run bench`.
 */
// biome-ignore lint/suspicious/noExplicitAny: a transparent wrapper around postgres.js's callable client
export function preparing<T extends (...args: any[]) => any>(sql: T): T {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      // biome-ignore lint/suspicious/noExplicitAny: as above
      const client = target as any;
      if (prop === 'unsafe')
        return (query: string, args?: unknown[], options?: Record<string, unknown>) =>
          client.unsafe(query, args, { ...options, prepare: true });
      if (prop === 'begin' || prop === 'savepoint')
        return (...params: unknown[]) => {
          const fn = params.pop() as (tx: unknown) => unknown;
          return client[prop](...params, (tx: T) => fn(preparing(tx)));
        };
      return Reflect.get(target, prop, receiver);
    },
  });
}
