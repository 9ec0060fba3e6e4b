import { rmSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { submitApplication } from '../../src/applications/status';
import { applications, messages, personalDataLog, profiles, programmes } from '../../src/db/schema';
import {
  applicant,
  bornAgo,
  drainOutbox,
  fillApplication,
  nikFor,
  tempUploads,
  userIdOf,
} from '../applications/helpers';
import { createStaff, loggedInClient } from '../helpers/admin';
import { daysFromNow, loadCatalogue, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';
import { textUpdate } from '../helpers/telegram';

const KOPRI = 'kopri-pb-pmii';
const OTHER = 'lpk-nusantara';

let h: Harness;
let uploads = '';
let sariMember = '';
let nextPerson = 89_000;

const inChat = (organisation: string) => ({ mode: 'in_chat', documents: ['ktp'], organisation });

beforeAll(async () => {
  uploads = tempUploads();
  process.env.UPLOADS_DIR = uploads;
  h = await startHarness();
  await loadCatalogue(h.runtime.db, [
    programme('las-kopri', {
      title: { id: 'Pelatihan Las Kopri' },
      seats: { total: 3, women: 1 },
      application: inChat(KOPRI),
    }),
    programme('jahit-kopri', {
      title: { id: 'Pelatihan Menjahit Kopri' },
      field: 'menjahit',
      application: inChat(KOPRI),
      eligibility: {
        age: { min: 18, max: 40 },
        questions: [{ id: 'punya_mesin', ask: { id: 'Punya mesin jahit di rumah?' }, type: 'yes_no' }],
      },
    }),
    programme('lpk-jepang', {
      title: { id: 'Magang Jepang LPK Nusantara' },
      application: inChat(OTHER),
    }),
  ]);
  const { member } = await createStaff(h.database.db, {
    organisation: KOPRI,
    email: 'sari@kopri.or.id',
    name: 'Sari Wulandari',
  });
  sariMember = member.id;
  await createStaff(h.database.db, { organisation: KOPRI, email: 'tamu@kopri.or.id', role: 'viewer' });
  await createStaff(h.database.db, { organisation: OTHER, email: 'admin@lpk-nusantara.id' });
});
afterAll(async () => {
  await h.close();
  rmSync(uploads, { recursive: true, force: true });
});
beforeEach(() => h.api.reset());

/** A person who wrote to the bot, with a submitted application put in through the applications service. */
async function submitted(input: {
  slug: string;
  name: string;
  gender: 'perempuan' | 'laki_laki';
  province: string;
  age: number;
  phone?: string;
  address?: string;
  disability?: string;
  answers?: Record<string, boolean>;
}) {
  const person = { id: nextPerson++, firstName: input.name.split(' ')[0]! };
  await h.post(textUpdate(person, '/start'));
  const userId = await userIdOf(h, person.id);
  if (input.disability)
    await h.runtime.db
      .insert(profiles)
      .values({ userId, data: { disability: { declared: true, needs: input.disability } } })
      .onConflictDoUpdate({
        target: profiles.userId,
        set: { data: { disability: { declared: true, needs: input.disability } } },
      });
  const [prog] = await h.runtime.db.select().from(programmes).where(eq(programmes.slug, input.slug));
  const [draft] = await h.runtime.db
    .insert(applications)
    .values({
      userId,
      programmeId: prog!.id,
      fullName: input.name,
      phone: input.phone ?? `+62857${String(person.id).padStart(8, '0')}`,
      address: input.address ?? 'Jl. Kenanga No. 3, Bandung',
      channel: 'telegram',
    })
    .returning({ id: applications.id });
  const result = await h.runtime.db.transaction((tx) =>
    submitApplication(tx, {
      applicationId: draft!.id,
      programmeId: prog!.id,
      applicant: { gender: input.gender, domicileProvince: input.province, answers: input.answers ?? {} },
      stats: { gender: input.gender, province: input.province, age: input.age },
    }),
  );
  return { person, userId, id: draft!.id, ...result };
}

let sari: { person: { id: number }; userId: string; id: string; nik: string };
let people: Record<string, Awaited<ReturnType<typeof submitted>>> = {};

beforeAll(async () => {
  // Sari applies through the real chat: profile, NIK, contact, KTP photo, submit.
  const born = bornAgo(24, 15);
  const nik = nikFor(born.date, true, '0427');
  const person = { id: nextPerson++, firstName: 'Sari' };
  const chat = applicant(h, person);
  const review = await fillApplication(chat, {
    slug: 'las-kopri',
    profile: {
      birth: born.text,
      gender: 'perempuan',
      place: 'Kota Surabaya',
      education: 'SMK',
      graduation: String(new Date().getUTCFullYear() - 5),
    },
    name: 'Sari Puspitasari',
    nik,
    phone: '6281234500911',
  });
  await chat.press('✅ Kirim lamaran', review);
  const userId = await userIdOf(h, person.id);
  const [app] = await h.runtime.db.select().from(applications).where(eq(applications.userId, userId));
  expect(app!.status).toBe('diajukan');
  sari = { person, userId, id: app!.id, nik };

  people = {
    budi: await submitted({
      slug: 'las-kopri',
      name: 'Budi Santoso',
      gender: 'laki_laki',
      province: '35',
      age: 22,
    }),
    joko: await submitted({
      slug: 'las-kopri',
      name: 'Joko Prasetyo',
      gender: 'laki_laki',
      province: '33',
      age: 27,
    }),
    andi: await submitted({
      slug: 'las-kopri',
      name: 'Andi Wijaya',
      gender: 'laki_laki',
      province: '35',
      age: 19,
    }),
    dewi: await submitted({
      slug: 'jahit-kopri',
      name: 'Dewi Kartika',
      gender: 'perempuan',
      province: '32',
      age: 30,
      disability: 'kursi roda, perlu ruang kelas di lantai dasar',
      answers: { punya_mesin: true },
    }),
    formula: await submitted({
      slug: 'jahit-kopri',
      name: '=HYPERLINK("http://jahat.example","klik")',
      gender: 'laki_laki',
      province: '35',
      age: 25,
      address: '@SUM(1+1) Jl. Mawar',
    }),
    lain: await submitted({
      slug: 'lpk-jepang',
      name: 'Rahmat Hidayat',
      gender: 'laki_laki',
      province: '35',
      age: 23,
    }),
  };
  // Budi applied three weeks ago.
  await h.runtime.db
    .update(applications)
    .set({ submittedAt: sql`now() - interval '21 days'` })
    .where(eq(applications.id, people.budi!.id));
});

const login = (email = 'sari@kopri.or.id') => loggedInClient(h.runtime.app, email);

const names = (html: string) =>
  [
    'Sari Puspitasari',
    'Budi Santoso',
    'Joko Prasetyo',
    'Andi Wijaya',
    'Dewi Kartika',
    'Rahmat Hidayat',
  ].filter((n) => html.includes(n));

describe('applicant list', () => {
  it('lists applications to the organisation’s programmes only, and filters by codes in the query', async () => {
    const client = await login();
    expect((await client.get('/admin/applicants')).status).toBe(200);
    expect(client.lastHtml).toContain('Semua lamaran: 6.');
    expect(names(client.lastHtml)).toEqual([
      'Sari Puspitasari',
      'Budi Santoso',
      'Joko Prasetyo',
      'Andi Wijaya',
      'Dewi Kartika',
    ]);
    expect(client.lastHtml).toContain('<label for="province">Provinsi domisili</label>');

    await client.get('/admin/applicants?gender=perempuan');
    expect(names(client.lastHtml)).toEqual(['Sari Puspitasari', 'Dewi Kartika']);
    await client.get('/admin/applicants?province=32');
    expect(names(client.lastHtml)).toEqual(['Dewi Kartika']);
    expect(client.lastHtml).toContain('<option value="32" selected="">');
    await client.get('/admin/applicants?disability=ya');
    expect(names(client.lastHtml)).toEqual(['Dewi Kartika']);
    await client.get('/admin/applicants?disability=tidak&programme=jahit-kopri');
    expect(names(client.lastHtml)).toEqual([]);
    expect(client.lastHtml).toContain('1 lamaran cocok');
    // Andi came after the seats ran out.
    await client.get('/admin/applicants?status=cadangan');
    expect(names(client.lastHtml)).toEqual(['Andi Wijaya']);
    await client.get('/admin/applicants?programme=las-kopri&gender=laki_laki');
    expect(names(client.lastHtml)).toEqual(['Budi Santoso', 'Joko Prasetyo', 'Andi Wijaya']);
    // Submitted dates (Jakarta days): Budi applied three weeks ago.
    await client.get(`/admin/applicants?from=${daysFromNow(-7)}`);
    expect(names(client.lastHtml)).not.toContain('Budi Santoso');
    expect(names(client.lastHtml)).toHaveLength(4);
    await client.get(`/admin/applicants?from=${daysFromNow(-30)}&to=${daysFromNow(-14)}`);
    expect(names(client.lastHtml)).toEqual(['Budi Santoso']);
    // A bad date is explained and ignored; another organisation's programme matches nothing.
    await client.get('/admin/applicants?from=kemarin');
    expect(client.lastHtml).toContain('Tanggal tidak sah');
    expect(client.lastHtml).toContain('Semua lamaran: 6.');
    await client.get('/admin/applicants?programme=lpk-jepang');
    expect(client.lastHtml).toContain('Tidak ada lamaran yang cocok');

    // Links carry only ids and codes, never a name, phone or NIK.
    await client.get('/admin/applicants?gender=perempuan&province=35');
    const hrefs = [...client.lastHtml.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    for (const href of hrefs) expect(href).not.toMatch(/Sari|Puspitasari|6281|\d{16}/);
    // The export form carries the filter and offers the separator, `;` first in Indonesian.
    expect(client.lastHtml).toContain('action="/admin/applicants/export.csv"');
    expect(client.lastHtml).toContain('<input type="hidden" name="gender" value="perempuan"/>');
    expect(client.lastHtml).toMatch(/<option value="semicolon" selected="">Titik koma/);

    // Every person shown on a list page is in the processing log.
    const logged = await h.runtime.db
      .select()
      .from(personalDataLog)
      .where(
        and(eq(personalDataLog.actor, `staff:${sariMember}`), eq(personalDataLog.subjectUserId, sari.userId)),
      );
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged.map((l) => l.detail))).not.toContain('Sari');
  });

  it('finds an applicant by part of the name or the JMB reference, without the name in any URL', async () => {
    const client = await login();
    await client.get('/admin/applicants');
    expect(client.lastHtml).toContain('action="/admin/applicants/search"');
    let res = await client.post('/admin/applicants/search', { q: 'kartika' });
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(names(client.lastHtml)).toEqual(['Dewi Kartika']);
    expect(client.lastHtml).toContain('value="kartika"');
    const [budi] = await h.runtime.db.select().from(applications).where(eq(applications.id, people.budi!.id));
    res = await client.post('/admin/applicants/search', { q: budi!.reference!.toLowerCase() });
    expect(names(client.lastHtml)).toEqual(['Budi Santoso']);
    // Wildcards are text, and another organisation's applicant is never found.
    await client.post('/admin/applicants/search', { q: '%' });
    expect(names(client.lastHtml)).toEqual([]);
    await client.post('/admin/applicants/search', { q: 'Rahmat' });
    expect(names(client.lastHtml)).toEqual([]);
  });

  it('exports the filtered list as CSV for Excel: BOM, no NIK, formulas neutralised, logged', async () => {
    const client = await login();
    const res = await client.get('/admin/applicants/export.csv?programme=jahit-kopri');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="pendaftar-kopri-pb-pmii-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder drops the BOM it reads.
    const text = new TextDecoder().decode(bytes);
    const lines = text.trimEnd().split('\r\n');
    // Semicolons by default for an Indonesian dashboard (Excel set to Indonesian splits on them).
    expect(lines[0]).toBe(
      'Nomor lamaran;Program;Status;Dikirim (WIB);Nama lengkap;No. HP;Email;Alamat;Jenis kelamin;Pendidikan;Provinsi;Kabupaten/kota;Usia;Disabilitas;Kebutuhan disabilitas;Jenis kursi;Saluran',
    );
    expect(lines).toHaveLength(3);
    const dewi = lines.find((l) => l.includes('Dewi Kartika'))!.split(';');
    // A real date (read as one by spreadsheets), and the facts a seat plan needs.
    expect(dewi[3]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(dewi.slice(13)).toEqual([
      'Ya',
      '"kursi roda, perlu ruang kelas di lantai dasar"',
      'kursi umum',
      'Telegram',
    ]);
    expect(text).toContain('Dewi Kartika');
    expect(text).not.toContain('Sari Puspitasari');
    expect(text).toContain(`"'=HYPERLINK(""http://jahat.example"",""klik"")"`);
    expect(text).toContain(`'@SUM(1+1) Jl. Mawar`);
    expect(text).not.toMatch(/(^|;)[=+@-]/m);
    expect(text).toContain('Jawa Barat');
    expect(text).toMatch(/0857-?\d/);

    const all = await client.get('/admin/applicants/export.csv?sep=comma');
    const csv = await all.text();
    expect(csv.split('\r\n')[0]).toContain('Nomor lamaran,Program,Status,');
    expect(csv).toContain('Sari Puspitasari');
    expect(csv).not.toContain(sari.nik);
    expect(csv).not.toMatch(/\d{16}/);
    expect(csv).not.toContain('Rahmat Hidayat');
    const exported = await h.runtime.db
      .select()
      .from(personalDataLog)
      .where(and(eq(personalDataLog.action, 'export'), eq(personalDataLog.subjectUserId, sari.userId)));
    expect(exported).toHaveLength(1);
    expect(exported[0]!.actor).toBe(`staff:${sariMember}`);
  });
});

describe('one application', () => {
  it('shows the answers with the NIK masked, the documents and the history, and logs the view', async () => {
    const client = await login();
    const res = await client.get(`/admin/applicants/${sari.id}`);
    expect(res.status).toBe(200);
    const html = client.lastHtml;
    expect(html).toContain('Sari Puspitasari');
    expect(html).toContain(`************${sari.nik.slice(-4)}`);
    expect(html).not.toContain(sari.nik);
    expect(html).not.toContain(sari.nik.slice(0, 6));
    expect(html).toContain('+62 812 3450 0911');
    expect(html).toContain('Kota Surabaya');
    expect(html).toContain('kursi kuota perempuan');
    expect(html).toContain(`href="/admin/applicants/${sari.id}/documents/ktp"`);
    expect(html).toContain('Diajukan');
    expect(html).toContain('oleh pendaftar');
    expect(html).toContain('<label for="s-status">Status baru</label>');
    const views = await h.runtime.db
      .select()
      .from(personalDataLog)
      .where(and(eq(personalDataLog.action, 'view'), eq(personalDataLog.subjectUserId, sari.userId)));
    expect(views.some((v) => (v.detail as { view?: string }).view === 'application')).toBe(true);

    const doc = await client.get(`/admin/applicants/${sari.id}/documents/ktp`);
    expect(doc.status).toBe(200);
    expect(doc.headers.get('content-type')).toBe('image/jpeg');
    expect(doc.headers.get('content-disposition')).toMatch(/^attachment; filename="JMB-\d{4}-\d+-ktp\.jpg"$/);
    expect([...new Uint8Array(await doc.arrayBuffer()).slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect((await client.get(`/admin/applicants/${sari.id}/documents/ijazah`)).status).toBe(404);

    // One tap to call or write to her, and how she applied.
    expect(html).toContain('href="tel:+6281234500911"');
    expect(html).toContain('href="https://wa.me/6281234500911"');
    expect(html).toContain('Mendaftar lewat: Telegram');

    // Disability needs and programme questions, for the organisers to prepare.
    await client.get(`/admin/applicants/${people.dewi!.id}`);
    // The rules checked against what she submitted: the question passed, her age was not given.
    expect(client.lastHtml).toContain('Kecocokan dengan syarat program');
    expect(client.lastHtml).toContain('Belum bisa dipastikan');
    expect(client.lastHtml).toMatch(/Sesuai<\/span> [^<]*mesin jahit/i);
    expect(client.lastHtml).toContain('kursi roda, perlu ruang kelas di lantai dasar');
    expect(client.lastHtml).toMatch(/Punya mesin jahit di rumah\?<\/dt><dd>Ya/);
  });

  it('changes the status through the applications service, and the person gets the notice', async () => {
    const client = await login();
    await client.get(`/admin/applicants/${sari.id}`);
    // An interview needs a date and a place, in the future.
    let res = await client.post(`/admin/applicants/${sari.id}/status`, { status: 'wawancara', place: '' });
    expect(res.status).toBe(422);
    expect(client.lastHtml).toContain('Undangan wawancara perlu tanggal dan jam');
    expect(client.lastHtml).toContain('Undangan wawancara perlu tempatnya');
    expect(client.lastHtml).toContain('<option value="wawancara" selected="">');
    res = await client.post(`/admin/applicants/${sari.id}/status`, {
      status: 'wawancara',
      date: `${daysFromNow(-2)}T09:00`,
      place: 'BLK Surabaya',
    });
    expect(res.status).toBe(422);
    expect(client.lastHtml).toContain('sudah lewat');
    expect(client.lastHtml).toContain('value="BLK Surabaya"');

    const day = daysFromNow(6);
    res = await client.post(`/admin/applicants/${sari.id}/status`, {
      status: 'wawancara',
      date: `${day}T13:30`,
      place: 'BLK Surabaya, Jl. Dukuh Menanggal 124',
      reason: 'Bawa KTP asli dan pakai sepatu tertutup.',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `/admin/applicants/${sari.id}?ok=dashboard:applicants.flash.changed`,
    );
    await client.get(res.headers.get('location')!);
    expect(client.lastHtml).toContain('Pendaftar dikabari lewat chat');
    expect(client.lastHtml).toContain('oleh Sari Wulandari');
    await drainOutbox(h);
    let notice = h.api.texts(sari.person.id).at(-1)!;
    expect(notice).toContain('Undangan wawancara');
    expect(notice).toContain('Pelatihan Las Kopri');
    expect(notice).toContain('13.30 WIB');
    expect(notice).toContain('BLK Surabaya, Jl. Dukuh Menanggal 124');
    // The organisers' note travels with every status, not only with a decision.
    expect(notice).toContain('Catatan penyelenggara: Bawa KTP asli dan pakai sepatu tertutup.');

    // A decision is confirmed first, on a page showing the message exactly as Sari will read it.
    const accept = { status: 'diterima', reason: 'Bawa sepatu safety pada hari pertama.' };
    res = await client.post(`/admin/applicants/${sari.id}/status`, accept);
    expect(res.status).toBe(200);
    expect(client.lastHtml).toContain('Pesan yang akan diterima pendaftar');
    expect(client.lastHtml).toContain('Catatan penyelenggara: Bawa sepatu safety pada hari pertama.');
    expect(client.lastHtml).toContain('Pelatihan Las Kopri');
    const [before] = await h.runtime.db.select().from(applications).where(eq(applications.id, sari.id));
    expect(before!.status).toBe('wawancara');
    res = await client.post(`/admin/applicants/${sari.id}/status`, { ...accept, confirm: '1' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `/admin/applicants/${sari.id}?ok=dashboard:applicants.flash.held`,
    );
    h.api.reset();
    await drainOutbox(h);
    notice = h.api.texts(sari.person.id).at(-1)!;
    expect(notice).toContain('Diterima');
    expect(notice).toContain('Catatan penyelenggara: Bawa sepatu safety pada hari pertama.');
    const [row] = await h.runtime.db.select().from(applications).where(eq(applications.id, sari.id));
    expect(row!.status).toBe('diterima');

    // Only allowed changes are offered, and a forged one is refused.
    await client.get(`/admin/applicants/${sari.id}`);
    expect(client.lastHtml).not.toContain('<option value="seleksi"');
    res = await client.post(`/admin/applicants/${sari.id}/status`, { status: 'seleksi' });
    expect(res.status).toBe(422);
    expect(client.lastHtml).toContain('tidak diperbolehkan');

    // Andi is on the waitlist and both general seats are taken: said plainly.
    res = await client.post(`/admin/applicants/${people.andi!.id}/status`, {
      status: 'diterima',
      confirm: '1',
    });
    expect(res.status).toBe(409);
    expect(client.lastHtml).toContain('Kursi program sudah penuh');
  });

  it('answers 403 for another organisation’s application and shows nothing of it', async () => {
    const client = await login();
    const res = await client.get(`/admin/applicants/${people.lain!.id}`);
    expect(res.status).toBe(403);
    expect(client.lastHtml).toContain('bukan milik organisasi Anda');
    expect(client.lastHtml).not.toContain('Rahmat');
    expect(
      (await client.post(`/admin/applicants/${people.lain!.id}/status`, { status: 'ditolak' })).status,
    ).toBe(403);
    expect((await client.get(`/admin/applicants/${people.lain!.id}/documents/ktp`)).status).toBe(403);
    const [row] = await h.runtime.db.select().from(applications).where(eq(applications.id, people.lain!.id));
    expect(row!.status).toBe('diajukan');
    // The other organisation's staff, the other way round.
    const other = await login('admin@lpk-nusantara.id');
    expect((await other.get(`/admin/applicants/${sari.id}`)).status).toBe(403);
    expect((await other.get('/admin/applicants/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('speaks English after the language switch', async () => {
    const client = await login();
    await client.get('/admin/lang/en?next=/admin/applicants');
    for (const path of ['/admin/applicants', `/admin/applicants/${people.dewi!.id}`]) {
      expect((await client.get(path)).status).toBe(200);
      expect(client.lastHtml).toContain('lang="en"');
      // A missing text would show its key.
      expect(client.lastHtml).not.toMatch(/>[^<]*\b(?:applicants|programmes)\.[a-z]+\.[\w.]+/);
    }
    expect(client.lastHtml).toContain('Applicant&#39;s details');
    expect(client.lastHtml).toContain('Change status');
  });

  it('lets a viewer read but not change a status', async () => {
    const viewer = await login('tamu@kopri.or.id');
    expect((await viewer.get(`/admin/applicants/${people.joko!.id}`)).status).toBe(200);
    expect(viewer.lastHtml).toContain('Joko Prasetyo');
    expect(viewer.lastHtml).not.toContain('/status"');
    expect(viewer.lastHtml).not.toContain('Ubah status');
    const res = await viewer.post(`/admin/applicants/${people.joko!.id}/status`, { status: 'ditolak' });
    expect(res.status).toBe(403);
    const [row] = await h.runtime.db.select().from(applications).where(eq(applications.id, people.joko!.id));
    expect(row!.status).toBe('diajukan');
  });

  it('confirms a rejection with a kind reason, holds its message, and can undo it until it goes', async () => {
    const client = await login();
    const joko = people.joko!;
    const andi = people.andi!;
    const statusOf = async (id: string) =>
      (await h.runtime.db.select().from(applications).where(eq(applications.id, id)))[0]!;
    h.api.reset();
    await client.get(`/admin/applicants/${joko.id}`);
    // No reason, or a curt one, is refused: the person is always told why, in a sentence.
    let res = await client.post(`/admin/applicants/${joko.id}/status`, { status: 'ditolak' });
    expect(res.status).toBe(422);
    expect(client.lastHtml).toContain('minimal 20 karakter');
    res = await client.post(`/admin/applicants/${joko.id}/status`, {
      status: 'ditolak',
      reason: 'tidak lolos',
    });
    expect(res.status).toBe(422);

    const reason =
      'Terima kasih sudah mendaftar. Kelas ini mengutamakan warga Jawa Timur; coba program las di Semarang.';
    res = await client.post(`/admin/applicants/${joko.id}/status`, { status: 'ditolak', reason });
    expect(res.status).toBe(200);
    expect(client.lastHtml).toContain('Periksa sebelum menyimpan');
    expect(client.lastHtml).toContain('Maaf, kali ini kamu belum diterima');
    expect(client.lastHtml).toContain(`Catatan penyelenggara: ${reason}`);
    expect((await statusOf(joko.id)).status).toBe('diajukan');
    // "Ubah dulu" goes back to the form with what was written.
    res = await client.post(`/admin/applicants/${joko.id}/status`, { status: 'ditolak', reason, edit: '1' });
    expect(res.status).toBe(200);
    expect(client.lastHtml).toContain('<option value="ditolak" selected="">');
    expect(client.lastHtml).toContain('Kelas ini mengutamakan warga Jawa Timur');

    res = await client.post(`/admin/applicants/${joko.id}/status`, {
      status: 'ditolak',
      reason,
      confirm: '1',
    });
    expect(res.status).toBe(303);
    expect((await statusOf(joko.id)).status).toBe('ditolak');
    // Joko's seat went to Andi from the waitlist; both messages are held.
    expect((await statusOf(andi.id)).status).toBe('diajukan');
    await client.get(`/admin/applicants/${joko.id}`);
    expect(client.lastHtml).toContain('Pesan belum dikirim');
    expect(client.lastHtml).toContain('Urungkan, kembalikan ke &quot;Diajukan&quot;');
    while ((await h.runtime.dispatcher.drainOnce()) > 0) {}
    expect(h.api.texts(joko.person.id)).toEqual([]);
    expect(h.api.texts(andi.person.id)).toEqual([]);

    res = await client.post(`/admin/applicants/${joko.id}/undo`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('flash.undone');
    const back = await statusOf(joko.id);
    expect(back.status).toBe('diajukan');
    expect(back.seat).toBe('general');
    const andiBack = await statusOf(andi.id);
    expect(andiBack.status).toBe('cadangan');
    expect(andiBack.waitlistedAt).not.toBeNull();
    await client.get(`/admin/applicants/${joko.id}`);
    expect(client.lastHtml).toContain('Diurungkan sebelum pesannya terkirim');
    expect(client.lastHtml).not.toContain('Pesan belum dikirim');
    await drainOutbox(h);
    expect(h.api.texts(joko.person.id)).toEqual([]);
    expect(h.api.texts(andi.person.id)).toEqual([]);
    const cancelled = await h.runtime.db.select().from(messages).where(eq(messages.status, 'cancelled'));
    expect(cancelled.length).toBeGreaterThanOrEqual(2);

    // Decided again; once the window has passed the message goes, and the undo is too late.
    await client.post(`/admin/applicants/${joko.id}/status`, { status: 'ditolak', reason, confirm: '1' });
    await drainOutbox(h);
    const notice = h.api.texts(joko.person.id).at(-1)!;
    expect(notice).toContain('Belum diterima');
    expect(notice).toContain(reason);
    expect(h.api.texts(andi.person.id).at(-1)).toContain(andi.reference);
    res = await client.post(`/admin/applicants/${joko.id}/undo`, {});
    expect(res.status).toBe(409);
    expect(client.lastHtml).toContain('tidak dapat diurungkan');
    expect((await statusOf(joko.id)).status).toBe('ditolak');
  });
});

describe('bulk status change on the list', () => {
  const bulk = (client: Awaited<ReturnType<typeof login>>, ids: string[], fields: Record<string, string>) => {
    const form = new FormData();
    for (const id of ids) form.append('ids', id);
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return client.postMultipart('/admin/applicants/bulk', form);
  };
  const statusOf = async (id: string) =>
    (await h.runtime.db.select().from(applications).where(eq(applications.id, id)))[0]!.status;

  it('changes the ticked applications, skips those that cannot move and says so, refuses another organisation’s', async () => {
    const viewer = await login('tamu@kopri.or.id');
    await viewer.get('/admin/applicants');
    expect(viewer.lastHtml).not.toContain('class="appl-pick"');
    expect(viewer.lastHtml).not.toContain('id="appl-bulk"');
    expect((await bulk(viewer, [people.dewi!.id], { status: 'seleksi' })).status).toBe(403);

    const client = await login();
    await client.get('/admin/applicants');
    expect(client.lastHtml).toContain('aria-label="Pilih lamaran Dewi Kartika"');
    expect(client.lastHtml).toContain('form="appl-bulk"');
    expect(client.lastHtml).toContain('Ubah status lamaran yang dicentang');

    // Nothing ticked: said, nothing done.
    let res = await bulk(client, [], { status: 'seleksi' });
    expect(res.status).toBe(422);
    expect(client.lastHtml).toContain('Belum ada lamaran yang dicentang');

    // One of another organisation among them: refused as a whole, nothing changed.
    res = await bulk(client, [people.dewi!.id, people.lain!.id], { status: 'seleksi' });
    expect(res.status).toBe(403);
    expect(client.lastHtml).not.toContain('Rahmat');
    expect(await statusOf(people.dewi!.id)).toBe('diajukan');

    h.api.reset();
    const ticked = [people.dewi!.id, people.formula!.id, sari.id];
    res = await bulk(client, ticked, { status: 'seleksi' });
    expect(res.status).toBe(200);
    expect(client.lastHtml).toContain('2 lamaran sekarang berstatus &quot;Tahap seleksi&quot;');
    expect(client.lastHtml).toContain('1 lamaran tidak diubah');
    expect(client.lastHtml).toMatch(
      /Sari Puspitasari<\/a>.*tidak dapat diubah menjadi &quot;Tahap seleksi&quot;/s,
    );
    expect(await statusOf(people.dewi!.id)).toBe('seleksi');
    expect(await statusOf(people.formula!.id)).toBe('seleksi');
    expect(await statusOf(sari.id)).toBe('diterima');
    await drainOutbox(h);
    expect(h.api.texts(people.dewi!.person.id).at(-1)).toContain('Tahap seleksi');
    const logged = await h.runtime.db
      .select()
      .from(personalDataLog)
      .where(
        and(eq(personalDataLog.subjectUserId, people.dewi!.userId), eq(personalDataLog.action, 'update')),
      );
    expect(logged.some((l) => (l.detail as { bulk?: boolean }).bulk === true)).toBe(true);
  });

  it('confirms a bulk rejection with one kind reason and the message, holds the messages, and undoes them all', async () => {
    const client = await login();
    await client.get('/admin/applicants');
    const two = [people.dewi!.id, people.formula!.id];
    let res = await bulk(client, two, { status: 'ditolak', reason: 'tidak lolos' });
    expect(res.status).toBe(422);
    expect(client.lastHtml).toContain('minimal 20 karakter');
    expect(client.lastHtml).toContain('value="ditolak" selected=""');

    const reason =
      'Terima kasih sudah mendaftar. Kelas menjahit gelombang ini sudah penuh; daftar lagi bulan Maret.';
    res = await bulk(client, two, { status: 'ditolak', reason });
    expect(res.status).toBe(200);
    expect(client.lastHtml).toContain('2 lamaran akan diubah menjadi &quot;Belum diterima&quot;');
    expect(client.lastHtml).toContain('Pesan yang akan diterima pendaftar');
    expect(client.lastHtml).toContain(`Catatan penyelenggara: ${reason}`);
    expect(await statusOf(people.dewi!.id)).toBe('seleksi');

    h.api.reset();
    res = await bulk(client, two, { status: 'ditolak', reason, confirm: '1' });
    expect(res.status).toBe(200);
    expect(client.lastHtml).toContain('Pesannya dikirim beberapa menit lagi');
    expect(await statusOf(people.dewi!.id)).toBe('ditolak');
    expect(await statusOf(people.formula!.id)).toBe('ditolak');
    while ((await h.runtime.dispatcher.drainOnce()) > 0) {}
    expect(h.api.texts(people.dewi!.person.id)).toEqual([]);

    // The result page's one button takes both back before anyone is told.
    const undo = new FormData();
    for (const id of two) undo.append('ids', id);
    res = await client.postMultipart('/admin/applicants/bulk/undo', undo);
    expect(res.status).toBe(200);
    expect(client.lastHtml).toContain('2 perubahan diurungkan');
    expect(await statusOf(people.dewi!.id)).toBe('seleksi');
    expect(await statusOf(people.formula!.id)).toBe('seleksi');
    await drainOutbox(h);
    expect(h.api.texts(people.dewi!.person.id)).toEqual([]);
    expect(h.api.texts(people.formula!.person.id)).toEqual([]);
  });
});
