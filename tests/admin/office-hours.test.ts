import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../src/db/schema';
import { type AdminClient, createStaff, loggedInClient } from '../helpers/admin';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';

/*
 * Office hours set in Pengaturan → Layanan (issue #20, point 13): owners change them with day and time
 * fields, checked; the bot tells them to the next person who asks for staff.
 */

const ORG = 'lpk-cahaya';

describe('office hours in the settings', () => {
  let h: Harness;
  let owner: AdminClient;
  let staff: AdminClient;

  beforeAll(async () => {
    h = await startHarness({ DEFAULT_ORGANISATION: ORG, OFFICE_HOURS: '1-5 08:00-16:00' });
    await createStaff(h.database.db, { organisation: ORG, email: 'dewi@lpkcahaya.or.id', role: 'owner' });
    await createStaff(h.database.db, { organisation: ORG, email: 'bima@lpkcahaya.or.id' });
    await createStaff(h.database.db, {
      organisation: 'bpvp-medan',
      email: 'ucok@bpvpmedan.go.id',
      role: 'owner',
    });
    owner = await loggedInClient(h.runtime.app, 'dewi@lpkcahaya.or.id');
    staff = await loggedInClient(h.runtime.app, 'bima@lpkcahaya.or.id');
  });
  afterAll(() => h.close());

  it('shows the server’s hours until the owners set their own, then the bot tells the new ones', async () => {
    await owner.get('/admin/settings/service');
    expect(owner.lastHtml).toContain('Petugas aktif Senin–Jumat pukul 08.00–16.00 WIB.');
    expect(owner.lastHtml).toContain('jam bawaan server');
    expect(owner.lastHtml).toContain('<input type="time" id="set-hours-open" name="open" value="08:00"');

    // Closing before opening, days the wrong way round, a time that is not one: refused, typed kept.
    let res = await owner.post('/admin/settings/service/hours', {
      first: '1',
      last: '6',
      open: '15:00',
      close: '07:30',
    });
    expect(res.status).toBe(422);
    expect(owner.lastHtml).toContain('Jam selesai harus sesudah jam mulai');
    expect(owner.lastHtml).toContain('value="15:00"');
    res = await owner.post('/admin/settings/service/hours', {
      first: '6',
      last: '1',
      open: '07:30',
      close: '15:00',
    });
    expect(res.status).toBe(422);
    expect(owner.lastHtml).toContain('hari selesai tidak boleh sebelum hari mulai');
    res = await owner.post('/admin/settings/service/hours', {
      first: '1',
      last: '6',
      open: 'pagi',
      close: '15:00',
    });
    expect(res.status).toBe(422);
    expect(owner.lastHtml).toContain('Tulis jam seperti 08:00');

    // A staff member reads them but has no form, and may not post one.
    await staff.get('/admin/settings/service');
    expect(staff.lastHtml).not.toContain('/admin/settings/service/hours');
    expect(
      (
        await staff.post('/admin/settings/service/hours', {
          first: '1',
          last: '7',
          open: '00:00',
          close: '23:59',
        })
      ).status,
    ).toBe(403);

    res = await owner.post('/admin/settings/service/hours', {
      first: '1',
      last: '6',
      open: '07:30',
      close: '15:00',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      '/admin/settings/service?ok=dashboard:settings.flash.hoursSaved',
    );
    const [org] = await h.database.db.select().from(organisations).where(eq(organisations.slug, ORG));
    expect(org?.officeHours).toBe('1-6 07:30-15:00');
    await staff.get('/admin/settings/service');
    expect(staff.lastHtml).toContain('Petugas aktif Senin–Sabtu pukul 07.30–15.00 WIB.');
    expect(staff.lastHtml).not.toContain('jam bawaan server');
    // Another organisation still has the server's hours.
    const medan = await loggedInClient(h.runtime.app, 'ucok@bpvpmedan.go.id');
    await medan.get('/admin/settings/service');
    expect(medan.lastHtml).toContain('Senin–Jumat pukul 08.00–16.00');

    const reply = await conversation(h, { id: 99_501, firstName: 'Tari' }).say('bicara dengan petugas');
    expect(reply.text).toContain('Senin–Sabtu pukul 07.30–15.00 WIB');
  });
});
