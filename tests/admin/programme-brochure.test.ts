import { rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmes } from '../../src/db/schema';
import { JPEG, tempUploads } from '../applications/helpers';
import { createStaff, loggedInClient } from '../helpers/admin';
import { daysFromNow } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';
import { textUpdate } from '../helpers/telegram';

/*
 * A programme without a web page (issue #20, point 8): the source may be left empty, be an Instagram
 * post, or be a brochure uploaded with the form — served publicly and listed as the source.
 */

const KOPRI = 'kopri-pb-pmii';
let h: Harness;
let uploads = '';

beforeAll(async () => {
  uploads = tempUploads();
  process.env.UPLOADS_DIR = uploads;
  h = await startHarness({ PUBLIC_URL: 'https://bot.jembatan.example.org' });
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

  it('may be a brochure uploaded with the form: checked by its bytes, stored, public, and the bot finds the programme', async () => {
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
    const sources = (await recordOf('pelatihan-rias-cabang-malang'))?.sources ?? [];
    expect(sources).toHaveLength(1);
    const url = new URL(sources[0]!);
    expect(url.origin).toBe('https://bot.jembatan.example.org');
    expect(url.pathname).toMatch(/^\/admin\/brosur\/[0-9a-f-]{36}\.jpg$/);

    // Anyone may open it, without a session; nothing else in the storage can be reached that way.
    const pub = await h.runtime.app.request(url.pathname);
    expect(pub.status).toBe(200);
    expect(pub.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await pub.arrayBuffer())).toEqual(JPEG);
    expect((await h.runtime.app.request('/admin/brosur/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect(
      (await h.runtime.app.request('/admin/brosur/00000000-0000-0000-0000-000000000000.jpg')).status,
    ).toBe(404);

    // The bot finds the programme published with only a brochure as its source.
    await h.post(textUpdate({ id: 99_601, firstName: 'Nia' }, 'pelatihan menjahit di malang'));
    const said = h.api.texts(99_601).join('\n');
    expect(said).toContain('Pelatihan Rias Cabang Malang');
  });
});
