import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import type { Channel } from '../shared/conversation';

export interface CoordinationState {
  /** Dispatcher processes alive now (this one included): each sends at rate / workers. */
  workers: number;
  /** Channels another process saw a 429 on, and for how many more milliseconds to wait. */
  pauses: Map<Channel, number>;
}

/**
 * What several dispatcher processes share through the database: a platform's rate limit is per bot, not
 * per process, so live workers split it (a heartbeat row each), and a 429 seen by one pauses that
 * channel for all (`outbox_channel_pauses`). Cheap: one round trip every few seconds per process.
 */
export class OutboxCoordinator {
  readonly workerId = randomUUID();
  private last: CoordinationState = { workers: 1, pauses: new Map() };
  private lastSync = 0;
  private syncing: Promise<CoordinationState> | undefined;

  constructor(
    private readonly db: Db,
    private readonly intervalMs = 3_000,
    /** A worker whose heartbeat is older than this is gone (killed, or stopped without saying). */
    private readonly aliveMs = 10_000,
  ) {}

  /** Heartbeat + the shared state, at most once per interval (otherwise the last answer). */
  async sync(force = false): Promise<CoordinationState> {
    if (!force && performance.now() - this.lastSync < this.intervalMs) return this.last;
    this.syncing ??= this.refresh().finally(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  private async refresh(): Promise<CoordinationState> {
    const [beat] = rowsOf<{ workers: number | string }>(
      await this.db.execute(sql`
        with beat as (
          insert into outbox_workers (worker_id, seen_at) values (${this.workerId}, now())
          on conflict (worker_id) do update set seen_at = now()
          returning worker_id
        )
        select (select count(*) from outbox_workers
                where seen_at > now() - make_interval(secs => ${this.aliveMs / 1000})
                  and worker_id <> ${this.workerId}) + (select count(*) from beat) as workers`),
    );
    const pauses = rowsOf<{ channel: Channel; ms: number | string }>(
      await this.db.execute(sql`
        select channel, extract(epoch from paused_until - now()) * 1000 as ms
        from outbox_channel_pauses where paused_until > now()`),
    );
    this.lastSync = performance.now();
    this.last = {
      workers: Math.max(1, Number(beat?.workers ?? 1)),
      pauses: new Map(pauses.map((p) => [p.channel, Number(p.ms)])),
    };
    return this.last;
  }

  /** Tells the other processes to hold `channel` for `ms`. */
  async pause(channel: Channel, ms: number): Promise<void> {
    await this.db.execute(sql`
      insert into outbox_channel_pauses (channel, paused_until)
      values (${channel}, now() + make_interval(secs => ${ms / 1000}))
      on conflict (channel) do update set paused_until = greatest(outbox_channel_pauses.paused_until, excluded.paused_until)`);
  }

  /** This process stops: the others take its share at their next heartbeat. */
  async leave(): Promise<void> {
    await this.db.execute(sql`delete from outbox_workers where worker_id = ${this.workerId}`);
  }
}
