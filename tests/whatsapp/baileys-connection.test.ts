import { DisconnectReason } from 'baileys';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCreds, usePostgresAuthState } from '../../src/channels/whatsapp/baileys/auth-state';
import {
  BaileysConnection,
  type BaileysConnectionOptions,
} from '../../src/channels/whatsapp/baileys/connection';
import { clearStop, leaseStatus } from '../../src/channels/whatsapp/baileys/lease';
import { SentMessages } from '../../src/channels/whatsapp/baileys/sent-messages';
import { silentLogger } from '../../src/logger';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { type FakeSocket, FakeSockets, TestClock, waitUntil } from '../helpers/whatsapp-socket';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

const running: BaileysConnection[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.stop()));
});

let accounts = 0;
function start(options: Partial<BaileysConnectionOptions> = {}) {
  const sockets = new FakeSockets();
  const connection = new BaileysConnection({
    db: database.db,
    logger: silentLogger,
    sent: new SentMessages(database.db),
    account: `acct-${++accounts}`,
    makeSocket: sockets.make,
    lease: { ttlMs: 5_000, renewMs: 1_000, pollMs: 50 },
    backoff: { baseMs: 40, maxMs: 400 },
    random: () => 0.5, // no jitter: delays are exactly base · 2^attempt
    watchdog: { intervalMs: 60_000 },
    ...options,
  });
  running.push(connection);
  connection.start();
  return { connection, sockets };
}

async function opened(options: Partial<BaileysConnectionOptions> = {}) {
  const started = start(options);
  await waitUntil(() => started.sockets.all.length === 1);
  started.sockets.last.open();
  await waitUntil(() => started.connection.status === 'open');
  return started;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Baileys connection: what happens when the socket closes', () => {
  it('logged out (401): stops, forgets the session, keeps every process away, says how to re-pair', async () => {
    const { connection, sockets } = await opened();
    const auth = await usePostgresAuthState(database.db, connection.account, { holder: connection.holder });
    await auth.saveCreds();
    sockets.last.close(DisconnectReason.loggedOut);
    await waitUntil(
      async () => (await leaseStatus(database.db, connection.account))?.stoppedReason === 'logged out',
    );
    expect(await loadCreds(database.db, connection.account)).toBeUndefined();
    expect(connection.current()).toBeUndefined();
    await sleep(200); // polls, but does not connect
    expect(sockets.all).toHaveLength(1);
    // After `npm run whatsapp:login` clears the stop, the standing-by process connects by itself.
    await clearStop(database.db, connection.account);
    await waitUntil(() => sockets.all.length === 2);
  });

  it('connection replaced (440): stops without forgetting the session', async () => {
    const { connection, sockets } = await opened();
    const auth = await usePostgresAuthState(database.db, connection.account, { holder: connection.holder });
    await auth.saveCreds();
    sockets.last.close(DisconnectReason.connectionReplaced);
    await waitUntil(async () => !!(await leaseStatus(database.db, connection.account))?.stoppedReason);
    expect((await leaseStatus(database.db, connection.account))?.stoppedReason).toMatch(/replaced/);
    expect(await loadCreds(database.db, connection.account)).toBeDefined();
    await sleep(200);
    expect(sockets.all).toHaveLength(1);
  });

  it('forbidden (403) and multi-device mismatch (411) stop too', async () => {
    for (const code of [DisconnectReason.forbidden, DisconnectReason.multideviceMismatch]) {
      const { connection, sockets } = await opened();
      sockets.last.close(code);
      await waitUntil(async () => !!(await leaseStatus(database.db, connection.account))?.stoppedReason);
      await sleep(150);
      expect(sockets.all).toHaveLength(1);
    }
  });

  it('restart required (515, after pairing): reconnects at once with the new credentials', async () => {
    const clock = new TestClock();
    const { connection, sockets } = start({ clock });
    await waitUntil(() => sockets.all.length === 1);
    const first = sockets.last;
    first.pair();
    clock.delays.length = 0;
    first.close(DisconnectReason.restartRequired);
    await waitUntil(() => sockets.all.length === 2);
    expect(clock.delays).toEqual([0]); // at once: no backoff
    expect(sockets.last.config.auth.creds.registered).toBe(true);
    await waitUntil(async () => (await loadCreds(database.db, connection.account))?.registered === true);
    sockets.last.open();
    await waitUntil(() => connection.status === 'open');
  });

  it.each([
    ['connection closed', DisconnectReason.connectionClosed],
    ['connection lost / timed out', DisconnectReason.connectionLost],
    ['bad session', DisconnectReason.badSession],
    ['service unavailable', DisconnectReason.unavailableService],
    ['no status code', undefined],
  ])('%s: reconnects after a backoff', async (_name, code) => {
    const clock = new TestClock();
    const { connection, sockets } = await opened({ clock });
    clock.delays.length = 0;
    if (code === undefined)
      sockets.last.emit('connection.update', {
        connection: 'close',
        lastDisconnect: { error: new Error('x'), date: new Date() },
      });
    else sockets.last.close(code);
    expect(connection.status).toBe('waiting');
    expect(connection.current()).toBeUndefined();
    await waitUntil(() => sockets.all.length === 2);
    expect(clock.delays).toEqual([40]); // base 40 ms × (0.5 + 0.5)
    sockets.last.open();
    await waitUntil(() => connection.status === 'open');
  });

  it('backs off exponentially while failing, with one timer at a time, and resets once open', async () => {
    const clock = new TestClock();
    const { connection, sockets } = await opened({ clock });
    clock.delays.length = 0;
    let socket: FakeSocket = sockets.last;
    for (let i = 0; i < 4; i++) {
      socket.close(DisconnectReason.connectionLost);
      // A second close event of the same socket must not start a second timer.
      socket.close(DisconnectReason.connectionLost);
      expect(connection.status).toBe('waiting');
      await waitUntil(() => sockets.all.length === i + 2, 3_000);
      socket = sockets.last;
    }
    await sleep(500);
    expect(sockets.all).toHaveLength(5); // one reconnect per failure, never two
    // Each failure doubles the pause once (a duplicate close counts for nothing).
    expect(clock.delays).toEqual([40, 80, 160, 320]);
    socket.open();
    await waitUntil(() => connection.status === 'open');
    clock.delays.length = 0;
    socket.close(DisconnectReason.connectionLost);
    await waitUntil(() => sockets.all.length === 6);
    expect(clock.delays).toEqual([40]); // back to the base delay
  });
});

describe('Baileys connection: pairing and credentials', () => {
  it('shows the QR code when there is no pairing number', async () => {
    const qrs: string[] = [];
    const { sockets } = start({ onQr: (qr) => qrs.push(qr) });
    await waitUntil(() => sockets.all.length === 1);
    sockets.last.emit('connection.update', { qr: '2@abc,def,ghi', connection: 'connecting' });
    expect(qrs).toEqual(['2@abc,def,ghi']);
  });

  it('asks for a pairing code once for WHATSAPP_PAIRING_NUMBER', async () => {
    const codes: string[] = [];
    const { sockets } = start({ pairingNumber: '6281100000001', onPairingCode: (c) => codes.push(c) });
    await waitUntil(() => sockets.all.length === 1);
    sockets.last.emit('connection.update', { qr: 'ref-1' });
    sockets.last.emit('connection.update', { qr: 'ref-2' });
    await waitUntil(() => codes.length === 1);
    expect(sockets.last.pairingRequests).toEqual(['6281100000001']);
    expect(codes).toEqual(['ABCD-1234']);
  });

  it('stores the credentials on creds.update, so a restart does not ask for a new QR', async () => {
    const { connection, sockets } = start();
    await waitUntil(() => sockets.all.length === 1);
    sockets.last.pair();
    await waitUntil(async () => (await loadCreds(database.db, connection.account))?.registered === true);
    await connection.stop();
    // A new process: the socket gets the stored, registered credentials.
    const again = new FakeSockets();
    const next = new BaileysConnection({
      db: database.db,
      logger: silentLogger,
      sent: new SentMessages(database.db),
      account: connection.account,
      makeSocket: again.make,
      lease: { pollMs: 50 },
      onQr: () => {
        throw new Error('no QR expected');
      },
    });
    running.push(next);
    next.start();
    await waitUntil(() => again.all.length === 1);
    expect(again.last.config.auth.creds.registered).toBe(true);
    expect(again.last.config.auth.creds.me?.id).toBe('6281100000001:7@s.whatsapp.net');
  });

  it('logout unlinks the device and forgets the session', async () => {
    const { connection, sockets } = await opened();
    sockets.last.pair();
    await waitUntil(async () => (await loadCreds(database.db, connection.account))?.registered === true);
    await connection.logout();
    expect(sockets.last.loggedOut).toBe(true);
    expect(await loadCreds(database.db, connection.account)).toBeUndefined();
    expect((await leaseStatus(database.db, connection.account))?.holder).toBeNull();
  });
});

describe('Baileys connection: watchdog', () => {
  it('restarts a socket that receives message stanzas but delivers no messages', async () => {
    const { connection, sockets } = await opened({
      watchdog: { intervalMs: 30, stuckMs: 100, silentMs: 60_000 },
    });
    sockets.last.ws.emit('frame', {});
    sockets.last.ws.emit('CB:message', { attrs: { from: '6281234567890@s.whatsapp.net' } });
    await waitUntil(() => sockets.all.length === 2, 2_000);
    expect(connection.stats.watchdogRestarts).toBe(1);
    expect(sockets.all[0]!.ended).toBe(true);
  });

  it('does not count group or status stanzas (they are never decrypted)', async () => {
    const { sockets } = await opened({ watchdog: { intervalMs: 30, stuckMs: 100, silentMs: 60_000 } });
    sockets.last.ws.emit('CB:message', { attrs: { from: '120363025555555555@g.us' } });
    sockets.last.ws.emit('CB:message', { attrs: { from: 'status@broadcast' } });
    await sleep(300);
    expect(sockets.all).toHaveLength(1);
  });

  it('is content when messages come out, and restarts a socket that went silent', async () => {
    // The watchdog looks every 30 ms (real timers) at a clock that moves only here.
    const clock = new TestClock();
    const { sockets } = await opened({ clock, watchdog: { intervalMs: 30, stuckMs: 100, silentMs: 400 } });
    const socket = sockets.last;
    socket.ws.emit('CB:message', { attrs: { from: '6281234567890@s.whatsapp.net' } });
    socket.receive([]);
    for (let i = 0; i < 4; i++) {
      clock.advance(300); // past stuckMs, within silentMs of the last frame
      socket.ws.emit('frame', {});
      await sleep(60); // the watchdog looks meanwhile
    }
    expect(sockets.all).toHaveLength(1);
    clock.advance(401); // no frame for longer than silentMs
    await waitUntil(() => sockets.all.length === 2, 2_000);
  });
});
