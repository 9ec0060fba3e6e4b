import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { rowsOf } from '../../../db/rows';

/*
 * Exactly one socket per WhatsApp number across every process: a lease row in Postgres (holder and
 * expiry, compared with the database's clock, so the machines' clocks do not matter). The holder renews
 * it every `renewMs`; the others try every `pollMs` and take it once it has expired. A holder that
 * dies is replaced after at most ttlMs + pollMs (20 s + 5 s with the defaults); one that stops cleanly
 * releases the lease and is replaced within pollMs.
 */

export const LEASE_DEFAULTS = { ttlMs: 20_000, renewMs: 5_000, pollMs: 5_000 };

export type LeaseAttempt =
  | { acquired: true }
  | { acquired: false; stoppedReason: string | null; holder: string | null };

export function newHolderId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export class Lease {
  constructor(
    private readonly db: Db,
    readonly account: string,
    readonly holder: string,
    readonly ttlMs = LEASE_DEFAULTS.ttlMs,
  ) {}

  /** Takes the lease when it is free, expired or already ours; never while the number is stopped. */
  async acquire(): Promise<LeaseAttempt> {
    const secs = this.ttlMs / 1000;
    const taken = rowsOf(
      await this.db.execute(sql`
        insert into whatsapp_leases (account, holder, expires_at, acquired_at)
        values (${this.account}, ${this.holder}, now() + make_interval(secs => ${secs}), now())
        on conflict (account) do update set holder = excluded.holder, expires_at = excluded.expires_at,
          acquired_at = case when whatsapp_leases.holder = excluded.holder then whatsapp_leases.acquired_at
            else now() end,
          updated_at = now()
        where whatsapp_leases.stopped_reason is null
          and (whatsapp_leases.holder = excluded.holder or whatsapp_leases.holder is null
            or whatsapp_leases.expires_at < now())
        returning 1`),
    );
    if (taken.length) return { acquired: true };
    const [row] = rowsOf<{ stopped_reason: string | null; holder: string | null }>(
      await this.db.execute(
        sql`select stopped_reason, holder from whatsapp_leases where account = ${this.account}`,
      ),
    );
    return { acquired: false, stoppedReason: row?.stopped_reason ?? null, holder: row?.holder ?? null };
  }

  /** Extends our lease; false when another process has taken it (we must close the socket at once). */
  async renew(): Promise<boolean> {
    const rows = rowsOf(
      await this.db.execute(sql`
        update whatsapp_leases set expires_at = now() + make_interval(secs => ${this.ttlMs / 1000}),
          updated_at = now()
        where account = ${this.account} and holder = ${this.holder}
        returning 1`),
    );
    return rows.length > 0;
  }

  /** Gives the lease up so a waiting process can take over at once. */
  async release(): Promise<void> {
    await this.db.execute(sql`
      update whatsapp_leases set holder = null, expires_at = now(), updated_at = now()
      where account = ${this.account} and holder = ${this.holder}`);
  }

  /**
   * Keeps every process away from the number (logged out, replaced, forbidden) until someone pairs
   * again: restarting would only repeat the failure, or fight the other session.
   */
  async stop(reason: string): Promise<void> {
    await this.db.execute(sql`
      insert into whatsapp_leases (account, holder, expires_at, stopped_reason)
      values (${this.account}, null, now(), ${reason})
      on conflict (account) do update set holder = null, expires_at = now(), stopped_reason = ${reason},
        updated_at = now()`);
  }

  /** Whether another live process holds the number (this process should leave the sending to it). */
  async heldElsewhere(): Promise<boolean> {
    const rows = rowsOf(
      await this.db.execute(sql`
        select 1 from whatsapp_leases where account = ${this.account} and holder is not null
          and holder <> ${this.holder} and expires_at > now()`),
    );
    return rows.length > 0;
  }
}

/** Clears a stop (the login command does this after a successful pairing or a logout). */
export async function clearStop(db: Db, account: string): Promise<void> {
  await db.execute(sql`update whatsapp_leases set stopped_reason = null, updated_at = now()
    where account = ${account}`);
}

export async function leaseStatus(
  db: Db,
  account: string,
): Promise<{ holder: string | null; live: boolean; stoppedReason: string | null } | undefined> {
  const [row] = rowsOf<{ holder: string | null; live: boolean; stopped_reason: string | null }>(
    await db.execute(sql`
      select holder, expires_at > now() as live, stopped_reason from whatsapp_leases where account = ${account}`),
  );
  return row ? { holder: row.holder, live: row.live, stoppedReason: row.stopped_reason } : undefined;
}
