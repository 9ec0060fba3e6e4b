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

export const LEASE_DEFAULTS = { ttlMs: 20_000, renewMs: 5_000, pollMs: 5_000, queryTimeoutMs: 4_000 };

/**
 * A lease query that did not answer in time. A renewal that hangs must not keep a socket open past the
 * lease's expiry (another process may take over meanwhile), so every lease query has a deadline.
 */
export class LeaseTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`whatsapp lease ${what} did not answer within ${ms} ms`);
  }
}

/** What the holder notes on its lease row at the next renewal (for the status command). */
export interface LeaseNote {
  openedAt?: Date;
  version?: string;
  lastClose?: string;
  lastCloseAt?: Date;
}

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
    readonly queryTimeoutMs = LEASE_DEFAULTS.queryTimeoutMs,
  ) {}

  /** Runs one lease query with its deadline (the query itself may still finish later; it is idempotent). */
  private async run<T>(what: string, query: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LeaseTimeoutError(what, this.queryTimeoutMs)), this.queryTimeoutMs);
    });
    try {
      return await Promise.race([query(), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Takes the lease when it is free, expired or already ours; never while the number is stopped. */
  acquire(): Promise<LeaseAttempt> {
    return this.run('acquire', () => this.tryAcquire());
  }

  private async tryAcquire(): Promise<LeaseAttempt> {
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

  /**
   * Extends our lease; false when another process has taken it (we must close the socket at once).
   * Carries what the status command shows (when the socket opened and with which WhatsApp Web version,
   * why it last closed), so noting them costs no query of its own.
   */
  renew(note: LeaseNote = {}): Promise<boolean> {
    return this.run('renewal', async () => {
      const rows = rowsOf(
        await this.db.execute(sql`
          update whatsapp_leases set expires_at = now() + make_interval(secs => ${this.ttlMs / 1000}),
            opened_at = coalesce(${note.openedAt?.toISOString() ?? null}::timestamptz, opened_at),
            wa_version = coalesce(${note.version ?? null}::text, wa_version),
            last_close = coalesce(${note.lastClose?.slice(0, 200) ?? null}::text, last_close),
            last_close_at = coalesce(${note.lastCloseAt?.toISOString() ?? null}::timestamptz, last_close_at),
            updated_at = now()
          where account = ${this.account} and holder = ${this.holder}
          returning 1`),
      );
      return rows.length > 0;
    });
  }

  /** Gives the lease up so a waiting process can take over at once (only our own). */
  release(): Promise<void> {
    return this.run('release', async () => {
      await this.db.execute(sql`
        update whatsapp_leases set holder = null, expires_at = now(), updated_at = now()
        where account = ${this.account} and holder = ${this.holder}`);
    });
  }

  /**
   * Keeps every process away from the number (logged out, replaced, forbidden) until someone pairs
   * again: restarting would only repeat the failure, or fight the other session. Fenced: only while the
   * lease is ours or nobody's. A stale process whose socket was replaced (440) *because* another process
   * took the lease over must not stop that healthy holder: then it returns false and changes nothing.
   */
  stop(reason: string, lastClose = reason, options: { forgetSession?: boolean } = {}): Promise<boolean> {
    return this.run('stop', () =>
      this.db.transaction(async (tx) => {
        const rows = rowsOf(
          await tx.execute(sql`
          insert into whatsapp_leases (account, holder, expires_at, stopped_reason, last_close, last_close_at)
          values (${this.account}, null, now(), ${reason}, ${lastClose.slice(0, 200)}, now())
          on conflict (account) do update set holder = null, expires_at = now(),
            stopped_reason = excluded.stopped_reason, last_close = excluded.last_close,
            last_close_at = excluded.last_close_at, updated_at = now()
          where whatsapp_leases.holder = ${this.holder} or whatsapp_leases.holder is null
            or whatsapp_leases.expires_at < now()
          returning 1`),
        );
        if (rows.length === 0) return false;
        // Logged out: the session is worthless; forgotten in the same transaction, so no process sees
        // the number stopped with the old session still there.
        if (options.forgetSession) {
          await tx.execute(sql`delete from whatsapp_auth_keys where account = ${this.account}`);
          await tx.execute(sql`delete from whatsapp_auth_creds where account = ${this.account}`);
        }
        return true;
      }),
    );
  }

  /** Whether another live process holds the number (this process should leave the sending to it). */
  heldElsewhere(): Promise<boolean> {
    return this.run('check', async () => {
      const rows = rowsOf(
        await this.db.execute(sql`
          select 1 from whatsapp_leases where account = ${this.account} and holder is not null
            and holder <> ${this.holder} and expires_at > now()`),
      );
      return rows.length > 0;
    });
  }
}

/** Clears a stop (the login command does this after a successful pairing or a logout). */
export async function clearStop(db: Db, account: string): Promise<void> {
  await db.execute(sql`update whatsapp_leases set stopped_reason = null, updated_at = now()
    where account = ${account}`);
}

export interface LeaseStatus {
  holder: string | null;
  live: boolean;
  stoppedReason: string | null;
  openedAt: Date | null;
  waVersion: string | null;
  lastClose: string | null;
  lastCloseAt: Date | null;
}

export async function leaseStatus(db: Db, account: string): Promise<LeaseStatus | undefined> {
  const [row] = rowsOf<{
    holder: string | null;
    live: boolean;
    stopped_reason: string | null;
    opened_at: string | Date | null;
    wa_version: string | null;
    last_close: string | null;
    last_close_at: string | Date | null;
  }>(
    await db.execute(sql`
      select holder, expires_at > now() as live, stopped_reason, opened_at, wa_version, last_close, last_close_at
      from whatsapp_leases where account = ${account}`),
  );
  const date = (v: string | Date | null) => (v === null ? null : new Date(v));
  return row
    ? {
        holder: row.holder,
        live: row.live,
        stoppedReason: row.stopped_reason,
        openedAt: date(row.opened_at),
        waVersion: row.wa_version,
        lastClose: row.last_close,
        lastCloseAt: date(row.last_close_at),
      }
    : undefined;
}
