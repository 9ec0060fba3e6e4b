import { type BaileysEventMap, toNumber, type WAMessage, type WAMessageKey } from 'baileys';
import type { Db } from '../../../db/client';
import { type Engine, errorSummary } from '../../../engine/engine';
import type { Logger } from '../../../logger';
import { deliver } from '../../../outbox/delivery';
import type { SenderRegistry } from '../../../outbox/sender';
import type { Delivery, Inbound } from '../../../shared/conversation';
import { resolveContact } from '../contacts';
import { isLidJid, jidUser, languageFromPhone, pnJid } from '../jid';
import { pauseByPhone } from '../pauses';
import { storedPnForLid } from './auth-state';
import { AutoReplies, automatedReply } from './auto-replies';
import { baileysPayload, type Classified, classify } from './inbound';
import { rememberMedia } from './media';
import type { SentMessages } from './sent-messages';

export interface BaileysChannelOptions {
  db: Db;
  engine: Engine;
  senders: SenderRegistry;
  logger: Logger;
  sent: SentMessages;
  account: string;
  /** How long a message typed on the phone keeps the bot quiet in that chat. */
  phonePauseMs: number;
  /**
   * A message from the phone this soon after the person's or the bot's is taken for the Business app's
   * greeting or away message, not for someone taking over (0: timing not used).
   */
  autoReplyWindowMs?: number;
  /** Mark a person's message read (blue ticks) when the bot answers it. */
  readReceipts?: boolean;
  /** The open socket, for read receipts. */
  socket?: () => { readMessages?: (keys: WAMessageKey[]) => Promise<void> } | undefined;
  /** Budget for sending one turn's replies before the rest is left to the outbox dispatcher. */
  sendTimeoutMs?: number;
}

const HANDLE_ATTEMPTS = 3;
/** People whose last message time is remembered (for telling automated replies). */
const RECENT_CHATS = 5_000;

/**
 * Baileys `messages.upsert` → engine → replies. Messages are handled one at a time in arrival order
 * (the engine's turns are short); replies go out per chat in order, without holding up other chats
 * (the paced sender decides when each leaves). WhatsApp does not redeliver a message the bot
 * acknowledged, so a failed turn is tried again a few times here; the engine's event record makes
 * that safe.
 */
export class BaileysChannel {
  private messages: Promise<void> = Promise.resolve();
  private readonly deliveries = new Map<string, Promise<void>>();
  /** The person's last message per externalId (WhatsApp's timestamp, ms). */
  private readonly lastInbound = new Map<string, number>();
  private readonly autoReplies: AutoReplies;
  /** Phone messages taken for automated replies, by reason (tests, logs). */
  readonly automated = { marker: 0, timing: 0, 'known text': 0 };

  constructor(private readonly options: BaileysChannelOptions) {
    this.autoReplies = new AutoReplies(options.db, options.account);
  }

  /** The connection's `onMessages`. Never throws. */
  onMessages = (upsert: BaileysEventMap['messages.upsert']): Promise<void> => {
    for (const msg of upsert.messages) {
      this.messages = this.messages.then(() => this.handleWithRetry(msg));
    }
    return this.messages;
  };

  /** Resolves when every message received so far is handled and its replies sent or queued. */
  async idle(): Promise<void> {
    await this.messages;
    while (this.deliveries.size) await Promise.all(this.deliveries.values());
  }

  private async handleWithRetry(msg: WAMessage): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.handle(msg);
      } catch (error) {
        const last = attempt >= HANDLE_ATTEMPTS;
        this.options.logger.error(
          { err: errorSummary(error), attempt, gaveUp: last },
          'whatsapp message could not be handled',
        );
        if (last) return;
        await new Promise((r) => setTimeout(r, 500 * 3 ** (attempt - 1)));
      }
    }
  }

  private async handle(msg: WAMessage): Promise<void> {
    const { db, logger } = this.options;
    const kind = classify(msg);
    if (kind.kind === 'ignore') {
      logger.debug({ reason: kind.reason }, 'whatsapp message ignored');
      return;
    }
    const id = msg.key.id!;
    if (kind.kind === 'phone') {
      if (await this.options.sent.isOurs(id)) return; // the bot's own message, echoed
      const sentAt = timestampMs(msg) ?? Date.now();
      const until = new Date(sentAt + this.options.phonePauseMs);
      if (until.getTime() <= Date.now()) return;
      const externalId = await this.externalId(kind);
      const automated = await automatedReply(
        msg,
        {
          sentAt,
          lastInboundAt: this.lastInbound.get(externalId),
          lastBotSendAt: this.options.sent.lastSentTo(kind.chatJid),
          windowMs: this.options.autoReplyWindowMs ?? 10_000,
        },
        this.autoReplies,
      );
      if (automated) {
        this.automated[automated] += 1;
        logger.info(
          { reason: automated },
          'whatsapp automated reply from the phone (greeting/away): not a takeover',
        );
        return;
      }
      await pauseByPhone(db, externalId, until);
      logger.info('whatsapp chat paused: someone answered from the phone');
      return;
    }

    // A chat someone answers from the phone still reaches the engine: its router's `intercept` keeps
    // the bot silent there (and the message is logged for staff). See src/features/index.ts.
    const externalId = await this.externalId(kind);
    this.rememberInbound(externalId, timestampMs(msg) ?? Date.now());
    const pn = kind.pn ?? (externalId.endsWith('@s.whatsapp.net') ? externalId : undefined);
    const payload = baileysPayload(msg, pn);
    if (payload.type === 'media') await rememberMedia(db, msg, externalId);
    const receivedAt = timestampMs(msg);
    const language = languageFromPhone(pn ? jidUser(pn) : undefined);
    const inbound: Inbound = {
      channel: 'whatsapp',
      eventId: id,
      user: {
        externalId,
        address: kind.chatJid,
        ...(msg.pushName ? { displayName: msg.pushName.slice(0, 100) } : {}),
        ...(language ? { languageCode: language } : {}),
      },
      payload,
      ...(receivedAt ? { receivedAt: new Date(receivedAt) } : {}),
    };
    const result = await this.options.engine.handle(inbound);
    if (result.deliveries.length) {
      // Read, then answered, as a person would. A message the bot leaves unanswered (a chat staff
      // handle from the phone) stays unread there for them.
      if (this.options.readReceipts) this.markRead(msg.key);
      this.deliverInOrder(kind.chatJid, result.deliveries);
    }
  }

  private markRead(key: WAMessageKey): void {
    const socket = this.options.socket?.();
    if (!socket?.readMessages) return;
    socket.readMessages([key]).catch((error: unknown) => {
      this.options.logger.debug({ err: errorSummary(error) }, 'whatsapp read receipt not sent');
    });
  }

  private rememberInbound(externalId: string, at: number): void {
    this.lastInbound.delete(externalId);
    this.lastInbound.set(externalId, at);
    if (this.lastInbound.size > RECENT_CHATS) this.lastInbound.delete(this.lastInbound.keys().next().value!);
  }

  /** The person's stable id; a LID-only message asks Baileys' stored mapping for the phone number. */
  private async externalId(kind: Exclude<Classified, { kind: 'ignore' }>): Promise<string> {
    let pn = kind.pn;
    if (!pn && kind.lid && isLidJid(kind.lid)) {
      const pnUser = await storedPnForLid(this.options.db, this.options.account, jidUser(kind.lid));
      if (pnUser) pn = pnJid(pnUser);
    }
    return resolveContact(this.options.db, { pn, lid: kind.lid });
  }

  private deliverInOrder(chat: string, deliveries: Delivery[]): void {
    const { db, senders, logger } = this.options;
    const previous = this.deliveries.get(chat) ?? Promise.resolve();
    const next = previous
      .then(() =>
        deliver(deliveries, {
          db,
          senders,
          logger,
          deadline: performance.now() + (this.options.sendTimeoutMs ?? 60_000),
        }),
      )
      .catch((error: unknown) => logger.error({ err: errorSummary(error) }, 'whatsapp replies not delivered'))
      .finally(() => {
        if (this.deliveries.get(chat) === next) this.deliveries.delete(chat);
      });
    this.deliveries.set(chat, next);
  }
}

function timestampMs(msg: WAMessage): number | undefined {
  const seconds = msg.messageTimestamp ? toNumber(msg.messageTimestamp) : 0;
  return seconds > 0 ? seconds * 1000 : undefined;
}
