import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEngagement } from '../../src/broadcasts/engagement';
import { createBroadcast } from '../../src/broadcasts/service';
import type { Db } from '../../src/db/client';
import {
  applications,
  messages,
  programmeInterests,
  programmes,
  recruitmentTargets,
  savedProgrammes,
} from '../../src/db/schema';
import { applicantBreakdown, recruitmentFunnel } from '../../src/organisations/recruitment-stats';
import { arriveThroughReferral, createReferralLink } from '../../src/organisations/referrals';
import { person } from '../api/helpers';
import { createStaff, loggedInClient } from '../helpers/admin';
import { daysFromNow, loadCatalogue, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';

/*
 * Recruitment targets and their charts (issue #8), on a seeded dataset whose counts are known: the
 * funnel (reached → checked → applied → accepted), applicants by gender, disability and province, and
 * each target's goals; the target form with its errors; viewers read only; another organisation's
 * targets answer 403.
 */

let h: Harness;
let kopri: { id: string; slug: string };
let blk: { id: string; slug: string };

const login = (email: string) => loggedInClient(h.runtime.app, email);

async function programmeId(db: Db, slug: string): Promise<string> {
  const [row] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, slug));
  return row!.id;
}

/** The <desc> of a chart by its id (what a screen reader hears, with the numbers). */
const desc = (html: string, id: string) => new RegExp(`<desc id="${id}-desc">([^<]*)</desc>`).exec(html)?.[1];

let chat = 81_000;
async function someone(db: Db, profile?: Record<string, unknown>) {
  return person(db, chat++, { ...(profile ? { profile } : {}), subscribed: false });
}

async function apply(
  db: Db,
  userId: string | null,
  slug: string,
  fields: { status: string; gender: string | null; province: string | null },
) {
  await db.insert(applications).values({
    userId,
    programmeId: await programmeId(db, slug),
    status: fields.status as 'diajukan',
    gender: fields.gender,
    province: fields.province,
    ...(fields.status === 'draft'
      ? {}
      : { reference: `JMB-2026-${String(chat++).padStart(6, '0')}`, submittedAt: new Date() }),
    ...(userId ? { fullName: 'Peserta Uji', phone: '+6281200000000' } : { anonymisedAt: new Date() }),
    channel: 'telegram',
  });
}

beforeAll(async () => {
  h = await startHarness();
  const db = h.runtime.db;
  const staff = await createStaff(db, { organisation: 'kopri-pb-pmii', email: 'sari@kopri.or.id' });
  kopri = { id: staff.organisation.id, slug: staff.organisation.slug };
  await createStaff(db, { organisation: 'kopri-pb-pmii', email: 'vina@kopri.or.id', role: 'viewer' });
  const other = await createStaff(db, { organisation: 'blk-surabaya', email: 'budi@blk.go.id' });
  blk = { id: other.organisation.id, slug: other.organisation.slug };
  await loadCatalogue(db, [
    programme('las-sby', { title: { id: 'Pelatihan Las Surabaya' } }),
    programme('tik-daring', {
      title: { id: 'Kelas TIK Daring' },
      field: 'tik',
      location: { mode: 'daring' },
    }),
    programme('blk-otomotif', {
      title: { id: 'Otomotif BLK' },
      field: 'otomotif',
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'blk-surabaya' },
    }),
  ]);

  // Reached only: two people through a referral link (one later checks las-sby), one broadcast
  // recipient, a card opened, a programme saved, an interest click, two checks, a draft.
  await createReferralLink(db, kopri, { code: 'kopri-kampus', recruiter: 'Rina' });
  const a1 = await someone(db);
  const a2 = await someone(db);
  await arriveThroughReferral(db, a1.userId, 'kopri-kampus');
  await arriveThroughReferral(db, a2.userId, 'kopri-kampus');
  await recordEngagement(db, { userId: a1.userId, kind: 'eligibility_checked', programmeSlug: 'las-sby' });
  const b1 = await someone(db);
  const sent = await createBroadcast(db, kopri, { name: 'Info', text: { id: 'Info' }, audience: {} });
  await db.insert(messages).values({
    userId: b1.userId,
    identityId: b1.identityId,
    channel: 'telegram',
    direction: 'out',
    origin: 'broadcast',
    body: { type: 'text', text: 'Info' },
    status: 'sent',
    broadcastId: sent.id,
  });
  const c1 = await someone(db);
  await recordEngagement(db, { userId: c1.userId, kind: 'card_opened', programmeSlug: 'las-sby' });
  const s1 = await someone(db);
  await db
    .insert(savedProgrammes)
    .values({ userId: s1.userId, programmeId: await programmeId(db, 'las-sby') });
  const i1 = await someone(db);
  await db
    .insert(programmeInterests)
    .values({ userId: i1.userId, programmeId: await programmeId(db, 'las-sby'), channel: 'telegram' });
  const e1 = await someone(db);
  await recordEngagement(db, { userId: e1.userId, kind: 'eligibility_checked', programmeSlug: 'las-sby' });
  const e2 = await someone(db);
  await recordEngagement(db, { userId: e2.userId, kind: 'eligibility_checked', programmeSlug: 'tik-daring' });
  const d1 = await someone(db);
  await apply(db, d1.userId, 'las-sby', { status: 'draft', gender: 'perempuan', province: '35' });

  // Applicants.
  const p1 = await someone(db, { disability: { declared: true, needs: 'kursi roda' } });
  await apply(db, p1.userId, 'las-sby', { status: 'diajukan', gender: 'perempuan', province: '35' });
  const p2 = await someone(db);
  await apply(db, p2.userId, 'las-sby', { status: 'diterima', gender: 'perempuan', province: '35' });
  const p3 = await someone(db, { disability: { declared: false } });
  await apply(db, p3.userId, 'las-sby', { status: 'diverifikasi', gender: 'laki_laki', province: '32' });
  const p4 = await someone(db);
  await apply(db, p4.userId, 'las-sby', { status: 'ditolak', gender: 'laki_laki', province: '35' });
  const p5 = await someone(db, { disability: { declared: false } });
  await apply(db, p5.userId, 'las-sby', { status: 'diterima', gender: 'perempuan', province: '31' });
  const p6 = await someone(db);
  await recordEngagement(db, { userId: p6.userId, kind: 'eligibility_checked', programmeSlug: 'tik-daring' });
  await apply(db, p6.userId, 'tik-daring', { status: 'seleksi', gender: 'perempuan', province: '73' });
  const p7 = await someone(db);
  await apply(db, p7.userId, 'tik-daring', { status: 'wawancara', gender: 'laki_laki', province: null });
  await apply(db, null, 'tik-daring', { status: 'diterima', gender: 'perempuan', province: '51' }); // anonymised

  // Another organisation's person: never in KOPRI's numbers.
  await createReferralLink(db, blk, { code: 'blk-pasar' });
  const q1 = await someone(db);
  await arriveThroughReferral(db, q1.userId, 'blk-pasar');
  await apply(db, q1.userId, 'blk-otomotif', { status: 'diterima', gender: 'laki_laki', province: '35' });
});
afterAll(() => h.close());

describe('recruitment numbers', () => {
  it('counts the funnel and the applicants from the data', async () => {
    const db = h.runtime.db;
    expect(await recruitmentFunnel(db, { organisation: kopri })).toEqual({
      reached: 17,
      checked: 11,
      applied: 8,
      accepted: 3,
    });
    expect(await recruitmentFunnel(db, { organisation: kopri, programme: 'las-sby' })).toEqual({
      reached: 11,
      checked: 7,
      applied: 5,
      accepted: 2,
    });
    expect(await recruitmentFunnel(db, { organisation: blk })).toEqual({
      reached: 1,
      checked: 1,
      applied: 1,
      accepted: 1,
    });
    expect(await applicantBreakdown(db, { organisation: kopri })).toEqual({
      total: 8,
      gender: { perempuan: 5, laki_laki: 3, unknown: 0 },
      disability: { declared: 1, none: 2, unknown: 5 },
      provinces: [
        { code: '35', count: 3 },
        { code: '31', count: 1 },
        { code: '32', count: 1 },
        { code: '51', count: 1 },
        { code: '73', count: 1 },
        { code: null, count: 1 },
      ],
    });
  });
});

describe('targets page', () => {
  it('shows the organisation overview as charts with the real numbers', async () => {
    const client = await login('sari@kopri.or.id');
    const res = await client.get('/admin/targets');
    expect(res.status).toBe(200);
    const html = client.lastHtml;
    expect(html).toContain('Belum ada target');
    expect(html).toContain('href="/admin/targets/new"');
    expect(html).toContain('role="img"');
    expect(desc(html, 'tg-overview-funnel')).toBe(
      'Dijangkau: 17; Mengecek syarat: 11 (64,7% dari tahap pertama); Mendaftar: 8 (47,1% dari tahap pertama); Diterima: 3 (17,6% dari tahap pertama).',
    );
    expect(html).toContain('Dijangkau = orang yang datang lewat tautan rujukan organisasi Anda');
    expect(desc(html, 'tg-overview-gender')).toBe('Total 8. Perempuan: 5 (62,5%); Laki-laki: 3 (37,5%).');
    expect(desc(html, 'tg-overview-disability')).toBe(
      'Total 8. Menyatakan disabilitas: 1 (12,5%); Tanpa disabilitas: 2 (25%); Tidak diketahui: 5 (62,5%).',
    );
    expect(desc(html, 'tg-overview-province')).toBe(
      'Total 8. Jawa Timur: 3 (37,5%); Bali: 1 (12,5%); DKI Jakarta: 1 (12,5%); Jawa Barat: 1 (12,5%); Sulawesi Selatan: 1 (12,5%); Tidak diketahui: 1 (12,5%).',
    );
    // The same numbers in a table.
    expect(html).toContain('<th scope="row">Jawa Timur</th><td>3</td><td>37,5%</td>');

    await client.get('/admin/targets?programme=las-sby');
    expect(desc(client.lastHtml, 'tg-overview-funnel')).toMatch(
      /^Dijangkau: 11; Mengecek syarat: 7 .*Mendaftar: 5 .*Diterima: 2 /,
    );
    // Another organisation's programme in the query is not a scope: the overview stays the organisation's.
    await client.get('/admin/targets?programme=blk-otomotif');
    expect(desc(client.lastHtml, 'tg-overview-funnel')).toMatch(/^Dijangkau: 17;/);
  });

  it('refuses a bad target in Indonesian, keeping what was typed', async () => {
    const client = await login('sari@kopri.or.id');
    await client.get('/admin/targets/new');
    let res = await client.post('/admin/targets/new', {
      name: '',
      participants: 'seratus',
      women_percent: '150',
      disability_percent: '5,5',
      deadline: daysFromNow(-2),
      programme: 'blk-otomotif',
    });
    expect(res.status).toBe(422);
    let html = client.lastHtml;
    expect(html).toContain('Tulis nama target.');
    expect(html).toContain('Tulis jumlah peserta sebagai angka bulat');
    expect(html).toContain('Persentase paling besar 100.');
    expect(html).toContain('Tulis persentase sebagai angka bulat');
    expect(html).toContain('Tenggat itu sudah lewat.');
    expect(html).toContain('Program ini tidak ditemukan di organisasi Anda.');
    expect(html).toContain('value="seratus"');
    expect(html).toContain('value="150"');
    res = await client.post('/admin/targets/new', { name: 'Tanpa sasaran' });
    expect(res.status).toBe(422);
    expect(client.lastHtml).toContain('Isi setidaknya satu sasaran');
    expect(client.lastHtml).toContain('value="Tanpa sasaran"');
    html = client.lastHtml;
    expect(html).toContain('aria-invalid="true"');
    expect(await h.runtime.db.select().from(recruitmentTargets)).toHaveLength(0);
  });

  it('creates a target and draws its goals, then changes it', async () => {
    const client = await login('sari@kopri.or.id');
    await client.get('/admin/targets/new');
    const res = await client.post('/admin/targets/new', {
      name: 'Angkatan Januari 2027',
      participants: '10',
      women_percent: '50%',
      disability_percent: '10',
      // 40 days after Jakarta's today (the page counts from it): after 17:00 UTC it is tomorrow there.
      deadline: new Date(Date.now() + 7 * 3_600_000 + 40 * 86_400_000).toISOString().slice(0, 10),
      counted: 'active',
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    const id = /targets\/([0-9a-f-]{36})\?ok=/.exec(location)![1]!;
    const [row] = await h.runtime.db.select().from(recruitmentTargets).where(eq(recruitmentTargets.id, id));
    expect(row).toMatchObject({
      name: 'Angkatan Januari 2027',
      programmeSlug: null,
      participants: 10,
      womenPercent: 50,
      disabilityPercent: 10,
      statuses: null,
    });
    await client.get(location);
    let html = client.lastHtml;
    expect(html).toContain('Target dibuat.');
    // 7 counted (the rejected one is not): 5 women, 1 with a disability.
    // The pace against the deadline (issue #20, point 12): days left and what is needed per week.
    expect(desc(html, 'tg-goal-participants')).toMatch(
      /^7 peserta dihitung\. Sisa 40 hari sampai tenggat \d+ \w+ \d{4}: perlu 3 peserta lagi, sekitar 1 per minggu\. Target 10\. Belum tercapai, kurang 3\.$/,
    );
    expect(html).toContain('>7 dari 10</text>');
    expect(desc(html, 'tg-goal-women')).toBe(
      '5 dari 7 peserta adalah perempuan (71,4%). Target 50%. Tercapai.',
    );
    // Four were never asked: said, since the share counts them as "no".
    expect(desc(html, 'tg-goal-disability')).toBe(
      '1 dari 7 peserta menyatakan disabilitas (14,3%). 4 peserta (57,1%) belum pernah ditanya atau tidak menjawab soal disabilitas, jadi angka ini bisa lebih rendah dari kenyataan. Target 10%. Tercapai.',
    );
    // "Kuota perempuan" the target and the women's seats of a programme are told apart.
    expect(html).toContain(
      'kursi kuota perempuan di halaman program adalah kursi yang disimpan khusus untuk perempuan',
    );
    // The disability goal says the bot now asks the optional question where it applies.
    expect(html).toContain('bot menanyakan pertanyaan disabilitas yang opsional');
    expect(desc(html, 'tg-breakdown-gender')).toBe('Total 7. Perempuan: 5 (71,4%); Laki-laki: 2 (28,6%).');
    expect(desc(html, 'tg-funnel-chart')).toMatch(/^Dijangkau: 17;/);
    expect(html).toContain('Belum tercapai');

    // Edit: a bad value comes back with the form; a good one changes the goal.
    await client.get(`/admin/targets/${id}/edit`);
    expect(client.lastHtml).toContain('value="Angkatan Januari 2027"');
    const bad = await client.post(`/admin/targets/${id}/edit`, {
      name: 'Angkatan Januari 2027',
      women_percent: '12,5',
    });
    expect(bad.status).toBe(422);
    expect(client.lastHtml).toContain('Tulis persentase sebagai angka bulat');
    expect(client.lastHtml).toContain('value="12,5"');
    const good = await client.post(`/admin/targets/${id}/edit`, {
      name: 'Angkatan Januari 2027 (revisi)',
      participants: '1.000',
      women_percent: '80',
      disability_percent: '',
      deadline: new Date(Date.now() + 7 * 3_600_000 + 40 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(good.status).toBe(303);
    await client.get(good.headers.get('location')!);
    html = client.lastHtml;
    expect(html).toContain('Perubahan target disimpan.');
    expect(desc(html, 'tg-goal-participants')).toMatch(
      /^7 peserta dihitung\. Sisa 40 hari sampai tenggat .*: perlu 993 peserta lagi, sekitar 174 per minggu\. Target 1\.000\. Belum tercapai, kurang 993\.$/,
    );
    expect(desc(html, 'tg-goal-women')).toBe(
      '5 dari 7 peserta adalah perempuan (71,4%). Target 80%. Belum tercapai, kurang 8,6 poin persen.',
    );
    // A goal left empty is not drawn.
    expect(desc(html, 'tg-goal-disability')).toBeUndefined();
    const [changed] = await h.runtime.db
      .select()
      .from(recruitmentTargets)
      .where(eq(recruitmentTargets.id, id));
    expect(changed).toMatchObject({ participants: 1000, womenPercent: 80, disabilityPercent: null });
  });

  it('counts accepted applications of one programme: a 100 % women goal met', async () => {
    const client = await login('sari@kopri.or.id');
    await client.get('/admin/targets/new');
    const res = await client.post('/admin/targets/new', {
      name: 'Lulusan las',
      programme: 'las-sby',
      women_percent: '100',
      counted: 'accepted',
    });
    expect(res.status).toBe(303);
    await client.get(res.headers.get('location')!);
    const html = client.lastHtml;
    expect(desc(html, 'tg-goal-women')).toBe(
      '2 dari 2 peserta adalah perempuan (100%). Target 100%. Tercapai.',
    );
    expect(html).toContain('<line x1="318.5" x2="318.5"');
    expect(html).toContain('Dihitung: hanya lamaran yang diterima.');
    expect(desc(html, 'tg-funnel-chart')).toMatch(/^Dijangkau: 11;/);
    expect(desc(html, 'tg-breakdown-province')).toBe('Total 2. DKI Jakarta: 1 (50%); Jawa Timur: 1 (50%).');
    // Both targets are listed with their compact charts.
    await client.get('/admin/targets');
    expect(client.lastHtml).toContain('Lulusan las');
    expect(client.lastHtml).toContain('Angkatan Januari 2027 (revisi)');
    expect(client.lastHtml).toContain('Semua sasaran tercapai');
  });
});

describe('access to targets', () => {
  it('lets a viewer read but not create, change or delete', async () => {
    const [target] = await h.runtime.db.select().from(recruitmentTargets).limit(1);
    const viewer = await login('vina@kopri.or.id');
    await viewer.get('/admin/targets');
    expect(viewer.lastHtml).toContain(target!.name);
    expect(viewer.lastHtml).not.toContain('href="/admin/targets/new"');
    expect((await viewer.get('/admin/targets/new')).status).toBe(403);
    expect((await viewer.post('/admin/targets/new', { name: 'x', participants: '5' })).status).toBe(403);
    expect((await viewer.get(`/admin/targets/${target!.id}`)).status).toBe(200);
    expect(viewer.lastHtml).not.toContain('Ubah target');
    expect((await viewer.get(`/admin/targets/${target!.id}/edit`)).status).toBe(403);
    expect(
      (await viewer.post(`/admin/targets/${target!.id}/edit`, { name: 'x', participants: '5' })).status,
    ).toBe(403);
    expect((await viewer.post(`/admin/targets/${target!.id}/delete`)).status).toBe(403);
    expect(await h.runtime.db.select().from(recruitmentTargets)).toHaveLength(2);
  });

  it("answers 403 for another organisation's target and shows nothing of it", async () => {
    const [target] = await h.runtime.db.select().from(recruitmentTargets).limit(1);
    const other = await login('budi@blk.go.id');
    for (const path of [`/admin/targets/${target!.id}`, `/admin/targets/${target!.id}/edit`]) {
      const res = await other.get(path);
      expect(res.status, path).toBe(403);
      expect(other.lastHtml).toContain('Data ini tidak ada atau bukan milik organisasi Anda.');
      expect(other.lastHtml).not.toContain(target!.name);
    }
    await other.get('/admin/targets');
    expect(other.lastHtml).not.toContain(target!.name);
    expect(desc(other.lastHtml, 'tg-overview-funnel')).toBe(
      'Dijangkau: 1; Mengecek syarat: 1 (100% dari tahap pertama); Mendaftar: 1 (100% dari tahap pertama); Diterima: 1 (100% dari tahap pertama).',
    );
    expect(
      (await other.post(`/admin/targets/${target!.id}/edit`, { name: 'Diambil alih', participants: '1' }))
        .status,
    ).toBe(403);
    expect((await other.post(`/admin/targets/${target!.id}/delete`)).status).toBe(403);
    const [still] = await h.runtime.db
      .select()
      .from(recruitmentTargets)
      .where(eq(recruitmentTargets.id, target!.id));
    expect(still!.name).toBe(target!.name);
  });

  it('deletes a target', async () => {
    const client = await login('sari@kopri.or.id');
    const [target] = await h.runtime.db
      .select()
      .from(recruitmentTargets)
      .where(eq(recruitmentTargets.name, 'Lulusan las'));
    await client.get(`/admin/targets/${target!.id}`);
    const res = await client.post(`/admin/targets/${target!.id}/delete`);
    expect(res.status).toBe(303);
    await client.get(res.headers.get('location')!);
    expect(client.lastHtml).toContain('Target dihapus.');
    expect(client.lastHtml).not.toContain('Lulusan las');
  });
});
