// `npm run telegram:setup`: asks Telegram who the bot is (getMe) and prints TELEGRAM_BOT_INFO for the
// Worker's (or any process's) configuration, so no process calls getMe at start; with PUBLIC_URL set,
// also registers the webhook (with the secret) and the command lists — the step the Node entry does at
// start, which a Worker cannot do. Needs TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET.
import postgres from 'postgres';
import { ConfigError, loadConfig } from '../config';
import { postgresDatabase } from '../db/postgres';
import { errorSummary } from '../engine/engine';
import { silentLogger } from '../logger';
import { createRuntime } from '../runtime';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : String(error));
  process.exit(1);
}
if (!config.TELEGRAM_BOT_TOKEN || !config.TELEGRAM_WEBHOOK_SECRET) {
  console.error(
    'Set TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET (and PUBLIC_URL to register the webhook).',
  );
  process.exit(1);
}
// Nothing here touches the database: the client connects lazily and is never asked anything.
const database = postgresDatabase(postgres(config.DATABASE_URL ?? 'postgres://127.0.0.1/unused', { max: 1 }));
const runtime = createRuntime({
  config: { ...config, TELEGRAM_BOT_INFO: undefined },
  database,
  logger: silentLogger,
});
try {
  const me = await runtime.telegram!.bot.api.getMe();
  console.log(`Bot @${me.username} (id ${me.id}). Its identity, for the configuration:\n`);
  console.log(`TELEGRAM_BOT_INFO='${JSON.stringify(me)}'\n`);
  console.log(
    'Workers: put it under [vars] in wrangler.toml (or `npx wrangler secret put TELEGRAM_BOT_INFO`).',
  );
  if (config.PUBLIC_URL) {
    await runtime.telegram!.register(config.PUBLIC_URL, config.TELEGRAM_WEBHOOK_SECRET);
    console.log(`Webhook registered: ${new URL('/webhooks/telegram', config.PUBLIC_URL)} (with the secret)`);
  } else console.log('PUBLIC_URL is not set: the webhook was not registered.');
} catch (error) {
  console.error('Telegram set-up failed:', errorSummary(error).message);
  process.exitCode = 1;
} finally {
  await runtime.shutdown();
  await database.close();
}
