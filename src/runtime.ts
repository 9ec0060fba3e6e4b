import type { UserFromGetMe } from 'grammy/types';
import { createApp } from './app';
import { TelegramChannel } from './channels/telegram/channel';
import type { Config } from './config';
import type { Database } from './db/client';
import { Engine } from './engine/engine';
import { createRegistry, createRouter } from './features';
import type { Logger } from './logger';
import { SentMarker } from './outbox/delivery';
import { Dispatcher } from './outbox/dispatcher';
import { type ChannelSender, SenderRegistry } from './outbox/sender';

export interface RuntimeOptions {
  config: Config;
  database: Database;
  logger: Logger;
  /** Extra senders (the terminal simulator's, a test's). */
  senders?: ChannelSender[];
  telegramBotInfo?: UserFromGetMe;
}

/** Wires the engine, the channels, the outbox and the HTTP app from a validated config. */
export function createRuntime(options: RuntimeOptions) {
  const { config, database, logger } = options;
  const db = database.db;
  const senders = new SenderRegistry();
  for (const sender of options.senders ?? []) senders.add(sender);
  const marker = new SentMarker(db, logger);
  const engine = new Engine({
    db,
    logger,
    registry: createRegistry(),
    router: createRouter(),
    defaultLocale: config.DEFAULT_LOCALE,
  });

  const telegram =
    config.TELEGRAM_BOT_TOKEN && config.TELEGRAM_WEBHOOK_SECRET
      ? new TelegramChannel({
          token: config.TELEGRAM_BOT_TOKEN,
          apiRoot: config.TELEGRAM_API_ROOT,
          engine,
          db,
          senders,
          logger,
          marker,
          sendTimeoutMs: config.TELEGRAM_SEND_TIMEOUT_MS,
          ...(options.telegramBotInfo ? { botInfo: options.telegramBotInfo } : {}),
        })
      : undefined;

  const dispatcher = new Dispatcher({ db, senders, logger });
  const app = createApp({
    db,
    logger,
    ...(telegram && config.TELEGRAM_WEBHOOK_SECRET
      ? { telegram: { channel: telegram, secret: config.TELEGRAM_WEBHOOK_SECRET } }
      : {}),
  });
  /** Stops background work and writes what is still buffered (call before closing the database). */
  const shutdown = async () => {
    await dispatcher.stop();
    await marker.flush();
  };
  return { engine, senders, dispatcher, telegram, app, db, marker, shutdown };
}

export type Runtime = ReturnType<typeof createRuntime>;
