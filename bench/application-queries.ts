// SQL per step of the application form: one applicant alone through the webhook, in this process, on
// a postgres.js client that counts what it sends. Statements are what Postgres runs; round trips are
// the batches written without waiting for an answer in between (statements sent in the same tick go
// out in one write: pipelined). These counts do not depend on how busy the machine is.
// BENCH_SQL=1 also prints each step's statements.
import { randomBytes } from 'node:crypto';
import type { Update } from 'grammy/types';
import { telegramFetchConfig } from '../src/channels/telegram/node-agent';
import { loadConfig } from '../src/config';
import { postgresDatabase } from '../src/db/postgres';
import { silentLogger } from '../src/logger';
import { createRuntime } from '../src/runtime';
import { BotApiStandIn } from '../tests/helpers/bot-api';
import { fillForm } from './applications';
import { countingClient, postUpdate, type SqlCount } from './sql-counter';

interface Counted extends SqlCount {
  cpuMs: number;
}

/** Runs applicant `i` through the form on the database at `url` and prints SQL per step. */
export async function applicationQueries(url: string, uploads: string, i: number): Promise<void> {
  const { client, count } = countingClient(url, 160);
  const database = postgresDatabase(client);
  const api = await new BotApiStandIn().start();
  const runtime = createRuntime({
    config: loadConfig({
      ...process.env,
      DATABASE_URL: url,
      TELEGRAM_BOT_TOKEN: '1:bench',
      TELEGRAM_WEBHOOK_SECRET: 'bench_secret',
      TELEGRAM_API_ROOT: api.url,
      UPLOADS_DIR: uploads,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
    }),
    database,
    logger: silentLogger,
    // As the Node entry does (src/index.ts): keep-alive connections to the Bot API.
    telegramFetchConfig: telegramFetchConfig(api.url),
  });
  await runtime.telegram?.init();
  const steps: Array<[string, Counted]> = [];
  // Work the webhook left to the background (a send past its budget, sent marks) is the step's too.
  const post = (update: Update) => postUpdate(runtime, update);
  try {
    // Warm-up (prepared statements, JIT), then counted. BENCH_WARM=N: more warm-up applicants (to profile).
    const warm = Number(process.env.BENCH_WARM ?? 1);
    for (let w = 1; w <= warm; w++) await fillForm(api, i + w, (_name, update) => post(update));
    await fillForm(api, i, async (name, update) => {
      const cpu = process.cpuUsage();
      const sql = await count(() => post(update));
      const used = process.cpuUsage(cpu);
      steps.push([name, { ...sql, cpuMs: (used.user + used.system) / 1000 }]);
    });
  } finally {
    await runtime.shutdown();
    await api.stop();
  }
  console.log('SQL per step, one applicant alone (CPU: this process, stand-in included):');
  let statements = 0;
  let trips = 0;
  for (const [name, c] of steps) {
    statements += c.statements;
    trips += c.roundTrips;
    console.log(
      `  ${name.padEnd(34)} statements ${String(c.statements).padStart(3)}   round trips ${String(c.roundTrips).padStart(3)}   CPU ${c.cpuMs.toFixed(1).padStart(6)} ms`,
    );
    if (process.env.BENCH_SQL === '1') for (const text of c.texts) console.log(`      ${text}`);
  }
  console.log(
    `  ${'whole form'.padEnd(34)} statements ${String(statements).padStart(3)}   round trips ${String(trips).padStart(3)}`,
  );
}
