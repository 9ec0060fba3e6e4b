import { rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valuesOf } from '../../src/admin/programmes/edit-form';
import { programmes } from '../../src/db/schema';
import { drainOutbox, JPEG, PDF, tempUploads } from '../applications/helpers';
import { createStaff, loggedInClient } from '../helpers/admin';
import { daysFromNow } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';

/*
 * A programme without a web page (issue #20, point 8): the source may be left empty, be an Instagram
 * post, or be a brochure uploaded with the form or on the edit page — named in the record, linked in
 * the dashboard by a path, and sent by the bot as a file, so it works without a public address.
 */

const KOPRI = 'kopri-pb-pmii';
let h: Harness;
let uploads = '';

beforeAll(async () => {
  uploads = tempUploads();
  process.env.UPLOADS_DIR = uploads;
  // No PUBLIC_URL: a local machine, whose own address no one in the chat could open.
  h = await startHarness();
  await createStaff(h.database.db, { organisation: KOPRI, email: 'sari@kopri.or.id', name: 'Sari' });
});
afterAll(async () => {
  await h.close();
  rmSync(uploads, { recursive: true, force: true });
  delete process.env.UPLOADS_DIR;
});

const base = (title: string, sources = ''): Record<string, string> => ({
  title_id: title,
  summary_id: 'Pelatihan gratis tiga minggu untuk pemuda, dengan sertifikat dan uang transport.',
  slug: '',
  kind: 'pelatihan',
  field: 'menjahit',
  provider_name: 'KOPRI PB PMII Cabang Malang',
  provider_type: 'organisasi',
  location_mode: 'luring',
  location_region: '35.73',
  status: 'open',
  registration_closes: daysFromNow(20),
  application_mode: 'in_chat',
  fee_idr: '0',
  sources,
  verified_at: daysFromNow(0),
});

const form = (fields: Record<string, string>, file?: File) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  if (file) data.set('brochure', file);
  return data;
};

const recordOf = async (slug: string) =>
  (await h.runtime.db.select().from(programmes).where(eq(programmes.slug, slug)))[0]?.record;

describe('a programme’s source', () => {
  it('may be left empty, or be an Instagram post', async () => {
    const client = await loggedInClient(h.runtime.app, 'sari@kopri.or.id');
    await client.get('/admin/programmes/new');
    expect(client.lastHtml).toContain('enctype="multipart/form-data"');
    expect(client.lastHtml).toContain('tautan postingan Instagram');
    expect(client.lastHtml).toContain('Atau unggah brosur (foto atau PDF)');
    expect(client.lastHtml).not.toMatch(/<label for="f-sources">[^<]*<span class="muted"> \(wajib\)/);

    let res = await client.post('/admin/programmes/new', base('Pelatihan Menjahit Cabang Malang'));
    expect(res.status).toBe(303);
    expect((await recordOf('pelatihan-menjahit-cabang-malang'))?.sources).toBeUndefined();

    await client.get('/admin/programmes/new');
    const post = 'https://www.instagram.com/p/C9xYz12AbCd/';
    res = await client.post('/admin/programmes/new', base('Pelatihan Bordir Cabang Malang', post));
    expect(res.status).toBe(303);
    expect((await recordOf('pelatihan-bordir-cabang-malang'))?.sources).toEqual([post]);
  });

  it('may be a brochure uploaded with the form: checked by its bytes, stored, and sent by the bot itself (no PUBLIC_URL)', async () => {
    const client = await loggedInClient(h.runtime.app, 'sari@kopri.or.id');
    await client.get('/admin/programmes/new');
    // A text file called .jpg is not a brochure: refused on the form, what was typed kept.
    const fake = new File([new TextEncoder().encode('bukan gambar')], 'brosur.jpg', { type: 'image/jpeg' });
    let res = await client.postMultipart(
      '/admin/programmes/new',
      form(base('Pelatihan Rias Cabang Malang'), fake),
    );
    expect(res.status).toBe(422);
    expect(client.lastHtml).toContain('Brosur harus berupa foto (JPEG, PNG, WebP) atau PDF.');
    expect(client.lastHtml).toContain('value="Pelatihan Rias Cabang Malang"');
    expect(await recordOf('pelatihan-rias-cabang-malang')).toBeUndefined();

    const photo = new File([JPEG], 'brosur-rias.jpg', { type: 'image/jpeg' });
    res = await client.postMultipart(
      '/admin/programmes/new',
      form(base('Pelatihan Rias Cabang Malang'), photo),
    );
    expect(res.status).toBe(303);
    const record = await recordOf('pelatihan-rias-cabang-malang');
    // No public address on this machine: the record names the file, no source made up from localhost.
    expect(record?.sources).toBeUndefined();
    expect(record?.brochure).toMatch(/^[0-9a-f-]{36}\.jpg$/);

    // The dashboard links it with a path that works on any machine; it is served without a session.
    await client.get('/admin/programmes/pelatihan-rias-cabang-malang');
    expect(client.lastHtml).toContain(`href="/admin/brosur/${record!.brochure}"`);
    const pub = await h.runtime.app.request(`/admin/brosur/${record!.brochure}`);
    expect(pub.status).toBe(200);
    expect(pub.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await pub.arrayBuffer())).toEqual(JPEG);
    expect((await h.runtime.app.request('/admin/brosur/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect(
      (await h.runtime.app.request('/admin/brosur/00000000-0000-0000-0000-000000000000.jpg')).status,
    ).toBe(404);

    // The bot finds the programme, offers the brochure on its card and sends the photo itself.
    const nia = conversation(h, { id: 99_601, firstName: 'Nia' });
    await nia.say('pelatihan menjahit di malang');
    expect(nia.texts().join('\n')).toContain('Pelatihan Rias Cabang Malang');
    await nia.say('/start p_pelatihan-rias-cabang-malang');
    const card = nia.last();
    expect(card.text).toContain('Pelatihan Rias Cabang Malang');
    await nia.press('📄 Lihat brosur', card);
    await drainOutbox(h);
    const photos = h.api.sent('sendPhoto', 99_601);
    expect(photos).toHaveLength(1);
    expect(photos[0]!.body.caption).toBe('Brosur: Pelatihan Rias Cabang Malang');
    expect(photos[0]!.raw).toContain('filename=brosur-pelatihan-rias-cabang-malang.jpg');
    // The card's buttons come back after it.
    expect(nia.last().buttons.map((b) => b.text)).toContain('📄 Lihat brosur');
  });

  it('is replaced or removed on the programme’s edit page, the old file deleted', async () => {
    const client = await loggedInClient(h.runtime.app, 'sari@kopri.or.id');
    const slug = 'pelatihan-menjahit-cabang-malang';
    const edit = async (file?: File, extra: Record<string, string> = {}) => {
      await client.get(`/admin/programmes/${slug}`);
      expect(client.lastHtml).toContain('enctype="multipart/form-data"');
      const version = /name="version" value="([^"]+)"/.exec(client.lastHtml)![1]!;
      const values = valuesOf((await recordOf(slug))!);
      return client.postMultipart(`/admin/programmes/${slug}`, form({ ...values, version, ...extra }, file));
    };
    // A programme made without one gets one.
    await client.get(`/admin/programmes/${slug}`);
    expect(client.lastHtml).toContain('Atau unggah brosur (foto atau PDF)');
    expect(client.lastHtml).not.toContain('Hapus brosur ini');
    let res = await edit(new File([JPEG], 'brosur.jpg', { type: 'image/jpeg' }));
    expect(res.status).toBe(303);
    const first = (await recordOf(slug))!.brochure!;
    expect(first).toMatch(/\.jpg$/);

    // A wrong file is refused on the field, and the brochure stays.
    res = await edit(new File([new TextEncoder().encode('teks')], 'x.pdf', { type: 'application/pdf' }));
    expect(res.status).toBe(422);
    expect(client.lastHtml).toContain('Brosur harus berupa foto (JPEG, PNG, WebP) atau PDF.');
    expect((await recordOf(slug))!.brochure).toBe(first);

    // Replaced by a PDF: the record names the new file, the old one is gone.
    res = await edit(new File([PDF], 'brosur.pdf', { type: 'application/pdf' }));
    expect(res.status).toBe(303);
    const second = (await recordOf(slug))!.brochure!;
    expect(second).toMatch(/\.pdf$/);
    expect((await h.runtime.app.request(`/admin/brosur/${first}`)).status).toBe(404);
    await client.get(`/admin/programmes/${slug}`);
    expect(client.lastHtml).toContain('Brosur saat ini:');
    expect(client.lastHtml).toContain('Ganti brosur (foto atau PDF)');
    expect(client.lastHtml).toContain(
      `<a href="/admin/brosur/${second}" target="_blank" rel="noopener">buka PDF brosur</a>`,
    );

    // Removed with the box: the record has none, the file is deleted, the card no longer offers it.
    res = await edit(undefined, { brochure_remove: 'yes' });
    expect(res.status).toBe(303);
    expect((await recordOf(slug))!.brochure).toBeUndefined();
    expect((await h.runtime.app.request(`/admin/brosur/${second}`)).status).toBe(404);
    const tia = conversation(h, { id: 99_602, firstName: 'Tia' });
    const card = await tia.say(`/start p_${slug}`);
    expect(card.buttons.map((b) => b.text)).not.toContain('📄 Lihat brosur');
  });

  it('cannot be made to name another stored file through the record', async () => {
    const client = await loggedInClient(h.runtime.app, 'sari@kopri.or.id');
    const slug = 'pelatihan-bordir-cabang-malang';
    await client.get(`/admin/programmes/${slug}`);
    const record = (await recordOf(slug))!;
    const { importOwnProgrammes } = await import('../../src/organisations/programmes');
    const result = await importOwnProgrammes(
      h.runtime.db,
      KOPRI,
      [{ ...record, brochure: '../staff-files/x/secret.pdf' }],
      { mode: 'update', strict: true, locale: 'id', format: 'json' },
    );
    expect(result.errors.map((e) => e.detail).join('\n')).toContain(
      'bukan brosur yang diunggah lewat dasbor',
    );
  });
});
