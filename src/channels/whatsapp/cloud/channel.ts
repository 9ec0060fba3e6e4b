import type { Db } from '../../../db/client';
import type { Engine } from '../../../engine/engine';
import type { Logger } from '../../../logger';
import { type BackgroundSends, deliver, type SentMarker } from '../../../outbox/delivery';
import type { SenderRegistry } from '../../../outbox/sender';
import type { Inbound } from '../../../shared/conversation';
import type { StoredFileReader } from '../../../storage/stored-files';
import { externalIdForPhone } from '../contacts';
import { languageFromPhone, pnJid } from '../jid';
import { GraphApi } from './graph-api';
import { type CloudWebhookBody, cloudEvents } from './inbound';
import { CloudSender, type CloudTemplate } from './sender';
import { applyStatuses } from './statuses';
import { resendRefusedByWindow } from './window';

export interface CloudChannelOptions {
  accessToken: string;
  phoneNumberId: string;
  appSecret: string;
  verifyToken?: string | undefined;
  apiRoot: string;
  engine: Engine;
  db: Db;
  senders: SenderRegistry;
  logger: Logger;
  /** Budget for sending the replies before the webhook answers; the rest goes to the outbox. */
  sendTimeoutMs: number;
  /** The clock the budget runs on (default `performance.now`); see `DeliverOptions.now`. */
  budgetClock?: (() => number) | undefined;
  marker?: SentMarker;
  /** Sends that outlive the webhook's wait finish here (shutdown waits for them). */
  background?: BackgroundSends | undefined;
  template?: CloudTemplate | undefined;
  /** The document storage, for files staff send (`Outbound` type `file`). */
  files?: StoredFileReader | undefined;
}

/**
 * The WhatsApp Cloud API: the webhook route hands each verified body here. Messages become engine
 * turns on channel `whatsapp` (the same identities as Baileys: the phone JID), replies go out at once
 * with a deadline, and delivery statuses update the outbox.
 */
export class WhatsAppCloudChannel {
  readonly api: GraphApi;
  readonly sender: CloudSender;

  constructor(readonly options: CloudChannelOptions) {
    this.api = new GraphApi({
      root: options.apiRoot,
      accessToken: options.accessToken,
      phoneNumberId: options.phoneNumberId,
    });
    this.sender = new CloudSender(this.api, options.db, options.template, options.files);
    options.senders.add(this.sender);
  }

  async handle(body: CloudWebhookBody): Promise<void> {
    const { engine, db, senders, logger } = this.options;
    const { messages, statuses } = cloudEvents(body, this.options.phoneNumberId);
    await applyStatuses(db, statuses);
    // Wrapped: performance.now must be called on `performance`.
    const now = this.options.budgetClock ?? (() => performance.now());
    const deadline = now() + this.options.sendTimeoutMs;
    for (const message of messages) {
      const pn = pnJid(message.waId);
      const language = languageFromPhone(message.waId);
      const inbound: Inbound = {
        channel: 'whatsapp',
        eventId: message.id,
        user: {
          externalId: await externalIdForPhone(db, pn),
          address: pn,
          ...(message.name ? { displayName: message.name } : {}),
          ...(language ? { languageCode: language } : {}),
        },
        payload: message.payload,
        ...(message.timestampMs ? { receivedAt: new Date(message.timestampMs) } : {}),
      };
      const result = await engine.handle(inbound);
      if (result.deliveries.length)
        await deliver(result.deliveries, {
          db,
          senders,
          logger,
          deadline,
          now,
          ...(this.options.marker ? { marker: this.options.marker } : {}),
          ...(this.options.background ? { background: this.options.background } : {}),
        });
      // The window is open again: what WhatsApp refused while it was closed goes out now (once).
      if (!result.duplicate) {
        const resent = await resendRefusedByWindow(db, inbound.user.externalId);
        if (resent)
          logger.info({ count: resent }, 'whatsapp messages refused outside the 24-hour window queued again');
      }
    }
  }

  /** For the application form (a later issue): the bytes of received media (`fileRef` `cloud:<id>`). */
  async download(fileRef: string): Promise<{ data: Uint8Array; mimeType?: string } | undefined> {
    if (!fileRef.startsWith('cloud:')) return undefined;
    return this.api.downloadMedia(fileRef.slice('cloud:'.length));
  }
}
