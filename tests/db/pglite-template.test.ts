import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
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
});
