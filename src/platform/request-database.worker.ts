/**
 * Workers (issue #15): the runtime is built once per isolate, but a database client can serve only the
 * request that opened it (workerd refuses I/O on another request's socket). The runtime gets this
 * stand-in instead: every use goes to the client of the request being served, found through
 * AsyncLocalStorage (which follows the request into timers and promise callbacks it starts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Db } from '../db/client';

const current = new AsyncLocalStorage<Db>();

/** Runs `fn` (a request) with `database` as what the isolate's runtime uses. */
export function withRequestDatabase<T>(database: Database, fn: () => T): T {
  return current.run(database.db, fn);
}

function requestDb(): Db {
  const db = current.getStore();
  if (!db) throw new Error('database used outside a request (withRequestDatabase)');
  return db;
}

/** A Database whose `db` is the current request's; closing it is each request's own business. */
export function requestScopedDatabase(): Database {
  const db = new Proxy({} as Db, {
    get(_, prop) {
      const target = requestDb();
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    has: (_, prop) => Reflect.has(requestDb(), prop),
  });
  return { db, driver: 'postgres', shared: true, close: async () => {} };
}
