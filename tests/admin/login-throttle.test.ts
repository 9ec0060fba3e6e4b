import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, isPrivate } from '../../src/admin/auth/client-address';
import { addressKey, MAX_FAILURES_PER_ADDRESS } from '../../src/admin/auth/throttle';
import { AdminClient, createStaff, STAFF_PASSWORD } from '../helpers/admin';
import { type Harness, startHarness } from '../helpers/harness';
import { tPattern } from '../helpers/i18n';

describe('dashboard login throttle per network', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ CLIENT_IP_HEADER: 'x-real-ip' });
    await createStaff(h.database.db, { organisation: 'kopri', email: 'ani@kopri.or.id', name: 'Ani' });
  });
  afterAll(() => h.close());

  const attempt = async (email: string, password: string, headers: Record<string, string>) => {
    const client = new AdminClient(h.runtime.app);
    await client.get('/admin/login');
    const res = await client.post('/admin/login', { email, password }, headers);
    return { res, html: client.lastHtml };
  };

  it('stops one address spraying a password over many accounts, and only that address', async () => {
    const attacker = { 'x-real-ip': '203.0.113.7' };
    // A different (mostly unknown) account each time: the per-account lock never triggers.
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      const { res } = await attempt(`orang${i}@contoh.id`, 'Jembatan2026!', attacker);
      expect(res.status).toBe(401);
    }
    // Now even the right password from that network waits, with a clear message and a time.
    const blocked = await attempt('ani@kopri.or.id', STAFF_PASSWORD, attacker);
    expect(blocked.res.status).toBe(429);
    expect(blocked.html).toMatch(tPattern('admin:login.throttled'));
    expect(blocked.html).toMatch(/pukul \d{2}\.\d{2} WIB/);
    expect(blocked.res.headers.getSetCookie().some((c) => c.startsWith('jmb_session='))).toBe(false);
    // The proxy's X-Forwarded-For is read from its last hop: a forged first entry changes nothing.
    const viaList = await attempt('ani@kopri.or.id', STAFF_PASSWORD, {
      'x-real-ip': '198.51.100.1, 203.0.113.7',
    });
    expect(viaList.res.status).toBe(429);

    // Ani from her own network logs in, and her account was never locked by the attack.
    const ani = await attempt('ani@kopri.or.id', STAFF_PASSWORD, { 'x-real-ip': '198.51.100.9' });
    expect(ani.res.status).toBe(303);
    expect(ani.res.headers.get('location')).toBe('/admin/inbox');
  }, 120_000); // twenty-odd scrypt hashes: seconds on a loaded CI machine

  it('treats an IPv6 /64 as one network', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      const { res } = await attempt('ani@kopri.or.id', `salah-${i}`, {
        'x-real-ip': `2001:db8:1:2::${(i + 1).toString(16)}`,
      });
      // Ani's own lock (5 wrong) starts answering 429 too; either way no session.
      expect([401, 429]).toContain(res.status);
    }
    const other = await attempt('someone@contoh.id', 'apa-saja-123', { 'x-real-ip': '2001:db8:1:2:ffff::9' });
    expect(other.res.status).toBe(429);
    expect(other.html).toContain('jaringan ini');
    const elsewhere = await attempt('someone@contoh.id', 'apa-saja-123', { 'x-real-ip': '2001:db8:1:3::1' });
    expect(elsewhere.res.status).toBe(401);
  }, 120_000);

  it('stores a hash of the network, never the address', async () => {
    const rows = await h.database.db.query.loginThrottle.findMany();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('203.0.113');
    expect(rows.map((r) => r.addressKey)).toContain(addressKey('203.0.113.7'));
  });
});

describe('clientAddress', () => {
  const addressOf = async (
    header: string | undefined,
    env: unknown,
    headers: Record<string, string> = {},
  ) => {
    const app = new Hono();
    app.get('/', (c) => c.text(clientAddress(c, header) ?? '-'));
    return (await app.request('/', { headers }, env)).text();
  };
  const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

  it('ignores address headers unless the deployment names one', async () => {
    expect(await addressOf(undefined, socket('36.68.10.20'), { 'x-forwarded-for': '1.1.1.1' })).toBe(
      '36.68.10.20',
    );
    expect(
      await addressOf('x-forwarded-for', socket('10.0.0.2'), { 'x-forwarded-for': '1.1.1.1, 36.68.10.20' }),
    ).toBe('36.68.10.20');
  });

  it('does not throttle by a proxy or loopback peer (that would lock everyone out at once)', async () => {
    for (const peer of [
      '127.0.0.1',
      '::1',
      '10.1.2.3',
      '172.20.0.5',
      '192.168.1.9',
      '::ffff:10.0.0.1',
      'fd00::1',
    ])
      expect(await addressOf(undefined, socket(peer))).toBe('-');
    expect(await addressOf(undefined, undefined)).toBe('-');
    expect(isPrivate('172.32.0.1')).toBe(false);
    expect(isPrivate('2001:db8::1')).toBe(false);
  });
});
