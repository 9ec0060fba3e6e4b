import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, handoffs, identities, organisationMembers, organisations } from '../../src/db/schema';
import { claimHandoff, openHandoff } from '../../src/handoff/service';
import { MAX_FAILED_LOGINS } from '../../src/organisations/accounts/login';
import { createToken } from '../../src/organisations/service';
import { AdminClient, createStaff, loggedInClient, STAFF_PASSWORD } from '../helpers/admin';
import { type Harness, startHarness } from '../helpers/harness';
import { textUpdate } from '../helpers/telegram';

/** The one-time password as the result page shows it. */
const shownPassword = (html: string) => /<code class="set-secret"[^>]*>([^<]+)<\/code>/.exec(html)?.[1] ?? '';

describe('dashboard settings', () => {
  let h: Harness;
  let dewi: AdminClient; // owner of LPK Cahaya Nusantara
  let bima: AdminClient; // staff there
  let lpkId: string;
  let medanOwnerId: string;
  let bimaId: string;

  const member = async (id: string) =>
    (await h.database.db.select().from(organisationMembers).where(eq(organisationMembers.id, id)))[0];
  const memberByEmail = async (email: string) =>
    (await h.database.db.select().from(organisationMembers).where(eq(organisationMembers.email, email)))[0];
  const loggedIn = (email: string, password = STAFF_PASSWORD) =>
    loggedInClient(h.runtime.app, email, password);

  beforeAll(async () => {
    h = await startHarness();
    const db = h.database.db;
    const owner = await createStaff(db, {
      organisation: 'lpk-cahaya',
      email: 'dewi.lestari@lpkcahaya.or.id',
      name: 'Dewi Lestari',
      role: 'owner',
    });
    lpkId = owner.organisation.id;
    await db.update(organisations).set({ name: 'LPK Cahaya Nusantara' }).where(eq(organisations.id, lpkId));
    bimaId = (
      await createStaff(db, {
        organisation: 'lpk-cahaya',
        email: 'bima@lpkcahaya.or.id',
        name: 'Bima Saputra',
      })
    ).member.id;
    medanOwnerId = (
      await createStaff(db, {
        organisation: 'bpvp-medan',
        email: 'ucok.siregar@bpvpmedan.go.id',
        name: 'Ucok Siregar',
        role: 'owner',
      })
    ).member.id;
    dewi = await loggedIn('dewi.lestari@lpkcahaya.or.id');
    bima = await loggedIn('bima@lpkcahaya.or.id');
  });
  afterAll(() => h.close());

  it('shows everyone their organisation and account under Pengaturan', async () => {
    const res = await bima.get('/admin/settings');
    expect(res.status).toBe(200);
    const html = bima.lastHtml;
    expect(html).toContain('Pengaturan akun');
    expect(html).toMatch(/<a href="\/admin\/settings" aria-current="page">Pengaturan<\/a>/);
    expect(html).toContain('LPK Cahaya Nusantara');
    expect(html).toContain('Bima Saputra');
    expect(html).toContain('bima@lpkcahaya.or.id');
    expect(html).toContain('Petugas');
    expect(html).toContain('action="/admin/settings/password"');
    expect(html).toMatch(/<label for="set-pw-current">Kata sandi saat ini<\/label>/);
    // Every POST form of the page carries the session's CSRF token.
    const forms = html.match(/<form method="post"[\s\S]*?<\/form>/g) ?? [];
    expect(forms.length).toBeGreaterThan(0);
    for (const form of forms) expect(form).toContain('name="_csrf"');
  });

  it('changes your own password: wrong, mismatched and short ones refused; other browsers logged out', async () => {
    const email = 'rina.wulandari@lpkcahaya.or.id';
    await createStaff(h.database.db, { organisation: 'lpk-cahaya', email, name: 'Rina Wulandari' });
    const phone = await loggedIn(email);
    const laptop = await loggedIn(email);
    await phone.get('/admin/settings');

    const wrong = await phone.post('/admin/settings/password', {
      current_password: 'bukan-sandi-rina',
      new_password: 'sawah-hijau-di-klaten',
      repeat_password: 'sawah-hijau-di-klaten',
    });
    expect(wrong.status).toBe(422);
    expect(phone.lastHtml).toContain('Kata sandi saat ini salah');
    expect(phone.lastHtml).toContain('aria-invalid="true"');
    // Nothing typed into a password field comes back in the page.
    expect(phone.lastHtml).not.toContain('bukan-sandi-rina');
    expect(phone.lastHtml).not.toContain('sawah-hijau-di-klaten');

    const mismatch = await phone.post('/admin/settings/password', {
      current_password: STAFF_PASSWORD,
      new_password: 'sawah-hijau-di-klaten',
      repeat_password: 'sawah-hijau-di-klatn',
    });
    expect(mismatch.status).toBe(422);
    expect(phone.lastHtml).toContain('Kedua kata sandi baru tidak sama');
    expect(phone.lastHtml).not.toContain(STAFF_PASSWORD);

    const short = await phone.post('/admin/settings/password', {
      current_password: STAFF_PASSWORD,
      new_password: 'klaten1',
      repeat_password: 'klaten1',
    });
    expect(short.status).toBe(422);
    expect(phone.lastHtml).toContain('minimal 10 karakter');
    expect(phone.lastHtml).not.toContain('klaten1');

    const ok = await phone.post('/admin/settings/password', {
      current_password: STAFF_PASSWORD,
      new_password: 'sawah-hijau-di-klaten',
      repeat_password: 'sawah-hijau-di-klaten',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/admin/settings?ok=dashboard:settings.flash.passwordChanged');
    // This browser stays in; the other one is logged out.
    expect((await phone.get('/admin/settings?ok=dashboard:settings.flash.passwordChanged')).status).toBe(200);
    expect(phone.lastHtml).toContain('Kata sandi Anda sudah diganti');
    const other = await laptop.get('/admin/inbox');
    expect(other.status).toBe(303);
    expect(other.headers.get('location')).toBe('/admin/login?expired=1'); // says why on the login page
    // The wrong attempt counted like a failed login and the change cleared it.
    expect((await memberByEmail(email))?.failedLogins).toBe(0);

    expect((await new AdminClient(h.runtime.app).login(email, STAFF_PASSWORD)).status).toBe(401);
    expect((await new AdminClient(h.runtime.app).login(email, 'sawah-hijau-di-klaten')).status).toBe(303);
  });

  it('lets an owner add a member whose one-time password, shown once, logs in', async () => {
    await dewi.get('/admin/settings/members');
    expect(dewi.lastHtml).toContain('Tambah anggota');
    const res = await dewi.post('/admin/settings/members', {
      name: '  Putri Ayu Kusuma ',
      email: ' Putri.Ayu@LPKCahaya.or.id ',
      role: 'viewer',
    });
    // The direct answer of the POST, not a redirect: the password is in no URL and not cached.
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = dewi.lastHtml;
    expect(html).toContain('Putri Ayu Kusuma sudah ditambahkan');
    expect(html).toContain('hanya ditampilkan sekali');
    expect(html).toContain('secara pribadi');
    const password = shownPassword(html);
    expect(password.length).toBeGreaterThanOrEqual(16);

    const row = await memberByEmail('putri.ayu@lpkcahaya.or.id');
    expect(row).toMatchObject({ name: 'Putri Ayu Kusuma', role: 'viewer', organisationId: lpkId });
    expect(row?.passwordHash).not.toContain(password);

    expect(html).toContain('hanya bisa dipakai sekali, dalam 72 jam');
    // The full address to send her, with a copy button the script shows.
    expect(html).toContain('<code id="login-address">http://localhost/admin/login</code>');
    expect(html).toContain('data-copy="#login-address"');
    const putri = new AdminClient(h.runtime.app);
    const first = await putri.login('putri.ayu@lpkcahaya.or.id', password);
    expect(first.status).toBe(303);
    // The one-time password opens the account page and nothing else until she chooses her own.
    expect(first.headers.get('location')).toBe('/admin/settings');
    expect((await putri.get('/admin/settings')).status).toBe(200);
    expect(putri.lastHtml).toContain('Pengamat');
    expect(putri.lastHtml).toContain('Anda masuk dengan kata sandi sekali pakai');
    expect(putri.lastHtml).toContain('Kata sandi sekali pakai yang Anda terima');
    const inbox = await putri.get('/admin/inbox');
    expect(inbox.status).toBe(303);
    expect(inbox.headers.get('location')).toBe('/admin/settings');
    expect((await putri.get('/admin/applicants')).headers.get('location')).toBe('/admin/settings');
    // It is spent: a second login with it (someone who saw it over her shoulder) is refused.
    const again = new AdminClient(h.runtime.app);
    expect((await again.login('putri.ayu@lpkcahaya.or.id', password)).status).toBe(401);
    expect(again.lastHtml).toContain('sudah pernah dipakai atau sudah kedaluwarsa');
    const chosen = await putri.post('/admin/settings/password', {
      current_password: password,
      new_password: 'kopi-tubruk-pagi-hari',
      repeat_password: 'kopi-tubruk-pagi-hari',
    });
    expect(chosen.status).toBe(303);
    expect((await putri.get('/admin/inbox')).status).toBe(200);
    expect(await memberByEmail('putri.ayu@lpkcahaya.or.id')).toMatchObject({
      mustChangePassword: false,
      passwordExpiresAt: null,
    });
    expect(
      (await new AdminClient(h.runtime.app).login('putri.ayu@lpkcahaya.or.id', 'kopi-tubruk-pagi-hari'))
        .status,
    ).toBe(303);

    // The list shows her with her last login in WIB.
    await dewi.get('/admin/settings/members');
    expect(dewi.lastHtml).toContain('Putri Ayu Kusuma');
    expect(dewi.lastHtml).toMatch(/\d{2}\.\d{2} WIB/);
  });

  it('refuses a duplicate or invalid email and shows the form again with what was typed', async () => {
    await dewi.get('/admin/settings/members');
    const before = (await h.database.db.select().from(organisationMembers)).length;
    const dup = await dewi.post('/admin/settings/members', {
      name: 'Bima Kedua',
      email: 'BIMA@lpkcahaya.or.id',
      role: 'staff',
    });
    expect(dup.status).toBe(409);
    expect(dewi.lastHtml).toContain('sudah dipakai anggota lain');
    expect(dewi.lastHtml).toContain('value="Bima Kedua"');
    expect(shownPassword(dewi.lastHtml)).toBe('');
    // Bima's account was not touched.
    expect(await member(bimaId)).toMatchObject({ name: 'Bima Saputra', role: 'staff' });

    const bad = await dewi.post('/admin/settings/members', {
      name: 'Yohanes',
      email: 'yohanes@gmail',
      role: 'staff',
    });
    expect(bad.status).toBe(422);
    expect(dewi.lastHtml).toContain('Email ini tidak valid');
    expect(dewi.lastHtml).toContain('value="Yohanes"');
    const empty = await dewi.post('/admin/settings/members', { name: '', email: '', role: 'admin' });
    expect(empty.status).toBe(422);
    expect(dewi.lastHtml).toContain('Isi nama anggota');
    expect(dewi.lastHtml).toContain('Pilih peran');
    expect((await h.database.db.select().from(organisationMembers)).length).toBe(before);
  });

  it('resets a locked member’s password: old one fails, new one works, sessions end, lock lifted', async () => {
    const email = 'joko.prasetyo@lpkcahaya.or.id';
    const { member: joko } = await createStaff(h.database.db, {
      organisation: 'lpk-cahaya',
      email,
      name: 'Joko Prasetyo',
    });
    const jokoBrowser = await loggedIn(email);
    const stranger = new AdminClient(h.runtime.app);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await stranger.login(email, `tebak-tebakan-${i}`);
    expect((await stranger.login(email, STAFF_PASSWORD)).status).toBe(429);

    await dewi.get('/admin/settings/members');
    expect(dewi.lastHtml).toMatch(/<span class="badge alert"><time datetime="[^"]+">[^<]+WIB<\/time>/);
    await dewi.get(`/admin/settings/members/${joko.id}`);
    expect(dewi.lastHtml).toContain('Buat kata sandi baru');
    const res = await dewi.post(`/admin/settings/members/${joko.id}/password`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(dewi.lastHtml).toContain('Kata sandi baru untuk Joko Prasetyo');
    const password = shownPassword(dewi.lastHtml);
    expect(password.length).toBeGreaterThanOrEqual(16);

    expect(await member(joko.id)).toMatchObject({ failedLogins: 0, lockedUntil: null });
    expect((await jokoBrowser.get('/admin/inbox')).status).toBe(303);
    expect((await new AdminClient(h.runtime.app).login(email, STAFF_PASSWORD)).status).toBe(401);
    expect((await new AdminClient(h.runtime.app).login(email, password)).status).toBe(303);
    expect((await new AdminClient(h.runtime.app).login(email, password)).status).toBe(401);

    // A one-time password nobody used expires after 72 hours.
    await dewi.post(`/admin/settings/members/${joko.id}/password`);
    const unused = shownPassword(dewi.lastHtml);
    await h.database.db
      .update(organisationMembers)
      .set({ passwordExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(organisationMembers.id, joko.id));
    const late = new AdminClient(h.runtime.app);
    expect((await late.login(email, unused)).status).toBe(401);
    expect(late.lastHtml).toContain('sudah kedaluwarsa');
  });

  it('changes a role: a member made viewer can no longer change the inbox', async () => {
    const email = 'sinta.maharani@lpkcahaya.or.id';
    const { member: sinta } = await createStaff(h.database.db, {
      organisation: 'lpk-cahaya',
      email,
      name: 'Sinta Maharani',
    });
    const browser = await loggedIn(email);
    await browser.get('/admin/inbox/canned');
    const before = await browser.post('/admin/inbox/canned', {
      title: 'Salam pagi',
      body: 'Selamat pagi, Kak!',
    });
    expect(before.status).toBe(303);

    await dewi.get(`/admin/settings/members/${sinta.id}`);
    const res = await dewi.post(`/admin/settings/members/${sinta.id}/role`, { role: 'viewer' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `/admin/settings/members/${sinta.id}?ok=dashboard:settings.flash.roleChanged`,
    );
    expect((await member(sinta.id))?.role).toBe('viewer');

    const after = await browser.post('/admin/inbox/canned', {
      title: 'Salam sore',
      body: 'Selamat sore, Kak!',
    });
    expect(after.status).toBe(403);
    await browser.get('/admin/settings');
    expect(browser.lastHtml).toContain('Pengamat');

    const nonsense = await dewi.post(`/admin/settings/members/${sinta.id}/role`, { role: 'raja' });
    expect(nonsense.status).toBe(422);
    expect(dewi.lastHtml).toContain('Pilih peran');
    expect((await member(sinta.id))?.role).toBe('viewer');
  });

  it('removes a member: their session ends and their API tokens are revoked', async () => {
    const email = 'agus.setiawan@lpkcahaya.or.id';
    const { member: agus } = await createStaff(h.database.db, {
      organisation: 'lpk-cahaya',
      email,
      name: 'Agus Setiawan',
    });
    const token = await createToken(h.database.db, lpkId, { memberId: agus.id, name: 'laptop agus' });
    // Agus is handling a conversation.
    await h.post(textUpdate({ id: 812_001, firstName: 'Nur' }, '/start'));
    const [person] = await h.database.db.select().from(identities).where(eq(identities.externalId, '812001'));
    const { handoff } = await openHandoff(h.database.db, {
      userId: person!.userId,
      organisation: 'lpk-cahaya',
      reason: 'asked',
    });
    await claimHandoff(h.database.db, handoff.id, 'lpk-cahaya', agus.id);
    const browser = await loggedIn(email);
    expect((await browser.get('/admin/inbox')).status).toBe(200);

    await dewi.get(`/admin/settings/members/${agus.id}`);
    expect(dewi.lastHtml).toContain('data-confirm="Hapus Agus Setiawan dari organisasi?');
    const res = await dewi.post(`/admin/settings/members/${agus.id}/remove`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/settings/members?ok=dashboard:settings.flash.removed');
    await dewi.get('/admin/settings/members?ok=dashboard:settings.flash.removed');
    expect(dewi.lastHtml).toContain('Anggota sudah dihapus');
    expect(dewi.lastHtml).not.toContain('Agus Setiawan');

    expect(await member(agus.id)).toBeUndefined();
    const [apiToken] = await h.database.db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(apiToken?.revokedAt).toBeInstanceOf(Date);
    const gone = await browser.get('/admin/inbox');
    expect(gone.status).toBe(303);
    expect(gone.headers.get('location')).toBe('/admin/login?expired=1');
    expect((await new AdminClient(h.runtime.app).login(email)).status).toBe(401);
    // Their conversation is back in the queue for the others.
    const [released] = await h.database.db.select().from(handoffs).where(eq(handoffs.id, handoff.id));
    expect(released).toMatchObject({ status: 'waiting', assignedTo: null });
  });

  it('keeps the last owner: no demoting or removing yourself until another owner exists', async () => {
    const ucok = await loggedIn('ucok.siregar@bpvpmedan.go.id');
    await ucok.get(`/admin/settings/members/${medanOwnerId}`);
    // Their own password is changed on the account page, not reset here.
    expect(ucok.lastHtml).not.toContain(`action="/admin/settings/members/${medanOwnerId}/password"`);

    const demote = await ucok.post(`/admin/settings/members/${medanOwnerId}/role`, { role: 'staff' });
    expect(demote.status).toBe(409);
    expect(ucok.lastHtml).toContain('satu-satunya pemilik');
    const remove = await ucok.post(`/admin/settings/members/${medanOwnerId}/remove`);
    expect(remove.status).toBe(409);
    expect(ucok.lastHtml).toContain('Anggota tidak dihapus');
    const reset = await ucok.post(`/admin/settings/members/${medanOwnerId}/password`);
    expect(reset.status).toBe(409);
    expect(await member(medanOwnerId)).toMatchObject({ role: 'owner' });

    // With a second owner, stepping down works, and the pages then treat Ucok as staff.
    const added = await ucok.post('/admin/settings/members', {
      name: 'Tiurma Nainggolan',
      email: 'tiurma@bpvpmedan.go.id',
      role: 'owner',
    });
    expect(added.status).toBe(200);
    const stepDown = await ucok.post(`/admin/settings/members/${medanOwnerId}/role`, { role: 'staff' });
    expect(stepDown.status).toBe(303);
    expect((await member(medanOwnerId))?.role).toBe('staff');
    expect(
      (await ucok.post('/admin/settings/members', { name: 'X', email: 'x@bpvpmedan.go.id', role: 'staff' }))
        .status,
    ).toBe(403);
  });

  it('gives a staff member the lists without owner forms, and 403 on every owner action', async () => {
    const putri = await memberByEmail('putri.ayu@lpkcahaya.or.id');
    await bima.get('/admin/settings/members');
    expect(bima.lastHtml).toContain('Dewi Lestari');
    expect(bima.lastHtml).toContain('Hanya pemilik organisasi');
    expect(bima.lastHtml).not.toContain('action="/admin/settings/members"');
    await bima.get(`/admin/settings/members/${putri!.id}`);
    expect(bima.lastHtml).toContain('Putri Ayu Kusuma');
    expect(bima.lastHtml).not.toMatch(/action="\/admin\/settings\/members\/[^"]+\/(role|password|remove)"/);
    await bima.get('/admin/settings/service');
    // Staff are never shown command-line text.
    expect(bima.lastHtml).not.toContain('npm run');
    expect(bima.lastHtml).not.toContain('action="/admin/settings/service"');
    expect(bima.lastHtml).toContain('Batas waktu tunggu saat ini');

    const attempts: Array<[string, Record<string, string>]> = [
      ['/admin/settings/members', { name: 'Penyusup', email: 'penyusup@lpkcahaya.or.id', role: 'owner' }],
      [`/admin/settings/members/${putri!.id}/role`, { role: 'owner' }],
      [`/admin/settings/members/${putri!.id}/password`, {}],
      [`/admin/settings/members/${putri!.id}/remove`, {}],
      ['/admin/settings/service', { sla_minutes: '5' }],
    ];
    for (const [path, form] of attempts) {
      const res = await bima.post(path, form);
      expect(res.status, path).toBe(403);
      expect(await res.text()).toContain('tidak punya izin');
    }
    expect(await member(putri!.id)).toMatchObject({ role: 'viewer', passwordHash: putri!.passwordHash });
    expect(await memberByEmail('penyusup@lpkcahaya.or.id')).toBeUndefined();
    const [org] = await h.database.db.select().from(organisations).where(eq(organisations.id, lpkId));
    expect(org?.slaMinutes).toBe(15);
  });

  it('validates and stores the SLA, and shows the staff group read-only', async () => {
    await h.database.db
      .update(organisations)
      .set({ staffGroupChatId: '-1002233445566' })
      .where(eq(organisations.id, lpkId));
    await dewi.get('/admin/settings/service');
    expect(dewi.lastHtml).toContain('value="15"');
    expect(dewi.lastHtml).toContain('-1002233445566');
    // Who connects the group is said in words; no command-line text for staff (issue #20, point 13).
    expect(dewi.lastHtml).toContain('pengelola server Jembatan');
    expect(dewi.lastHtml).not.toContain('npm run');

    for (const [typed, message] of [
      ['0', 'antara 1 dan 1440'],
      ['1441', 'antara 1 dan 1440'],
      ['setengah jam', 'angka bulat'],
      ['12.5', 'angka bulat'],
      ['', 'Isi batas waktu'],
    ] as const) {
      const res = await dewi.post('/admin/settings/service', { sla_minutes: typed });
      expect(res.status, typed).toBe(422);
      expect(dewi.lastHtml).toContain(message);
      expect(dewi.lastHtml).toContain(`value="${typed}"`);
    }
    const [unchanged] = await h.database.db.select().from(organisations).where(eq(organisations.id, lpkId));
    expect(unchanged?.slaMinutes).toBe(15);

    const res = await dewi.post('/admin/settings/service', { sla_minutes: ' 45 ' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/settings/service?ok=dashboard:settings.flash.slaSaved');
    const [org] = await h.database.db.select().from(organisations).where(eq(organisations.id, lpkId));
    expect(org?.slaMinutes).toBe(45);
    // Sessions read the organisation on every request, so the inbox uses the new limit at once.
    await bima.get('/admin/settings/service');
    expect(bima.lastHtml).toContain('45 menit');
  });

  it("answers 403 for another organisation's member and shows nothing of them", async () => {
    const outsiders = [medanOwnerId, '00000000-0000-4000-8000-000000000000', 'bukan-id'];
    for (const id of outsiders) {
      const res = await dewi.get(`/admin/settings/members/${id}`);
      expect(res.status, id).toBe(403);
      expect(dewi.lastHtml).toContain('bukan milik organisasi Anda');
      expect(dewi.lastHtml).not.toContain('Ucok');
      expect(dewi.lastHtml).not.toContain('bpvpmedan');
    }
    const before = await member(medanOwnerId);
    for (const action of ['role', 'password', 'remove']) {
      const res = await dewi.post(`/admin/settings/members/${medanOwnerId}/${action}`, { role: 'viewer' });
      expect(res.status, action).toBe(403);
      expect(dewi.lastHtml).toContain('bukan milik organisasi Anda');
    }
    expect(await member(medanOwnerId)).toEqual(before);
  });

  it('speaks English after the language switch', async () => {
    await dewi.get('/admin/lang/en?next=/admin/settings');
    await dewi.get('/admin/settings');
    expect(dewi.lastHtml).toContain('Account settings');
    expect(dewi.lastHtml).toContain('Change password');
    await dewi.get('/admin/settings/members');
    expect(dewi.lastHtml).toContain('Add a member');
    await dewi.get('/admin/lang/id?next=/admin/settings');
  });
});
