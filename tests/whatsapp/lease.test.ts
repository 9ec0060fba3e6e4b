import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BaileysConnection } from '../../src/channels/whatsapp/baileys/connection';
import {
  clearStop,
  LEASE_DEFAULTS,
  Lease,
  LeaseTimeoutError,
  leaseStatus,
} from '../../src/channels/whatsapp/baileys/lease';
import { SentMessages } from '../../src/channels/whatsapp/baileys/sent-messages';
import type { Db } from '../../src/db/client';
import { silentLogger } from '../../src/logger';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { FakeSockets, waitUntil } from '../helpers/whatsapp-socket';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('WhatsApp lease: one socket per number', () => {
  it('with the defaults, a dead holder is replaced within 30 seconds', () => {
    expect(LEASE_DEFAULTS.ttlMs + LEASE_DEFAULTS.pollMs).toBeLessThanOrEqual(30_000);
    // Several renewals fit in one lifetime, so one slow renewal does not lose the lease.
    expect(LEASE_DEFAULTS.renewMs * 3).toBeLessThanOrEqual(LEASE_DEFAULTS.ttlMs);
  });

  it('two holders: the first takes it, the second waits; renewal keeps it', async () => {
    const a = new Lease(database.db, 'two', 'a', 10_000);
    const b = new Lease(database.db, 'two', 'b', 10_000);
    expect(await a.acquire()).toEqual({ acquired: true });
    expect(await b.acquire()).toEqual({ acquired: false, stoppedReason: null, holder: 'a' });
    expect(await a.renew()).toBe(true);
    expect(await b.renew()).toBe(false);
    expect(await a.acquire()).toEqual({ acquired: true }); // re-entrant for the holder
    expect(await b.heldElsewhere()).toBe(true);
    expect(await a.heldElsewhere()).toBe(false);
  });

  it('an expired lease is taken over, and the old holder learns it lost it', async () => {
    const a = new Lease(database.db, 'expiry', 'a', 300);
    const b = new Lease(database.db, 'expiry', 'b', 10_000);
    expect((await a.acquire()).acquired).toBe(true);
    expect((await b.acquire()).acquired).toBe(false);
    await sleep(450);
    expect((await b.acquire()).acquired).toBe(true);
    expect(await a.renew()).toBe(false);
    expect((await a.acquire()).acquired).toBe(false);
  });

  it('a released lease is free at once', async () => {
    const a = new Lease(database.db, 'release', 'a', 10_000);
    const b = new Lease(database.db, 'release', 'b', 10_000);
    await a.acquire();
    await a.release();
    expect((await b.acquire()).acquired).toBe(true);
    // Releasing someone else's lease does nothing.
    await a.release();
    expect(await b.renew()).toBe(true);
  });

  it('a stopped number is taken by nobody until the stop is cleared', async () => {
    const a = new Lease(database.db, 'stopped', 'a', 10_000);
    await a.acquire();
    await a.stop('logged out');
    expect(await a.acquire()).toEqual({ acquired: false, stoppedReason: 'logged out', holder: null });
    expect((await leaseStatus(database.db, 'stopped'))?.stoppedReason).toBe('logged out');
    await clearStop(database.db, 'stopped');
    expect((await a.acquire()).acquired).toBe(true);
  });
});

const connection = (account: string, holder: string, sockets: FakeSockets) =>
  new BaileysConnection({
    db: database.db,
    logger: silentLogger,
    sent: new SentMessages(database.db),
    account,
    holder,
    makeSocket: sockets.make,
    // A lease long enough that a loaded machine does not lose it between two renewals.
    lease: { ttlMs: 1_500, renewMs: 100, pollMs: 50 },
    watchdog: { intervalMs: 60_000 },
  });

describe('WhatsApp lease: connections in two processes', () => {
  it('only the holder opens a socket; when it stops, the other takes over', async () => {
    const sa = new FakeSockets();
    const sb = new FakeSockets();
    const a = connection('procs', 'proc-a', sa);
    const b = connection('procs', 'proc-b', sb);
    a.start();
    await waitUntil(() => sa.all.length === 1);
    b.start();
    sa.last.open();
    await sleep(300); // several polls of b, several renewals of a
    expect(sb.all).toHaveLength(0);
    expect(b.status).toBe('standby');
    await a.stop();
    expect(sa.last.ended).toBe(true);
    await waitUntil(() => sb.all.length === 1, 2_000);
    sb.last.open();
    await waitUntil(() => b.status === 'open');
    await b.stop();
  });

  it('a holder that died (stopped renewing) is replaced after its lease expires', async () => {
    const dead = new Lease(database.db, 'died', 'dead-process', 500);
    await dead.acquire();
    const sb = new FakeSockets();
    const b = connection('died', 'proc-b', sb);
    const started = Date.now();
    b.start();
    await waitUntil(() => sb.all.length === 1, 3_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    await b.stop();
  });

  it('a holder whose lease was taken closes its socket at once and stands by', async () => {
    const sa = new FakeSockets();
    const a = connection('taken', 'proc-a', sa);
    a.start();
    await waitUntil(() => sa.all.length === 1);
    sa.last.open();
    await waitUntil(() => a.status === 'open');
    // Another process took it (as after a long pause of this one).
    await database.db.execute(
      sql`update whatsapp_leases set holder = 'proc-z', expires_at = now() + interval '1 minute' where account = 'taken'`,
    );
    await waitUntil(() => sa.last.ended, 2_000);
    expect(a.status).toBe('standby');
    expect(a.current()).toBeUndefined();
    await a.stop();
  });
});

describe('WhatsApp lease: fencing (issue #16)', () => {
  it('stop() stops only its own lease or nobody’s: a stale process cannot stop the healthy holder', async () => {
    const stale = new Lease(database.db, 'fence', 'stale', 300);
    const healthy = new Lease(database.db, 'fence', 'healthy', 10_000);
    expect((await stale.acquire()).acquired).toBe(true);
    await sleep(450); // the stale process was paused past its lease …
    expect((await healthy.acquire()).acquired).toBe(true); // … and the other one took over
    expect(await stale.stop('connection replaced by another session')).toBe(false);
    expect(await healthy.renew()).toBe(true);
    expect(await leaseStatus(database.db, 'fence')).toMatchObject({
      holder: 'healthy',
      live: true,
      stoppedReason: null,
    });
    // Its own lease the holder can stop, and a lease nobody holds can be stopped by anyone.
    expect(await healthy.stop('logged out')).toBe(true);
    expect((await leaseStatus(database.db, 'fence'))?.stoppedReason).toBe('logged out');
    expect(await stale.stop('logged out')).toBe(true);
  });

  it('every lease query has a deadline: a database that does not answer fails it quickly', async () => {
    const hanging = {
      execute: () => new Promise(() => {}),
      transaction: () => new Promise(() => {}),
    } as unknown as Db;
    const lease = new Lease(hanging, 'hang', 'a', 10_000, 100);
    const started = Date.now();
    for (const query of [
      () => lease.acquire(),
      () => lease.renew(),
      () => lease.release(),
      () => lease.stop('x'),
      () => lease.heldElsewhere(),
    ])
      await expect(query()).rejects.toBeInstanceOf(LeaseTimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('the takeover race: of processes taking an expired lease at once, exactly one wins', async () => {
    for (let round = 0; round < 15; round++) {
      const account = `race-${round}`;
      await new Lease(database.db, account, 'dead', 50).acquire();
      await sleep(70);
      const contenders = ['b', 'c', 'd'].map((h) => new Lease(database.db, account, h, 10_000));
      const results = await Promise.all(contenders.map((l) => l.acquire()));
      expect(
        results.filter((r) => r.acquired),
        `round ${round}`,
      ).toHaveLength(1);
      const winner = contenders[results.findIndex((r) => r.acquired)]!;
      expect((await leaseStatus(database.db, account))?.holder).toBe(winner.holder);
      expect(await Promise.all(contenders.map((l) => l.renew()))).toEqual(
        contenders.map((l) => l === winner),
      );
    }
  });

  it('a stale holder whose socket is replaced (440) after a takeover leaves the new holder open', async () => {
    const sa = new FakeSockets();
    const sb = new FakeSockets();
    // The stale process renews rarely (it is "paused"); the other one polls often.
    const a = new BaileysConnection({
      db: database.db,
      logger: silentLogger,
      sent: new SentMessages(database.db),
      account: 'takeover',
      holder: 'proc-a',
      makeSocket: sa.make,
      lease: { ttlMs: 20_000, renewMs: 10_000, pollMs: 50 },
      watchdog: { intervalMs: 60_000 },
    });
    const b = connection('takeover', 'proc-b', sb);
    a.start();
    await waitUntil(() => sa.all.length === 1);
    sa.last.open();
    await waitUntil(() => a.status === 'open');
    b.start();
    await sleep(150);
    expect(sb.all).toHaveLength(0);
    // A's lease ran out while it was paused, and B took the number over.
    await database.db.execute(
      sql`update whatsapp_leases set holder = 'proc-b', expires_at = now() + interval '1 minute' where account = 'takeover'`,
    );
    await waitUntil(() => sb.all.length === 1, 2_000);
    sb.last.open();
    await waitUntil(() => b.status === 'open');
    // WhatsApp now closes A's socket: the same session connected elsewhere.
    sa.last.close(440);
    await waitUntil(() => a.status === 'standby');
    await sleep(400); // several renewals of B
    expect(b.status).toBe('open');
    expect(sb.all).toHaveLength(1);
    expect(await leaseStatus(database.db, 'takeover')).toMatchObject({
      holder: 'proc-b',
      live: true,
      stoppedReason: null,
    });
    expect(a.health()).toMatchObject({ ok: true, status: 'standby' });
    await a.stop();
    await b.stop();
  });
});
