/** Time for the pacing code: real timers in production, a test's own clock in unit tests. */
export interface PacingClock {
  /** Milliseconds, monotonic (performance.now()). */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: PacingClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.ceil(ms)))),
};

/** Credit a late bucket may catch up at most (a longer stall is not made up). */
const MAX_CATCH_UP_MS = 1_000;

/**
 * A token bucket: `take()` resolves when a send may go, keeping the average at `ratePerSecond` with at
 * most `burst` sends back to back after a quiet spell, and never more than ⌊ratePerSecond⌋ sends in any
 * one-second window.
 *
 * Timed as GCRA (a "theoretical arrival time", `tat`, instead of a token count), counted from when each
 * taker *asked*: a taker that was already waiting when its slot came keeps that slot however late its
 * timer fires (a busy process, a long GC), so the next takers catch up and the long-run rate holds
 * (issue #15: a sender that woke late was treated like an idle one and a busy machine sent 94 % of the
 * pace). Only time in which nobody asked is lost, as it should be: an idle bucket saves no more than
 * `burst`. Catching up never breaks the platform's limit: a send also waits until the one ⌊rate⌋ sends
 * before it is more than a second (plus a small margin for delivery jitter) old. Takers are served in
 * order. `pause(ms)` stops the bucket (a platform's 429 `retry_after`): nothing goes until it ends, and
 * no burst follows it.
 */
export class TokenBucket {
  private rate: number;
  private burst: number;
  /** Clock time of the next free slot. */
  private tat = Number.NEGATIVE_INFINITY;
  /** Clock time of the last send. */
  private lastSent = Number.NEGATIVE_INFINITY;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private queue: Promise<void> = Promise.resolve();
  /** When the most recent sends went (at most ⌊rate⌋ of them), oldest first. */
  private readonly recent: number[] = [];

  constructor(
    ratePerSecond: number,
    burst = Math.max(1, Math.ceil(ratePerSecond)),
    private readonly clock: PacingClock = realClock,
  ) {
    this.rate = positive(ratePerSecond);
    this.burst = Math.max(1, burst);
  }

  get ratePerSecond(): number {
    return this.rate;
  }

  /** Changes the rate (and burst) from now on; sends already waiting keep their place. */
  setRate(ratePerSecond: number, burst = this.burst): void {
    this.rate = positive(ratePerSecond);
    this.burst = Math.max(1, burst);
  }

  /** Nothing goes for `ms` (a longer pause wins over a shorter one). */
  pause(ms: number): void {
    const until = this.clock.now() + Math.max(0, ms);
    if (until <= this.pausedUntil) return;
    this.pausedUntil = until;
    // No saved-up burst after a pause: the first send goes at its end, the next one interval later.
    this.tat = Math.max(this.tat, until + (this.burst - 1) * this.interval());
  }

  /** Milliseconds the bucket is still paused for (0 when running). */
  pausedFor(): number {
    return Math.max(0, this.pausedUntil - this.clock.now());
  }

  take(): Promise<void> {
    const asked = this.clock.now();
    const turn = this.queue.then(() => this.takeNow(asked));
    this.queue = turn.catch(() => {});
    return turn;
  }

  private interval(): number {
    return 1000 / this.rate;
  }

  private async takeNow(asked: number): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.clock.sleep(this.pausedUntil - now);
        continue;
      }
      const interval = this.interval();
      // The taker's slot: the next free one — or, when nobody asked for a while (more than an interval
      // after both the free slot and the last send), the moment it asked. A sender that asks again
      // right after a late send is not idle: the slots it missed are still its own.
      const idle = asked > Math.max(this.tat, this.lastSent) + interval;
      const slot = idle ? asked : Math.max(this.tat, now - MAX_CATCH_UP_MS);
      const at = Math.max(slot - (this.burst - 1) * interval, this.windowOpensAt(interval));
      if (at <= now) {
        this.tat = slot + interval;
        this.lastSent = now;
        this.recent.push(now);
        while (this.recent.length > this.perSecond()) this.recent.shift();
        return;
      }
      await this.clock.sleep(at - now);
    }
  }

  /** At most this many sends in any one second. */
  private perSecond(): number {
    return Math.max(1, Math.floor(this.rate));
  }

  /** When one more send keeps every one-second window at ⌊rate⌋ sends or fewer. */
  private windowOpensAt(interval: number): number {
    const limit = this.perSecond();
    if (this.recent.length < limit) return Number.NEGATIVE_INFINITY;
    // The margin absorbs jitter between here and the platform (a send that took longer on its way).
    const margin = Math.min(interval / 4, 10);
    return this.recent[this.recent.length - limit]! + 1000 + margin;
  }
}

function positive(rate: number): number {
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`rate must be a positive number (${rate})`);
  return rate;
}

/**
 * At most `ratePerSecond` messages to one chat on average, with short bursts (Telegram: "avoid more than
 * one message per second in a single chat … short bursts are allowed"). One GCRA slot per chat; chats
 * not written to for a while are forgotten.
 */
export class PerChatLimiter {
  private readonly slots = new Map<string, number>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst = 3,
    private readonly clock: PacingClock = realClock,
  ) {}

  /** Reserves this chat's next slot and waits for it. */
  async wait(chat: string): Promise<void> {
    const interval = 1000 / this.ratePerSecond;
    const tolerance = (this.burst - 1) * interval;
    const now = this.clock.now();
    const tat = Math.max(this.slots.get(chat) ?? 0, now);
    const at = Math.max(now, tat - tolerance);
    this.slots.set(chat, tat + interval);
    if (this.slots.size > 50_000) this.prune(now);
    if (at > now) await this.clock.sleep(at - now);
  }

  private prune(now: number): void {
    for (const [chat, tat] of this.slots) if (tat < now) this.slots.delete(chat);
  }
}
