// Child process of the webhook benchmark: the real server (Hono + grammY + engine) on Postgres.
import { serve } from '@hono/node-server';
import { telegramFetchConfig } from '../src/channels/telegram/node-agent';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { createLogger } from '../src/logger';
import { createRuntime } from '../src/runtime';

const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.DATABASE_URL,
  pgliteDir: config.PGLITE_DIR,
  maxConnections: 12,
});
const runtime = createRuntime({
  config,
  database,
  logger: createLogger(config.LOG_LEVEL),
  // As the Node entry does (src/index.ts): keep-alive connections to the Bot API.
  telegramFetchConfig: telegramFetchConfig(config.TELEGRAM_API_ROOT),
});
await runtime.telegram?.init();
// As `npm start` does (src/index.ts): replies the webhook leaves to the outbox (past its deadline, on a
// busy machine) are sent by the dispatcher. Without it they were never sent, and the form bench stalled.
runtime.dispatcher.start();
const server = serve({ fetch: runtime.app.fetch, port: config.PORT, hostname: '127.0.0.1' }, () => {
  process.stdout.write('ready\n');
});
process.on('SIGTERM', async () => {
  server.close();
  // The dispatcher stops first; buffered sent marks are written before the database closes (the other
  // background loops never started here, so runtime.shutdown(), which waits for them, is not for this
  // process).
  await runtime.dispatcher.stop();
  await runtime.background.settle();
  await runtime.marker.flush();
  await database.close();
  process.exit(0);
});
