import type { Db } from '../../../db/client';
import type { Engine } from '../../../engine/engine';
import type { Logger } from '../../../logger';
import type { SenderRegistry } from '../../../outbox/sender';
import type { StoredFileReader } from '../../../storage/stored-files';
import { PacedSender } from '../pacing';
import type { WhatsAppSettings } from '../settings';
import { BaileysChannel } from './channel';
import { BaileysConnection, type BaileysConnectionOptions } from './connection';
import { downloadMedia } from './media';
import { BaileysSender } from './sender';
import { SentMessages } from './sent-messages';
import { versionSource } from './version';

export interface StartBaileysOptions {
  db: Db;
  engine: Engine;
  senders: SenderRegistry;
  logger: Logger;
  settings: WhatsAppSettings;
  pairingNumber?: string | undefined;
  account?: string;
  /** Tests: a fake socket, short timers. */
  connection?: Partial<
    Pick<
      BaileysConnectionOptions,
      | 'makeSocket'
      | 'onQr'
      | 'onPairingCode'
      | 'lease'
      | 'backoff'
      | 'watchdog'
      | 'holder'
      | 'random'
      | 'version'
      | 'notReadyAfterMs'
    >
  >;
  sendTimeoutMs?: number;
  /** The document storage, for files staff send (`Outbound` type `file`). */
  files?: StoredFileReader;
}

/**
 * Wires the Baileys channel (Node process only): the connection competes for the number's lease and
 * keeps the socket, the channel turns messages into engine turns, and a paced sender sends replies and
 * outbox messages on channel `whatsapp`.
 */
export function startBaileys(options: StartBaileysOptions) {
  const { db, engine, senders, logger, settings } = options;
  const account = options.account ?? 'default';
  const sent = new SentMessages(db);
  let connection: BaileysConnection | undefined;
  const channel = new BaileysChannel({
    db,
    engine,
    senders,
    logger,
    sent,
    account,
    phonePauseMs: settings.WHATSAPP_PHONE_PAUSE_HOURS * 3_600_000,
    autoReplyWindowMs: settings.WHATSAPP_AUTO_REPLY_SECONDS * 1000,
    readReceipts: settings.WHATSAPP_READ_RECEIPTS,
    socket: () => connection?.current(),
    ...(options.sendTimeoutMs ? { sendTimeoutMs: options.sendTimeoutMs } : {}),
  });
  connection = new BaileysConnection({
    db,
    logger,
    sent,
    account,
    pairingNumber: options.pairingNumber,
    onMessages: channel.onMessages,
    version: baileysVersionSource(settings, logger),
    notReadyAfterMs: settings.WHATSAPP_NOT_READY_MINUTES * 60_000,
    ...options.connection,
  });
  const sender = new PacedSender(
    new BaileysSender(connection, sent, options.files),
    pacingOptions(db, account, settings),
  );
  senders.add(sender);
  connection.start();
  const started = connection;
  return {
    connection: started,
    channel,
    sender,
    /** For /readyz (src/runtime.ts `attachBaileys`). */
    health: () => started.health(),
    /** For the application form (a later issue): the bytes of a received photo or document. */
    download: (fileRef: string) => downloadMedia(db, fileRef, started.current(), logger),
    async stop() {
      await started.stop();
      await channel.idle();
    },
  };
}

export type BaileysRuntime = ReturnType<typeof startBaileys>;

/** The WhatsApp Web version the socket announces: pinned, or fetched at start (also for the login command). */
export function baileysVersionSource(settings: WhatsAppSettings, logger?: Logger) {
  return versionSource({
    pinned: settings.WHATSAPP_WA_VERSION,
    fetch: settings.WHATSAPP_WA_VERSION_FETCH,
    ...(logger ? { logger } : {}),
  });
}

/** Pacing of the number from the settings (the sender, and the status command's cap). */
export function pacingOptions(db: Db, account: string, settings: WhatsAppSettings) {
  return {
    db,
    account,
    dailyCap: settings.WHATSAPP_DAILY_CAP,
    minGapMs: settings.WHATSAPP_MIN_GAP_MS,
    maxGapMs: settings.WHATSAPP_MAX_GAP_MS,
    warmup: settings.WHATSAPP_WARMUP,
    warmupStart: settings.WHATSAPP_WARMUP_START,
    typingMaxMs: settings.WHATSAPP_TYPING_MAX_MS,
    broadcasts: settings.WHATSAPP_BAILEYS_BROADCASTS,
  };
}
