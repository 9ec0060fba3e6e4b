// SQL per webhook update of the menu navigation (the webhook section's load): one person alone, in this
// process, on a postgres.js client that counts what it sends, as bench/application-queries.ts does for
// the form. Round trips are the batches written without waiting for an answer in between. These counts
// do not depend on how busy the machine is. BENCH_WEBHOOK=sql prints only these; BENCH_SQL=1 lists the
// statements.
import { randomBytes } from 'node:crypto';
import type { Update } from 'grammy/types';
import { telegramFetchConfig } from '../src/channels/telegram/node-agent';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { postgresDatabase } from '../src/db/postgres';
import { silentLogger } from '../src/logger';
import { createRuntime } from '../src/runtime';
import { BotApiStandIn } from '../tests/helpers/bot-api';
import { buttonsOf, callbackUpdate, textUpdate } from '../tests/helpers/telegram';
import { freshPostgres } from './postgres';
import { countingClient, type SqlCount } from './sql-counter';

export async function webhookQueries(): Promise<void> {
  const pg = await freshPostgres('jembatan_bench_webhook_sql');
  // Migrations first, on a connection of their own.
  const migrated = await openDatabase({ databaseUrl: pg.url, pgliteDir: '', maxConnections: 2 });
  await migrated.close();
  const { client, count } = countingClient(pg.url, 200);
  const api = await new BotApiStandIn().start();
  const runtime = createRuntime({
    config: loadConfig({
      ...process.env,
      DATABASE_URL: pg.url,
      TELEGRAM_BOT_TOKEN: '1:bench',
      TELEGRAM_WEBHOOK_SECRET: 'bench_secret',
      TELEGRAM_API_ROOT: api.url,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
    }),
    database: postgresDatabase(client),
    logger: silentLogger,
    telegramFetchConfig: telegramFetchConfig(api.url),
  });
  await runtime.telegram?.init();
  const post = async (update: Update) => {
    const response = await runtime.app.request('/webhooks/telegram', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': 'bench_secret' },
      body: JSON.stringify(update),
    });
    await response.arrayBuffer();
    await runtime.background.settle();
    await runtime.marker.flush();
  };
  const person = { id: 700_001, firstName: 'Sql' };
  api.capture(person.id);
  const counted: Array<[string, SqlCount]> = [];
  try {
    await post(textUpdate(person, '/start'));
    for (let round = 0; round < 3; round++) {
      const menu = api.lastTo(person.id);
      const settings = menu ? buttonsOf(menu.body).find((b) => b.text.includes('Pengaturan')) : undefined;
      for (const [name, update] of [
        ['button (callback)', settings ? callbackUpdate(person, settings.data) : textUpdate(person, '/menu')],
        ['/menu', textUpdate(person, '/menu')],
      ] as const) {
        const sql = await count(() => post(update));
        if (round === 2) counted.push([name, sql]);
      }
    }
  } finally {
    await runtime.shutdown();
    await client.end();
    await api.stop();
    await pg.drop();
  }
  console.log('\n## SQL per webhook update (menu navigation, one person alone, after warm-up)');
  for (const [name, c] of counted) {
    console.log(`  ${name.padEnd(20)} statements ${c.statements}   round trips ${c.roundTrips}`);
    if (process.env.BENCH_SQL === '1') for (const text of c.texts) console.log(`      ${text}`);
  }
}
