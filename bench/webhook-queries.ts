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
import { countingClient, postUpdate, type SqlCount } from './sql-counter';

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
  const post = (update: Update) => postUpdate(runtime, update);
  const person = { id: 700_001, firstName: 'Sql' };
  api.capture(person.id);
  const counted: Array<[string, SqlCount]> = [];
  let marks: MarkCount | undefined;
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
    marks = await concurrentMarks(api, runtime, count);
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
  if (marks)
    console.log(
      `  sent marks, ${marks.people} people at once (${marks.updates} updates, ${marks.sent} messages sent): ${marks.markStatements} mark statements, ${(marks.markStatements / marks.sent).toFixed(3)} per sent message; ${marks.statements} statements in all, ${(marks.statements / marks.updates).toFixed(2)} per update`,
    );
}

interface MarkCount {
  people: number;
  updates: number;
  sent: number;
  markStatements: number;
  statements: number;
}

/**
 * The "sent" marks under concurrency: 20 people press menu buttons at once, each as soon as the
 * previous reply came, in this process. Marks are written in batches (SentMarker: what gathered in
 * 20 ms, one statement); this counts those statements per message sent. It depends on how the
 * updates interleave more than on the machine's speed.
 */
async function concurrentMarks(
  api: BotApiStandIn,
  runtime: ReturnType<typeof createRuntime>,
  count: ReturnType<typeof countingClient>['count'],
): Promise<MarkCount> {
  const people = 20;
  const rounds = 10;
  const post = (update: Update) => postUpdate(runtime, update, false);
  const persons = Array.from({ length: people }, (_, i) => ({ id: 710_001 + i, firstName: `Marks${i}` }));
  for (const person of persons) await post(textUpdate(person, '/start'));
  await runtime.background.settle();
  await runtime.marker.flush();
  const before = api.count('sendMessage');
  const sql = await count(async () => {
    await Promise.all(
      persons.map(async (person) => {
        for (let round = 0; round < rounds; round++) await post(textUpdate(person, '/menu'));
      }),
    );
    await runtime.background.settle();
    await runtime.marker.flush();
  });
  return {
    people,
    updates: people * rounds,
    sent: api.count('sendMessage') - before,
    markStatements: sql.texts.filter((t) => t.startsWith("update messages m set status = 'sent'")).length,
    statements: sql.statements,
  };
}
