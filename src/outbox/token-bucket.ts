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

/** How long a send may stay unanswered before the window stops waiting for its answer. */
const MAX_UNANSWERED_MS = 15_000;

/** A send in the one-second window: when it was let go and, once known, when the platform answered. */
interface WindowEntry {
  at: number;
  answeredAt: number | undefined;
  answered: Promise<void>;
}

/**
 * A token bucket: `take()` resolves when a send may go, keeping the average at `ratePerSecond` with at
 * most `burst` sends back to back after a quiet spell, and never more than ⌊ratePerSecond⌋ sends in any
 * one-second window *as the platform counts them*.
 *
 * Timed as GCRA (a "theoretical arrival time", `tat`, instead of a token count), counted from when each
 * taker *asked*: a taker that was already waiting when its slot came keeps that slot however late its
 * timer fires (a busy process, a long GC), so the next takers catch up and the long-run rate holds
 * (issue #15: a sender that woke late was treated like an idle one and a busy machine sent 94 % of the
 * pace). Only time in which nobody asked is lost, as it should be: an idle bucket saves no more than
 * `burst`. Takers are served in order. `pause(ms)` stops the bucket (a platform's 429 `retry_after`):
 * nothing goes until it ends, and no burst follows it.
 *
 * The one-second window: `take()` resolves to `answered`, to be called when the platform has answered
 * that send (or it failed). A send waits until the one ⌊rate⌋ sends before it was *answered* more than a
 * second ago. The platform counted that earlier send before it answered, and counts this one after it
 * is sent, so however late either one travels or is read (a busy sender, a busy platform), the two are
 * always more than a second apart where they are counted: never more than ⌊rate⌋ in any second.
 * Counting from when a send was let go, with a margin, did not hold: a platform that read one request
 * late and the next on time saw ⌊rate⌋ + 1 in a second and answered 429 (issue #15, 71 % of the pace
 * under load). The cost is the answer's round trip once per ⌊rate⌋ sends when the window is what
 * limits: ⌊rate⌋ sends per (1 s + round trip), e.g. 99.5 % of the pace at a 5 ms round trip, 96 % at
 * 40 ms.
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
  /** Takers asked and not yet let go. */
  private waiting = 0;
  /** The most recent sends (at most ⌊rate⌋ of them), oldest first. */
  private readonly recent: WindowEntry[] = [];

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

  /**
   * Resolves when a send may go, to `answered`: call it once the platform answered that send (or the
   * send failed); the one-second window counts the send from then.
   */
  take(): Promise<() => void> {
    const asked = this.clock.now();
    // Asked while others wait (held by the window or a pause): the bucket is busy, not idle.
    const busy = this.waiting > 0;
    this.waiting++;
    const turn = this.queue.then(() => this.takeNow(asked, busy));
    const done = () => {
      this.waiting--;
    };
    this.queue = turn.then(done, done);
    return turn;
  }

  private interval(): number {
    return 1000 / this.rate;
  }

  private async takeNow(asked: number, busy: boolean): Promise<() => void> {
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.clock.sleep(this.pausedUntil - now);
        continue;
      }
      // The send that opens the window is still unanswered: wait for its answer (or, if it never
      // comes, for MAX_UNANSWERED_MS).
      const opener = this.windowOpener();
      if (opener && opener.answeredAt === undefined && now < opener.at + MAX_UNANSWERED_MS) {
        await Promise.race([opener.answered, this.clock.sleep(opener.at + MAX_UNANSWERED_MS - now)]);
        continue;
      }
      const interval = this.interval();
      // The taker's slot: the next free one — or, when nobody asked for a while (more than an interval
      // after both the free slot and the last send, and nobody else was waiting), the moment it asked.
      // A sender that asks again right after a late send, or while others wait for the window, is not
      // idle: the slots it missed are still its own.
      const idle = !busy && asked > Math.max(this.tat, this.lastSent) + interval;
      const slot = idle ? asked : Math.max(this.tat, now - MAX_CATCH_UP_MS);
      const windowOpens = opener ? (opener.answeredAt ?? opener.at + MAX_UNANSWERED_MS) + 1000 : -Infinity;
      const at = Math.max(slot - (this.burst - 1) * interval, windowOpens);
      if (at <= now) {
        this.tat = slot + interval;
        this.lastSent = now;
        let answer!: () => void;
        const entry: WindowEntry = {
          at: now,
          answeredAt: undefined,
          answered: new Promise<void>((resolve) => {
            answer = resolve;
          }),
        };
        this.recent.push(entry);
        while (this.recent.length > this.perSecond()) this.recent.shift();
        return () => {
          if (entry.answeredAt !== undefined) return;
          entry.answeredAt = this.clock.now();
          answer();
        };
      }
      await this.clock.sleep(at - now);
    }
  }

  /** At most this many sends in any one second. */
  private perSecond(): number {
    return Math.max(1, Math.floor(this.rate));
  }

  /** The send ⌊rate⌋ sends back, which one more send must follow by a second; none while fewer went. */
  private windowOpener(): WindowEntry | undefined {
    const limit = this.perSecond();
    return this.recent.length < limit ? undefined : this.recent[this.recent.length - limit];
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
