import type { Api } from 'grammy';
import type { TFunction } from 'i18next';
import type { Db } from '../../../db/client';
import { errorSummary } from '../../../engine/engine';
import { type Locale, tFor } from '../../../i18n';
import type { Logger } from '../../../logger';
import { backoffMs } from '../../../outbox/delivery';
import type { OfficeHours } from '../../../shared/office-hours';
import { toSendError } from '../sender';
import { clip, type Post, personName, postFor, summaryText, TOPIC_COLOURS, topicName } from './render';
import {
  advanceCursor,
  boundaryOf,
  claimTopics,
  enqueueTopics,
  forgetTopic,
  giveUp,
  isOpenStatus,
  messagesAfter,
  moveTo,
  recentTexts,
  recordThread,
  release,
  type Topic,
  type TopicContext,
  topicContext,
} from './store';

/** The Bot API methods the staff group uses (grammY's Api; tests may pass a fake). */
export type GroupApi = Pick<
  Api,
  | 'createForumTopic'
  | 'closeForumTopic'
  | 'deleteForumTopic'
  | 'sendMessage'
  | 'sendPhoto'
  | 'sendDocument'
  | 'setMessageReaction'
>;
// grammY's Node build types its signal with the abort-controller shim; the runtime takes a standard one.
type GrammySignal = Parameters<Api['sendMessage']>[3];

export interface StaffGroupSyncOptions {
  db: Db;
  api: GroupApi;
  logger: Logger;
  /** The language of what the bot writes in staff groups. */
  locale: Locale;
  officeHours: OfficeHours;
  /** With it, the summary links to the conversation in the dashboard. */
  publicUrl?: string | undefined;
  /** How long a claimed topic is reserved; nothing is posted for it after the lease (minus a margin). */
  leaseMs?: number;
  /** Topics claimed per run. */
  batchSize?: number;
  /** Budget for one Bot API call. */
  callTimeoutMs?: number;
}

/** Failures in a row after which a topic is given up (about an hour with the outbox's backoff). */
const MAX_ATTEMPTS = 12;
/** Messages read per query while catching a topic up. */
const PAGE = 10;

/** Thrown to stop working on a topic whose lease is nearly over: it is picked up again at once. */
class LeaseOver extends Error {}

/**
 * Keeps each organisation's Telegram staff group in step with its handoffs: a topic per handoff, a
 * summary, every message of the conversation (the person's, and staff replies from the dashboard), and
 * a closing note. It runs as a dispatcher task, outside any conversation turn, so a slow or broken group
 * never touches the person's chat; each step is recorded right after its post, so a retry resumes after
 * the last thing posted instead of posting it again.
 */
export class StaffGroupSync {
  private readonly t: TFunction;
  private readonly common: TFunction;

  constructor(private readonly options: StaffGroupSyncOptions) {
    this.t = tFor(options.locale, 'staffgroup');
    this.common = tFor(options.locale);
  }

  /** One pass: open topics for new handoffs, then advance every topic that has work. */
  async run(): Promise<number> {
    const { db } = this.options;
    const leaseMs = this.options.leaseMs ?? 120_000;
    await enqueueTopics(db);
    const claimed = await claimTopics(db, this.options.batchSize ?? 20, leaseMs);
    // The whole batch shares one lease: stop well before it ends, or another process could take a row.
    const deadline = Date.now() + leaseMs - Math.min(30_000, leaseMs / 4);
    for (const topic of claimed) {
      if (Date.now() > deadline) {
        await release(db, topic.id, 0);
        continue;
      }
      try {
        await this.advance(topic, deadline);
      } catch (error) {
        await this.failed(topic, error);
      }
    }
    return claimed.length;
  }

  private async advance(claimed: Topic, deadline: number): Promise<void> {
    const { db } = this.options;
    let topic = claimed;
    if (topic.handoffId === null) return this.erase(topic);
    const ctx = await topicContext(db, topic.handoffId);
    // The organisation switched its group off or to another chat: this topic is left as it is.
    if (!ctx || ctx.groupChatId !== topic.chatId) return moveTo(db, topic, 'done');

    if (topic.step === 'new') {
      // A handoff over before its topic existed needs none (the dashboard has the record).
      if (!isOpenStatus(ctx.status)) return moveTo(db, topic, 'done');
      const created = await this.options.api.createForumTopic(
        topic.chatId,
        topicName(this.t, { displayName: ctx.displayName, channel: ctx.channel, handoffId: ctx.handoffId }),
        { icon_color: TOPIC_COLOURS[ctx.channel ?? 'telegram'] },
        this.signal(),
      );
      await recordThread(db, topic, created.message_thread_id);
      topic = { ...topic, threadId: created.message_thread_id, step: 'summary' };
    }

    if (topic.step === 'summary') {
      const boundary = await boundaryOf(db, ctx.handoffId);
      await this.post(topic, { kind: 'text', text: await this.summary(ctx, boundary) });
      await moveTo(db, topic, 'open', { mirroredThrough: boundary });
      topic = { ...topic, step: 'open', mirroredThrough: boundary };
    }

    if (topic.step === 'open') {
      const name = personName(this.t, ctx.displayName);
      for (;;) {
        const page = await messagesAfter(db, ctx.handoffId, topic.mirroredThrough, PAGE);
        for (const message of page) {
          if (Date.now() > deadline) throw new LeaseOver();
          const post = postFor(this.t, message, name);
          if (post) await this.post(topic, post);
          await advanceCursor(db, topic.id, message.id);
          topic = { ...topic, mirroredThrough: message.id };
        }
        if (page.length < PAGE) break;
      }
      // Still open: come back when there is something new (the claim checks for it).
      if (isOpenStatus(ctx.status)) return release(db, topic.id, 0);
      const note = ctx.status === 'cancelled' ? 'closed.cancelled' : 'closed.byStaff';
      await this.post(topic, { kind: 'text', text: this.t(note) });
      await moveTo(db, topic, 'closing');
      topic = { ...topic, step: 'closing' };
    }

    if (topic.step === 'closing') {
      try {
        await this.options.api.closeForumTopic(topic.chatId, topic.threadId!, this.signal());
      } catch (error) {
        // Already closed, or deleted by staff: nothing left to do. Anything else is retried.
        if (toSendError(error).failure.kind !== 'permanent') throw error;
      }
      await moveTo(db, topic, 'done');
    }
  }

  /** The person erased their data (the handoff is gone): their topic goes from the group too. */
  private async erase(topic: Topic): Promise<void> {
    if (topic.threadId !== null) {
      try {
        await this.options.api.deleteForumTopic(topic.chatId, topic.threadId, this.signal());
      } catch (error) {
        const kind = toSendError(error).failure.kind;
        if (kind !== 'permanent' && kind !== 'blocked') throw error;
        this.options.logger.warn(
          { topicId: topic.id, err: errorSummary(error) },
          'staff group topic not deleted',
        );
      }
    }
    await forgetTopic(this.options.db, topic.id);
  }

  private async summary(ctx: TopicContext, boundary: number): Promise<string> {
    const title = ctx.programmeTitle
      ? ((this.options.locale === 'en' ? ctx.programmeTitle.en : undefined) ?? ctx.programmeTitle.id)
      : undefined;
    const base = this.options.publicUrl?.replace(/\/+$/, '');
    return summaryText(this.t, this.common, {
      displayName: ctx.displayName,
      channel: ctx.channel,
      programmeTitle: title,
      reason: ctx.reason,
      officeHours: this.options.officeHours,
      now: new Date(),
      inboxUrl: base ? `${base}/admin/inbox/${ctx.handoffId}` : undefined,
      recent: await recentTexts(this.options.db, ctx.handoffId, boundary),
    });
  }

  /** Posts into the topic. A file Telegram will not re-send (expired, too big) becomes its label. */
  private async post(topic: Topic, post: Post): Promise<void> {
    const { api } = this.options;
    const where = { message_thread_id: topic.threadId! };
    if (post.kind === 'text') {
      await api.sendMessage(
        topic.chatId,
        clip(post.text, 4096),
        { ...where, link_preview_options: { is_disabled: true } },
        this.signal(),
      );
      return;
    }
    try {
      const other = { ...where, caption: post.caption };
      if (post.kind === 'photo') await api.sendPhoto(topic.chatId, post.fileId, other, this.signal());
      else await api.sendDocument(topic.chatId, post.fileId, other, this.signal());
    } catch (error) {
      if (toSendError(error).failure.kind !== 'permanent') throw error;
      await this.post(topic, { kind: 'text', text: post.fallback });
    }
  }

  /**
   * A failed step waits and is tried again from where it stopped. 429 waits `retry_after` (a group takes
   * about 20 messages a minute); a group that is not a forum, a bot removed or without the right to
   * manage topics, or a deleted topic is given up with a warning — the dashboard still has everything.
   */
  private async failed(topic: Topic, error: unknown): Promise<void> {
    const { db, logger } = this.options;
    if (error instanceof LeaseOver) return release(db, topic.id, 0);
    const failure = toSendError(error).failure;
    const summary = errorSummary(error);
    if (failure.kind === 'rate_limited')
      return release(db, topic.id, failure.retryAfterMs, { error: summary.message, countAttempt: false });
    const attempts = topic.attempts + 1;
    // An unknown outcome is retried here: at worst one post appears twice in a staff chat.
    if ((failure.kind === 'transient' || failure.kind === 'unknown') && attempts < MAX_ATTEMPTS) {
      logger.debug(
        { topicId: topic.id, step: topic.step, err: summary },
        'staff group step failed; retrying',
      );
      return release(db, topic.id, backoffMs(attempts), { error: summary.message, countAttempt: true });
    }
    logger.warn(
      { topicId: topic.id, step: topic.step, failure: failure.kind, err: summary },
      'staff group: gave up on this topic (is the group a forum, with the bot an admin who may manage topics?)',
    );
    // An erased person's topic that cannot be deleted is forgotten, not retried for ever.
    if (topic.handoffId === null) return forgetTopic(db, topic.id);
    await giveUp(db, topic.id, summary.message);
  }

  /** A fresh timeout per call, so one slow call cannot eat the next one's budget. */
  private signal(): GrammySignal {
    return AbortSignal.timeout(this.options.callTimeoutMs ?? 10_000) as GrammySignal;
  }
}
