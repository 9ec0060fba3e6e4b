import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { programmes } from '../../src/db/schema';
import {
  browserHarness,
  CHROMIUM,
  layoutProblems as checkLayout,
  logIn,
  SMALL_PHONE,
  screenshot,
  smallPhone,
} from '../helpers/browser';
import { daysFromNow } from '../helpers/catalogue';

/*
 * A KOPRI volunteer publishes one opening from her phone with scripts switched off: the form fits a
 * 360 px screen, every field and button is big enough for a thumb, and it is filled in by its labels.
 */

/** The form's fields and buttons: each at least 44 px high. */
const TAP_TARGETS = [
  'main button',
  'main a.button',
  'main .back a',
  'main select',
  'main textarea',
  // A checkbox is tapped through its label (44 px high), as in the newcomer test.
  'main input:not([type=hidden]):not([type=checkbox])',
  'main .bc-checks label',
  'main .bc-check label',
];
const layoutProblems = (page: Page) => checkLayout(page, TAP_TARGETS);

describe(`Tambah program on a phone without scripts (Chromium at ${CHROMIUM})`, () => {
  let page: Page;

  const b = browserHarness({
    staff: [{ organisation: 'kopri-pb-pmii', email: 'rina@kopri.or.id', name: 'Rina' }],
  });
  beforeAll(async () => {
    const phone = await smallPhone(b.browser, b.url, { javaScriptEnabled: false });
    page = await phone.newPage();
    await logIn(page, 'rina@kopri.or.id');
    await page.waitForURL(/\/admin\/inbox$/);
  }, 60_000);

  it('fits 360 and 390 px, and publishes an opening filled in by its labels', async () => {
    await page.goto('/admin/programmes');
    await page.getByRole('link', { name: 'Tambah program', exact: true }).click();
    await page.waitForURL(/\/admin\/programmes\/new$/);
    for (const width of [360, 390]) {
      await page.setViewportSize({ width, height: 740 });
      expect({ width, ...(await layoutProblems(page)) }).toEqual({ width, overflow: 0, small: [] });
    }
    await page.setViewportSize(SMALL_PHONE);
    await screenshot(page, 'programme-new-360');

    await page.getByLabel('Judul (Bahasa Indonesia)').fill('Pelatihan Menjahit untuk Perempuan Muda');
    await page
      .getByLabel('Ringkasan (Bahasa Indonesia)')
      .fill('Belajar menjahit dari dasar selama 30 hari. Gratis, ada uang saku.');
    await page.getByLabel('Bidang keahlian (kejuruan)').selectOption('menjahit');
    await page.getByLabel('Kota/kabupaten atau provinsi').selectOption('35.78');
    await page.getByLabel('Pendaftaran ditutup').fill(daysFromNow(20));
    await page.getByLabel('Jumlah kursi').fill('20');
    await page.getByLabel('Kuota perempuan').fill('10');
    await page.getByLabel('Uang saku (Rp)').fill('500.000');
    await page.getByLabel('Uang saku dibayar').selectOption('bulan');
    await page.getByLabel('Sumber informasi (alamat web)').fill('https://kopri.or.id/program/menjahit');
    await page.getByRole('button', { name: 'Terbitkan program' }).click();

    await page.waitForURL(/\/admin\/programmes\/pelatihan-menjahit-untuk-perempuan-muda\?ok=/);
    expect(await page.locator('main p.notice.ok').textContent()).toContain('Program diterbitkan');
    expect(
      await page.getByRole('link', { name: 'Kabarkan ke pendaftar lewat siaran' }).getAttribute('href'),
    ).toBe('/admin/broadcasts/new?programme=pelatihan-menjahit-untuk-perempuan-muda');
    const [row] = await b.h.runtime.db
      .select()
      .from(programmes)
      .where(eq(programmes.slug, 'pelatihan-menjahit-untuk-perempuan-muda'));
    expect(row).toMatchObject({ organisation: 'kopri-pb-pmii', seatsTotal: 20, seatsWomen: 10 });
  }, 60_000);
});
