import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsCurrent, openDatabase } from '../../src/db/client';
import { rowsOf } from '../../src/db/rows';

// The embedded database only: a fresh PGlite folder starts as a copy of the migrated template.
const root = mkdtempSync(join(tmpdir(), 'jembatan-template-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(process.env.TEST_DB === 'postgres')('a fresh embedded database', () => {
  it('opens already migrated, and each fresh folder is its own database', async () => {
    const first = await openDatabase({ pgliteDir: join(root, 'a'), migrate: false });
    const second = await openDatabase({ pgliteDir: join(root, 'b'), migrate: false });
    try {
      // The schema is there before any migration ran in this process (migrate: false).
      await first.db.execute(sql`insert into users (locale) values ('id')`);
      const count = async (db: typeof first.db) =>
        Number(rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from users`))[0]!.n);
      expect(await count(first.db)).toBe(1);
      expect(await count(second.db)).toBe(0);
    } finally {
      await first.close();
      await second.close();
    }
    // Reopened, the folder keeps its own data (it is not copied over again).
    const again = await openDatabase({ pgliteDir: join(root, 'a') });
    try {
      const rows = rowsOf<{ n: number }>(await again.db.execute(sql`select count(*)::int as n from users`));
      expect(Number(rows[0]!.n)).toBe(1);
    } finally {
      await again.close();
    }
  });

  it('skips the migrator at start when the newest migration is applied, not when one is missing', async () => {
    const database = await openDatabase({ pgliteDir: join(root, 'c'), migrate: false });
    try {
      expect(await migrationsCurrent(database)).toBe(true);
      // As if the newest migration had not run: the check says so (the migrator then runs in full).
      const newest = async () =>
        rowsOf<{ at: string }>(
          await database.db.execute(
            sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`,
          ),
        )[0]!.at;
      const applied = await newest();
      await database.db.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at = ${applied}::bigint`,
      );
      expect(await migrationsCurrent(database)).toBe(false);
      await database.db.execute(sql`drop schema drizzle cascade`);
      // No migrations table at all (a database made without the migrator): not current, and no error.
      expect(await migrationsCurrent(database)).toBe(false);
    } finally {
      await database.close();
    }
  });
});
