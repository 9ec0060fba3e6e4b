import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jakartaDate } from '../../src/admin/programmes/format';
import { programmes } from '../../src/db/schema';
import { type AdminClient, createStaff, loggedInClient } from '../helpers/admin';
import { daysFromNow, loadCatalogue, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';
import { textUpdate } from '../helpers/telegram';

/* "Tambah program": one new opening published from the dashboard, found by the bot straight away. */

const KOPRI = 'kopri-pb-pmii';
const OTHER = 'blk-surabaya';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, [
    // Another organisation already uses the slug the title below would make.
    programme('pelatihan-tata-boga-surabaya', {
      title: { id: 'Pelatihan Tata Boga Surabaya' },
      field: 'tata_boga',
      application: { mode: 'in_chat', documents: ['ktp'], organisation: OTHER },
    }),
  ]);
  await createStaff(h.database.db, { organisation: KOPRI, email: 'sari@kopri.or.id', name: 'Sari' });
  await createStaff(h.database.db, { organisation: KOPRI, email: 'lihat@kopri.or.id', role: 'viewer' });
  await createStaff(h.database.db, { organisation: OTHER, email: 'budi@blk-sby.go.id', name: 'Budi' });
});
afterAll(() => h.close());

const staff = (email = 'sari@kopri.or.id') => loggedInClient(h.runtime.app, email);

/** The values the new form shows, read from its HTML as a browser would submit them. */
function formOf(client: AdminClient): Record<string, string> {
  const html = client.lastHtml;
  const values: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    if (!name || name === '_csrf') continue;
    const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? '';
    // As a browser sends a form: ticked boxes only, several of one name as a list.
    if (/type="checkbox"/.test(m[0])) {
      if (/\schecked/.test(m[0])) values[name] = values[name] ? `${values[name]}; ${value}` : value;
    } else values[name] = value;
  }
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g))
    values[m[1]!] = m[2]!;
  for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1];
    values[m[1]!] = selected ?? /<option value="([^"]*)"/.exec(m[2]!)?.[1] ?? '';
  }
  return values;
}

const MENJAHIT = {
  title_id: 'Pelatihan Menjahit untuk Perempuan Muda',
  summary_id: 'Belajar menjahit busana dari dasar selama 30 hari, gratis dan dapat uang saku.',
  field: 'menjahit',
  location_region: '35.78',
  registration_closes: daysFromNow(20),
  seats_total: '20',
  seats_women: '10',
  fee_idr: '0',
  stipend_idr: '500.000',
  stipend_period: 'bulan',
  sources: 'https://kopri.or.id/program/menjahit',
};

describe('Tambah program', () => {
  it('shows the button to staff, and a form with defaults, hints and required marks', async () => {
    const client = await staff();
    await client.get('/admin/programmes');
    expect(client.lastHtml).toContain('href="/admin/programmes/new"');
    expect(client.lastHtml).toContain('>Tambah program<');

    const res = await client.get('/admin/programmes/new');
    expect(res.status).toBe(200);
    const values = formOf(client);
    expect(values.status).toBe('open');
    expect(values.verified_at).toBe(jakartaDate(new Date()));
    expect(values.application_mode).toBe('in_chat');
    expect(values.provider_name).toBe('KOPRI-PB-PMII');
    expect(values.field).toBe(''); // no kejuruan is guessed
    expect(client.lastHtml).toMatch(
      /<label for="f-title_id">Judul \(Bahasa Indonesia\)<span class="muted"> \(wajib\)/,
    );
    expect(client.lastHtml).toContain('Dibuat otomatis dari judul bila dikosongkan');
    expect(client.lastHtml).toContain('<optgroup label="Jawa Timur">');
    expect(client.lastHtml).toContain('<option value="35.78">Kota Surabaya</option>');
    expect(client.lastHtml).not.toContain('dashboard:');
  });

  it('publishes the programme for the organisation, and the bot finds it', async () => {
    const client = await staff();
    await client.get('/admin/programmes/new');
    const res = await client.post('/admin/programmes/new', { ...formOf(client), ...MENJAHIT });
    expect(res.status).toBe(303);
    const slug = 'pelatihan-menjahit-untuk-perempuan-muda';
    expect(res.headers.get('location')).toBe(
      `/admin/programmes/${slug}?ok=dashboard:programmes.flash.created`,
    );

    const [row] = await h.runtime.db.select().from(programmes).where(eq(programmes.slug, slug));
    expect(row!.organisation).toBe(KOPRI);
    expect(row!.status).toBe('open');
    expect(row!.seatsTotal).toBe(20);
    expect(row!.seatsWomen).toBe(10);
    expect(row!.stipendIdr).toBe(500_000);
    expect(row!.record.application).toMatchObject({ mode: 'in_chat', organisation: KOPRI });
    expect(row!.record.location).toMatchObject({ province: '35', regency: '35.78', mode: 'luring' });
    expect(row!.record.provider).toMatchObject({ name: 'KOPRI-PB-PMII', type: 'organisasi' });
    expect(row!.record.sources).toEqual(['https://kopri.or.id/program/menjahit']);
    expect(row!.record.verified_at).toBe(jakartaDate(new Date()));

    // The programme page says so and offers the next steps.
    await client.get(res.headers.get('location')!);
    const html = client.lastHtml;
    expect(html).toContain('Program diterbitkan');
    expect(html).toContain('Langkah berikutnya');
    expect(html).toContain(`href="/admin/broadcasts/new?programme=${slug}"`);
    // The broadcast composer opens with this programme chosen.
    await client.get(`/admin/broadcasts/new?programme=${slug}`);
    expect(client.lastHtml).toMatch(new RegExp(`<option value="${slug}" selected`));
    // …and ignores a programme that is not the organisation's.
    await client.get('/admin/broadcasts/new?programme=pelatihan-tata-boga-surabaya');
    expect(client.lastHtml).not.toMatch(/<option value="pelatihan-tata-boga-surabaya" selected/);

    // Listed with the organisation's programmes, not with the other organisation's.
    await client.get('/admin/programmes');
    expect(client.lastHtml).toContain('Pelatihan Menjahit untuk Perempuan Muda');
    const budi = await staff('budi@blk-sby.go.id');
    await budi.get('/admin/programmes');
    expect(budi.lastHtml).not.toContain('Pelatihan Menjahit untuk Perempuan Muda');
    expect((await budi.get(`/admin/programmes/${slug}`)).status).toBe(403);

    // A young person asks the bot through the Telegram webhook.
    const person = { id: 77_001, firstName: 'Dewi' };
    await h.post(textUpdate(person, 'pelatihan menjahit di surabaya'));
    expect(h.api.texts(person.id).join('\n')).toContain('Pelatihan Menjahit untuk Perempuan Muda');
  });

  it('makes a unique slug, never another organisation’s, and lets it be chosen', async () => {
    const client = await staff();
    const create = async (extra: Record<string, string>) => {
      await client.get('/admin/programmes/new');
      return client.post('/admin/programmes/new', {
        ...formOf(client),
        ...MENJAHIT,
        title_id: 'Pelatihan Tata Boga Surabaya',
        field: 'tata_boga',
        ...extra,
      });
    };
    // Another organisation owns `pelatihan-tata-boga-surabaya`: the new one becomes `-2`, then `-3`.
    const first = await create({});
    expect(first.headers.get('location')).toContain('/admin/programmes/pelatihan-tata-boga-surabaya-2?');
    const second = await create({});
    expect(second.headers.get('location')).toContain('/admin/programmes/pelatihan-tata-boga-surabaya-3?');
    const [other] = await h.runtime.db
      .select()
      .from(programmes)
      .where(eq(programmes.slug, 'pelatihan-tata-boga-surabaya'));
    expect(other!.organisation).toBe(OTHER);

    // A typed slug is used as typed…
    const typed = await create({ slug: 'boga-kopri-sby' });
    expect(typed.headers.get('location')).toContain('/admin/programmes/boga-kopri-sby?');
    // …and a taken one (here another organisation's) is refused on its field with a free one offered.
    const taken = await create({ slug: 'pelatihan-tata-boga-surabaya' });
    expect(taken.status).toBe(422);
    expect(client.lastHtml).toContain(
      'Kode program (untuk tautan)</a>: kode ini sudah dipakai program lain. Coba pelatihan-tata-boga-surabaya-4.',
    );
    expect(other!.record.title.id).toBe('Pelatihan Tata Boga Surabaya');
    // A dashboard page's name is not a programme's; a malformed code gets the catalogue's message.
    expect((await create({ slug: 'new' })).status).toBe(422);
    expect(client.lastHtml).toContain('Coba program-new.');
    expect((await create({ slug: 'Boga (SBY)' })).status).toBe(422);
    expect(client.lastHtml).toContain('href="#f-slug"');
  });

  it('refuses a wrong form with one Indonesian message per field and keeps what was typed', async () => {
    const client = await staff();
    await client.get('/admin/programmes/new');
    const res = await client.post('/admin/programmes/new', {
      ...formOf(client),
      ...MENJAHIT,
      title_id: '',
      field: '',
      location_region: '',
      seats_women: '30',
      stipend_idr: '1,5 juta',
      sources: 'kopri.or.id',
    });
    expect(res.status).toBe(422);
    const html = client.lastHtml;
    expect(html).toContain('role="alert"');
    expect(html).toContain('href="#f-title_id"');
    expect(html).toContain('Judul (Bahasa Indonesia)</a>: wajib diisi.');
    // No title means no slug either: one message (on the title), not two.
    expect(html).not.toContain('href="#f-slug"');
    expect(html).toContain('href="#f-field"');
    expect(html).toContain('href="#f-location_region"');
    expect(html).toContain('href="#f-stipend_idr"');
    expect(html).toContain('href="#f-sources"');
    expect(html).toContain('harus berupa angka, bukan <code>1,5 juta</code>');
    // One message per field, each next to its field as well.
    expect(html.match(/href="#f-stipend_idr"/g)).toHaveLength(1);
    expect(html).toContain('id="f-sources-error"');
    // What was typed is still there.
    expect(html).toContain('value="1,5 juta"');
    expect(html).toContain('value="kopri.or.id"');
    expect(html).toContain('value="30"');
    const rows = await h.runtime.db.select().from(programmes).where(eq(programmes.organisation, KOPRI));
    expect(rows.every((r) => r.record.title.id !== '')).toBe(true);

    // Without a slug the title's slug is shown again, to be kept or changed.
    await client.get('/admin/programmes/new');
    await client.post('/admin/programmes/new', {
      ...formOf(client),
      ...MENJAHIT,
      title_id: 'Kelas Sablon Kaos',
      field: '',
    });
    expect(formOf(client).slug).toBe('kelas-sablon-kaos');
  });

  it('refuses viewers (403 page) and a post without the CSRF token', async () => {
    const viewer = await staff('lihat@kopri.or.id');
    await viewer.get('/admin/programmes');
    expect(viewer.lastHtml).not.toContain('href="/admin/programmes/new"');
    const page = await viewer.get('/admin/programmes/new');
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(viewer.lastHtml).not.toContain('action="/admin/programmes/new"');
    const post = await viewer.post('/admin/programmes/new', { ...MENJAHIT, title_id: 'Program Peninjau' });
    expect(post.status).toBe(403);

    const client = await staff();
    await client.get('/admin/programmes/new');
    const forged = await client.post('/admin/programmes/new', {
      ...formOf(client),
      ...MENJAHIT,
      title_id: 'Program Tanpa Token',
      _csrf: 'salah',
    });
    expect(forged.status).toBe(403);
    // Neither was stored.
    for (const slug of ['program-tanpa-token', 'program-peninjau'])
      expect(await h.runtime.db.select().from(programmes).where(eq(programmes.slug, slug))).toHaveLength(0);
  });
});
