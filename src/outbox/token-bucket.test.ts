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

/**
 * How one send travels: `read` ms after it is let go the platform counts it, `answer` ms after that
 * the sender has its answer. Default: at once.
 */
type Travel = () => { read: number; answer: number };

/**
 * `n` takes by `lanes` concurrent senders; each sends (waiting `travel`'s time for the answer, as a
 * dispatcher lane waits for its send) and then takes again. Returns when each send was let go; the
 * times the platform counted them go into `counted`.
 */
async function run(
  bucket: TokenBucket,
  clock: TestClock,
  n: number,
  lanes = 8,
  travel?: Travel,
  counted: number[] = [],
): Promise<number[]> {
  const at: number[] = [];
  let left = n;
  const lane = async () => {
    while (left > 0) {
      left--;
      const answered = await bucket.take();
      const sent = clock.now();
      at.push(sent);
      if (!travel) {
        counted.push(sent);
        answered();
        continue;
      }
      const { read, answer } = travel();
      counted.push(sent + read);
      await clock.sleep(read + answer);
      answered();
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
  it('keeps the rate exactly when timers fire on time and answers come at once', async () => {
    const clock = new TestClock();
    const at = await run(new TokenBucket(25, 1, clock), clock, 251);
    // 250 intervals of 40 ms.
    expect(at.at(-1)! - at[0]!).toBe(10_000);
    expect(mostInOneSecond(at)).toBeLessThanOrEqual(25);
  });

  it('never lets the platform count more than N in a second, however late it reads each request', async () => {
    // The old fault: the window was counted from when sends were let go (plus 10 ms). A platform that
    // read one request 150 ms late and the next ones on time counted 26 in a second and answered 429.
    const clock = new TestClock();
    let seed = 11;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    // Most requests are read within 3 ms; about one in fifty waits 150 ms in a busy platform's queue.
    const travel: Travel = () => ({ read: random() < 0.02 ? 150 : 3 * random(), answer: 1 });
    const counted: number[] = [];
    const at = await run(new TokenBucket(25, 1, clock), clock, 1_000, 8, travel, counted);
    counted.sort((a, b) => a - b);
    expect(mostInOneSecond(counted)).toBeLessThanOrEqual(25);
    // The round trip is paid once per 25 sends when the window is what limits: still ≥ 97 % of 25/s.
    const rate = (counted.length - 1) / ((counted.at(-1)! - counted[0]!) / 1000);
    expect(rate).toBeGreaterThanOrEqual(0.97 * 25);
    expect(at.length).toBe(1_000);
  });

  it('waits for an unanswered send that opens the window, then goes a second after its answer', async () => {
    const clock = new TestClock();
    const bucket = new TokenBucket(2, 1, clock);
    const first = await bucket.take(); // at 0
    const second = await run(bucket, clock, 1, 1); // at 500
    expect(second).toEqual([500]);
    // The first send is answered only at 1,700: the third send (two back is the first) waits for it.
    let third = -1;
    void bucket.take().then((answered) => {
      third = clock.now();
      answered();
    });
    await clock.advance(1_200);
    expect(clock.now()).toBe(1_700);
    expect(third).toBe(-1);
    first();
    await clock.advance(1_000);
    expect(third).toBe(2_700);
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
