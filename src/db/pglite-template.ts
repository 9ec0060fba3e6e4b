// A fresh embedded database starts as a copy of a migrated one instead of running initdb (in WASM) and
// every migration: that took 26–53 s of a fresh `npm run chat` on a busy 2-core machine, a copy about
// a second (issue #15). The template is made once per set of migrations — by the first fresh start, or
// by the test suite, which uses the same one — and named after them, so a new migration makes a new
// template and a stale one is never used. It lives in the system's temporary folder: if it is gone, the
// next fresh start makes it again.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The template's folder for these migrations (it may not exist yet). */
export function pgliteTemplateDir(migrationsDir: string): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsDir, { recursive: true }).map(String).sort())
    if (file.endsWith('.sql') || file.endsWith('.json'))
      hash.update(file).update(readFileSync(join(migrationsDir, file)));
  return join(tmpdir(), `jembatan-pglite-template-${hash.digest('hex').slice(0, 16)}`);
}

/**
 * The migrated template's data folder, made with `build` (open a PGlite folder, migrate it, close it)
 * when missing. Several processes may make it at once: each builds beside it and the first rename wins.
 */
export async function ensurePgliteTemplate(
  migrationsDir: string,
  build: (dataDir: string) => Promise<void>,
): Promise<string> {
  const dir = pgliteTemplateDir(migrationsDir);
  if (!existsSync(join(dir, 'db'))) {
    const building = mkdtempSync(`${dir}-building-`);
    try {
      await build(join(building, 'db'));
      renameSync(building, dir);
    } catch (error) {
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(join(dir, 'db'))) throw error; // not another process's template: a real failure
    }
  }
  return join(dir, 'db');
}

/** Whether a PGlite folder holds no database yet (absent or empty). */
export function isFreshFolder(dataDir: string): boolean {
  return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}

/** Fills a fresh PGlite folder with a copy of the template. */
export function copyTemplate(template: string, dataDir: string): void {
  cpSync(template, dataDir, { recursive: true });
}
