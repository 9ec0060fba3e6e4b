import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Pure units live beside their code (src/**/*.test.ts) and run once. Everything that touches a
// database lives in tests/ and runs on the embedded PGlite and, when TEST_DATABASE_URL is set, on the
// real Postgres as well — same files, two projects.
const postgresUrl = process.env.TEST_DATABASE_URL;
// Browser tests need Debian's Chromium (.ci/run installs it). Locally without it they are left out with
// a note; in CI they always run, so a missing browser fails instead of passing silently.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserTests = existsSync(chromium) || Boolean(process.env.CI);
if (!browserTests)
  console.warn(`browser tests skipped: no Chromium at ${chromium} (apt-get install chromium)`);

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Vitest's default on a 2-core machine is a single worker; most test time is waiting on databases,
    // stand-ins and timers, so two files at a time use the cores better without starving either.
    maxWorkers: 2,
    // Polled expectations (browser pages, delivery through the outbox) get time on a loaded machine.
    expect: { poll: { timeout: 10_000 } },
    // A migrated PGlite folder that each test file copies (saves initdb + migrations per file).
    globalSetup: ['tests/helpers/pglite-template.ts'],
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'tests/**/*.unit.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.unit.test.ts', 'tests/**/*.browser.test.ts'],
          env: { TEST_DB: 'pglite' },
        },
      },
      ...(postgresUrl
        ? [
            {
              extends: true,
              test: {
                name: 'postgres',
                include: ['tests/**/*.test.ts'],
                exclude: ['tests/**/*.unit.test.ts', 'tests/**/*.browser.test.ts'],
                env: { TEST_DB: 'postgres', TEST_DATABASE_URL: postgresUrl },
              },
            },
          ]
        : []),
      // The dashboard in headless Chromium (Debian's, see .ci/run), on Postgres when there is one.
      ...(browserTests
        ? [
            {
              extends: true,
              test: {
                name: 'browser',
                include: ['tests/**/*.browser.test.ts'],
                env: postgresUrl
                  ? { TEST_DB: 'postgres', TEST_DATABASE_URL: postgresUrl }
                  : { TEST_DB: 'pglite' },
              },
            },
          ]
        : []),
    ],
  },
});
