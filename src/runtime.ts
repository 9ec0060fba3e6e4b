import type { UserFromGetMe } from 'grammy/types';
import { createApp } from './app';
import { seedDemoCatalogueIfEmpty } from './catalogue/demo';
import { TelegramChannel } from './channels/telegram/channel';
import { createWhatsAppCloud, type WhatsAppSettings, whatsappSettings } from './channels/whatsapp';
import type { Config } from './config';
import type { Database } from './db/client';
import { Engine } from './engine/engine';
import type { Channel } from './engine/types';
import { createRegistry, createRouter } from './features';
import { parseOfficeHours } from './handoff/office-hours';
import type { Logger } from './logger';
import { SentMarker } from './outbox/delivery';
import { Dispatcher } from './outbox/dispatcher';
import { type ChannelSender, SenderRegistry } from './outbox/sender';
import { loadRegions } from './regions';

export interface RuntimeOptions {
  config: Config;
  database: Database;
  logger: Logger;
  /** Extra senders (the terminal simulator's, a test's). */
  senders?: ChannelSender[];
  telegramBotInfo?: UserFromGetMe;
  /** WhatsApp pacing and template settings (the Node entry reads them from the environment). */
  whatsappSettings?: WhatsAppSettings;
}

/** Wires the engine, the channels, the outbox and the HTTP app from a validated config. */
export function createRuntime(options: RuntimeOptions) {
  const { config, database, logger } = options;
  const db = database.db;
  const senders = new SenderRegistry();
  for (const sender of options.senders ?? []) senders.add(sender);
  const marker = new SentMarker(db, logger);
  // The Telegram channel is created after the engine (it needs it), so the link reads it lazily.
  let telegramUsername: () => string | undefined = () => undefined;
  const deepLink = (channel: Channel, payload: string): string | undefined => {
    const username = channel === 'telegram' ? telegramUsername() : undefined;
    return username ? `https://t.me/${username}?start=${payload}` : undefined;
  };
  const engine = new Engine({
    db,
    logger,
    registry: createRegistry({
      handoff: {
        defaultOrganisation: config.DEFAULT_ORGANISATION,
        officeHours: parseOfficeHours(config.OFFICE_HOURS),
      },
    }),
    router: createRouter(),
    defaultLocale: config.DEFAULT_LOCALE,
    deepLink,
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

  // WhatsApp Cloud API (issue #6). The Baileys socket is Node-only: src/index.ts starts it.
  const whatsappCloud = createWhatsAppCloud({
    config,
    settings: options.whatsappSettings ?? whatsappSettings({}),
    engine,
    db,
    senders,
    logger,
    marker,
  });

  if (telegram) {
    telegramUsername = () => {
      try {
        return telegram.bot.botInfo.username;
      } catch {
        return undefined; // not initialised yet (getMe pending)
      }
    };
  }
  const dispatcher = new Dispatcher({ db, senders, logger, deepLink });
  const app = createApp({
    db,
    logger,
    ...(telegram && config.TELEGRAM_WEBHOOK_SECRET
      ? { telegram: { channel: telegram, secret: config.TELEGRAM_WEBHOOK_SECRET } }
      : {}),
    ...(whatsappCloud ? { whatsapp: whatsappCloud } : {}),
  });
  /** Stops background work and writes what is still buffered (call before closing the database). */
  const shutdown = async () => {
    await dispatcher.stop();
    await marker.flush();
  };
  return { engine, senders, dispatcher, telegram, whatsappCloud, app, db, marker, shutdown };
}

export type Runtime = ReturnType<typeof createRuntime>;

/**
 * Start-up data work: the region gazetteer is loaded once (so the first message is not slow), and an
 * empty embedded database gets the demo catalogue so a newcomer has something to find.
 */
export async function prepareData(database: Database, logger: Logger): Promise<void> {
  loadRegions();
  if (database.driver !== 'pglite') return;
  const seeded = await seedDemoCatalogueIfEmpty(database.db);
  if (seeded) logger.info('demo catalogue loaded into the empty embedded database');
}
