import type { TestProject } from 'vitest/node';
import { pgliteTemplate } from '../../src/db/client';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data folder that each test file copies instead of running initdb + migrations. */
    pgliteTemplate: string;
  }
}

/**
 * Vitest global setup: a fresh PGlite costs 4–7 s (initdb in WASM and every migration); a copy of a
 * migrated folder opens in about 1 s. The same template as a fresh `npm run chat` uses
 * (src/db/pglite-template.ts): built once per set of migrations, then reused across runs.
 */
export default async function setup(project: TestProject): Promise<void> {
  project.provide('pgliteTemplate', await pgliteTemplate());
}
