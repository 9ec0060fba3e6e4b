import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { MIGRATIONS_DIR, openDatabase } from '../../src/db/client';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data folder that each test file copies instead of running initdb + migrations. */
    pgliteTemplate: string;
  }
}

/** Named after the migrations it holds, so a new migration makes a new template and a stale one is never used. */
function templateDir(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR, { recursive: true }).map(String).sort())
    if (file.endsWith('.sql') || file.endsWith('.json'))
      hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)));
  return join(tmpdir(), `jembatan-pglite-template-${hash.digest('hex').slice(0, 16)}`);
}

/**
 * Vitest global setup: a fresh PGlite costs 4–7 s (initdb in WASM and every migration); a copy of a
 * migrated folder opens in about 1 s. Built once per set of migrations, then reused across runs.
 */
export default async function setup(project: TestProject): Promise<void> {
  const dir = templateDir();
  if (!existsSync(join(dir, 'db'))) {
    const building = mkdtempSync(`${dir}-building-`);
    const database = await openDatabase({ pgliteDir: join(building, 'db') });
    await database.close();
    try {
      renameSync(building, dir);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another run made it first
    }
  }
  project.provide('pgliteTemplate', join(dir, 'db'));
}
