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
      'makeSocket' | 'onQr' | 'onPairingCode' | 'lease' | 'backoff' | 'watchdog' | 'holder' | 'random'
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
  const channel = new BaileysChannel({
    db,
    engine,
    senders,
    logger,
    sent,
    account,
    phonePauseMs: settings.WHATSAPP_PHONE_PAUSE_HOURS * 3_600_000,
    ...(options.sendTimeoutMs ? { sendTimeoutMs: options.sendTimeoutMs } : {}),
  });
  const connection = new BaileysConnection({
    db,
    logger,
    sent,
    account,
    pairingNumber: options.pairingNumber,
    onMessages: channel.onMessages,
    ...options.connection,
  });
  const sender = new PacedSender(new BaileysSender(connection, sent, options.files), {
    db,
    account,
    dailyCap: settings.WHATSAPP_DAILY_CAP,
    minGapMs: settings.WHATSAPP_MIN_GAP_MS,
    maxGapMs: settings.WHATSAPP_MAX_GAP_MS,
  });
  senders.add(sender);
  connection.start();
  return {
    connection,
    channel,
    sender,
    /** For the application form (a later issue): the bytes of a received photo or document. */
    download: (fileRef: string) => downloadMedia(db, fileRef, connection.current(), logger),
    async stop() {
      await connection.stop();
      await channel.idle();
    },
  };
}

export type BaileysRuntime = ReturnType<typeof startBaileys>;
