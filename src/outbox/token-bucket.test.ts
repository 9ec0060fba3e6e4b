import { describe, expect, it } from 'vitest';
import { type PacingClock, PerChatLimiter, TokenBucket } from './token-bucket';

/**
 * A clock the test drives: `sleep` resolves when the test's time passes the wake-up, plus however late
 * `lateness` says the timer fires (a busy machine). Time only moves when every taker is asleep.
 */
class TestClock implements PacingClock {
  t = 0;
  lateness: () => number = () => 0;
  private sleepers: Array<{ at: number; wake: () => void }> = [];

  now(): number {
    return this.t;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((wake) =>
      this.sleepers.push({ at: this.t + Math.max(0, ms) + this.lateness(), wake }),
    );
  }

  /** Lets the earliest sleeper wake (moving time to it); false when nobody sleeps. */
  async step(): Promise<boolean> {
    await settle();
    if (this.sleepers.length === 0) return false;
    this.sleepers.sort((a, b) => a.at - b.at);
    const next = this.sleepers.shift()!;
    this.t = Math.max(this.t, next.at);
    next.wake();
    await settle();
    return true;
  }

  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await settle();
      this.sleepers.sort((a, b) => a.at - b.at);
      if (!this.sleepers.length || this.sleepers[0]!.at > end) break;
      await this.step();
    }
    this.t = end;
  }
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

/** `n` takes by `lanes` concurrent senders (each takes again once its previous take resolved). */
async function run(bucket: TokenBucket, clock: TestClock, n: number, lanes = 8): Promise<number[]> {
  const at: number[] = [];
  let left = n;
  const lane = async () => {
    while (left > 0) {
      left--;
      await bucket.take();
      at.push(clock.now());
    }
  };
  const done = Promise.all(Array.from({ length: lanes }, lane));
  let finished = false;
  void done.then(() => (finished = true));
  while (!finished) if (!(await clock.step())) await settle();
  return at;
}

/** The most sends in any window of one second (half-open, as a platform counting "per second" does). */
function mostInOneSecond(at: number[]): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < at.length; end++) {
    while (at[start]! <= at[end]! - 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('TokenBucket', () => {
  it('keeps the rate within 1 % when timers fire on time (the margin kept for delivery jitter)', async () => {
    const clock = new TestClock();
    const at = await run(new TokenBucket(25, 1, clock), clock, 251);
    // 250 intervals of 40 ms; every 25th send waits out the 10 ms margin of the one-second window.
    expect(at.at(-1)! - at[0]!).toBeGreaterThanOrEqual(10_000);
    expect(at.at(-1)! - at[0]!).toBeLessThanOrEqual(10_100);
    expect(mostInOneSecond(at)).toBeLessThanOrEqual(25);
  });

  it('holds ≥ 97 % of its rate when every wake-up is late (a busy machine), never more than N in a second', async () => {
    const clock = new TestClock();
    // Each timer fires 0–40 ms late (up to an interval at 25/s), the same pseudo-random sequence each run.
    let seed = 7;
    clock.lateness = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return (seed / 2 ** 31) * 40;
    };
    const at = await run(new TokenBucket(25, 1, clock), clock, 1_000);
    const rate = (at.length - 1) / ((at.at(-1)! - at[0]!) / 1000);
    expect(rate).toBeGreaterThanOrEqual(0.97 * 25);
    expect(rate).toBeLessThanOrEqual(25);
    expect(mostInOneSecond(at)).toBeLessThanOrEqual(25);
  });

  it('the old fault: a late wake-up is not treated as an idle bucket (no slot is lost)', async () => {
    const clock = new TestClock();
    const bucket = new TokenBucket(10, 1, clock);
    await run(bucket, clock, 1, 1);
    // The next taker asks at once, but its timer fires 250 ms late (2.5 intervals).
    clock.lateness = () => 250;
    const late = await run(bucket, clock, 1, 1);
    clock.lateness = () => 0;
    expect(late[0]).toBe(350);
    // The slots it missed are still there: the next two go at once, then the pace resumes.
    const after = await run(bucket, clock, 4, 1);
    expect(after).toEqual([350, 350, 400, 500]);
  });

  it('an idle bucket saves no more than its burst', async () => {
    const clock = new TestClock();
    const bucket = new TokenBucket(10, 2, clock);
    await run(bucket, clock, 1, 1);
    await clock.advance(5_000);
    const at = await run(bucket, clock, 4, 4);
    const start = at[0]!;
    expect(at.map((t) => t - start)).toEqual([0, 0, 100, 200]);
  });

  it('serves concurrent takers in order', async () => {
    const clock = new TestClock();
    const bucket = new TokenBucket(200, 1, clock);
    const order: number[] = [];
    const all = Promise.all(Array.from({ length: 21 }, (_, i) => bucket.take().then(() => order.push(i))));
    while (order.length < 21) await clock.step();
    await all;
    expect(order).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(clock.now()).toBe(100);
  });

  it('stops while paused (a 429 retry_after) and resumes without a burst', async () => {
    const clock = new TestClock();
    const bucket = new TokenBucket(1000, 10, clock);
    await run(bucket, clock, 1, 1);
    bucket.pause(150);
    expect(bucket.pausedFor()).toBe(150);
    const at = await run(bucket, clock, 20, 4);
    expect(at[0]).toBe(150);
    // No saved-up burst of 10 after the pause: one per millisecond from its end.
    expect(at[19]).toBe(169);
  });

  it('changes rate on the fly', async () => {
    const clock = new TestClock();
    const bucket = new TokenBucket(1000, 1, clock);
    bucket.setRate(20, 1);
    const at = await run(bucket, clock, 3, 1);
    expect(at[2]! - at[0]!).toBe(100);
  });
});

describe('PerChatLimiter', () => {
  it('lets a short burst through, then one message per interval per chat; other chats are not held up', async () => {
    const clock = new TestClock();
    const limiter = new PerChatLimiter(20, 2, clock);
    const chatA: number[] = [];
    const a = (async () => {
      for (let i = 0; i < 4; i++) {
        await limiter.wait('a');
        chatA.push(clock.now());
      }
    })();
    await settle();
    let otherAt = -1;
    void limiter.wait('b').then(() => (otherAt = clock.now()));
    while (chatA.length < 4) await clock.step();
    await a;
    expect(otherAt).toBe(0);
    expect(chatA).toEqual([0, 0, 50, 100]);
  });
});
