import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { identities, messages, users } from '../db/schema';
import { errorSummary } from '../engine/engine';
import { type PresentationOptions, presentFor } from '../engine/presentation';
import type { Channel, Delivery, Outbound } from '../engine/types';
import { isLocale } from '../i18n';
import type { Logger } from '../logger';
import { deliver } from './delivery';
import type { SenderRegistry } from './sender';
import { TokenBucket } from './token-bucket';

export interface DispatcherOptions {
  db: Db;
  senders: SenderRegistry;
  logger: Logger;
  batchSize?: number;
  /** How long a claimed row is reserved; a crashed worker's rows come back after it. */
  leaseMs?: number;
  idleMs?: number;
  /** Messages per second per channel. */
  rates?: Partial<Record<Channel, number>>;
  sendTimeoutMs?: number;
  deepLink?: PresentationOptions['deepLink'];
}

const DEFAULT_RATES: Record<Channel, number> = { telegram: 25, whatsapp: 1, simulator: 1000 };

/**
 * Drains the outbox: claims due rows with FOR UPDATE SKIP LOCKED (so any number of workers can run),
 * leases them, and sends them under a per-channel token bucket.
 */
export class Dispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private readonly buckets = new Map<Channel, TokenBucket>();

  constructor(private readonly options: DispatcherOptions) {}

  /** Claims one batch and sends it; returns how many rows it claimed. */
  async drainOnce(): Promise<number> {
    const { db } = this.options;
    const batchSize = this.options.batchSize ?? 50;
    const leaseSecs = (this.options.leaseMs ?? 30_000) / 1000;
    const due = db
      .select({ id: messages.id })
      .from(messages)
      .where(
        and(
          eq(messages.direction, 'out'),
          inArray(messages.status, ['pending', 'sending']),
          lte(messages.availableAt, sql`now()`),
        ),
      )
      .orderBy(asc(messages.id))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    const claimed = await db
      .update(messages)
      .set({
        status: 'sending',
        attempts: sql`${messages.attempts} + 1`,
        availableAt: sql`now() + make_interval(secs => ${leaseSecs})`,
      })
      .where(inArray(messages.id, due))
      .returning({
        id: messages.id,
        channel: messages.channel,
        identityId: messages.identityId,
        body: messages.body,
        origin: messages.origin,
      });
    if (claimed.length === 0) return 0;

    const identityIds = [
      ...new Set(claimed.map((c) => c.identityId).filter((id): id is string => id !== null)),
    ];
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
    for (const row of claimed.sort((a, b) => a.id - b.id)) {
      const recipient = row.identityId ? recipients.get(row.identityId) : undefined;
      if (!recipient) {
        await db
          .update(messages)
          .set({ status: 'failed', error: 'recipient gone' })
          .where(eq(messages.id, row.id));
        continue;
      }
      // Replies were shaped for the person when the engine wrote them; everything else (reminders,
      // alerts, notices) is shaped now: their language's links, simple-text mode, numbered choices.
      const message =
        row.origin === 'bot'
          ? (row.body as Outbound)
          : presentFor(row.body as Outbound, {
              channel: row.channel,
              simpleText: recipient.simpleText,
              locale: isLocale(recipient.locale) ? recipient.locale : 'id',
              ...(this.options.deepLink ? { deepLink: this.options.deepLink } : {}),
            });
      deliveries.push({ id: row.id, channel: row.channel, address: recipient.address, message });
    }
    for (const delivery of deliveries) {
      await this.bucket(delivery.channel).take();
      await deliver([delivery], { ...this.options, timeoutMs: this.options.sendTimeoutMs ?? 10_000 });
    }
    return claimed.length;
  }

  start(): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      let claimed = 0;
      this.running = (async () => {
        try {
          claimed = await this.drainOnce();
        } catch (error) {
          this.options.logger.error({ err: errorSummary(error) }, 'dispatcher batch failed');
        }
      })();
      await this.running;
      if (!this.stopped) this.timer = setTimeout(tick, claimed > 0 ? 0 : (this.options.idleMs ?? 1_000));
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops claiming and waits for the batch in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private bucket(channel: Channel): TokenBucket {
    let bucket = this.buckets.get(channel);
    if (!bucket) {
      bucket = new TokenBucket(this.options.rates?.[channel] ?? DEFAULT_RATES[channel]);
      this.buckets.set(channel, bucket);
    }
    return bucket;
  }
}
