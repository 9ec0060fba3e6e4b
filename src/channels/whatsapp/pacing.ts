import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { type ChannelSender, type SendContext, SendError, type SendOk } from '../../outbox/sender';
import type { Channel, Outbound } from '../../shared/conversation';

/*
 * Baileys speaks for an ordinary WhatsApp number, and WhatsApp bans numbers that send like machines:
 * many messages at once, at a steady rhythm, a new number suddenly sending hundreds a day, messages to
 * people who never wrote. So every message leaves this number one at a time, after a random pause
 * (showing "typing…" meanwhile), replies before any broadcast, and no more than a daily cap (counted
 * in Postgres, so shared by every process) that starts low for a new number and grows day by day.
 * Broadcasts are refused unless switched on, and even then go only to people who wrote first, after the
 * warm-up, within half the day's cap. Large broadcasts belong on the Cloud API (./README.md).
 */

export interface PacingOptions {
  db: Db;
  account: string;
  dailyCap: number;
  minGapMs: number;
  maxGapMs: number;
  /** Daily caps of a new number, day 1 first; after them `dailyCap`. Empty: no warm-up. */
  warmup?: readonly number[];
  /** The number's first day of sending (YYYY-MM-DD, Jakarta); default: the first day it sent. */
  warmupStart?: string | undefined;
  /** Show "typing…" for a while before each message, at most this long (0: not at all). */
  typingMaxMs?: number;
  /** Send broadcast rows at all. */
  broadcasts?: boolean;
  random?: () => number;
}

/** A sender that can show "typing…" in a chat (Baileys). */
export interface TypingSender extends ChannelSender {
  typing?(address: string): Promise<void>;
}

const JAKARTA_OFFSET_MS = 7 * 3_600_000; // WIB, no daylight saving
/** Share of the day's cap broadcasts may use; the rest is kept for people who write. */
const BROADCAST_SHARE = 0.5;

/** Milliseconds until the next midnight in Jakarta, when the daily cap resets. */
export function msUntilJakartaMidnight(now = Date.now()): number {
  const day = 86_400_000;
  const local = now + JAKARTA_OFFSET_MS;
  return Math.ceil(local / day) * day - local || day;
}

/** The day's cap of a number `age` days after its first day (0 on the first day). */
export function capForAge(age: number, warmup: readonly number[], dailyCap: number): number {
  const scheduled = age >= 0 && age < warmup.length ? warmup[age]! : dailyCap;
  return Math.min(scheduled, dailyCap);
}

/** How long "typing…" shows before a message: a little per character, between 0.6 s and `maxMs`. */
export function typingDelayMs(message: Outbound, maxMs: number): number {
  if (maxMs <= 0) return 0;
  const chars =
    message.type === 'text' ? message.text.length : 'caption' in message ? (message.caption?.length ?? 0) : 0;
  return Math.min(maxMs, 600 + chars * 25);
}

interface Job {
  address: string;
  message: Outbound;
  signal: AbortSignal | undefined;
  broadcast: boolean;
  resolve: (ok: SendOk) => void;
  reject: (error: unknown) => void;
}

export class PacedSender implements ChannelSender {
  readonly channel: Channel;
  /** Replies, notices, staff messages: always before broadcast rows. */
  private readonly first: Job[] = [];
  private readonly broadcastJobs: Job[] = [];
  private working = false;
  private lastSentAt = 0;
  private firstDay: { today: string; age: number } | undefined;

  constructor(
    private readonly inner: TypingSender,
    private readonly options: PacingOptions,
  ) {
    this.channel = inner.channel;
  }

  available(): boolean {
    return this.inner.available?.() ?? true;
  }

  send(address: string, message: Outbound, signal?: AbortSignal, context?: SendContext): Promise<SendOk> {
    return new Promise<SendOk>((resolve, reject) => {
      const job = { address, message, signal, broadcast: !!context?.broadcast, resolve, reject };
      (job.broadcast ? this.broadcastJobs : this.first).push(job);
      void this.work();
    });
  }

  /** Today's cap (the warm-up's while it lasts) and how old the number is, in days. */
  async todaysCap(): Promise<{ cap: number; age: number; warmingUp: boolean }> {
    const warmup = this.options.warmup ?? [];
    const age = await this.age();
    return {
      cap: capForAge(age, warmup, this.options.dailyCap),
      age,
      warmingUp: age < warmup.length && capForAge(age, warmup, this.options.dailyCap) < this.options.dailyCap,
    };
  }

  private async work(): Promise<void> {
    if (this.working) return;
    this.working = true;
    try {
      for (let job = this.next(); job; job = this.next()) {
        try {
          job.resolve(await this.sendNow(job));
        } catch (error) {
          job.reject(error);
        }
      }
    } finally {
      this.working = false;
    }
  }

  private next(): Job | undefined {
    return this.first.shift() ?? this.broadcastJobs.shift();
  }

  private async sendNow({ address, message, signal, broadcast }: Job): Promise<SendOk> {
    const { minGapMs, maxGapMs } = this.options;
    if (broadcast) await this.admitBroadcast(address);
    const gap = minGapMs + (this.options.random ?? Math.random)() * (maxGapMs - minGapMs);
    const typing = typingDelayMs(message, this.options.typingMaxMs ?? 0);
    // A person types for a while, and never sends two messages in the same instant.
    const wait = Math.max(this.lastSentAt + gap - Date.now(), typing);
    if (wait > 0) {
      if (typing > 0) await this.inner.typing?.(address);
      await sleep(wait, signal);
    }
    if (signal?.aborted) throw new SendError({ kind: 'transient' }, 'send deadline passed while pacing');
    const { cap } = await this.todaysCap();
    if (!(await this.reserve(broadcast ? Math.floor(cap * BROADCAST_SHARE) : cap)))
      throw broadcast
        ? new SendError(
            { kind: 'deferred', retryAfterMs: msUntilJakartaMidnight() },
            'whatsapp broadcast share of the daily cap used; replies come first',
          )
        : new SendError(
            { kind: 'rate_limited', retryAfterMs: msUntilJakartaMidnight() },
            'whatsapp daily cap reached',
          );
    try {
      return await this.inner.send(address, message, signal);
    } catch (error) {
      await this.release();
      throw error;
    } finally {
      this.lastSentAt = Date.now();
    }
  }

  /** Broadcast rows: only when switched on, after the warm-up, to people who wrote to the number first. */
  private async admitBroadcast(address: string): Promise<void> {
    if (!this.options.broadcasts)
      throw new SendError(
        { kind: 'permanent' },
        'broadcasts through Baileys are off (WHATSAPP_BAILEYS_BROADCASTS); use the Cloud API for broadcasts',
      );
    const { warmingUp } = await this.todaysCap();
    if (warmingUp)
      throw new SendError(
        { kind: 'deferred', retryAfterMs: msUntilJakartaMidnight() },
        'whatsapp number still warming up: no broadcasts yet',
      );
    const wrote = rowsOf(
      await this.options.db.execute(sql`
        select 1 from identities where channel = 'whatsapp' and (address = ${address} or external_id = ${address})
        limit 1`),
    );
    if (wrote.length === 0)
      throw new SendError({ kind: 'permanent' }, 'never wrote to this number: no broadcast through Baileys');
  }

  /** Days since the number's first day (0 on it), cached for the Jakarta day. */
  private async age(): Promise<number> {
    const today = jakartaDate();
    if (this.firstDay?.today === today) return this.firstDay.age;
    const [row] = rowsOf<{ age: number | string | null }>(
      await this.options.db.execute(sql`
        select (now() at time zone 'Asia/Jakarta')::date
          - coalesce(${this.options.warmupStart ?? null}::date, min(day), (now() at time zone 'Asia/Jakarta')::date)
          as age
        from whatsapp_send_counts where account = ${this.options.account}`),
    );
    // Before any send the first day is today.
    const age = Math.max(0, Number(row?.age ?? 0));
    this.firstDay = { today, age };
    return age;
  }

  /** Counts one send against today's cap; false when `cap` is reached. */
  private async reserve(cap: number): Promise<boolean> {
    if (cap < 1) return false;
    const result = await this.options.db.execute(sql`
      insert into whatsapp_send_counts (account, day, count)
      values (${this.options.account}, (now() at time zone 'Asia/Jakarta')::date, 1)
      on conflict (account, day) do update set count = whatsapp_send_counts.count + 1
      where whatsapp_send_counts.count < ${cap}
      returning count`);
    return rowsOf(result).length > 0;
  }

  private async release(): Promise<void> {
    await this.options.db.execute(sql`
      update whatsapp_send_counts set count = greatest(count - 1, 0)
      where account = ${this.options.account} and day = (now() at time zone 'Asia/Jakarta')::date`);
  }
}

/** Today's date in Jakarta, YYYY-MM-DD. */
function jakartaDate(now = Date.now()): string {
  return new Date(now + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Messages sent today (Jakarta) from the number, for the status command. */
export async function dailyCount(db: Db, account: string): Promise<number> {
  const [row] = rowsOf<{ count: number | string }>(
    await db.execute(sql`
      select count from whatsapp_send_counts
      where account = ${account} and day = (now() at time zone 'Asia/Jakarta')::date`),
  );
  return Number(row?.count ?? 0);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
