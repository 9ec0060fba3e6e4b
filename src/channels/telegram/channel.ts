import { and, eq } from 'drizzle-orm';
import { Bot } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import type { Db } from '../../db/client';
import { identities } from '../../db/schema';
import type { Engine } from '../../engine/engine';
import { tFor } from '../../i18n';
import type { Logger } from '../../logger';
import { type BackgroundSends, deliver, type SentMarker } from '../../outbox/delivery';
import type { SenderRegistry } from '../../outbox/sender';
import { type DownloadedFile, readLimited, TooLargeError } from '../../storage/downloads';
import type { StoredFileReader } from '../../storage/stored-files';
import { telegramInbound } from './inbound';
import { ChatSequencer } from './order';
import { TelegramSender } from './sender';

export interface TelegramChannelOptions {
  token: string;
  apiRoot: string;
  engine: Engine;
  db: Db;
  senders: SenderRegistry;
  logger: Logger;
  /**
   * How long the webhook waits for answering a callback query and sending the replies. A send still
   * running then is not cancelled (Telegram may be about to deliver it): it finishes in the background.
   */
  sendTimeoutMs: number;
  /** The clock the budget runs on (default `performance.now`); see `DeliverOptions.now`. */
  budgetClock?: (() => number) | undefined;
  marker?: SentMarker;
  /** Where sends that outlive the webhook's wait are kept until they finish (shutdown waits for them). */
  background?: BackgroundSends;
  /** Known bot identity (Workers: avoids getMe on every cold start). */
  botInfo?: UserFromGetMe;
  /** The document storage, for files staff send (`Outbound` type `file`). */
  files?: StoredFileReader;
  /** grammY's fetch settings (Node: a keep-alive agent that drops idle connections, node-agent.ts). */
  fetchConfig?: Record<string, unknown> | undefined;
}

type GrammySignal = Parameters<Bot['api']['getFile']>[1];

/** A Bot API method for Telegram to run, given in the answer to the webhook. */
export interface WebhookReply {
  method: 'answerCallbackQuery';
  callback_query_id: string;
}

/**
 * Telegram through grammY's API client. The webhook route hands each Update here; the engine does the
 * rest, and replies go out right away with a deadline, leaving whatever missed it to the dispatcher.
 */
export class TelegramChannel {
  readonly bot: Bot;
  readonly sender: TelegramSender;
  /** Messages from groups (the staff group, src/channels/telegram/staff-group): handled there, never by the engine. */
  private groupHandler: ((update: Update) => Promise<void>) | undefined;
  private readonly order = new ChatSequencer();

  constructor(private readonly options: TelegramChannelOptions) {
    this.bot = new Bot(options.token, {
      ...(options.botInfo ? { botInfo: options.botInfo } : {}),
      client: {
        apiRoot: options.apiRoot,
        timeoutSeconds: 30,
        ...(options.fetchConfig ? { baseFetchConfig: options.fetchConfig } : {}),
      },
    });
    this.sender = new TelegramSender(this.bot.api, options.files);
    options.senders.add(this.sender);
  }

  /** Fetches the bot's identity once (getMe). */
  async init(): Promise<UserFromGetMe> {
    await this.bot.init();
    return this.bot.botInfo;
  }

  /** Routes messages posted in groups and supergroups to `handler` (the organisations' staff groups). */
  handleGroupsWith(handler: (update: Update) => Promise<void>): void {
    this.groupHandler = handler;
  }

  /**
   * Handles one Update. For a button press the answer says what the webhook should answer Telegram
   * with: answerCallbackQuery, which stops the button's spinner — in the webhook's answer rather than as
   * a request of its own (one Bot API request less per button, and no round trip before the turn;
   * issue #15). Telegram runs it when the webhook answers, after the replies went out, so the spinner
   * turns until the answer is there. Its outcome is not reported, which is all a spinner needs.
   */
  async handleUpdate(update: Update): Promise<WebhookReply | undefined> {
    await this.process(update);
    return update.callback_query
      ? { method: 'answerCallbackQuery', callback_query_id: update.callback_query.id }
      : undefined;
  }

  private async process(update: Update): Promise<void> {
    const { engine, db, senders, logger } = this.options;
    // Wrapped: performance.now must be called on `performance`.
    const now = this.options.budgetClock ?? (() => performance.now());
    const deadline = now() + this.options.sendTimeoutMs;
    if (update.my_chat_member) return this.onMembership(update.my_chat_member);
    const chatType = update.message?.chat.type;
    if (this.groupHandler && (chatType === 'group' || chatType === 'supergroup'))
      return this.groupHandler(update);
    const inbound = telegramInbound(update);
    if (!inbound) return;
    // Updates of one chat waiting together go to the engine in update_id order.
    const result = await this.order.run(inbound.user.externalId, update.update_id, () =>
      engine.handle(inbound),
    );
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
  }

  /**
   * The bytes of a file a person sent (photo, document): getFile, then the file URL
   * `<apiRoot>/file/bot<token>/<path>`. Bots may download files up to 20 MB; `maxBytes` stops earlier.
   * The URL carries the token, so it never goes into an error message or a log.
   */
  async download(
    fileRef: string,
    options: { maxBytes: number; signal?: AbortSignal },
  ): Promise<DownloadedFile | undefined> {
    const file = await this.bot.api.getFile(fileRef, options.signal as GrammySignal);
    if (file.file_size && file.file_size > options.maxBytes) throw new TooLargeError(file.file_size);
    if (!file.file_path) return undefined;
    const root = this.options.apiRoot.replace(/\/+$/, '');
    const response = await fetch(`${root}/file/bot${this.options.token}/${file.file_path}`, {
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`telegram file download failed (${response.status})`);
    }
    const mimeType = response.headers.get('content-type') ?? undefined;
    return { data: await readLimited(response, options.maxBytes), ...(mimeType ? { mimeType } : {}) };
  }

  /**
   * The person blocked (or unblocked) the bot: stop or resume sending to them on Telegram. Sends to a
   * blocked chat would only earn 403s and count against the bot's rate limits.
   */
  private async onMembership(change: NonNullable<Update['my_chat_member']>): Promise<void> {
    if (change.chat.type !== 'private') return;
    const blocked = change.new_chat_member.status === 'kicked';
    await this.options.db
      .update(identities)
      .set({ unreachable: blocked })
      .where(and(eq(identities.channel, 'telegram'), eq(identities.externalId, String(change.from.id))));
    this.options.logger.info({ blocked }, 'telegram membership changed');
  }

  /** Registers the webhook and the command list (Indonesian by default, English for English apps). */
  async register(publicUrl: string, secret: string): Promise<void> {
    const url = new URL('/webhooks/telegram', publicUrl).toString();
    await this.bot.api.setWebhook(url, {
      secret_token: secret,
      allowed_updates: ['message', 'callback_query', 'my_chat_member'],
      max_connections: 40,
    });
    const commands = [
      'start',
      'menu',
      'bantuan',
      'petugas',
      'bahasa',
      'berhenti',
      'mulai',
      'data_saya',
      'hapus_data',
    ];
    for (const locale of ['id', 'en'] as const) {
      const t = tFor(locale);
      const list = commands.map((command) => ({ command, description: t(`commands.${command}`) }));
      await this.bot.api.setMyCommands(list, locale === 'id' ? {} : { language_code: 'en' });
    }
  }
}
