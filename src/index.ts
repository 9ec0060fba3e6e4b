// Node entry: HTTP server (webhooks, health), outbox dispatcher, and the Baileys socket (WhatsApp).
import { serve } from '@hono/node-server';
import { type WhatsAppSettings, whatsappSettings, whatsappTransport } from './channels/whatsapp';
import { ConfigError, loadConfig } from './config';
import { DatabaseInUseError, openDatabase } from './db/client';
import { errorSummary } from './engine/engine';
import { createLogger } from './logger';
import { createRuntime, prepareData } from './runtime';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  let whatsapp: { transport: ReturnType<typeof whatsappTransport>; settings: WhatsAppSettings };
  try {
    config = loadConfig();
    whatsapp = { transport: whatsappTransport(config), settings: whatsappSettings(process.env) };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  } catch (error) {
    if (error instanceof DatabaseInUseError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  logger.info({ driver: database.driver }, 'database ready (migrations applied)');
  await prepareData(database, logger);

  const runtime = createRuntime({ config, database, logger, whatsappSettings: whatsapp.settings });
  if (runtime.telegram) {
    const me = await runtime.telegram.init();
    logger.info({ username: me.username }, 'telegram bot ready');
    if (config.PUBLIC_URL && config.TELEGRAM_WEBHOOK_SECRET) {
      await runtime.telegram.register(config.PUBLIC_URL, config.TELEGRAM_WEBHOOK_SECRET);
      logger.info({ url: `${config.PUBLIC_URL}/webhooks/telegram` }, 'telegram webhook registered');
    }
  }
  // WhatsApp through Baileys (issue #6): a long-lived socket, Node only, so it is loaded here.
  const baileys =
    whatsapp.transport === 'baileys'
      ? (await import('./channels/whatsapp/baileys')).startBaileys({
          db: runtime.db,
          engine: runtime.engine,
          senders: runtime.senders,
          logger,
          settings: whatsapp.settings,
          pairingNumber: config.WHATSAPP_PAIRING_NUMBER,
        })
      : undefined;
  runtime.dispatcher.start();

  const server = serve({ fetch: runtime.app.fetch, port: config.PORT }, (info) => {
    logger.info({ port: info.port }, 'listening');
    if (!runtime.telegram && !runtime.whatsappCloud && !baileys) {
      console.log(
        `\nJembatan is running on http://localhost:${info.port} (health: /healthz) with no chat channel configured.\n` +
          'To chat with the bot locally, stop this server and run:  npm run chat\n' +
          'To connect Telegram, set TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET and PUBLIC_URL (see README).\n',
      );
    }
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    server.close();
    await baileys?.stop();
    await runtime.shutdown();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error('Jembatan failed to start:', errorSummary(error).message);
  process.exit(1);
});
