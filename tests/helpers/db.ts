import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';

export interface TestDatabase extends Database {
  /** Closes and opens the same data again, as a process restart would. */
  reopen(): Promise<TestDatabase>;
  /** Closes and removes the data. */
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: PGlite (in a temporary folder, so it can be
 * reopened), or a new database on the real Postgres (TEST_DB=postgres), dropped by `destroy()`.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.TEST_DB !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'jembatan-pglite-'));
    // A copy of the migrated template (tests/helpers/pglite-template.ts) instead of initdb + migrations.
    const template = inject('pgliteTemplate');
    if (template && existsSync(template)) cpSync(template, join(dir, 'db'), { recursive: true });
    const open = async (): Promise<TestDatabase> => {
      const database = await openDatabase({ pgliteDir: join(dir, 'db') });
      return {
        ...database,
        reopen: async () => {
          await database.close();
          return open();
        },
        destroy: async () => {
          await database.close().catch(() => {});
          rmSync(dir, { recursive: true, force: true });
        },
      };
    };
    return open();
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `jembatan_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const open = async (): Promise<TestDatabase> => {
    const database = await openDatabase({ databaseUrl: url.toString(), pgliteDir: '', maxConnections: 10 });
    return {
      ...database,
      reopen: async () => {
        await database.close();
        return open();
      },
      destroy: async () => {
        await database.close().catch(() => {});
        const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  };
  return open();
}
