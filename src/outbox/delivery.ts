import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { identities, messages } from '../db/schema';
import { errorSummary } from '../engine/engine';
import type { Delivery } from '../engine/types';
import type { Logger } from '../logger';
import { SendError, type SenderRegistry, type SendOk } from './sender';

export const MAX_ATTEMPTS = 8;

/** Exponential backoff with jitter: 2 s, 4 s, 8 s … capped at 10 minutes. */
export function backoffMs(attempt: number): number {
  const base = Math.min(600_000, 2_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

export interface DeliverOptions {
  db: Db;
  senders: SenderRegistry;
  logger: Logger;
  /** Abort a send after this long (the request path must answer the platform quickly). */
  timeoutMs?: number;
  /** A deadline shared by several sends; once it fires the rest are left to the dispatcher untried. */
  signal?: AbortSignal;
  /** Records successes in batches across requests (the request path); without it, right away. */
  marker?: SentMarker;
  /** Waits before each send: the dispatcher's rate limits (per channel and per chat). */
  beforeSend?: (delivery: Delivery) => Promise<void>;
  /** The platform answered "too many requests": the dispatcher pauses the whole channel. */
  onRateLimited?: (channel: Delivery['channel'], retryAfterMs: number) => void;
}

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
 */
export async function deliver(deliveries: Delivery[], options: DeliverOptions): Promise<void> {
  // One chat's messages go in order: a failure leaves the rest of that chat's messages to the dispatcher
  // (after the same pause when the recipient alone is rate-limited).
  const stoppedAddresses = new Map<string, Stopped>();
  const sent: Array<{ id: number; pid: string | null }> = [];
  try {
    for (const delivery of deliveries) {
      const key = `${delivery.channel}:${delivery.address}`;
      if (!stoppedAddresses.has(key) && options.beforeSend) await options.beforeSend(delivery);
      const held = stoppedAddresses.get(key);
      if (held !== undefined || options.signal?.aborted) {
        await release(options.db, delivery.id, held?.holdMs ?? 0, null, held?.uncounted);
        continue;
      }
      const result = await deliverOne(delivery, options);
      if ('holdMs' in result) stoppedAddresses.set(key, result);
      else sent.push({ id: delivery.id, pid: result.platformMessageId ?? null });
    }
  } finally {
    if (sent.length) {
      if (options.marker) options.marker.add(sent);
      else await markSent(options.db, sent);
    }
  }
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
  const signals = [
    options.signal,
    options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined,
  ].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  try {
    return await sender.send(
      delivery.address,
      delivery.message,
      signal,
      delivery.broadcast ? { broadcast: true } : undefined,
    );
  } catch (error) {
    const failure = error instanceof SendError ? error.failure : ({ kind: 'transient' } as const);
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
      case 'deferred':
        await release(db, delivery.id, failure.retryAfterMs, errorSummary(error).message, true);
        return { holdMs: failure.retryAfterMs, uncounted: true };
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
