import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importPacing } from '../../src/admin/programmes/import-pacing';
import { parseCatalogueCsv } from '../../src/catalogue/parse';
import { programmeImportJobs, programmes } from '../../src/db/schema';
import {
  advanceImportJob,
  getImportJob,
  IMPORT_CHUNK_ROWS,
  startImportJob,
} from '../../src/organisations/import-jobs';
import { findOrganisation } from '../../src/organisations/service';
import { type AdminClient, createStaff, loggedInClient } from '../helpers/admin';
import { daysFromNow, loadCatalogue, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';
import { textUpdate } from '../helpers/telegram';

const KOPRI = 'kopri-pb-pmii';
const OTHER = 'blk-surabaya';

let h: Harness;

const own = (slug: string, overrides: Record<string, unknown> = {}) =>
  programme(slug, {
    application: { mode: 'in_chat', documents: ['ktp'], organisation: KOPRI },
    ...overrides,
  });

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, [
    own('las-listrik-sby', {
      title: { id: 'Pelatihan Las Listrik Surabaya' },
      seats: { total: 20, women: 6 },
    }),
    own('menjahit-malang', {
      title: { id: 'Pelatihan Menjahit Malang' },
      field: 'menjahit',
      location: { province: '35', regency: '35.73', mode: 'luring' },
      dates: { registration_opens: daysFromNow(-40), registration_closes: daysFromNow(-2) },
    }),
    own('tik-daring', {
      title: { id: 'Kelas TIK Daring' },
      field: 'tik',
      location: { mode: 'daring' },
    }),
    programme('otomotif-lain', {
      title: { id: 'Pelatihan Otomotif Organisasi Lain' },
      field: 'otomotif',
      application: { mode: 'in_chat', documents: ['ktp'], organisation: OTHER },
    }),
  ]);
  await createStaff(h.database.db, {
    organisation: KOPRI,
    email: 'sari@kopri.or.id',
    name: 'Sari Wulandari',
  });
  await createStaff(h.database.db, { organisation: KOPRI, email: 'lihat@kopri.or.id', role: 'viewer' });
  await createStaff(h.database.db, { organisation: OTHER, email: 'budi@blk-sby.go.id', name: 'Budi' });
});
afterAll(() => h.close());

const staff = (email = 'sari@kopri.or.id') => loggedInClient(h.runtime.app, email);

describe('programme list', () => {
  it('shows only the organisation’s own programmes, with deadline, place, seats and counts', async () => {
    const client = await staff();
    const res = await client.get('/admin/programmes');
    expect(res.status).toBe(200);
    const html = client.lastHtml;
    expect(html).toContain('Pelatihan Las Listrik Surabaya');
    expect(html).toContain('Pelatihan Menjahit Malang');
    expect(html).toContain('Kelas TIK Daring');
    expect(html).not.toContain('Organisasi Lain');
    // Place, deadline in WIB, seats with the women's quota, applications.
    expect(html).toContain('Kota Surabaya, Jawa Timur');
    expect(html).toContain('23.59 WIB');
    expect(html).toContain('0 dari 20');
    expect(html).toContain('kuota perempuan 0 dari 6');
    expect(html).toContain('0 lamaran');
    // A past deadline reads "Ditutup"; an online programme "Daring".
    const malang = html.slice(html.indexOf('Pelatihan Menjahit Malang'));
    expect(malang.slice(0, 600)).toContain('Ditutup');
    expect(html).toContain('Daring');
    expect(html).toContain('href="/admin/programmes/las-listrik-sby"');
    expect(html).toContain('href="/admin/programmes/import"');
  });

  it('refuses another organisation’s programme with 403 and shows nothing of it', async () => {
    const client = await staff();
    const res = await client.get('/admin/programmes/otomotif-lain');
    expect(res.status).toBe(403);
    expect(client.lastHtml).toContain('bukan milik organisasi Anda');
    expect(client.lastHtml).not.toContain('Otomotif');
    const post = await client.post('/admin/programmes/otomotif-lain', { title_id: 'Diambil alih' });
    expect(post.status).toBe(403);
    const [row] = await h.runtime.db.select().from(programmes).where(eq(programmes.slug, 'otomotif-lain'));
    expect(row!.record.title.id).toBe('Pelatihan Otomotif Organisasi Lain');
    expect((await client.get('/admin/programmes/tidak-ada-sama-sekali')).status).toBe(404);
  });
});

describe('editing a programme', () => {
  const form = (client: AdminClient) => {
    const html = client.lastHtml;
    const value = (name: string) =>
      new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ??
      new RegExp(`value="([^"]*)"[^>]*name="${name}"`).exec(html)?.[1] ??
      '';
    const textarea = (name: string) =>
      new RegExp(`name="${name}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1] ?? '';
    const selected = (name: string) =>
      new RegExp(`name="${name}"[\\s\\S]*?<option value="([^"]*)" selected`).exec(html)?.[1] ?? '';
    return {
      title_id: value('title_id'),
      title_en: value('title_en'),
      summary_id: textarea('summary_id'),
      summary_en: textarea('summary_en'),
      status: selected('status'),
      registration_opens: value('registration_opens'),
      registration_closes: value('registration_closes'),
      starts: value('starts'),
      ends: value('ends'),
      seats_total: value('seats_total'),
      seats_women: value('seats_women'),
      fee_idr: value('fee_idr'),
      stipend_idr: value('stipend_idr'),
      stipend_period: '',
      location_venue: value('location_venue'),
      provider_contact: value('provider_contact'),
      version: value('version'),
    };
  };

  it('shows Indonesian errors per field and keeps what was typed', async () => {
    const client = await staff();
    const res = await client.get('/admin/programmes/las-listrik-sby');
    expect(res.status).toBe(200);
    const values = form(client);
    expect(values.title_id).toBe('Pelatihan Las Listrik Surabaya');
    expect(values.seats_total).toBe('20');
    expect(client.lastHtml).toMatch(/<label for="f-seats_women">Kuota perempuan/);

    const bad = await client.post('/admin/programmes/las-listrik-sby', {
      ...values,
      title_id: '   ',
      seats_total: '-5',
      seats_women: '7',
      registration_closes: daysFromNow(-3),
      stipend_idr: '1,5 juta',
    });
    expect(bad.status).toBe(422);
    const html = client.lastHtml;
    expect(html).toContain('role="alert"');
    expect(html).toContain('Judul (Bahasa Indonesia)</a>: wajib diisi.');
    expect(html).toContain('minimal 1, bukan -5');
    expect(html).toContain('tanggal ini sudah lewat');
    expect(html).toContain('harus berupa angka, bukan <code>1,5 juta</code>');
    // What was typed is shown again, and the field is marked invalid for screen readers.
    expect(html).toContain('value="-5"');
    expect(html).toContain('value="1,5 juta"');
    expect(html).toMatch(
      /id="f-seats_total"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-seats_total"/,
    );
    expect(html).toContain('href="#f-title_id"');
    // Nothing was saved.
    const [row] = await h.runtime.db.select().from(programmes).where(eq(programmes.slug, 'las-listrik-sby'));
    expect(row!.record.seats?.total).toBe(20);

    // The women's quota above the seats is the catalogue's own rule.
    await client.post('/admin/programmes/las-listrik-sby', { ...values, seats_women: '30' });
    expect(client.lastHtml).toContain('kuota perempuan (30) melebihi jumlah kursi (20)');
  });

  it('saves a good edit through the catalogue importer, and the bot’s card shows it', async () => {
    const client = await staff();
    await client.get('/admin/programmes/las-listrik-sby');
    const values = form(client);
    const res = await client.post('/admin/programmes/las-listrik-sby', {
      ...values,
      title_id: 'Pelatihan Las SMAW Surabaya Angkatan 3',
      seats_total: '25',
      seats_women: '10',
      stipend_idr: 'Rp 1.500.000',
      stipend_period: 'bulan',
      registration_closes: daysFromNow(25),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      '/admin/programmes/las-listrik-sby?ok=dashboard:programmes.flash.saved',
    );
    await client.get(res.headers.get('location')!);
    expect(client.lastHtml).toContain('Perubahan program tersimpan');
    expect(form(client).title_id).toBe('Pelatihan Las SMAW Surabaya Angkatan 3');

    const [row] = await h.runtime.db.select().from(programmes).where(eq(programmes.slug, 'las-listrik-sby'));
    expect(row!.seatsTotal).toBe(25);
    expect(row!.seatsWomen).toBe(10);
    expect(row!.stipendIdr).toBe(1_500_000);
    expect(row!.record.costs.stipend_period).toBe('bulan');
    expect(row!.searchText).toContain(' smaw ');

    // The person's card in Telegram, through the webhook.
    const person = { id: 88_001, firstName: 'Rina' };
    await h.post(textUpdate(person, '/start p_las-listrik-sby'));
    expect(h.api.texts(person.id).join('\n')).toContain('Pelatihan Las SMAW Surabaya Angkatan 3');

    // Saving again without changes is "nothing changed".
    await client.get('/admin/programmes/las-listrik-sby');
    const again = await client.post('/admin/programmes/las-listrik-sby', {
      ...form(client),
      stipend_period: 'bulan',
    });
    expect(again.headers.get('location')).toContain('flash.unchanged');
  });

  it('warns when someone else saved the programme since the form was opened', async () => {
    const a = await staff();
    await a.get('/admin/programmes/tik-daring');
    const stale = form(a);
    const b = await staff();
    await b.get('/admin/programmes/tik-daring');
    expect(
      (await b.post('/admin/programmes/tik-daring', { ...form(b), title_id: 'Kelas TIK Daring Batch 2' }))
        .status,
    ).toBe(303);
    const res = await a.post('/admin/programmes/tik-daring', { ...stale, title_id: 'Kelas Komputer Daring' });
    expect(res.status).toBe(409);
    expect(a.lastHtml).toContain('baru saja diubah oleh orang lain');
    expect(a.lastHtml).toContain('value="Kelas Komputer Daring"');
  });

  it('speaks English after the language switch', async () => {
    const client = await staff();
    await client.get('/admin/lang/en?next=/admin/programmes');
    for (const path of [
      '/admin/programmes',
      '/admin/programmes/menjahit-malang',
      '/admin/programmes/import',
    ]) {
      expect((await client.get(path)).status).toBe(200);
      expect(client.lastHtml).toContain('lang="en"');
      expect(client.lastHtml).not.toMatch(/>[^<]*\b(?:applicants|programmes)\.[a-z]+\.[\w.]+/);
    }
    expect(client.lastHtml).toContain('Import programmes from CSV');
  });

  it('lets a viewer read but not change', async () => {
    const viewer = await staff('lihat@kopri.or.id');
    const res = await viewer.get('/admin/programmes/las-listrik-sby');
    expect(res.status).toBe(200);
    expect(viewer.lastHtml).toContain('hanya dapat dibaca');
    expect(viewer.lastHtml).not.toContain('action="/admin/programmes/las-listrik-sby"');
    await viewer.get('/admin/programmes');
    expect(viewer.lastHtml).not.toContain('href="/admin/programmes/import"');
    // The CSRF token of the logout form is on every page; the role still refuses.
    const post = await viewer.post('/admin/programmes/las-listrik-sby', { title_id: 'Ganti' });
    expect(post.status).toBe(403);
    expect((await viewer.get('/admin/programmes/import')).status).toBe(403);
  });
});

/* ——— CSV import ——— */

const COLUMNS = [
  'slug',
  'kind',
  'title_id',
  'summary_id',
  'field',
  'provider_name',
  'provider_type',
  'location_province',
  'location_regency',
  'location_mode',
  'dates_registration_closes',
  'seats_total',
  'seats_women',
  'costs_fee_idr',
  'inclusion_disability_friendly',
  'application_mode',
  'application_organisation',
  'application_documents',
  'sources',
  'verified_at',
  'status',
];

function csvRow(cells: Record<string, string>, sep = ','): string {
  const row: Record<string, string> = {
    kind: 'pelatihan',
    summary_id: 'Pelatihan berbasis kompetensi, gratis.',
    field: 'las',
    provider_name: 'BLK Kopri',
    provider_type: 'organisasi',
    location_province: '35',
    location_regency: '35.78',
    location_mode: 'luring',
    dates_registration_closes: daysFromNow(30),
    seats_total: '20',
    seats_women: '',
    costs_fee_idr: '0',
    inclusion_disability_friendly: 'tidak',
    application_mode: 'in_chat',
    application_organisation: KOPRI,
    application_documents: 'ktp;ijazah',
    sources: 'https://kopri.or.id/program',
    verified_at: daysFromNow(-1),
    status: 'open',
    ...cells,
  };
  return COLUMNS.map((c) => {
    const v = row[c] ?? '';
    return v.includes(sep) || /["\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(sep);
}

/** Posts a file the way the browser's upload form does (multipart, with the page's CSRF token). */
async function upload(
  client: AdminClient,
  content: string | Uint8Array<ArrayBuffer>,
  name = 'katalog.csv',
  type = 'text/csv',
) {
  await client.get('/admin/programmes/import');
  const form = new FormData();
  form.set('_csrf', client.csrf);
  form.set('file', new File([content], name, { type }));
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await h.runtime.app.request(`${client.origin}/admin/programmes/import`, {
    method: 'POST',
    body: form,
    headers: { cookie, origin: client.origin, 'sec-fetch-site': 'same-origin' },
  });
  return { res, html: (res.headers.get('content-type') ?? '').includes('html') ? await res.text() : '' };
}

/** Polls the progress fragment as the page's script does, until it answers 286 ("stop"). */
async function pollToEnd(client: AdminClient, page: string): Promise<string> {
  for (let i = 0; i < 30; i++) {
    const poll = await client.get(`${page}/progress`, { 'x-requested-with': 'fetch' });
    const fragment = await poll.text();
    expect(fragment).toContain('<progress');
    expect(fragment).not.toContain('<html');
    if (poll.status === 286) return fragment;
    expect(poll.status).toBe(200);
  }
  throw new Error('the import did not finish');
}

describe('CSV import', () => {
  afterEach(() => {
    importPacing.chunkRows = IMPORT_CHUNK_ROWS;
    importPacing.pollBudgetMs = 1000;
  });

  it('imports good rows, reports bad ones by line and column, and refuses another organisation’s rows', async () => {
    // Small chunks, one per request: the progress visibly moves.
    importPacing.chunkRows = 3;
    importPacing.pollBudgetMs = 0;
    const client = await staff();
    const lines = [
      COLUMNS.join(','),
      csvRow({
        slug: 'tata-boga-kediri',
        title_id: 'Pelatihan Tata Boga Kediri',
        field: 'tata_boga',
        location_regency: '35.71',
      }),
      // Updates an existing programme of ours (new title).
      csvRow({
        slug: 'tik-daring',
        title_id: 'Kelas TIK Daring Gelombang 3',
        field: 'tik',
        location_province: '',
        location_regency: '',
        location_mode: 'daring',
      }),
      csvRow({ slug: 'las-kuota-salah', title_id: 'Las Kuota Salah', seats_total: '20', seats_women: '30' }),
      csvRow({ slug: 'bukan-punya-kami', title_id: 'Program Titipan', application_organisation: OTHER }),
      csvRow({ slug: 'otomotif-lain', title_id: 'Ambil Alih Otomotif' }),
      csvRow({ slug: 'tata-boga-kediri', title_id: 'Dobel' }),
      csvRow({
        slug: 'sepatu-pasuruan',
        title_id: 'Pelatihan "Sepatu" Pasuruan',
        field: 'kerajinan',
        location_regency: '35.14',
      }),
    ];
    const { res } = await upload(client, `\uFEFF${lines.join('\r\n')}\r\n`);
    expect(res.status).toBe(303);
    const page = res.headers.get('location')!;
    expect(page).toMatch(/^\/admin\/programmes\/import\/[0-9a-f-]{36}$/);

    // The progress page: the duplicate row counted at once, the first chunk of three imported by this load.
    await client.get(page);
    expect(client.lastHtml).toMatch(/<progress id="bar-[0-9a-f-]+" max="7" value="4">/);
    expect(client.lastHtml).toContain('4 dari 7 baris diproses (57%)');
    expect(client.lastHtml).toContain(`data-poll="${page}/progress"`);
    expect(client.lastHtml).toContain('<noscript>');
    const fragment = await pollToEnd(client, page);
    expect(fragment).toContain('Impor selesai');
    expect(fragment).toContain('7 dari 7 baris diproses (100%)');
    expect(fragment).toContain('2 ditambahkan, 1 diperbarui, 0 tidak berubah, 4 gagal.');
    // Per-row errors, in Indonesian, with line and column.
    const row = (line: number) =>
      new RegExp(`<tr><td>${line}</td>([\\s\\S]*?)</tr>`).exec(fragment)?.[1] ?? '';
    expect(row(4)).toContain('seats_women');
    expect(row(4)).toContain('kuota perempuan (30) melebihi jumlah kursi (20)');
    expect(row(5)).toContain('application_organisation');
    expect(row(5)).toContain('milik organisasi lain');
    expect(row(6)).toContain('bukan milik organisasi Anda');
    expect(row(7)).toContain('sudah dipakai di baris 2');

    const titles = Object.fromEntries(
      (await h.runtime.db.select().from(programmes)).map((p) => [p.slug, p.record.title.id]),
    );
    expect(titles['tata-boga-kediri']).toBe('Pelatihan Tata Boga Kediri');
    expect(titles['tik-daring']).toBe('Kelas TIK Daring Gelombang 3');
    expect(titles['sepatu-pasuruan']).toBe('Pelatihan "Sepatu" Pasuruan');
    expect(titles['bukan-punya-kami']).toBeUndefined();
    expect(titles['las-kuota-salah']).toBeUndefined();
    expect(titles['otomotif-lain']).toBe('Pelatihan Otomotif Organisasi Lain');
    const [imported] = await h.runtime.db
      .select()
      .from(programmes)
      .where(eq(programmes.slug, 'sepatu-pasuruan'));
    expect(imported!.organisation).toBe(KOPRI);

    // The finished job is listed on the upload page; importing the same file again changes nothing.
    await client.get('/admin/programmes/import');
    expect(client.lastHtml).toContain('katalog.csv');
    const second = await upload(client, lines.join('\n'));
    const again = await pollToEnd(client, second.res.headers.get('location')!);
    expect(again).toContain('0 ditambahkan, 0 diperbarui, 3 tidak berubah, 4 gagal.');
  });

  it('offers a template that imports as it is, and lists the columns on the page', async () => {
    const client = await staff();
    await client.get('/admin/programmes/import');
    expect(client.lastHtml).toContain('href="/admin/programmes/import/template.csv"');
    expect(client.lastHtml).toContain('<code>eligibility_questions_json</code> — JSON');
    expect(client.lastHtml).toContain('<code>seats_women</code> — angka bulat');
    const res = await client.get('/admin/programmes/import/template.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await res.text();
    expect(text.split('\r\n')[0]).toContain('slug;kind;title_id;');
    const parsed = await parseCatalogueCsv(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.programmes).toHaveLength(1);
    expect(parsed.programmes[0]!.application.organisation).toBe(KOPRI);
    expect(parsed.programmes[0]!.status).toBe('draft');
  });

  it('says a row is wider than its header once, instead of errors for every shifted value', async () => {
    importPacing.pollBudgetMs = 1000;
    const client = await staff();
    // An unquoted `;` inside the documents list of a semicolon file moves every later cell along.
    const shifted = csvRow({ slug: 'las-geser', title_id: 'Las Geser' }, ';').replace(
      '"ktp;ijazah"',
      'ktp;ijazah',
    );
    expect(shifted).toContain(';ktp;ijazah;');
    const lines = [
      COLUMNS.join(';'),
      shifted,
      csvRow({ slug: 'las-kode-salah', title_id: 'Las Kode Salah', location_regency: '35.7x' }, ';'),
    ];
    const { res } = await upload(client, `${lines.join('\n')}\n`);
    const fragment = await pollToEnd(client, res.headers.get('location')!);
    const rows = [...fragment.matchAll(/<tr><td>(\d+)<\/td>([\s\S]*?)<\/tr>/g)];
    const line2 = rows.filter((r) => r[1] === '2');
    expect(line2).toHaveLength(1);
    expect(line2[0]![2]).toContain(`punya ${COLUMNS.length + 1} kolom, padahal judulnya ${COLUMNS.length}`);
    expect(line2[0]![2]).toContain('tanda kutip');
    // Values are set apart as code, not wrapped in backticks.
    const line3 = rows.find((r) => r[1] === '3')![2];
    expect(line3).toContain('<code>35.7x</code>');
    expect(fragment).not.toContain('`');
  });

  it('keeps going without scripts: each load of the progress page imports more', async () => {
    importPacing.chunkRows = 1;
    importPacing.pollBudgetMs = 0;
    const client = await staff();
    const rows = Array.from({ length: 3 }, (_, i) =>
      csvRow(
        { slug: `listrik-angkatan-${i + 1}`, title_id: `Listrik Angkatan ${i + 1}`, field: 'listrik' },
        ';',
      ),
    );
    // Excel in Indonesian saves with semicolons.
    const { res } = await upload(client, [COLUMNS.join(';'), ...rows].join('\n'));
    const page = res.headers.get('location')!;
    for (const n of [1, 2]) {
      await client.get(page);
      expect(client.lastHtml).toContain(`${n} dari 3 baris diproses`);
      // Only without scripts: inside <noscript>, never hoisted into <head> (that reloaded it for everyone).
      expect(client.lastHtml).toMatch(
        /<noscript>[\s\S]*<meta http-equiv="refresh" content="2">[\s\S]*<\/noscript>/,
      );
      expect(client.lastHtml.split('</head>')[0]).not.toContain('http-equiv="refresh"');
      expect(client.lastHtml).toContain('Lanjutkan');
    }
    await client.get(page);
    expect(client.lastHtml).toContain('3 ditambahkan, 0 diperbarui, 0 tidak berubah, 0 gagal.');
    expect(client.lastHtml).not.toContain('http-equiv="refresh"');
    expect(client.lastHtml).not.toContain('data-poll=');
  });

  it('refuses unreadable uploads with a clear message', async () => {
    const client = await staff();
    const empty = await upload(client, '');
    expect(empty.res.status).toBe(422);
    expect(empty.html).toContain('Pilih berkas CSV');
    const pdf = await upload(client, '%PDF-1.4', 'katalog.pdf', 'application/pdf');
    expect(pdf.res.status).toBe(422);
    expect(pdf.html).toContain('bukan CSV');
    const headerOnly = await upload(client, `${COLUMNS.join(',')}\n`);
    expect(headerOnly.res.status).toBe(422);
    expect(headerOnly.html).toContain('hanya berisi baris judul kolom');
    const unclosed = await upload(client, `${COLUMNS.join(',')}\n"tanpa-tutup,pelatihan\n`);
    expect(unclosed.res.status).toBe(422);
    expect(unclosed.html).toContain('Tidak ada yang dimuat');
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode(`${COLUMNS.join(',')}\nbengkel-`),
      0xe9,
      0x0a,
    ]);
    const encoding = await upload(client, latin1, 'excel.csv');
    expect(encoding.res.status).toBe(422);
    expect(encoding.html).toContain('bukan UTF-8');
    const big = await upload(client, `${COLUMNS.join(',')}\n${'x'.repeat(5 * 1024 * 1024 + 10)}\n`);
    expect(big.res.status).toBe(413);
    expect(big.html).toContain('Ukuran maksimal 5 MB');
    const organisation = await findOrganisation(h.runtime.db, KOPRI);
    const jobs = await h.runtime.db
      .select()
      .from(programmeImportJobs)
      .where(eq(programmeImportJobs.organisationId, organisation!.id));
    expect(jobs.every((j) => j.fileName === 'katalog.csv')).toBe(true);
  });

  it('claims each chunk once, even when polls run at the same time', async () => {
    const db = h.runtime.db;
    const organisation = (await findOrganisation(db, KOPRI))!;
    const org = { id: organisation.id, slug: KOPRI, name: organisation.name };
    const rows = Array.from({ length: 9 }, (_, i) =>
      csvRow({
        slug: `konstruksi-batch-${i + 1}`,
        title_id: `Konstruksi Batch ${i + 1}`,
        field: 'konstruksi',
      }),
    );
    const started = await startImportJob(db, org, {
      csv: [COLUMNS.join(','), ...rows].join('\n'),
      locale: 'id',
      chunkRows: 2,
    });
    if (!started.ok) throw new Error('not started');
    const results = await Promise.all([1, 2, 3].map(() => advanceImportJob(db, org, started.job)));
    let state = (await getImportJob(db, org, started.job.id))!;
    // Every "advanced" is a different chunk: the processed rows add up exactly.
    expect(state.processedRows).toBe(2 * results.filter((r) => r === 'advanced').length);
    expect(state.finishedAt).toBeNull();
    while (!state.finishedAt) {
      expect(['advanced', 'finished']).toContain(await advanceImportJob(db, org, state));
      state = (await getImportJob(db, org, started.job.id))!;
    }
    expect(state).toMatchObject({ processedRows: 9, created: 9, updated: 0, failed: 0 });
    expect(await advanceImportJob(db, org, state)).toBe('finished');

    // Another organisation can neither see nor advance it.
    const other = (await findOrganisation(db, OTHER))!;
    expect(await getImportJob(db, { id: other.id }, started.job.id)).toBeUndefined();
    const budi = await staff('budi@blk-sby.go.id');
    expect((await budi.get(`/admin/programmes/import/${started.job.id}`)).status).toBe(404);
    expect((await budi.get(`/admin/programmes/import/${started.job.id}/progress`)).status).toBe(404);
  });
});
