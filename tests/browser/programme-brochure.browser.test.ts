import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { programmes } from '../../src/db/schema';
import { JPEG, PDF } from '../applications/helpers';
import { axeViolations } from '../helpers/axe';
import { browserHarness, layoutProblems, logIn, screenshot } from '../helpers/browser';
import { loadCatalogue, programme } from '../helpers/catalogue';

/*
 * A programme's brochure on its edit page (issue #20, point 8), on a 360 × 740 phone and a 1366 × 768
 * office PC, on a machine without PUBLIC_URL: chosen by its label, shown with a link that opens on
 * this machine, replaced, then removed with its box; the page stays accessible and fits.
 */

const brochureOf = async (slug: string) =>
  (await b.h.runtime.db.select().from(programmes).where(eq(programmes.slug, slug)))[0]?.record.brochure;

const b = browserHarness({
  staff: [{ organisation: 'kopri-pb-pmii', email: 'rina@kopri.or.id', name: 'Rina' }],
  uploads: true,
});
beforeAll(async () => {
  await loadCatalogue(b.h.runtime.db, [
    programme('jahit-phone', { title: { id: 'Pelatihan Menjahit (ponsel)' } }),
    programme('jahit-desktop', { title: { id: 'Pelatihan Menjahit (kantor)' } }),
  ]);
}, 120_000);

describe('a programme’s brochure on its edit page', () => {
  for (const [name, viewport, slug] of [
    ['phone', { width: 360, height: 740 }, 'jahit-phone'],
    ['desktop', { width: 1366, height: 768 }, 'jahit-desktop'],
  ] as const)
    it(`is added, opened, replaced and removed (${name})`, async () => {
      const context = await b.browser.newContext({ viewport, baseURL: b.url, locale: 'id-ID' });
      const page = await context.newPage();
      await logIn(page, 'rina@kopri.or.id');
      await page.goto(`/admin/programmes/${slug}`);
      const save = () => page.getByRole('button', { name: 'Simpan perubahan' }).click();

      await page
        .getByLabel('Atau unggah brosur (foto atau PDF)')
        .setInputFiles({ name: 'brosur.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(JPEG) });
      await save();
      await page.waitForURL(/\?ok=dashboard:programmes\.flash\.saved/);
      const first = await brochureOf(slug);
      expect(first).toMatch(/\.jpg$/);
      const link = page.getByRole('link', { name: 'lihat foto brosur' });
      expect(await link.getAttribute('href')).toBe(`/admin/brosur/${first}`);
      const opened = await page.request.get(`/admin/brosur/${first}`);
      expect(opened.status()).toBe(200);
      expect(opened.headers()['content-type']).toBe('image/jpeg');

      expect((await layoutProblems(page, ['main button', 'main .bc-check label'])).overflow).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `programme-brochure-${name}`);

      await page
        .getByLabel('Ganti brosur (foto atau PDF)')
        .setInputFiles({ name: 'brosur.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
      await save();
      await page.waitForURL(/\?ok=/);
      const second = await brochureOf(slug);
      expect(second).toMatch(/\.pdf$/);
      expect(await page.getByRole('link', { name: 'buka PDF brosur' }).getAttribute('href')).toBe(
        `/admin/brosur/${second}`,
      );
      expect((await page.request.get(`/admin/brosur/${first}`)).status()).toBe(404);

      await page.getByLabel('Hapus brosur ini').check();
      await save();
      await page.waitForURL(/\?ok=/);
      expect(await brochureOf(slug)).toBeUndefined();
      expect(await page.getByText('Brosur saat ini:').count()).toBe(0);
      expect((await page.request.get(`/admin/brosur/${second}`)).status()).toBe(404);
      await context.close();
    }, 90_000);
});
