// Node entry: HTTP server (webhooks, health), outbox dispatcher, and the Baileys socket (WhatsApp).
import { serve } from '@hono/node-server';
import { DEMO_STAFF } from './admin/demo';
import { telegramFetchConfig } from './channels/telegram/node-agent';
import { type WhatsAppSettings, whatsappSettings, whatsappTransport } from './channels/whatsapp';
import { ConfigError, loadConfig } from './config';
import {
  DatabaseInUseError,
  DatabaseUnreachableError,
  databaseHost,
  migrateDatabase,
  openDatabase,
} from './db/client';
import { errorSummary } from './engine/engine';
import { createLogger } from './logger';
import type { GaugeSample } from './ops/metrics';
import { startupPhases } from './ops/startup-phases';
import { nodePost } from './platform/webhook-post.nodejs';
import { attachBaileys, createRuntime, prepareData, prepareDemoStaff } from './runtime';

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
  const phase = startupPhases(logger);
  phase('code loaded');
  let database: Awaited<ReturnType<typeof openDatabase>>;
  logger.info(
    config.DATABASE_URL ? { host: databaseHost(config.DATABASE_URL) } : { dir: config.PGLITE_DIR },
    'opening the database',
  );
  try {
    database = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      pgliteDir: config.PGLITE_DIR,
      connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT_SECONDS,
      migrate: false,
    });
    phase('database opened');
    await migrateDatabase(database);
    phase('migrations applied');
  } catch (error) {
    if (error instanceof DatabaseInUseError || error instanceof DatabaseUnreachableError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  logger.info({ driver: database.driver }, 'database ready (migrations applied)');
  await prepareData(database, logger, { desk: config.DEFAULT_ORGANISATION }, phase);

  const runtime = createRuntime({
    config,
    database,
    logger,
    whatsappSettings: whatsapp.settings,
    telegramFetchConfig: telegramFetchConfig(config.TELEGRAM_API_ROOT),
    // Outbound webhooks over node:http (a third of fetch's CPU per delivery); Workers use fetch.
    webhookDelivery: { post: nodePost },
  });
  phase('runtime built');
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
          files: runtime.applications.storage,
        })
      : undefined;
  // In /readyz (standby while another process holds the number is ready; a socket that does not open
  // is not), and documents sent for an application are fetched through the socket that received them.
  if (baileys) attachBaileys(runtime, baileys);
  runtime.ops.processGauges = nodeProcessGauges;
  runtime.dispatcher.start();
  runtime.privacy.start();

  phase('channels started');
  // The demo staff account only on the embedded database of a machine without a public address; made
  // once listening (only a dashboard login needs it, and a fresh database's password hash takes seconds).
  const demoStaff = () =>
    database.driver === 'pglite' && !config.PUBLIC_URL
      ? prepareDemoStaff(database, logger, config.DEFAULT_ORGANISATION).then(
          () => phase('demo staff checked'),
          (error: unknown) =>
            logger.error({ err: errorSummary(error) }, 'the demo staff account could not be made'),
        )
      : undefined;
  const server = serve({ fetch: runtime.app.fetch, port: config.PORT }, (info) => {
    phase('listening (/healthz answers)');
    void demoStaff();
    logger.info({ port: info.port }, 'listening');
    if (!runtime.telegram && !runtime.whatsappCloud && !baileys) {
      console.log(
        `\nJembatan is running on http://localhost:${info.port} (health: /healthz) with no chat channel configured.\n` +
          'To chat with the bot locally, stop this server and run:  npm run chat\n' +
          (database.driver === 'pglite' && !config.PUBLIC_URL
            ? `Staff dashboard: http://localhost:${info.port}/admin (demo: ${DEMO_STAFF.email} / ${DEMO_STAFF.password})\n`
            : `Staff dashboard: /admin (accounts: npm run org -- member ORG password EMAIL)\n`) +
          'To connect Telegram, set TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET and PUBLIC_URL (see README).\n',
      );
    }
  });

  // Graceful shutdown: refuse new requests (503, /readyz fails; the platforms redeliver elsewhere or
  // later), let the ones in flight finish, then stop the socket and the background work, write the
  // buffered sent marks and close the database. A second signal, or a hang, ends the process at once.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    closing = true;
    const { lifecycle } = runtime.ops;
    logger.info({ signal, inFlight: lifecycle.inFlight }, 'shutting down: finishing requests in flight');
    setTimeout(() => {
      logger.error('shutdown took too long: exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + 15_000).unref();
    // No new connections; `closed` resolves once every open one has ended.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const idle = await lifecycle.drain(config.SHUTDOWN_TIMEOUT_MS);
    if (!idle)
      logger.warn({ inFlight: lifecycle.inFlight }, 'requests still in flight at the shutdown timeout');
    // The last responses are still being written: let them go out, then close what stays open.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1_000))]);
    if ('closeAllConnections' in server) server.closeAllConnections();
    try {
      await baileys?.stop();
      await runtime.shutdown();
      await database.close();
    } catch (error) {
      logger.error({ err: errorSummary(error) }, 'shutdown failed');
      process.exit(1);
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** Memory figures of this process for /metrics. */
function nodeProcessGauges(): GaugeSample[] {
  const memory = process.memoryUsage();
  return [
    {
      name: 'process_resident_memory_bytes',
      help: 'Resident memory of the process.',
      values: [{ value: memory.rss }],
    },
    {
      name: 'nodejs_heap_used_bytes',
      help: 'V8 heap in use.',
      values: [{ value: memory.heapUsed }],
    },
  ];
}

main().catch((error) => {
  console.error('Jembatan failed to start:', errorSummary(error).message);
  process.exit(1);
});
