import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { identities, messages } from '../db/schema';
import { errorSummary } from '../engine/engine';
import type { Logger } from '../logger';
import type { Delivery } from '../shared/conversation';
import { failureOf, type SenderRegistry, type SendOk } from './sender';

export const MAX_ATTEMPTS = 8;

/** Exponential backoff with jitter: 2 s, 4 s, 8 s … capped at 10 minutes. */
export function backoffMs(attempt: number): number {
  const base = Math.min(600_000, 2_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/** Longest a single send may run before its outcome counts as unknown (grammY's own timeout is the same). */
export const SEND_CAP_MS = 30_000;
/** A send outliving its caller's wait keeps its row (and its chat's next ones) this long past the cap. */
const HOLD_MARGIN_MS = 15_000;

export interface DeliverOptions {
  db: Db;
  senders: SenderRegistry;
  logger: Logger;
  /**
   * How long to wait for one send (the dispatcher: 10 s). A send that takes longer is not cancelled — the
   * platform may be about to deliver it — but finishes in the background: its outcome is recorded when
   * it comes, and that chat's later messages go to the dispatcher once it has.
   */
  waitMs?: number;
  /**
   * When the caller must have its answer (`performance.now()` time; the webhook's budget): no send
   * starts after it, and a send in flight at that moment finishes in the background as above.
   */
  deadline?: number;
  /**
   * The clock `deadline` is read on (default `performance.now`). Tests pass one that a loaded machine
   * does not move, so a turn made slow by other processes still sends its replies before it answers.
   */
  now?: () => number;
  /** Hard cap on one send (default SEND_CAP_MS): past it the outcome is unknown. */
  capMs?: number;
  /** Records successes in batches across requests (the request path); without it, right away. */
  marker?: SentMarker;
  /** Waits before each send: the dispatcher's rate limits (per channel and per chat); may give back
   * what to call once the platform answered that send (the pace's one-second window). */
  beforeSend?: (delivery: Delivery) => Promise<(() => void) | undefined>;
  /** The platform answered "too many requests": the dispatcher pauses the whole channel. */
  onRateLimited?: (channel: Delivery['channel'], retryAfterMs: number) => void;
  /** Keeps the sends that outlived their wait, so shutdown can let them finish and record them. */
  background?: BackgroundSends;
}

/**
 * Sends that outlived their caller's wait, still running. Shutdown waits for them (up to a limit) so
 * their outcome is recorded; one cut off by the process ending comes back after its lease.
 */
export class BackgroundSends {
  private readonly running = new Set<Promise<void>>();

  track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  get size(): number {
    return this.running.size;
  }

  /** Waits for every running send, at most `timeoutMs`; true when none is left. */
  async settle(timeoutMs = SEND_CAP_MS + 5_000): Promise<boolean> {
    const end = Date.now() + timeoutMs;
    while (this.running.size > 0) {
      const left = end - Date.now();
      if (left <= 0) return false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.allSettled([...this.running]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, left);
        }),
      ]);
      clearTimeout(timer);
    }
    return true;
  }
}

const OUTLIVED = Symbol('outlived');

/**
 * A send that did not go: the chat's later messages wait this long too (0: leave them for the queue);
 * `uncounted`: they were not tried, and another process will try them (their attempt is given back).
 */
interface Stopped {
  holdMs: number;
  uncounted?: boolean;
}

/**
 * Sends outbox rows the caller holds (status `sending`) and records the outcome. What could not be
 * sent stays in the outbox for the dispatcher: nothing is lost, and a row marked sent is never resent.
 * A deadline bounds how long the caller waits, never whether a send that is already out may finish.
 */
export async function deliver(deliveries: Delivery[], options: DeliverOptions): Promise<void> {
  // One chat's messages go in order: a failure leaves the rest of that chat's messages to the dispatcher
  // (after the same pause when the recipient alone is rate-limited).
  const stoppedAddresses = new Map<string, Stopped>();
  // Chats whose send is still running in the background: their later messages wait for it.
  const handedOff = new Set<string>();
  const sent: Array<{ id: number; pid: string | null }> = [];
  const keyOf = (d: Delivery) => `${d.channel}:${d.address}`;
  try {
    for (let i = 0; i < deliveries.length; i++) {
      const delivery = deliveries[i]!;
      const key = keyOf(delivery);
      if (handedOff.has(key)) continue;
      // beforeSend may give back `answered`, called once the platform answered this send (the pace's
      // one-second window counts from then; src/outbox/token-bucket.ts) — or at once if it never goes.
      const answered =
        !stoppedAddresses.has(key) && options.beforeSend ? await options.beforeSend(delivery) : undefined;
      const wait = waitFor(options);
      const held = stoppedAddresses.get(key);
      if (held !== undefined || wait <= 0) {
        answered?.();
        await release(options.db, delivery.id, held?.holdMs ?? 0, null, held?.uncounted);
        continue;
      }
      const attempt = deliverOne(delivery, options);
      if (answered) void attempt.then(answered, answered);
      const result = Number.isFinite(wait) ? await within(attempt, wait) : await attempt;
      if (result === OUTLIVED) {
        handedOff.add(key);
        const later = deliveries.slice(i + 1).filter((d) => keyOf(d) === key);
        await finishLater(delivery, attempt, later, options);
        continue;
      }
      if ('holdMs' in result) stoppedAddresses.set(key, result);
      else sent.push({ id: delivery.id, pid: result.platformMessageId ?? null });
    }
  } finally {
    if (sent.length) await record(options, sent);
  }
}

/** How long the next send may be waited for: the per-send wait, within the deadline. */
function waitFor(options: DeliverOptions): number {
  const untilDeadline =
    options.deadline === undefined
      ? Number.POSITIVE_INFINITY
      : options.deadline - (options.now ? options.now() : performance.now());
  return Math.min(options.waitMs ?? Number.POSITIVE_INFINITY, untilDeadline);
}

async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof OUTLIVED> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<typeof OUTLIVED>((resolve) => {
        timer = setTimeout(() => resolve(OUTLIVED), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A send outlived the wait. Its row and the chat's later rows stay reserved (leased) until the send
 * can no longer be running; in the background its outcome is recorded, then the later rows go to the
 * dispatcher — in order, after it, never beside it.
 */
async function finishLater(
  delivery: Delivery,
  attempt: Promise<SendOk | Stopped>,
  later: Delivery[],
  options: DeliverOptions,
): Promise<void> {
  const { db, logger } = options;
  const holdMs = (options.capMs ?? SEND_CAP_MS) + HOLD_MARGIN_MS;
  await db
    .update(messages)
    .set({ availableAt: sql`now() + make_interval(secs => ${holdMs / 1000})` })
    .where(
      and(
        inArray(
          messages.id,
          [delivery, ...later].map((d) => d.id),
        ),
        eq(messages.status, 'sending'),
      ),
    );
  logger.info(
    { messageId: delivery.id, channel: delivery.channel, waiting: later.length },
    'send outlived its wait: finishing in the background',
  );
  const work = (async () => {
    const result = await attempt;
    const stopped = 'holdMs' in result ? result : undefined;
    if (!('holdMs' in result))
      await record(options, [{ id: delivery.id, pid: result.platformMessageId ?? null }]);
    for (const next of later) await release(db, next.id, stopped?.holdMs ?? 0, null, stopped?.uncounted);
  })().catch((error: unknown) =>
    logger.error({ err: errorSummary(error), messageId: delivery.id }, 'recording a late send failed'),
  );
  if (options.background) options.background.track(work);
}

async function record(options: DeliverOptions, sent: Array<{ id: number; pid: string | null }>) {
  if (options.marker) options.marker.add(sent);
  else await markSent(options.db, sent);
}

/**
 * Marks sent messages in one statement every few milliseconds instead of one per request: on a small
 * machine every round trip counts. If the process dies before a flush, those rows come back after
 * their lease and are sent again — the same window as dying between a send and its mark.
 */
export class SentMarker {
  private pending: Array<{ id: number; pid: string | null }> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly delayMs = 20,
  ) {}

  add(sent: Array<{ id: number; pid: string | null }>): void {
    this.pending.push(...sent);
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
  }

  /**
   * Writes what is pending. Group commit: the batch is taken when the previous write has finished, so
   * while one statement runs the next batch gathers (with `delayMs` 0 the dispatcher marks within a
   * round trip of each send, keeping the crash window small, and still in few statements under load).
   */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return this.flushing;
    this.flushing = this.flushing.then(async () => {
      const batch = this.pending;
      this.pending = [];
      if (batch.length === 0) return;
      await markSent(this.db, batch).catch((error: unknown) =>
        this.logger.error({ err: errorSummary(error), count: batch.length }, 'marking messages sent failed'),
      );
    });
    return this.flushing;
  }
}

async function markSent(db: Db, sent: Array<{ id: number; pid: string | null }>): Promise<void> {
  await db.execute(sql`
    update messages m set status = 'sent', sent_at = now(), platform_message_id = v.pid, error = null
    from jsonb_to_recordset(${JSON.stringify(sent)}::jsonb) as v(id bigint, pid text)
    where m.id = v.id`);
}

async function deliverOne(delivery: Delivery, options: DeliverOptions): Promise<SendOk | Stopped> {
  const { db, senders, logger } = options;
  const sender = senders.get(delivery.channel);
  if (!sender) {
    await release(db, delivery.id, 5_000, 'no sender for channel');
    return { holdMs: 0 };
  }
  // Only the hard cap aborts a send: a caller's deadline never cancels one already out.
  const cap = AbortSignal.timeout(options.capMs ?? SEND_CAP_MS);
  try {
    return await sender.send(
      delivery.address,
      delivery.message,
      cap,
      delivery.broadcast ? { broadcast: true } : undefined,
    );
  } catch (error) {
    const failure = failureOf(error, cap);
    const [row] = await db
      .select({ attempts: messages.attempts })
      .from(messages)
      .where(eq(messages.id, delivery.id));
    const attempts = row?.attempts ?? 1;
    // A deferred send is routine (another process sends it), not worth a warning.
    logger[failure.kind === 'deferred' ? 'debug' : 'warn'](
      {
        messageId: delivery.id,
        channel: delivery.channel,
        failure: failure.kind,
        attempts,
        err: errorSummary(error),
      },
      'send failed',
    );
    switch (failure.kind) {
      case 'rate_limited':
        if (failure.scope === 'recipient') {
          // Only this person is limited: their messages wait, the channel goes on for everyone else.
          await release(db, delivery.id, failure.retryAfterMs, 'rate limited (recipient)');
          return { holdMs: failure.retryAfterMs };
        }
        options.onRateLimited?.(delivery.channel, failure.retryAfterMs);
        await release(db, delivery.id, failure.retryAfterMs, 'rate limited');
        break;
      case 'blocked':
        await db
          .update(messages)
          .set({ status: 'blocked', error: 'blocked by recipient' })
          .where(eq(messages.id, delivery.id));
        await db
          .update(identities)
          .set({ unreachable: true })
          .where(and(eq(identities.channel, delivery.channel), eq(identities.address, delivery.address)));
        break;
      case 'permanent':
        await db
          .update(messages)
          .set({ status: 'failed', error: errorSummary(error).message })
          .where(eq(messages.id, delivery.id));
        break;
      case 'unknown':
        // It may have arrived: sending it again risks a duplicate, which is worse than a rare loss.
        await db
          .update(messages)
          .set({ status: 'unknown', error: errorSummary(error).message })
          .where(eq(messages.id, delivery.id));
        break;
      case 'deferred':
        await release(db, delivery.id, failure.retryAfterMs, errorSummary(error).message, true);
        return { holdMs: failure.retryAfterMs, uncounted: true };
      case 'transient':
        if (attempts >= MAX_ATTEMPTS)
          await db
            .update(messages)
            .set({ status: 'failed', error: errorSummary(error).message })
            .where(eq(messages.id, delivery.id));
        else await release(db, delivery.id, backoffMs(attempts), errorSummary(error).message);
        break;
    }
    return { holdMs: 0 };
  }
}

/** Puts a row back in the queue, available again after `delayMs` (`uncounted`: the attempt is given back). */
async function release(
  db: Db,
  id: number,
  delayMs: number,
  error: string | null,
  uncounted = false,
): Promise<void> {
  await db
    .update(messages)
    .set({
      status: 'pending',
      availableAt: sql`now() + make_interval(secs => ${delayMs / 1000})`,
      error,
      ...(uncounted ? { attempts: sql`greatest(${messages.attempts} - 1, 0)` } : {}),
    })
    .where(and(eq(messages.id, id), inArray(messages.status, ['sending', 'pending'])));
}
