import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { Channel, Outbound } from '../../engine/types';
import { type ChannelSender, SendError, type SendOk } from '../../outbox/sender';

/*
 * Baileys speaks for an ordinary WhatsApp number, and WhatsApp bans numbers that send like machines:
 * many messages at once, at a steady rhythm, to people who never wrote. So every message leaves this
 * number one at a time, after a random pause, and no more than a daily cap (counted in Postgres, so
 * shared by every process). Broadcasts belong on the Cloud API (./README.md, "Ban risk").
 */

export interface PacingOptions {
  db: Db;
  account: string;
  dailyCap: number;
  minGapMs: number;
  maxGapMs: number;
  random?: () => number;
}

const JAKARTA_OFFSET_MS = 7 * 3_600_000; // WIB, no daylight saving

/** Milliseconds until the next midnight in Jakarta, when the daily cap resets. */
export function msUntilJakartaMidnight(now = Date.now()): number {
  const day = 86_400_000;
  const local = now + JAKARTA_OFFSET_MS;
  return Math.ceil(local / day) * day - local || day;
}

export class PacedSender implements ChannelSender {
  readonly channel: Channel;
  private queue: Promise<unknown> = Promise.resolve();
  private lastSentAt = 0;

  constructor(
    private readonly inner: ChannelSender,
    private readonly options: PacingOptions,
  ) {
    this.channel = inner.channel;
  }

  send(address: string, message: Outbound, signal?: AbortSignal): Promise<SendOk> {
    const turn = this.queue.then(() => this.sendNow(address, message, signal));
    this.queue = turn.catch(() => {});
    return turn;
  }

  private async sendNow(address: string, message: Outbound, signal?: AbortSignal): Promise<SendOk> {
    const { minGapMs, maxGapMs } = this.options;
    const gap = minGapMs + (this.options.random ?? Math.random)() * (maxGapMs - minGapMs);
    const wait = this.lastSentAt + gap - Date.now();
    if (wait > 0) await sleep(wait, signal);
    if (signal?.aborted) throw new SendError({ kind: 'transient' }, 'send deadline passed while pacing');
    if (!(await this.reserve()))
      throw new SendError(
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

  /** Counts one send against today's cap; false when the cap is reached. */
  private async reserve(): Promise<boolean> {
    const result = await this.options.db.execute(sql`
      insert into whatsapp_send_counts (account, day, count)
      values (${this.options.account}, (now() at time zone 'Asia/Jakarta')::date, 1)
      on conflict (account, day) do update set count = whatsapp_send_counts.count + 1
      where whatsapp_send_counts.count < ${this.options.dailyCap}
      returning count`);
    return rowsOf(result).length > 0;
  }

  private async release(): Promise<void> {
    await this.options.db.execute(sql`
      update whatsapp_send_counts set count = greatest(count - 1, 0)
      where account = ${this.options.account} and day = (now() at time zone 'Asia/Jakarta')::date`);
  }
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
