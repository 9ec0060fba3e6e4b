import { defineConfig } from 'vitest/config';

// Pure units live beside their code (src/**/*.test.ts) and run once. Everything that touches a
// database lives in tests/ and runs on the embedded PGlite and, when TEST_DATABASE_URL is set, on the
// real Postgres as well — same files, two projects.
const postgresUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'tests/**/*.unit.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.unit.test.ts'],
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
                exclude: ['tests/**/*.unit.test.ts'],
                env: { TEST_DB: 'postgres', TEST_DATABASE_URL: postgresUrl },
              },
            },
          ]
        : []),
    ],
  },
});
