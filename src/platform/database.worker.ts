import postgres from 'postgres';
import type { Database } from '../db/client';
import { postgresDatabase } from '../db/postgres';
import type { WorkerEnv } from './workers';

/**
 * A Postgres client for one request (or one cron run): through Hyperdrive, which pools the real
 * connections near the database, so a client per request is cheap — and Workers do not let one
 * request use another's socket anyway. Close it with `ctx.waitUntil(database.close())`.
 * No migrations here: they are applied from Node (`npm run migrate`).
 */
export function openRequestDatabase(env: WorkerEnv): Database {
  const url =
    env.HYPERDRIVE?.connectionString ?? (typeof env.DATABASE_URL === 'string' ? env.DATABASE_URL : undefined);
  if (!url) throw new Error('no database: bind Hyperdrive as HYPERDRIVE (or set DATABASE_URL)');
  const client = postgres(url, {
    // Workers allow six open connections per request; a turn needs one, the outbox a second.
    max: 5,
    onnotice: () => {},
    connection: { application_name: 'jembatan-worker' },
  });
  return postgresDatabase(client);
}
