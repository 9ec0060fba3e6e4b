import postgres from 'postgres';
import { type Database, openDatabase } from '../../src/db/client';

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
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), pgliteDir: '', maxConnections: 5 });
  return {
    url: url.toString(),
    database,
    async drop() {
      await database.close().catch(() => {});
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
