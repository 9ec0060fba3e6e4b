/**
 * A token bucket: `take()` resolves when a send may go, keeping the average at `ratePerSecond` with at
 * most `burst` sends back to back after a quiet spell.
 *
 * Timed as GCRA (a "theoretical arrival time" instead of a token count): each send gets the slot one
 * interval after the previous one, so a timer that fires late does not slow the long-run rate, and two
 * sends are never closer than one interval unless burst credit was saved up. Takers are served in
 * order. `pause(ms)` stops the bucket (a platform's 429 `retry_after`): nothing goes until it ends,
 * and no burst follows it.
 */
export class TokenBucket {
  private rate: number;
  private burst: number;
  /** performance.now() of the next free slot. */
  private tat = 0;
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(ratePerSecond: number, burst = Math.max(1, Math.ceil(ratePerSecond))) {
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
    const until = performance.now() + Math.max(0, ms);
    if (until <= this.pausedUntil) return;
    this.pausedUntil = until;
    // No saved-up burst after a pause: the first send goes at its end, the next one interval later.
    this.tat = Math.max(this.tat, until + (this.burst - 1) * this.interval());
  }

  /** Milliseconds the bucket is still paused for (0 when running). */
  pausedFor(): number {
    return Math.max(0, this.pausedUntil - performance.now());
  }

  take(): Promise<void> {
    const turn = this.queue.then(() => this.takeNow());
    this.queue = turn.catch(() => {});
    return turn;
  }

  private interval(): number {
    return 1000 / this.rate;
  }

  private async takeNow(): Promise<void> {
    let waited = false;
    for (;;) {
      const now = performance.now();
      if (now < this.pausedUntil) {
        await sleep(this.pausedUntil - now);
        waited = true;
        continue;
      }
      const interval = this.interval();
      const tolerance = (this.burst - 1) * interval;
      const late = now - this.tat;
      // A taker that slept until its slot and woke a little late (timers, a busy moment: up to an
      // eighth of an interval) keeps the theoretical slot, so lateness never adds up into a slower pace.
      // Otherwise the slot passed while nobody waited for it: an idle bucket starts from now. After a
      // short gap the process was busy and the previous send may only just have left, so the next one
      // waits until no second can hold more than ⌈rate⌉ sends counting that late one (a platform
      // counting "N per second" never sees N + 1).
      if (late > 0 && !(waited && late <= interval / 8))
        this.tat =
          this.burst === 1 && late < 1000 && this.tat > 0
            ? now + Math.max(0, 1000 - (Math.ceil(this.rate) - 1) * interval)
            : now;
      const wait = this.tat - tolerance - now;
      if (wait <= 0) {
        this.tat += interval;
        return;
      }
      await sleep(wait);
      waited = true;
    }
  }
}

function positive(rate: number): number {
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`rate must be a positive number (${rate})`);
  return rate;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.ceil(ms))));
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
  ) {}

  /** Reserves this chat's next slot and waits for it. */
  async wait(chat: string): Promise<void> {
    const interval = 1000 / this.ratePerSecond;
    const tolerance = (this.burst - 1) * interval;
    const now = performance.now();
    const tat = Math.max(this.slots.get(chat) ?? 0, now);
    const at = Math.max(now, tat - tolerance);
    this.slots.set(chat, tat + interval);
    if (this.slots.size > 50_000) this.prune(now);
    if (at > now) await sleep(at - now);
  }

  private prune(now: number): void {
    for (const [chat, tat] of this.slots) if (tat < now) this.slots.delete(chat);
  }
}
