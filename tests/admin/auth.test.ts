import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions } from '../../src/db/schema';
import { MAX_FAILED_LOGINS } from '../../src/organisations/accounts/login';
import { run } from '../../src/organisations/cli';
import { AdminClient, createStaff, STAFF_PASSWORD } from '../helpers/admin';
import { type Harness, startHarness } from '../helpers/harness';
import { t, tPattern } from '../helpers/i18n';

describe('dashboard login', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await createStaff(h.database.db, { organisation: 'kopri', email: 'sari@kopri.or.id', name: 'Sari' });
    await createStaff(h.database.db, { organisation: 'kopri', email: 'kunci@kopri.or.id' });
  });
  afterAll(() => h.close());

  it('sends a visitor without a session to the login page, in Indonesian', async () => {
    const client = new AdminClient(h.runtime.app);
    const res = await client.get('/admin/inbox');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/login');
    const login = await client.get('/admin/login');
    expect(login.status).toBe(200);
    expect(client.lastHtml.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(client.lastHtml).toContain('lang="id"');
    expect(client.lastHtml).toContain('Masuk ke dasbor petugas');
    expect(login.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(login.headers.get('cache-control')).toBe('no-store');
  });

  it('logs in with an HttpOnly SameSite cookie and reaches the inbox, then logs out', async () => {
    const client = new AdminClient(h.runtime.app);
    const res = await client.login('Sari@KOPRI.or.id');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/inbox');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('jmb_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/admin/);
    // The cookie holds a random token; the table only its hash.
    const token = client.cookies.get('jmb_session')!;
    const rows = await h.database.db.query.staffSessions.findMany();
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);

    const inbox = await client.get('/admin/inbox');
    expect(inbox.status).toBe(200);
    expect(client.lastHtml).toContain('KOPRI');
    expect(client.csrf).not.toBe('');

    const out = await client.post('/admin/logout');
    expect(out.status).toBe(303);
    expect((await client.get('/admin/inbox')).status).toBe(303);
    // The old token no longer works even if replayed.
    const replay = new AdminClient(h.runtime.app);
    replay.cookies.set('jmb_session', token);
    expect((await replay.get('/admin/inbox')).status).toBe(303);
  });

  it('refuses a wrong password with a clear message and no session', async () => {
    const client = new AdminClient(h.runtime.app);
    const res = await client.login('sari@kopri.or.id', 'salah-sandi-123');
    expect(res.status).toBe(401);
    expect(client.lastHtml).toContain(t('admin:login.invalid'));
    expect(client.cookies.has('jmb_session')).toBe(false);
    const unknown = await client.login('siapa@contoh.id', 'salah-sandi-123');
    expect(unknown.status).toBe(401);
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    const client = new AdminClient(h.runtime.app);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await client.login('kunci@kopri.or.id', `salah-${i}-xxxxxx`);
    const res = await client.login('kunci@kopri.or.id', STAFF_PASSWORD);
    expect(res.status).toBe(429);
    expect(client.lastHtml).toMatch(tPattern('admin:login.locked'));
    expect(client.cookies.has('jmb_session')).toBe(false);
  });

  it('refuses a login form posted from another site', async () => {
    const client = new AdminClient(h.runtime.app);
    await client.get('/admin/login');
    const res = await client.post(
      '/admin/login',
      { email: 'sari@kopri.or.id', password: STAFF_PASSWORD },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(res.status).toBe(403);
    expect(client.cookies.has('jmb_session')).toBe(false);
  });

  it('refuses a change without the session CSRF token', async () => {
    const client = new AdminClient(h.runtime.app);
    await client.login('sari@kopri.or.id');
    await client.get('/admin/inbox');
    const forged = await client.post('/admin/logout', { _csrf: 'not-the-token' });
    expect(forged.status).toBe(403);
    // Still logged in.
    expect((await client.get('/admin/inbox')).status).toBe(200);
  });

  it('after the session ends, a form keeps what was typed and the login returns to the page', async () => {
    const client = new AdminClient(h.runtime.app);
    await client.login('sari@kopri.or.id');
    await client.get('/admin/applicants?status=diajukan');
    const conversation = '/admin/inbox/00000000-0000-4000-8000-000000000001';
    // The session ends (idle, or ended from another browser) while she is typing a long reply.
    await h.database.db.delete(staffSessions);
    const reply = 'Halo Kak, jadwal wawancara besok jam 09.00 di BLK Surabaya ya. Bawa KTP asli.';
    const res = await client.post(`${conversation}/reply`, { text: reply });
    expect(res.status).toBe(401);
    expect(client.lastHtml).toContain('Sesi Anda sudah berakhir');
    expect(client.lastHtml).toContain(reply); // to copy, not lost
    expect(client.lastHtml).toContain('<textarea id="typed" readonly');
    const again = `/admin/login?expired=1&amp;next=${encodeURIComponent(conversation)}`;
    expect(client.lastHtml).toContain(`href="${again}"`);

    // A page asked for with the ended session goes to the login, which says why and comes back there.
    const page = await client.get('/admin/applicants?status=diajukan');
    expect(page.status).toBe(303);
    const login = page.headers.get('location')!;
    expect(login).toBe(
      `/admin/login?expired=1&next=${encodeURIComponent('/admin/applicants?status=diajukan')}`,
    );
    await client.get(login);
    expect(client.lastHtml).toContain(t('admin:errors.sessionExpired'));
    expect(client.lastHtml).toContain('name="next" value="/admin/applicants?status=diajukan"');
    const back = await client.post('/admin/login', {
      email: 'sari@kopri.or.id',
      password: STAFF_PASSWORD,
      next: '/admin/applicants?status=diajukan',
    });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/admin/applicants?status=diajukan');
    // Never out of the dashboard, whatever `next` says.
    for (const next of ['https://evil.example/', '//evil.example', '/admin/../x', '/admin/logout']) {
      const other = new AdminClient(h.runtime.app);
      await other.get('/admin/login');
      const res = await other.post('/admin/login', {
        email: 'sari@kopri.or.id',
        password: STAFF_PASSWORD,
        next,
      });
      expect(res.headers.get('location'), next).toBe('/admin/inbox');
    }
  });

  it('says so after logging out, and a wrong password puts the cursor in the password field', async () => {
    const client = new AdminClient(h.runtime.app);
    await client.login('sari@kopri.or.id');
    await client.get('/admin/inbox');
    const out = await client.post('/admin/logout');
    expect(out.headers.get('location')).toBe('/admin/login?out=1');
    await client.get('/admin/login?out=1');
    expect(client.lastHtml).toContain(t('admin:login.loggedOut'));
    await client.login('sari@kopri.or.id', 'salah-sandi-999');
    expect(client.lastHtml).toMatch(/id="password"[^>]*autofocus/);
    expect(client.lastHtml).not.toMatch(/id="email"[^>]*autofocus/);
  });

  it('speaks English after switching language', async () => {
    const client = new AdminClient(h.runtime.app);
    await client.login('sari@kopri.or.id');
    const res = await client.get('/admin/lang/en?next=/admin/inbox');
    expect(res.headers.get('location')).toBe('/admin/inbox');
    await client.get('/admin/inbox');
    expect(client.lastHtml).toContain('lang="en"');
    expect(client.lastHtml).toContain('Log out');
    // No open redirect out of the dashboard.
    const away = await client.get('/admin/lang/id?next=https://evil.example');
    expect(away.headers.get('location')).toBe('/admin/inbox');
  });

  it('lets an owner set a password from the command line and the member log in with it', async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: () => {}, database: h.database };
    expect(await run(['member', 'kopri', 'add', 'Dewi', 'Lestari', '--email', 'dewi@kopri.or.id'], io)).toBe(
      0,
    );
    // Random password, printed once.
    expect(await run(['member', 'kopri', 'password', 'dewi@kopri.or.id'], { ...io, env: {} })).toBe(0);
    const password = lines.at(-1)!;
    expect(password.length).toBeGreaterThanOrEqual(16);
    const client = new AdminClient(h.runtime.app);
    expect((await client.login('dewi@kopri.or.id', password)).status).toBe(303);
    // A chosen one through the environment; too short is refused.
    const errors: string[] = [];
    expect(
      await run(['member', 'kopri', 'password', 'dewi@kopri.or.id'], {
        ...io,
        err: (l) => errors.push(l),
        env: { JEMBATAN_PASSWORD: 'pendek' },
      }),
    ).toBe(1);
    expect(errors.join()).toContain('at least');
    expect(
      await run(['member', 'kopri', 'password', 'dewi@kopri.or.id'], {
        ...io,
        env: { JEMBATAN_PASSWORD: 'sandi-baru-yang-panjang' },
      }),
    ).toBe(0);
    // Changing the password ended the old session.
    expect((await client.get('/admin/inbox')).status).toBe(303);
    expect(
      (await new AdminClient(h.runtime.app).login('dewi@kopri.or.id', 'sandi-baru-yang-panjang')).status,
    ).toBe(303);
  });

  it('refuses an oversized request before reading it', async () => {
    const client = new AdminClient(h.runtime.app);
    await client.login('sari@kopri.or.id');
    await client.get('/admin/inbox');
    const res = await client.post('/admin/logout', { filler: 'x'.repeat(6 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('terlalu besar');
    // Still logged in: the request never reached the logout.
    expect((await client.get('/admin/inbox')).status).toBe(200);
  });
});
