import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { person } from '../api/helpers';
import { axeViolations } from '../helpers/axe';
import { browserHarness, logIn, screenshot } from '../helpers/browser';

/*
 * The broadcast composer's regions (issue #20, point 11) on a 360 × 740 phone and a 1366 × 768 office
 * PC: a searchable list instead of a Ctrl-click list of 514, the live count in view beside the filters,
 * and who is left out for want of a domicile.
 */

const b = browserHarness({
  env: { PUBLIC_URL: 'http://127.0.0.1' },
  staff: [{ organisation: 'kopri-pb-pmii', email: 'rina@kopri.or.id', name: 'Rina' }],
});
beforeAll(async () => {
  const db = b.h.runtime.db;
  await person(db, 73_001, { profile: { domicileProvince: '35', domicileRegency: '35.78' } });
  await person(db, 73_002, { profile: { domicileProvince: '32', domicileRegency: '32.75' } });
  const fan = await person(db, 73_003, { subscribed: false });
  await db.execute(sql`insert into subscriptions (user_id, province) values (${fan.userId}, '35')`);
  await person(db, 73_004);
}, 120_000);

describe('broadcast regions', () => {
  for (const [name, viewport] of [
    ['phone', { width: 360, height: 740 }],
    ['desktop', { width: 1366, height: 768 }],
  ] as const)
    it(`picks regions by typing and keeps the count in view (${name})`, async () => {
      const context = await b.browser.newContext({ viewport, baseURL: b.url, locale: 'id-ID' });
      const page = await context.newPage();
      await logIn(page, 'rina@kopri.or.id');
      await page.goto('/admin/broadcasts/new');
      await expect.poll(() => page.locator('#bc-count [data-count]').getAttribute('data-count')).toBe('4');

      const regencies = page.locator('#bc-regency-list .bc-pick');
      expect(await regencies.count()).toBeGreaterThan(500);
      await page.getByLabel('Kabupaten/kota domisili', { exact: true }).fill('surabaya');
      const shown = await regencies.evaluateAll((items) =>
        items.filter((i) => !(i as HTMLElement).hidden).map((i) => i.textContent?.trim()),
      );
      expect(shown).toEqual(['Kota Surabaya']);
      // Enter in the search box does not send the form.
      await page.getByLabel('Kabupaten/kota domisili', { exact: true }).press('Enter');
      expect(new URL(page.url()).pathname).toBe('/admin/broadcasts/new');

      // Scrolled to the list, the count is still on the screen.
      await page.locator('#bc-regency-list').scrollIntoViewIfNeeded();
      const inView = async () =>
        page.locator('.bc-count-box').evaluate((box) => {
          const r = box.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight + 1;
        });
      expect(await inView()).toBe(true);
      // On the office PC it is beside the filters, not over them; on the phone, below them on the screen.
      const beside = await page.evaluate(() => {
        const box = document.querySelector('.bc-count-box')!.getBoundingClientRect();
        const filters = document.querySelector('[data-audience]')!.getBoundingClientRect();
        return box.left >= filters.right;
      });
      expect(beside).toBe(name === 'desktop');

      await page.getByLabel('Jawa Timur', { exact: true }).check();
      await expect.poll(() => page.locator('#bc-count [data-count]').getAttribute('data-count')).toBe('2');
      await expect
        .poll(() => page.locator('#bc-count').textContent())
        .toContain('1 pelanggan lain belum mengisi domisili');
      expect(await inView()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `broadcast-regions-${name}`);
      await context.close();
    });
});
