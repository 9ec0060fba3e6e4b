import { type Database, openDatabase } from '../../src/db/client';
import { newPostgresDatabase } from '../helpers/postgres-database';

/** Why a test that needs the machine's Postgres did not run (printed once per file). */
export function postgresOnly(what: string): boolean {
  const enabled = process.env.TEST_DB === 'postgres' && !!process.env.TEST_DATABASE_URL;
  if (!enabled)
    console.info(
      `[${what}] skipped in this project: it needs a real Postgres shared by several processes ` +
        '(runs in the postgres project: set TEST_DATABASE_URL).',
    );
  return enabled;
}

export interface SharedDatabase {
  /** The URL every process connects to. */
  url: string;
  /** This (test) process's own connection, migrated. */
  database: Database;
  drop(): Promise<void>;
}

/** A new migrated database on TEST_DATABASE_URL's server, for several processes; dropped afterwards. */
export async function sharedDatabase(prefix: string): Promise<SharedDatabase> {
  const { url, drop } = await newPostgresDatabase(prefix);
  const database = await openDatabase({ databaseUrl: url, pgliteDir: '', maxConnections: 5 });
  return {
    url,
    database,
    async drop() {
      await database.close().catch(() => {});
      await drop();
    },
  };
}
