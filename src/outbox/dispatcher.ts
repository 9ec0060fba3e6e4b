import { and, asc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import { identities, messages, users } from '../db/schema';
import { channelDescriptor } from '../engine/channels';
import { errorSummary } from '../engine/engine';
import { type PresentationOptions, presentFor } from '../engine/presentation';
import { isLocale } from '../i18n';
import type { Logger } from '../logger';
import { CHANNELS, type Channel, type Delivery, type Outbound } from '../shared/conversation';
import type { OutboxCoordinator } from './coordination';
import { BackgroundSends, deliver, SentMarker } from './delivery';
import type { SenderRegistry } from './sender';
import { PerChatLimiter, TokenBucket } from './token-bucket';

/** An outbox row as the dispatcher claimed it. */
export interface ClaimedRow {
  id: number;
  channel: Channel;
  identityId: string | null;
  userId: string | null;
  body: unknown;
  origin: string;
  broadcastId: string | null;
}

/** What a gate decides about a claimed row instead of sending it. */
export type GateDecision =
  | { action: 'cancel'; reason: string }
  | { action: 'defer'; until: Date; reason: string };

/**
 * Looks at claimed rows before they are sent (the broadcasts feature: a cancelled broadcast, a person who
 * said /berhenti since, quiet hours). Rows it returns no decision for are sent.
 */
export interface OutboxGate {
  review(rows: ClaimedRow[]): Promise<Map<number, GateDecision>>;
}

/** Periodic work the dispatcher runs beside sending (and once per `drainOnce`). */
export interface DispatcherTask {
  name: string;
  everyMs: number;
  run(): Promise<void>;
}

export interface PerChatLimit {
  ratePerSecond: number;
  burst: number;
}

export interface DispatcherOptions {
  db: Db;
  senders: SenderRegistry;
  logger: Logger;
  /** Most rows claimed at once per channel (fewer for slow channels: a batch fits in a quarter lease). */
  batchSize?: number;
  /** How long a claimed row is reserved; a crashed worker's rows come back after it. */
  leaseMs?: number;
  idleMs?: number;
  /** Messages per second per channel (shared by every live dispatcher process when coordinated). */
  rates?: Partial<Record<Channel, number>>;
  /** Sends that may go back to back after a quiet spell; default 1 below 50/s, else rate / 50. */
  bursts?: Partial<Record<Channel, number>>;
  /** Sends in flight at once per channel, each to a different chat. */
  concurrency?: number;
  /** Per-chat limit (Telegram: about one message per second per chat); null for none. */
  perChat?: Partial<Record<Channel, PerChatLimit | null>>;
  /**
   * How long a lane waits for one send (default 10 s) before moving on; the send itself is not
   * cancelled but finishes in the background and its outcome is recorded then.
   */
  sendTimeoutMs?: number;
  deepLink?: PresentationOptions['deepLink'];
  gate?: OutboxGate;
  /** Shares rate limits and 429 pauses with other dispatcher processes (real Postgres). */
  coordination?: OutboxCoordinator;
  tasks?: DispatcherTask[];
}

/** Broadcast rows planned this soon are claimed early (the bucket paces them); see channelLoop. */
const LOOKAHEAD_MS = 1_000;

interface Batch {
  claimed: number;
  deliveries: Delivery[];
}
/** Each 429 the bucket did not expect keeps this share of the rate (until quiet for RECOVER_MS). */
const SLOWDOWN = 0.97;
const RECOVER_MS = 10 * 60_000;

/**
 * Drains the outbox: claims due rows with FOR UPDATE SKIP LOCKED (so any number of workers can run),
 * leases them, and sends them under a per-channel token bucket, several chats at once, one chat's
 * messages in order and spaced. A 429 stops the channel's bucket for `retry_after` (and, coordinated,
 * every process's) and lowers the rate a little; other failures are handled per row by `deliver`.
 */
export class Dispatcher {
  private stopped = true;
  private readonly buckets = new Map<Channel, TokenBucket>();
  private readonly chatLimiters = new Map<Channel, PerChatLimiter | null>();
  private readonly learned = new Map<Channel, { factor: number; at: number }>();
  private readonly recentSends = new Map<Channel, number[]>();
  private readonly marker: SentMarker;
  private readonly background = new BackgroundSends();
  private loops: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();
  private workers = 1;

  constructor(private readonly options: DispatcherOptions) {
    this.marker = new SentMarker(options.db, options.logger, 0);
  }

  /** Runs the tasks once, then claims one batch per channel and sends it; returns how many rows it claimed. */
  async drainOnce(): Promise<number> {
    await this.runTasks();
    await this.coordinate();
    let total = 0;
    for (const channel of CHANNELS) {
      if (!this.canSend(channel)) continue;
      const batch = await this.prepare(channel, 0);
      total += batch.claimed;
      if (batch.deliveries.length) await this.send(channel, batch.deliveries);
    }
    // One run (a Workers cron, a test) ends with every send it started finished and recorded.
    await this.background.settle();
    await this.marker.flush();
    return total;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loops = [
      ...CHANNELS.map((channel) => this.channelLoop(channel)),
      ...(this.options.tasks ?? []).map((task) => this.taskLoop(task)),
    ];
  }

  /** Stops claiming, waits for the batches in hand and records them. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const wake of this.sleepers) wake();
    await Promise.all(this.loops);
    this.loops = [];
    await this.background.settle();
    await this.marker.flush();
    await this.options.coordination?.leave().catch(() => {});
  }

  /** The current rate of a channel (after sharing with other workers and slowing down after 429s). */
  rateOf(channel: Channel): number {
    return this.bucket(channel).ratePerSecond;
  }

  private async channelLoop(channel: Channel): Promise<void> {
    const idleMs = this.options.idleMs ?? 1_000;
    let next: Promise<Batch> | undefined;
    while (!this.stopped) {
      try {
        if (!this.canSend(channel)) {
          await this.sleep(idleMs);
          continue;
        }
        void this.coordinate().catch((error: unknown) => {
          this.options.logger.warn({ err: errorSummary(error) }, 'outbox coordination failed');
        });
        const batch = await (next ?? this.prepare(channel, LOOKAHEAD_MS));
        next = undefined;
        if (batch.claimed === 0) {
          await this.sleep(await this.untilDue(channel, idleMs));
          continue;
        }
        // Claim and prepare the next batch while the last of this one goes out, so the pace never waits
        // for a round trip. Broadcast rows due within LOOKAHEAD_MS come along: the bucket paces them.
        await this.send(channel, batch.deliveries, () => {
          if (!this.stopped) next = this.prepare(channel, LOOKAHEAD_MS);
        });
      } catch (error) {
        next = undefined;
        this.options.logger.error({ err: errorSummary(error), channel }, 'dispatcher batch failed');
        await this.sleep(idleMs);
      }
    }
    // Stopping: a batch claimed ahead goes back to the queue at once instead of waiting out its lease.
    const unsent = await next?.catch(() => undefined);
    if (unsent?.deliveries.length) await this.requeue(unsent.deliveries.map((d) => d.id));
  }

  /**
   * Whether this process claims rows for the channel: it has a sender, and the sender can send now
   * (Baileys: only the process holding the socket claims WhatsApp rows; the others leave them).
   */
  private canSend(channel: Channel): boolean {
    const sender = this.options.senders.get(channel);
    return !!sender && sender.available?.() !== false;
  }

  private async taskLoop(task: DispatcherTask): Promise<void> {
    while (!this.stopped) {
      try {
        await task.run();
      } catch (error) {
        this.options.logger.error({ err: errorSummary(error), task: task.name }, 'dispatcher task failed');
      }
      await this.sleep(task.everyMs);
    }
  }

  private async runTasks(): Promise<void> {
    for (const task of this.options.tasks ?? []) {
      try {
        await task.run();
      } catch (error) {
        this.options.logger.error({ err: errorSummary(error), task: task.name }, 'dispatcher task failed');
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.sleepers.add(done);
    });
  }

  /** Milliseconds until the channel's next row is due (capped at `cap`). */
  private async untilDue(channel: Channel, cap: number): Promise<number> {
    const [row] = rowsOf<{ ms: number | string | null }>(
      await this.options.db.execute(sql`
        select extract(epoch from min(available_at) - now()) * 1000 as ms from messages
        where status in ('pending', 'sending') and direction = 'out' and channel = ${channel}`),
    );
    const ms = row?.ms === null || row?.ms === undefined ? cap : Number(row.ms);
    return Math.min(cap, Math.max(5, ms));
  }

  /** Claims due rows, lets the gate decide, and shapes the rest for sending. */
  private async prepare(channel: Channel, lookaheadMs: number): Promise<Batch> {
    const rows = await this.claim(channel, lookaheadMs);
    if (rows.length === 0) return { claimed: 0, deliveries: [] };
    const { gate } = this.options;
    const decisions =
      gate && rows.some((r) => r.broadcastId !== null)
        ? await gate.review(rows)
        : new Map<number, GateDecision>();
    if (decisions.size) await this.apply(decisions);
    const deliveries = await this.deliveriesFor(rows.filter((r) => !decisions.has(r.id)));
    return { claimed: rows.length, deliveries };
  }

  private async claim(channel: Channel, lookaheadMs: number): Promise<ClaimedRow[]> {
    const { db } = this.options;
    const leaseMs = this.options.leaseMs ?? 30_000;
    this.recover(channel);
    // A batch must go out well within its lease, or another worker would take (and send) it again.
    const fits = Math.floor((this.bucket(channel).ratePerSecond * leaseMs) / 1000 / 4);
    const limit = Math.max(1, Math.min(this.options.batchSize ?? 200, fits));
    const due = db
      .select({ id: messages.id, userId: messages.userId, identityId: messages.identityId })
      .from(messages)
      .where(
        and(
          inArray(messages.status, ['pending', 'sending']),
          lookaheadMs > 0
            ? or(
                lte(messages.availableAt, sql`now()`),
                and(
                  isNotNull(messages.broadcastId),
                  lte(messages.availableAt, sql`now() + make_interval(secs => ${lookaheadMs / 1000})`),
                ),
              )
            : lte(messages.availableAt, sql`now()`),
          eq(messages.direction, 'out'),
          eq(messages.channel, channel),
        ),
      )
      .orderBy(asc(messages.availableAt), asc(messages.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    const batch = db.$with('batch').as(due);
    const claimed = await db
      .with(batch)
      .update(messages)
      .set({
        status: 'sending',
        attempts: sql`${messages.attempts} + 1`,
        availableAt: sql`now() + make_interval(secs => ${leaseMs / 1000})`,
      })
      // One chat's messages go out in order, so one claimer takes them together: a row whose chat has an
      // earlier row that is due as well but not in this batch (SKIP LOCKED skipped it: another worker is
      // claiming it) waits for the next claim. Without this, two workers could split a chat's rows after
      // a crash and send its greeting after its menu. (A row under a live lease is not "due": its sent
      // mark may be buffered, so its status says nothing about whether it is still on its way.)
      .where(
        inArray(
          messages.id,
          sql`(select b.id from ${batch} b where not exists (
            select 1 from ${messages} m
            where m.user_id = b.user_id and m.identity_id = b.identity_id and m.id < b.id
              and m.direction = 'out' and m.status in ('pending', 'sending')
              and m.available_at <= now()
              and m.id not in (select id from ${batch})))`,
        ),
      )
      .returning({
        id: messages.id,
        channel: messages.channel,
        identityId: messages.identityId,
        userId: messages.userId,
        body: messages.body,
        origin: messages.origin,
        broadcastId: messages.broadcastId,
      });
    return claimed.sort((a, b) => a.id - b.id);
  }

  private async send(channel: Channel, deliveries: Delivery[], onLastWave?: () => void): Promise<void> {
    // One chat's messages in order, one after the other; different chats side by side.
    const chats = new Map<string, Delivery[]>();
    for (const delivery of deliveries) {
      const list = chats.get(delivery.address);
      if (list) list.push(delivery);
      else chats.set(delivery.address, [delivery]);
    }
    const queue = [...chats.values()];
    const bucket = this.bucket(channel);
    const perChat = this.chatLimiter(channel);
    const options = {
      db: this.options.db,
      senders: this.options.senders,
      logger: this.options.logger,
      marker: this.marker,
      waitMs: this.options.sendTimeoutMs ?? 10_000,
      background: this.background,
      beforeSend: async (delivery: Delivery) => {
        if (perChat) await perChat.wait(delivery.address);
        const answered = await bucket.take();
        this.sentNow(channel);
        return answered;
      },
      onRateLimited: (ch: Channel, ms: number) => this.rateLimited(ch, ms),
    };
    const lanes = Math.min(this.options.concurrency ?? 16, queue.length);
    let lastWave = false;
    const started = () => {
      if (queue.length > 0 || lastWave) return;
      lastWave = true;
      onLastWave?.();
    };
    if (queue.length === 0) started();
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        for (let chat = queue.shift(); chat; chat = queue.shift()) {
          started();
          await deliver(chat, options);
        }
      }),
    );
  }

  private async deliveriesFor(rows: ClaimedRow[]): Promise<Delivery[]> {
    const { db } = this.options;
    const identityIds = [...new Set(rows.map((c) => c.identityId).filter((id): id is string => id !== null))];
    const recipients = new Map(
      identityIds.length
        ? (
            await db
              .select({
                id: identities.id,
                address: identities.address,
                locale: users.locale,
                simpleText: users.simpleText,
              })
              .from(identities)
              .innerJoin(users, eq(users.id, identities.userId))
              .where(inArray(identities.id, identityIds))
          ).map((r) => [r.id, r] as const)
        : [],
    );
    const deliveries: Delivery[] = [];
    const gone: number[] = [];
    for (const row of rows) {
      const recipient = row.identityId ? recipients.get(row.identityId) : undefined;
      if (!recipient) {
        gone.push(row.id);
        continue;
      }
      // Replies were shaped for the person when the engine wrote them; everything else (reminders,
      // alerts, notices, broadcasts) is shaped now: their language's links, simple-text mode, numbered choices.
      const message =
        row.origin === 'bot'
          ? (row.body as Outbound)
          : presentFor(row.body as Outbound, {
              channel: row.channel,
              simpleText: recipient.simpleText,
              locale: isLocale(recipient.locale) ? recipient.locale : 'id',
              ...(this.options.deepLink ? { deepLink: this.options.deepLink } : {}),
            });
      deliveries.push({
        id: row.id,
        channel: row.channel,
        address: recipient.address,
        message,
        ...(row.broadcastId !== null ? { broadcast: true } : {}),
      });
    }
    if (gone.length)
      await db
        .update(messages)
        .set({ status: 'failed', error: 'recipient gone' })
        .where(inArray(messages.id, gone));
    return deliveries;
  }

  private async apply(decisions: Map<number, GateDecision>): Promise<void> {
    const { db } = this.options;
    const cancels = new Map<string, number[]>();
    const defers = new Map<number, { until: Date; reason: string; ids: number[] }>();
    for (const [id, decision] of decisions) {
      if (decision.action === 'cancel') {
        const ids = cancels.get(decision.reason) ?? [];
        ids.push(id);
        cancels.set(decision.reason, ids);
      } else {
        const key = decision.until.getTime();
        const group = defers.get(key) ?? { until: decision.until, reason: decision.reason, ids: [] };
        group.ids.push(id);
        defers.set(key, group);
      }
    }
    for (const [reason, ids] of cancels)
      await db
        .update(messages)
        .set({ status: 'cancelled', error: reason })
        .where(and(inArray(messages.id, ids), eq(messages.status, 'sending')));
    for (const { until, reason, ids } of defers.values())
      await db
        .update(messages)
        .set({
          status: 'pending',
          availableAt: until,
          attempts: sql`greatest(${messages.attempts} - 1, 0)`,
          error: reason,
        })
        .where(and(inArray(messages.id, ids), eq(messages.status, 'sending')));
  }

  /** Puts claimed rows back, due now and with the attempt not counted. */
  private async requeue(ids: number[]): Promise<void> {
    await this.options.db
      .update(messages)
      .set({
        status: 'pending',
        availableAt: sql`now()`,
        attempts: sql`greatest(${messages.attempts} - 1, 0)`,
      })
      .where(and(inArray(messages.id, ids), eq(messages.status, 'sending')));
  }

  /** Remembers sends of the last second per channel (what the platform counted when it said 429). */
  private sentNow(channel: Channel): void {
    const now = performance.now();
    const times = this.recentSends.get(channel) ?? [];
    this.recentSends.set(channel, times);
    times.push(now);
    while (times.length && times[0]! <= now - 1000) times.shift();
  }

  private rateLimited(channel: Channel, retryAfterMs: number): void {
    const bucket = this.bucket(channel);
    // The first 429 of an episode slows the channel; the ones already in flight only pause it. A pause
    // longer than a minute is a quota (Baileys' daily cap), not a pace: the rate stays.
    if (bucket.pausedFor() === 0 && retryAfterMs <= 60_000) {
      // The platform refused the k-th message of the last second, so its limit is below k: pace 2 %
      // under that at once (and at least 3 % slower), not 3 % at a time over several 429s.
      const now = performance.now();
      const sentLastSecond = (this.recentSends.get(channel) ?? []).filter((t) => t > now - 1000).length;
      const configured = this.options.rates?.[channel] ?? channelDescriptor(channel).defaultRatePerSecond;
      const current = configured * (this.learned.get(channel)?.factor ?? 1);
      const observedLimit = (sentLastSecond * this.workers - 1) * 0.98;
      const next = Math.min(current * SLOWDOWN, observedLimit > 0 ? observedLimit : current * SLOWDOWN);
      const factor = Math.max(0.25, next / configured);
      this.learned.set(channel, { factor, at: now });
      this.applyRate(channel);
      this.options.logger.warn(
        { channel, retryAfterMs, rate: Number(bucket.ratePerSecond.toFixed(2)) },
        'rate limited by the platform: channel paused',
      );
    }
    bucket.pause(retryAfterMs);
    if (retryAfterMs > 60_000) this.options.logger.warn({ channel, retryAfterMs }, 'channel paused (quota)');
    this.options.coordination?.pause(channel, retryAfterMs).catch((error: unknown) => {
      this.options.logger.warn({ err: errorSummary(error) }, 'sharing a channel pause failed');
    });
  }

  private recover(channel: Channel): void {
    const learned = this.learned.get(channel);
    if (learned && performance.now() - learned.at > RECOVER_MS) {
      this.learned.delete(channel);
      this.applyRate(channel);
    }
  }

  private async coordinate(): Promise<void> {
    const coordination = this.options.coordination;
    if (!coordination) return;
    const state = await coordination.sync();
    if (state.workers !== this.workers) {
      this.workers = state.workers;
      for (const channel of this.buckets.keys()) this.applyRate(channel);
    }
    for (const [channel, ms] of state.pauses) this.bucket(channel).pause(ms);
  }

  private targetRate(channel: Channel): number {
    const configured = this.options.rates?.[channel] ?? channelDescriptor(channel).defaultRatePerSecond;
    return (configured * (this.learned.get(channel)?.factor ?? 1)) / this.workers;
  }

  private burstFor(channel: Channel, rate: number): number {
    return this.options.bursts?.[channel] ?? (rate < 50 ? 1 : Math.floor(rate / 50));
  }

  private applyRate(channel: Channel): void {
    const rate = this.targetRate(channel);
    this.bucket(channel).setRate(rate, this.burstFor(channel, rate));
  }

  private bucket(channel: Channel): TokenBucket {
    let bucket = this.buckets.get(channel);
    if (!bucket) {
      const rate = this.targetRate(channel);
      bucket = new TokenBucket(rate, this.burstFor(channel, rate));
      this.buckets.set(channel, bucket);
    }
    return bucket;
  }

  private chatLimiter(channel: Channel): PerChatLimiter | null {
    let limiter = this.chatLimiters.get(channel);
    if (limiter === undefined) {
      const limit =
        this.options.perChat && channel in this.options.perChat
          ? this.options.perChat[channel]
          : channelDescriptor(channel).perChatLimit;
      limiter = limit ? new PerChatLimiter(limit.ratePerSecond, limit.burst) : null;
      this.chatLimiters.set(channel, limiter);
    }
    return limiter;
  }
}
