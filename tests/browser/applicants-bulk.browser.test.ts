import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications } from '../../src/db/schema';
import { person } from '../api/helpers';
import { submittedApplication } from '../applications/helpers';
import { axeViolations } from '../helpers/axe';
import { browserHarness, layoutProblems, logIn, screenshot } from '../helpers/browser';
import { loadCatalogue, programme } from '../helpers/catalogue';

/*
 * A bulk status change from the applicants list (issue #20, point 9) on a 360 × 740 phone and a
 * 1366 × 768 office PC: rows ticked by their 44 px name cards, one status for all, the result listed.
 */

const ids: string[] = [];

const b = browserHarness({
  env: { PUBLIC_URL: 'http://127.0.0.1' },
  staff: [{ organisation: 'kopri-pb-pmii', email: 'rina@kopri.or.id', name: 'Rina' }],
});
beforeAll(async () => {
  const db = b.h.runtime.db;
  await loadCatalogue(db, [
    programme('jahit-kopri', {
      title: { id: 'Pelatihan Menjahit KOPRI' },
      field: 'menjahit',
      seats: { total: 20, women: 10 },
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'kopri-pb-pmii' },
    }),
  ]);
  const names = ['Siti Rahma', 'Dewi Lestari', 'Ani Wulandari', 'Rini Kusuma'];
  for (const [i, fullName] of names.entries()) {
    const { userId } = await person(db, 74_001 + i);
    ids.push(
      await submittedApplication(db, {
        userId,
        programme: 'jahit-kopri',
        fullName,
        phone: `+62857000000${i}`,
      }),
    );
  }
}, 120_000);

const statusOf = async (id: string) =>
  (await b.h.runtime.db.select().from(applications).where(eq(applications.id, id)))[0]!.status;

describe('bulk status change', () => {
  for (const [name, viewport, pair] of [
    ['phone', { width: 360, height: 740 }, [0, 1]],
    ['desktop', { width: 1366, height: 768 }, [2, 3]],
  ] as const)
    it(`ticks rows and gives them one status (${name})`, async () => {
      const context = await b.browser.newContext({ viewport, baseURL: b.url, locale: 'id-ID' });
      const page = await context.newPage();
      await logIn(page, 'rina@kopri.or.id');
      await page.goto('/admin/applicants');
      // Nothing scrolls sideways; on the phone each row's name is still a 44 px target beside its box.
      const layout = await layoutProblems(page, [
        'table.stack th[scope=row] > a:first-of-type',
        'main button',
      ]);
      expect(layout.overflow).toBe(0);
      if (name === 'phone') expect(layout.small).toEqual([]);
      const [first, second] = pair.map(
        (i) => ['Siti Rahma', 'Dewi Lestari', 'Ani Wulandari', 'Rini Kusuma'][i]!,
      );
      await page.getByLabel(`Pilih lamaran ${first}`).check();
      await page.getByLabel(`Pilih lamaran ${second}`).check();
      await page.locator('#appl-bulk').getByLabel('Status baru').selectOption({ label: 'Tahap seleksi' });
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Lanjut: periksa dulu' }).click();
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toContain('2 lamaran sekarang berstatus');
      for (const i of pair) expect(await statusOf(ids[i]!)).toBe('seleksi');
      await screenshot(page, `applicants-bulk-${name}`);
      await context.close();
    });
});
