import type { Update } from 'grammy/types';
import type { TFunction } from 'i18next';
import type { Db } from '../../../db/client';
import { errorSummary } from '../../../engine/engine';
import { recordEvent } from '../../../engine/store';
import { checkStaffFile, STAFF_FILE_MAX_BYTES } from '../../../handoff/files';
import {
  closeHandoff,
  HandoffAccessError,
  StaffFileError,
  type StaffFileUpload,
  staffReply,
  staffReplyFile,
} from '../../../handoff/service';
import { type Locale, tFor } from '../../../i18n';
import type { Logger } from '../../../logger';
import { type DocumentStorage, type MediaDownloader, TooLargeError } from '../../../storage';
import { clip, FROM_STAFF_GROUP, groupCommand } from './render';
import { handoffOfThread, isOpenStatus, organisationOfGroup, wasProcessed } from './store';
import type { GroupApi } from './sync';

type GroupMessage = NonNullable<Update['message']>;
type GrammySignal = Parameters<GroupApi['sendMessage']>[3];

/** What a staff group message came to, decided inside the transaction that recorded it. */
type Outcome =
  | { kind: 'duplicate' | 'ignored' }
  | { kind: 'relayed' | 'closed' }
  | { kind: 'explain'; key: string; cooldown: boolean; params?: Record<string, unknown> };

/** A photo or document posted in the group, as Telegram describes it. */
interface PostedFile {
  fileId: string;
  fileName?: string | undefined;
  /** What Telegram says it weighs (absent for some old files). */
  size?: number | undefined;
  caption: string;
}

/** The file fetched before the transaction, or why it cannot be relayed. */
type Fetched =
  | { upload: StaffFileUpload; problem?: undefined }
  | { problem: { key: string; params?: Record<string, unknown> }; upload?: undefined };

const MB = 1024 * 1024;

/** Messages in a group that are no staff's business here: joins, pins, topic created/closed … */
const SERVICE_KEYS = [
  'new_chat_members',
  'left_chat_member',
  'new_chat_title',
  'new_chat_photo',
  'delete_chat_photo',
  'pinned_message',
  'forum_topic_created',
  'forum_topic_edited',
  'forum_topic_closed',
  'forum_topic_reopened',
  'general_forum_topic_hidden',
  'general_forum_topic_unhidden',
  'migrate_to_chat_id',
  'migrate_from_chat_id',
  'group_chat_created',
  'supergroup_chat_created',
  'message_auto_delete_timer_changed',
  'video_chat_started',
  'video_chat_ended',
  'video_chat_scheduled',
  'video_chat_participants_invited',
] as const;

export interface StaffGroupInboundOptions {
  db: Db;
  api: GroupApi;
  logger: Logger;
  locale: Locale;
  /** The bot's username, for `/tutup@<bot>` (known once getMe has answered). */
  botUsername: () => string | undefined;
  /** Photos and documents from staff: Telegram's download and the storage they are kept in. */
  files?: { storage: DocumentStorage; download: MediaDownloader } | undefined;
  /** One explanation per thread in this window for chatter outside the topics. */
  explainCooldownMs?: number;
  callTimeoutMs?: number;
}

/** A message posted in a group or supergroup: the staff group's business, never the engine's. */
export function isGroupMessage(update: Update): boolean {
  const type = update.message?.chat.type;
  return type === 'group' || type === 'supergroup';
}

/**
 * Staff writing in their organisation's group. In a handoff's topic a text is relayed to the person
 * through `staffReply` (staff id `tg:<telegram user id>`), and `/tutup` closes the case through
 * `closeHandoff`; the update id is recorded in the same transaction, so a redelivered webhook does
 * nothing twice. Everything else is not relayed and gets a short explanation.
 *
 * A relayed message gets a 👍 reaction rather than a reply: the thread stays the conversation, and
 * staff still see at a glance that it went; a message that did not go always gets a text saying why.
 */
export class StaffGroupInbound {
  private readonly t: TFunction;
  private readonly explained = new Map<string, number>();

  constructor(private readonly options: StaffGroupInboundOptions) {
    this.t = tFor(options.locale, 'staffgroup');
  }

  async handle(update: Update): Promise<void> {
    const message = update.message;
    if (!message || !isGroupMessage(update)) return;
    // An anonymous admin posts as the group itself: a person, but not one a reply can be credited to.
    const anonymous = message.sender_chat?.id === message.chat.id;
    // Other bots (and this one's echoes), channel posts and service messages are nobody's words to relay.
    if (!message.from || (message.from.is_bot && !anonymous) || (message.sender_chat && !anonymous)) return;
    if (SERVICE_KEYS.some((key) => key in message)) return;
    const file = postedFile(message);
    // The download happens before the transaction: a slow Telegram must not hold the database.
    const fetched = file ? await this.fetch(update, message, file) : undefined;
    const outcome = await this.decide(update, message, file, fetched);
    await this.respond(message, outcome);
  }

  /**
   * Downloads a staff member's photo or document when it is headed for an open topic of this group and
   * was not handled already (a redelivered update is not downloaded again), and checks it like a file
   * from the dashboard. The transaction decides again; this only spares needless downloads.
   */
  private async fetch(update: Update, message: GroupMessage, file: PostedFile): Promise<Fetched | undefined> {
    const { db, files, logger } = this.options;
    const thread = message.is_topic_message ? message.message_thread_id : undefined;
    if (!files || !thread || message.sender_chat) return undefined;
    if (await wasProcessed(db, 'telegram', String(update.update_id))) return undefined;
    const organisation = await organisationOfGroup(db, String(message.chat.id));
    const handoff = organisation
      ? await handoffOfThread(db, organisation.slug, String(message.chat.id), thread)
      : undefined;
    if (!handoff || !isOpenStatus(handoff.status)) return undefined;
    const tooLarge = (size: number) => ({
      problem: {
        key: 'explain.fileTooLarge',
        params: { size: (size / MB).toFixed(1), max: STAFF_FILE_MAX_BYTES / MB },
      },
    });
    if (file.size && file.size > STAFF_FILE_MAX_BYTES) return tooLarge(file.size);
    let data: Uint8Array | undefined;
    try {
      data = (
        await files.download(file.fileId, {
          maxBytes: STAFF_FILE_MAX_BYTES,
          signal: AbortSignal.timeout(this.options.callTimeoutMs ? this.options.callTimeoutMs * 3 : 15_000),
        })
      )?.data;
    } catch (error) {
      if (error instanceof TooLargeError) return tooLarge(error.size);
      logger.warn({ err: errorSummary(error) }, 'staff group file not downloaded');
    }
    if (!data) return { problem: { key: 'explain.fileUnavailable' } };
    const checked = checkStaffFile({ size: data.byteLength, data });
    if (checked.problem)
      return checked.problem.key === 'fileTooLarge'
        ? tooLarge(data.byteLength)
        : {
            problem: { key: checked.problem.key === 'fileEmpty' ? 'explain.fileEmpty' : 'explain.fileType' },
          };
    return { upload: { data, fileName: file.fileName } };
  }

  private decide(
    update: Update,
    message: GroupMessage,
    file: PostedFile | undefined,
    fetched: Fetched | undefined,
  ): Promise<Outcome> {
    const chatId = String(message.chat.id);
    const thread = message.is_topic_message ? message.message_thread_id : undefined;
    const command = groupCommand(message.text, this.options.botUsername());
    const anonymous = message.sender_chat?.id === message.chat.id;
    return this.options.db.transaction(async (tx): Promise<Outcome> => {
      if (!(await recordEvent(tx, 'telegram', String(update.update_id)))) return { kind: 'duplicate' };
      const organisation = await organisationOfGroup(tx, chatId);
      // A group no organisation named as its staff group: the bot says nothing there.
      if (!organisation || command?.kind === 'elsewhere') return { kind: 'ignored' };
      const handoff = thread ? await handoffOfThread(tx, organisation.slug, chatId, thread) : undefined;
      // Chatter in the general topic hears it once in a while; a /tutup there always gets the answer.
      if (!handoff)
        return { kind: 'explain', key: 'explain.outsideTopic', cooldown: command?.kind !== 'close' };
      if (!isOpenStatus(handoff.status))
        return { kind: 'explain', key: 'explain.closedTopic', cooldown: false };
      if (command?.kind === 'close') {
        await closeHandoff(tx, handoff.id, organisation.slug);
        return { kind: 'closed' };
      }
      if (anonymous) return { kind: 'explain', key: 'explain.anonymous', cooldown: false };
      if (command) return { kind: 'explain', key: 'explain.unknownCommand', cooldown: false };
      const from = message.from!;
      const staffId = `tg:${from.id}`;
      const meta = { author: clip(from.first_name, 64), via: FROM_STAFF_GROUP };
      let send: () => Promise<void>;
      if (file) {
        if (!this.options.files) return { kind: 'explain', key: 'explain.textOnly', cooldown: false };
        // Fetched before the transaction; missing only if the topic opened meanwhile (staff send it again).
        if (!fetched?.upload)
          return {
            kind: 'explain',
            ...(fetched?.problem ?? { key: 'explain.fileUnavailable' }),
            cooldown: false,
          };
        const { storage } = this.options.files;
        const upload = fetched.upload;
        send = () =>
          staffReplyFile(tx, storage, handoff.id, organisation.slug, staffId, upload, file.caption, meta);
      } else {
        const text = message.text;
        if (typeof text !== 'string' || !text.trim())
          return { kind: 'explain', key: 'explain.textOnly', cooldown: false };
        send = () => staffReply(tx, handoff.id, organisation.slug, staffId, text, meta);
      }
      try {
        await send();
      } catch (error) {
        if (error instanceof StaffFileError)
          return { kind: 'explain', key: 'explain.fileType', cooldown: false };
        if (!(error instanceof HandoffAccessError)) throw error;
        return { kind: 'explain', key: 'explain.unreachable', cooldown: false };
      }
      return { kind: 'relayed' };
    });
  }

  /** After the commit: best effort, a lost reaction or explanation is only a courtesy lost. */
  private async respond(message: GroupMessage, outcome: Outcome): Promise<void> {
    const { api, logger } = this.options;
    const signal = AbortSignal.timeout(this.options.callTimeoutMs ?? 5_000) as GrammySignal;
    try {
      if (outcome.kind === 'relayed' || outcome.kind === 'closed')
        await api.setMessageReaction(
          message.chat.id,
          message.message_id,
          [{ type: 'emoji', emoji: '👍' }],
          {},
          signal,
        );
      if (outcome.kind === 'explain' && this.mayExplain(message, outcome.cooldown))
        await api.sendMessage(
          message.chat.id,
          this.t(outcome.key, outcome.params ?? {}),
          {
            ...(message.is_topic_message ? { message_thread_id: message.message_thread_id! } : {}),
            reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true },
          },
          signal,
        );
    } catch (error) {
      logger.debug({ err: errorSummary(error), outcome: outcome.kind }, 'staff group answer not sent');
    }
  }

  /** Staff chatting in the group's general topic hear the explanation once, not after every message. */
  private mayExplain(message: GroupMessage, cooldown: boolean): boolean {
    if (!cooldown) return true;
    const key = `${message.chat.id}:${message.message_thread_id ?? 0}`;
    const now = Date.now();
    const last = this.explained.get(key);
    if (last !== undefined && now - last < (this.options.explainCooldownMs ?? 10 * 60_000)) return false;
    this.explained.set(key, now);
    // A long-running process forgets old threads instead of growing without bound.
    if (this.explained.size > 1_000) this.explained.clear();
    return true;
  }
}

/** The photo (its largest size) or document of a message, with its caption. */
function postedFile(message: GroupMessage): PostedFile | undefined {
  const caption = message.caption ?? '';
  const photo = message.photo?.at(-1);
  if (photo) return { fileId: photo.file_id, size: photo.file_size, caption };
  const document = message.document;
  if (document)
    return { fileId: document.file_id, fileName: document.file_name, size: document.file_size, caption };
  return undefined;
}
