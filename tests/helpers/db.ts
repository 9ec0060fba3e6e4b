import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { newPostgresDatabase } from './postgres-database';

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
    const open = async (): Promise<TestDatabase> =>
      reopenable(await openDatabase({ pgliteDir: join(dir, 'db') }), open, () =>
        rmSync(dir, { recursive: true, force: true }),
      );
    return open();
  }
  const { url, drop } = await newPostgresDatabase('jembatan_t');
  const open = async (): Promise<TestDatabase> =>
    reopenable(await openDatabase({ databaseUrl: url, pgliteDir: '', maxConnections: 10 }), open, drop);
  return open();
}

/** A database that can be closed and opened again (`open`), and destroyed (closed, then `remove`). */
function reopenable(
  database: Database,
  open: () => Promise<TestDatabase>,
  remove: () => void | Promise<void>,
): TestDatabase {
  return {
    ...database,
    reopen: async () => {
      await database.close();
      return open();
    },
    destroy: async () => {
      await database.close().catch(() => {});
      await remove();
    },
  };
}
