import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countAudience } from '../../src/broadcasts/audience';
import { createBroadcast, previewBroadcast } from '../../src/broadcasts/service';
import { rowsOf } from '../../src/db/rows';
import { broadcasts, messages, programmes, users } from '../../src/db/schema';
import type { AudienceFilter } from '../../src/shared/audience';
import { person } from '../api/helpers';
import { drainDue, quietElsewhere, statusCounts } from '../broadcasts/helpers';
import { createStaff, loggedInClient } from '../helpers/admin';
import { daysFromNow, loadCatalogue, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';

/*
 * The broadcast composer and a broadcast's page (issue #8): validation in Indonesian with the form
 * shown again, a live audience count equal to the audience service's, confirm → enqueued, delivery
 * through the real dispatcher to the Bot API stand-in with a progress fragment that stops polling,
 * cancel, read-only viewers, and nothing of another organisation's broadcasts.
 */

let h: Harness;
let kopri: { id: string; slug: string };
const chats: Record<string, number> = {};

function born(age: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - age);
  d.setUTCMonth(d.getUTCMonth() - 2);
  return d.toISOString().slice(0, 10);
}

const profile = (gender: string, regency: string, age: number, level: string, extra = {}) => ({
  gender,
  domicileProvince: regency.slice(0, 2),
  ...(regency.length > 2 ? { domicileRegency: regency } : {}),
  birthDate: born(age),
  education: { level },
  ...extra,
});

const login = (email: string) => loggedInClient(h.runtime.app, email);

async function record(slug: string) {
  const [row] = await h.runtime.db
    .select({ record: programmes.record })
    .from(programmes)
    .where(eq(programmes.slug, slug));
  return row!.record;
}

/** The number the count fragment shows (data-count), or NaN. */
const shownCount = (html: string) => Number(/data-count="(\d+)"/.exec(html)?.[1] ?? Number.NaN);

beforeAll(async () => {
  h = await startHarness({ BROADCAST_QUIET_HOURS: quietElsewhere() });
  const db = h.runtime.db;
  const staff = await createStaff(db, {
    organisation: 'kopri-pb-pmii',
    email: 'sari@kopri.or.id',
    name: 'Sari',
  });
  kopri = { id: staff.organisation.id, slug: staff.organisation.slug };
  await createStaff(db, { organisation: 'kopri-pb-pmii', email: 'vina@kopri.or.id', role: 'viewer' });
  await createStaff(db, { organisation: 'blk-surabaya', email: 'budi@blk.go.id', name: 'Budi' });
  await loadCatalogue(db, [
    programme('las-sby', { title: { id: 'Pelatihan Las Surabaya' } }),
    programme('tik-daring', {
      title: { id: 'Kelas TIK Daring' },
      field: 'tik',
      location: { mode: 'daring' },
      eligibility: { gender: 'perempuan', age: { min: 18, max: 25 }, education: { min: 'SMA' } },
    }),
    programme('jahit-tutup', {
      title: { id: 'Menjahit (tutup)' },
      field: 'menjahit',
      status: 'closed',
      dates: {
        registration_opens: daysFromNow(-60),
        registration_closes: daysFromNow(-30),
        starts: daysFromNow(-20),
        ends: daysFromNow(10),
      },
    }),
    programme('blk-otomotif', {
      field: 'otomotif',
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'blk-surabaya' },
    }),
  ]);
  let chat = 71_000;
  const add = async (name: string, data?: Record<string, unknown>, subscribed = true) => {
    chats[name] = chat;
    return person(db, chat++, { ...(data ? { profile: data } : {}), subscribed });
  };
  await add('sari', profile('perempuan', '35.78', 22, 'SMA'));
  await add('budi', profile('laki_laki', '35.15', 27, 'SMA'));
  await add('dewi', profile('perempuan', '32.73', 19, 'SMP'));
  await add('ayu', profile('perempuan', '31', 24, 'S1'));
  await add('rizky', profile('laki_laki', '35.78', 30, 'D3'));
  await add('putri', profile('perempuan', '35', 17, 'SMP'));
  await add('made', profile('laki_laki', '51.71', 21, 'SMA'));
  await add(
    'nur',
    profile('perempuan', '73.71', 23, 'SMA', {
      interests: { types: ['I'], fieldsRecommended: ['tik'], takenAt: '2026-01-10' },
    }),
  );
  await add('tanpa-profil');
  await add('tidak-langganan', profile('perempuan', '35.78', 22, 'SMA'), false);
  const stopped = await add('berhenti', profile('perempuan', '35.78', 22, 'SMA'));
  await db.update(users).set({ broadcastsStopped: true }).where(eq(users.id, stopped.userId));
});
afterAll(() => h.close());
beforeEach(() => h.api.reset());

describe('broadcast list and composer', () => {
  it('shows an empty list with a way to start, and the composer with every filter', async () => {
    const client = await login('sari@kopri.or.id');
    expect((await client.get('/admin/broadcasts')).status).toBe(200);
    expect(client.lastHtml).toContain('Belum ada siaran');
    expect(client.lastHtml).toContain('href="/admin/broadcasts/new"');
    const res = await client.get('/admin/broadcasts/new');
    expect(res.status).toBe(200);
    const html = client.lastHtml;
    for (const id of [
      'bc-text',
      'bc-programme',
      'bc-province',
      'bc-regency',
      'bc-gender',
      'bc-age-min',
      'bc-age-max',
    ])
      expect(html).toContain(`for="${id}"`);
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('data-audience-count="/admin/broadcasts/audience"');
    expect(html).toContain('Hitung penerima');
    expect(html).toContain('Jam tenang');
    expect(html).toContain('maxlength="3000"');
    // Only the organisation's open programmes can be promoted.
    expect(html).toContain('Pelatihan Las Surabaya');
    expect(html).not.toContain('value="blk-otomotif"');
    const promote = /<select id="bc-programme"[\s\S]*?<\/select>/.exec(html)![0];
    expect(promote).not.toContain('jahit-tutup');
    expect(promote).toContain('las-sby');
  });

  it('refuses bad input in Indonesian and shows the form again with what was typed', async () => {
    const client = await login('sari@kopri.or.id');
    await client.get('/admin/broadcasts/new');
    const res = await client.post('/admin/broadcasts/new', {
      intent: 'review',
      name: 'Info las Oktober',
      text: '   ',
      age_min: '3o',
      age_max: '25',
      edu_min: 'S1',
      edu_max: 'SMP',
      province: '35',
      when: 'later',
      date: '2020-01-05',
      time: '09:00',
    });
    expect(res.status).toBe(422);
    const html = client.lastHtml;
    expect(html).toContain('Periksa lagi isian berikut');
    expect(html).toContain('Tulis isi pesan terlebih dahulu.');
    expect(html).toContain('Tulis usia sebagai angka bulat antara 10 dan 100.');
    expect(html).toContain('Pendidikan paling tinggi tidak boleh lebih rendah');
    expect(html).toContain('Waktu itu sudah lewat.');
    expect(html).toContain('aria-invalid="true"');
    // What was typed is kept.
    expect(html).toContain('value="Info las Oktober"');
    expect(html).toContain('value="3o"');
    expect(html).toMatch(/<input type="checkbox" name="province" value="35" checked/);
    expect(html).toMatch(/value="later" checked/);

    await client.post('/admin/broadcasts/new', {
      intent: 'review',
      text: 'Pendaftaran menjahit dibuka lagi!',
      programme: 'jahit-tutup',
      age_min: '30',
      age_max: '18',
    });
    expect(client.lastHtml).toContain('tidak sedang membuka pendaftaran');
    expect(client.lastHtml).toContain('Usia maksimal tidak boleh lebih kecil dari usia minimal.');
    await client.post('/admin/broadcasts/new', { intent: 'review', text: 'x', programme: 'blk-otomotif' });
    expect(client.lastHtml).toContain('tidak ditemukan di organisasi Anda');
    await client.post('/admin/broadcasts/new', { intent: 'review', text: 'x'.repeat(3001) });
    expect(client.lastHtml).toContain('Pesan terlalu panjang: paling banyak 3000 karakter.');
    await client.post('/admin/broadcasts/new', { intent: 'review', text: 'x', when: 'later' });
    expect(client.lastHtml).toContain('Isi tanggal pengiriman.');
    expect(client.lastHtml).toContain('Isi jam pengiriman (WIB).');
    expect(await h.runtime.db.select().from(broadcasts)).toHaveLength(0);
  });

  it('counts the audience live, exactly as the audience service does', async () => {
    const client = await login('sari@kopri.or.id');
    const cases: Array<[string, AudienceFilter, number]> = [
      ['', {}, 9],
      ['gender=perempuan', { gender: 'perempuan' }, 5],
      ['province=35', { provinces: ['35'] }, 4],
      ['province=35&gender=laki_laki', { provinces: ['35'], gender: 'laki_laki' }, 2],
      ['regency=35.78&province=51', { regencies: ['35.78'], provinces: ['51'] }, 3],
      ['age_min=20&age_max=25', { age: { min: 20, max: 25 } }, 4],
      ['edu_min=SMA&edu_max=D3', { education: { min: 'SMA', max: 'D3' } }, 5],
      ['field=tik', { interests: ['tik'] }, 1],
      ['channel=whatsapp', { channels: ['whatsapp'] }, 0],
      ['eligible_for=tik-daring', { eligible_for: 'tik-daring' }, 3],
    ];
    for (const [query, filter, expected] of cases) {
      const res = await client.get(`/admin/broadcasts/audience?${query}`, { 'x-requested-with': 'fetch' });
      expect(res.status, query).toBe(200);
      const html = await res.text();
      const options = filter.eligible_for ? { eligibleFor: await record(filter.eligible_for) } : {};
      const service = await countAudience(h.runtime.db, filter, options);
      expect(shownCount(html), query).toBe(service.recipients);
      expect(service.recipients, query).toBe(expected);
    }
    // With a programme to promote, its subscribers' topics count too: the service's preview decides.
    const res = await client.get('/admin/broadcasts/audience?programme=las-sby&gender=perempuan', {
      'x-requested-with': 'fetch',
    });
    const preview = await previewBroadcast(h.runtime.db, kopri, {
      audience: { gender: 'perempuan' },
      programmeSlug: 'las-sby',
      text: { id: '…' },
      code: 'x',
    });
    expect(shownCount(await res.text())).toBe(preview.recipients);
    // A bad filter says what is wrong instead of a number.
    const bad = await client.get('/admin/broadcasts/audience?age_min=abc', { 'x-requested-with': 'fetch' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('angka bulat');
  });

  it('counts without JavaScript: "Hitung penerima" brings the form back with the number', async () => {
    const client = await login('sari@kopri.or.id');
    await client.get('/admin/broadcasts/new');
    const res = await client.post('/admin/broadcasts/new', {
      intent: 'count',
      text: 'Halo kak, ada pelatihan las!',
      province: '35',
      gender: 'perempuan',
    });
    expect(res.status).toBe(200);
    expect(shownCount(client.lastHtml)).toBe(2); // Sari (Surabaya) and Putri (Jawa Timur)
    expect(client.lastHtml).toContain('Halo kak, ada pelatihan las!</textarea>');
  });

  it('goes back from the confirm step to the form with everything kept', async () => {
    const client = await login('sari@kopri.or.id');
    await client.get('/admin/broadcasts/new');
    const form = { text: 'Baris satu\nBaris dua', field: 'tik', age_min: '18', gender: 'perempuan' };
    await client.post('/admin/broadcasts/new', { ...form, intent: 'review' });
    expect(client.lastHtml).toContain('<input type="hidden" name="field" value="tik"/>');
    expect(client.lastHtml).toContain('Bidang minat');
    const back = await client.post('/admin/broadcasts/new', { ...form, intent: 'edit' });
    expect(back.status).toBe(200);
    expect(client.lastHtml).toContain('Baris satu\nBaris dua</textarea>');
    expect(client.lastHtml).toMatch(/name="field" value="tik" checked/);
    expect(client.lastHtml).toContain('value="18"');
  });

  it('speaks English after the language switch', async () => {
    const client = await login('sari@kopri.or.id');
    await client.get('/admin/lang/en?next=/admin/broadcasts/new');
    await client.get('/admin/broadcasts/new');
    expect(client.lastHtml).toContain('Count recipients');
    expect(client.lastHtml).toContain('Quiet hours');
    await client.post('/admin/broadcasts/new', { intent: 'review', text: '', age_min: 'x' });
    expect(client.lastHtml).toContain('Write the message first.');
    expect(client.lastHtml).toContain('Write the age as a whole number from 10 to 100.');
  });
});

describe('sending from the dashboard', () => {
  it('confirms, enqueues, delivers through the dispatcher and stops polling when done', async () => {
    const client = await login('sari@kopri.or.id');
    await client.get('/admin/broadcasts/new');
    const form = {
      text: 'Halo! Pelatihan las gratis di Surabaya dibuka, kuota terbatas.',
      name: 'Las Surabaya — Jatim',
      programme: 'las-sby',
      province: '35',
      when: 'now',
    };
    const review = await client.post('/admin/broadcasts/new', { ...form, intent: 'review' });
    expect(review.status).toBe(200);
    expect(client.lastHtml).toContain('Periksa sebelum mengirim');
    expect(client.lastHtml).toContain('Ya, kirim ke 4 orang');
    expect(client.lastHtml).toContain('https://t.me/jembatan_test_bot?start=b_preview');
    expect(await h.runtime.db.select().from(broadcasts)).toHaveLength(0);

    const confirm = await client.post('/admin/broadcasts/new', { ...form, intent: 'confirm' });
    expect(confirm.status).toBe(303);
    const location = confirm.headers.get('location')!;
    const id = /\/admin\/broadcasts\/([0-9a-f-]{36})\?ok=/.exec(location)![1]!;
    const [row] = await h.runtime.db.select().from(broadcasts).where(eq(broadcasts.id, id));
    expect(row).toMatchObject({
      status: 'sending',
      recipients: 4,
      programmeSlug: 'las-sby',
      name: form.name,
    });
    expect(row!.audience).toEqual({ provinces: ['35'] });
    expect(await statusCounts(h, id)).toEqual({ pending: 4 });

    await client.get(location);
    expect(client.lastHtml).toContain('Siaran sedang dikirim');
    expect(client.lastHtml).toContain(`data-poll="/admin/broadcasts/${id}/progress"`);
    expect(client.lastHtml).toContain('Batalkan siaran');
    const running = await client.get(`/admin/broadcasts/${id}/progress`, { 'x-requested-with': 'fetch' });
    expect(running.status).toBe(200);
    const before = await running.text();
    expect(before).toContain('<progress');
    expect(before).toMatch(/data-stat="pending">4</);

    await drainDue(h);
    const done = await client.get(`/admin/broadcasts/${id}/progress`, { 'x-requested-with': 'fetch' });
    expect(done.status).toBe(286);
    const after = await done.text();
    expect(after).toMatch(/data-stat="sent">4</);
    expect(after).toMatch(/data-stat="pending">0</);
    expect(after).toContain('4 dari 4 pesan sudah diproses (100%)');
    expect(after).toContain('Selesai');
    // The status and the Cancel button are polled with the progress: a finished one offers no Cancel.
    expect(before).toContain('Batalkan siaran');
    expect(before).toContain('Sedang dikirim');
    expect(after).not.toContain('Batalkan siaran');
    expect(after).not.toContain('Sedang dikirim');
    for (const name of ['sari', 'budi', 'rizky', 'putri']) {
      const texts = h.api.texts(chats[name]!);
      expect(texts, name).toHaveLength(1);
      expect(texts[0]).toContain('Pelatihan las gratis di Surabaya dibuka');
      expect(texts[0]).toContain('/berhenti');
    }
    for (const name of ['dewi', 'ayu', 'made', 'nur', 'tidak-langganan', 'berhenti'])
      expect(h.api.texts(chats[name]!), name).toHaveLength(0);

    // The list shows it finished, with its numbers; the finished page polls no more.
    await client.get('/admin/broadcasts');
    expect(client.lastHtml).toContain('Las Surabaya — Jatim');
    expect(client.lastHtml).toMatch(
      /<td data-label="Penerima">4<\/td><td data-label="Terkirim">4<\/td><td data-label="Gagal atau diblokir">0<\/td><td data-label="Menunggu">0<\/td>/,
    );
    await client.get(`/admin/broadcasts/${id}`);
    expect(client.lastHtml).not.toContain('data-poll=');
    expect(client.lastHtml).not.toContain('Batalkan siaran');
  });

  it('schedules for a time in WIB and can cancel it before it starts', async () => {
    const client = await login('sari@kopri.or.id');
    await client.get('/admin/broadcasts/new');
    const date = daysFromNow(3);
    const confirm = await client.post('/admin/broadcasts/new', {
      intent: 'confirm',
      text: 'Info magang Jepang: pendaftaran dibuka minggu depan.',
      gender: 'laki_laki',
      when: 'later',
      date,
      time: '09:30',
    });
    expect(confirm.status).toBe(303);
    const id = /broadcasts\/([0-9a-f-]{36})/.exec(confirm.headers.get('location')!)![1]!;
    const [row] = await h.runtime.db.select().from(broadcasts).where(eq(broadcasts.id, id));
    expect(row!.status).toBe('scheduled');
    expect(row!.scheduledAt!.toISOString()).toBe(new Date(`${date}T02:30:00Z`).toISOString());
    expect(row!.name).toBe('Info magang Jepang: pendaftaran dibuka minggu depan.');
    await client.get(`/admin/broadcasts/${id}`);
    expect(client.lastHtml).toContain('Terjadwal');
    expect(client.lastHtml).toContain('09.30 WIB');

    const cancel = await client.post(`/admin/broadcasts/${id}/cancel`);
    expect(cancel.status).toBe(303);
    await client.get(cancel.headers.get('location')!);
    expect(client.lastHtml).toContain('Siaran dibatalkan.');
    const [after] = await h.runtime.db.select().from(broadcasts).where(eq(broadcasts.id, id));
    expect(after!.status).toBe('cancelled');
    // Cancelling twice says so.
    const again = await client.post(`/admin/broadcasts/${id}/cancel`);
    expect(again.headers.get('location')).toContain('error=dashboard:broadcasts.flash.notCancellable');
  });

  it('cancels a running broadcast: nothing more goes out and polling ends', async () => {
    const client = await login('sari@kopri.or.id');
    await client.get('/admin/broadcasts/new');
    const confirm = await client.post('/admin/broadcasts/new', {
      intent: 'confirm',
      text: 'Pengumuman untuk peserta perempuan.',
      gender: 'perempuan',
    });
    const id = /broadcasts\/([0-9a-f-]{36})/.exec(confirm.headers.get('location')!)![1]!;
    expect(await statusCounts(h, id)).toEqual({ pending: 5 });
    await client.get(`/admin/broadcasts/${id}`);
    const cancel = await client.post(`/admin/broadcasts/${id}/cancel`);
    expect(cancel.status).toBe(303);
    await drainDue(h);
    expect(h.api.sent()).toHaveLength(0);
    expect(await statusCounts(h, id)).toEqual({ cancelled: 5 });
    const progress = await client.get(`/admin/broadcasts/${id}/progress`, { 'x-requested-with': 'fetch' });
    expect(progress.status).toBe(286);
    const html = await progress.text();
    expect(html).toContain('Dibatalkan');
    expect(html).toMatch(/data-stat="cancelled">5</);
  });

  it('will not send now to nobody', async () => {
    const client = await login('sari@kopri.or.id');
    await client.get('/admin/broadcasts/new');
    await client.post('/admin/broadcasts/new', { intent: 'review', text: 'Halo', channel: 'whatsapp' });
    expect(client.lastHtml).toContain('Tidak ada penerima yang cocok saat ini');
    expect(client.lastHtml).not.toContain('value="confirm"');
    const forced = await client.post('/admin/broadcasts/new', {
      intent: 'confirm',
      text: 'Halo',
      channel: 'whatsapp',
    });
    expect(forced.status).toBe(422);
    const [n] = rowsOf<{ n: number | string }>(
      await h.runtime.db.execute(sql`select count(*) as n from broadcasts where text ->> 'id' = 'Halo'`),
    );
    expect(Number(n!.n)).toBe(0);
  });
});

describe('a draft made through the API', () => {
  const draft = (name: string, text: string, audience: AudienceFilter) =>
    // What POST /api/v1/broadcasts does: the service's createBroadcast, status draft.
    createBroadcast(h.runtime.db, kopri, { name, text: { id: text }, audience });

  it('is sent now from its page after the confirm step, and delivered by the dispatcher', async () => {
    const created = await draft(
      'Draf API — Kota Surabaya',
      'Halo warga Surabaya! Ada pelatihan menjahit gratis bulan depan.',
      { regencies: ['35.78'] },
    );
    const client = await login('sari@kopri.or.id');
    expect((await client.get(`/admin/broadcasts/${created.id}`)).status).toBe(200);
    const html = client.lastHtml;
    expect(html).toContain('Kirim draf ini');
    expect(html).toContain('Kirim sekarang');
    expect(html).toContain('Jadwalkan');
    expect(html).toContain(`action="/admin/broadcasts/${created.id}/send"`);
    expect(html).toContain('for="bc-date"');
    expect(html).toContain('for="bc-time"');

    const review = await client.post(`/admin/broadcasts/${created.id}/send`, {
      when: 'now',
      intent: 'review',
    });
    expect(review.status).toBe(200);
    expect(client.lastHtml).toContain('Periksa sebelum mengirim');
    // The live count is the audience service's, now: Sari and Rizky (not the unsubscribed or stopped).
    expect(shownCount(client.lastHtml)).toBe(2);
    expect(client.lastHtml).toContain('Ya, kirim ke 2 orang');
    expect(client.lastHtml).toContain(`href="/admin/broadcasts/${created.id}">Kembali ke draf`);
    expect(await statusCounts(h, created.id)).toEqual({});

    const confirm = await client.post(`/admin/broadcasts/${created.id}/send`, {
      when: 'now',
      intent: 'confirm',
    });
    expect(confirm.status).toBe(303);
    const location = confirm.headers.get('location')!;
    expect(location).toBe(`/admin/broadcasts/${created.id}?ok=dashboard:broadcasts.flash.sending`);
    const [row] = await h.runtime.db.select().from(broadcasts).where(eq(broadcasts.id, created.id));
    expect(row).toMatchObject({ status: 'sending', recipients: 2 });
    expect(await statusCounts(h, created.id)).toEqual({ pending: 2 });
    await client.get(location);
    expect(client.lastHtml).toContain('Siaran sedang dikirim');
    expect(client.lastHtml).not.toContain('Kirim draf ini');

    await drainDue(h);
    expect(await statusCounts(h, created.id)).toEqual({ sent: 2 });
    for (const name of ['sari', 'rizky']) {
      const texts = h.api.texts(chats[name]!);
      expect(texts, name).toHaveLength(1);
      expect(texts[0]).toContain('pelatihan menjahit gratis');
    }
    for (const name of ['budi', 'putri', 'tidak-langganan', 'berhenti'])
      expect(h.api.texts(chats[name]!), name).toHaveLength(0);
    // Not a draft any more: a second send is refused, nothing more goes out.
    const again = await client.post(`/admin/broadcasts/${created.id}/send`, {
      when: 'now',
      intent: 'confirm',
    });
    expect(again.headers.get('location')).toContain('error=dashboard:broadcasts.flash.notDraft');
    expect(await statusCounts(h, created.id)).toEqual({ sent: 2 });
  });

  it('is scheduled for a WIB date and time, checked like the composer checks them', async () => {
    const created = await draft('Draf API — Info bengkel', 'Info magang bengkel otomotif untuk pemuda.', {
      gender: 'laki_laki',
    });
    const client = await login('sari@kopri.or.id');
    await client.get(`/admin/broadcasts/${created.id}`);
    const path = `/admin/broadcasts/${created.id}/send`;
    const empty = await client.post(path, { when: 'later', date: '', time: '', intent: 'review' });
    expect(empty.status).toBe(422);
    expect(client.lastHtml).toContain('Periksa lagi isian berikut');
    expect(client.lastHtml).toContain('Isi tanggal pengiriman.');
    expect(client.lastHtml).toContain('Isi jam pengiriman (WIB).');
    expect(client.lastHtml).toContain('aria-invalid="true"');
    await client.post(path, { when: 'later', date: '2021-03-17', time: '08:15', intent: 'review' });
    expect(client.lastHtml).toContain('Waktu itu sudah lewat.');
    expect(client.lastHtml).toContain('value="2021-03-17"');
    expect(client.lastHtml).toContain('value="08:15"');
    await client.post(path, { when: 'later', date: 'besok', time: '9 pagi', intent: 'confirm' });
    expect(client.lastHtml).toContain('Tanggal atau jam tidak dapat dibaca');
    expect(
      (await h.runtime.db.select().from(broadcasts).where(eq(broadcasts.id, created.id)))[0]!.status,
    ).toBe('draft');

    const date = daysFromNow(5);
    const review = await client.post(path, { when: 'later', date, time: '19:45', intent: 'review' });
    expect(review.status).toBe(200);
    expect(client.lastHtml).toContain('Dijadwalkan pada');
    expect(client.lastHtml).toContain('19.45 WIB');
    expect(client.lastHtml).toContain('Ya, jadwalkan');
    expect(client.lastHtml).toContain(`<input type="hidden" name="date" value="${date}"/>`);

    const confirm = await client.post(path, { when: 'later', date, time: '19:45', intent: 'confirm' });
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get('location')).toContain('ok=dashboard:broadcasts.flash.scheduled');
    const [row] = await h.runtime.db.select().from(broadcasts).where(eq(broadcasts.id, created.id));
    expect(row!.status).toBe('scheduled');
    // 19:45 WIB is 12:45 UTC the same day.
    expect(row!.scheduledAt!.toISOString()).toBe(new Date(`${date}T12:45:00Z`).toISOString());
    expect(await statusCounts(h, created.id)).toEqual({});
    await client.get(`/admin/broadcasts/${created.id}`);
    expect(client.lastHtml).toContain('Terjadwal');
    expect(client.lastHtml).not.toContain('Kirim draf ini');
    await client.post(`/admin/broadcasts/${created.id}/cancel`);
  });

  it('will not be sent now to nobody, with the composer’s message', async () => {
    const created = await draft('Draf API — WhatsApp', 'Halo pengguna WhatsApp', { channels: ['whatsapp'] });
    const client = await login('sari@kopri.or.id');
    await client.get(`/admin/broadcasts/${created.id}`);
    const path = `/admin/broadcasts/${created.id}/send`;
    await client.post(path, { when: 'now', intent: 'review' });
    expect(client.lastHtml).toContain(
      'Tidak ada penerima yang cocok saat ini, jadi siaran tidak dapat dikirim',
    );
    expect(client.lastHtml).not.toContain('value="confirm"');
    const forced = await client.post(path, { when: 'now', intent: 'confirm' });
    expect(forced.status).toBe(422);
    expect(client.lastHtml).toContain('Tidak ada penerima yang cocok saat ini. Longgarkan filter');
    const [row] = await h.runtime.db.select().from(broadcasts).where(eq(broadcasts.id, created.id));
    expect(row!.status).toBe('draft');
    expect(await statusCounts(h, created.id)).toEqual({});
  });
});

describe('access', () => {
  it('lets a viewer read but not compose, send or cancel', async () => {
    const created = await createBroadcast(h.runtime.db, kopri, {
      name: 'Draf untuk dilihat',
      text: { id: 'Draf' },
      audience: {},
    });
    const viewer = await login('vina@kopri.or.id');
    await viewer.get('/admin/broadcasts');
    expect(viewer.lastHtml).toContain('Draf untuk dilihat');
    expect(viewer.lastHtml).not.toContain('href="/admin/broadcasts/new"');
    expect((await viewer.get('/admin/broadcasts/new')).status).toBe(403);
    expect(
      (await viewer.post('/admin/broadcasts/new', { intent: 'confirm', text: 'Halo semua' })).status,
    ).toBe(403);
    expect((await viewer.get(`/admin/broadcasts/${created.id}`)).status).toBe(200);
    expect(viewer.lastHtml).not.toContain('Batalkan siaran');
    expect(viewer.lastHtml).not.toContain('Kirim sekarang');
    expect(viewer.lastHtml).not.toContain(`/admin/broadcasts/${created.id}/send`);
    expect((await viewer.post(`/admin/broadcasts/${created.id}/cancel`)).status).toBe(403);
    for (const form of <Array<Record<string, string>>>[
      { when: 'now', intent: 'confirm' },
      { when: 'later', date: daysFromNow(2), time: '10:00', intent: 'confirm' },
    ])
      expect((await viewer.post(`/admin/broadcasts/${created.id}/send`, form)).status).toBe(403);
    const [row] = await h.runtime.db.select().from(broadcasts).where(eq(broadcasts.id, created.id));
    expect(row!.status).toBe('draft');
  });

  it("answers 403 for another organisation's broadcast and shows nothing of it", async () => {
    const created = await createBroadcast(h.runtime.db, kopri, {
      name: 'Rahasia KOPRI',
      text: { id: 'Isi rahasia siaran KOPRI' },
      audience: {},
    });
    const other = await login('budi@blk.go.id');
    const page = await other.get(`/admin/broadcasts/${created.id}`);
    expect(page.status).toBe(403);
    expect(other.lastHtml).toContain('Data ini tidak ada atau bukan milik organisasi Anda.');
    expect(other.lastHtml).not.toContain('Rahasia KOPRI');
    expect(other.lastHtml).not.toContain('Isi rahasia');
    const fragment = await other.get(`/admin/broadcasts/${created.id}/progress`, {
      'x-requested-with': 'fetch',
    });
    expect(fragment.status).toBe(403);
    expect((await other.post(`/admin/broadcasts/${created.id}/cancel`)).status).toBe(403);
    for (const form of <Array<Record<string, string>>>[
      { when: 'now', intent: 'review' },
      { when: 'now', intent: 'confirm' },
      { when: 'later', date: daysFromNow(2), time: '10:00', intent: 'confirm' },
    ]) {
      expect((await other.post(`/admin/broadcasts/${created.id}/send`, form)).status).toBe(403);
      expect(other.lastHtml).toContain('Data ini tidak ada atau bukan milik organisasi Anda.');
      expect(other.lastHtml).not.toContain('Rahasia KOPRI');
      expect(other.lastHtml).not.toContain('Isi rahasia');
    }
    expect((await other.get('/admin/broadcasts/bukan-id')).status).toBe(403);
    await other.get('/admin/broadcasts');
    expect(other.lastHtml).not.toContain('Rahasia KOPRI');
    // Its composer offers only its own programmes; another's cannot be promoted by hand either.
    await other.get('/admin/broadcasts/new');
    expect(other.lastHtml).not.toContain('las-sby');
    await other.post('/admin/broadcasts/new', { intent: 'review', text: 'x', programme: 'las-sby' });
    expect(other.lastHtml).toContain('tidak ditemukan di organisasi Anda');
    const [row] = await h.runtime.db.select().from(broadcasts).where(eq(broadcasts.id, created.id));
    expect(row!.status).toBe('draft');
    const rows = await h.runtime.db.select().from(messages).where(eq(messages.broadcastId, created.id));
    expect(rows).toHaveLength(0);
  });
});
