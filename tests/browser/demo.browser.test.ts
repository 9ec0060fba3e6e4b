import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF, seedDemoStaff } from '../../src/admin/demo';
import { seedDemoDesk } from '../../src/admin/demo-desk';
import { seedDemoCatalogue } from '../../src/catalogue/demo';
import { browserHarness, logIn, SMALL_PHONE, smallPhone } from '../helpers/browser';

/*
 * The local demo as a newcomer meets it (issue #20, point 3): log in with the account the README gives,
 * on a small phone and on an office PC, and find programmes, applicants and someone waiting — a
 * working organisation, not empty lists.
 */

const DESK = 'jembatan';

describe('the demo desk', () => {
  const b = browserHarness({ env: { PUBLIC_URL: 'http://127.0.0.1', DEFAULT_ORGANISATION: DESK } });
  beforeAll(async () => {
    // What prepareData does on a first start of the embedded database without a public address.
    await seedDemoCatalogue(b.h.runtime.db);
    await seedDemoStaff(b.h.runtime.db, DESK);
    expect(await seedDemoDesk(b.h.runtime.db, DESK)).toBe(true);
    // A second start changes nothing.
    expect(await seedDemoDesk(b.h.runtime.db, DESK)).toBe(false);
  });

  const visit = async (page: Page) => {
    await logIn(page, DEMO_STAFF.email, DEMO_STAFF.password);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/inbox');
    // Someone is waiting, with what they wrote.
    await expect.poll(() => page.getByText('Sari Puspitasari (demo)').count()).toBeGreaterThan(0);
    await page.goto('/admin/programmes');
    // The demo programmes are the desk's: a full list (paged), not an empty page.
    await expect.poll(() => page.locator('main table tbody tr').count()).toBeGreaterThanOrEqual(10);
    expect(await page.getByText('Belum ada program').count()).toBe(0);
    await page.goto('/admin/applicants');
    for (const name of ['Sari Puspitasari (demo)', 'Budi Santoso (demo)', 'Dewi Kartika (demo)'])
      expect(await page.getByText(name).count()).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  };

  it('shows programmes, applicants and a waiting conversation on a small phone', async () => {
    const context = await smallPhone(b.browser, b.url);
    const page = await context.newPage();
    expect(page.viewportSize()).toEqual(SMALL_PHONE);
    await visit(page);
    await context.close();
  });

  it('and on an office PC', async () => {
    const context = await b.browser.newContext({
      viewport: { width: 1366, height: 768 },
      baseURL: b.url,
      locale: 'id-ID',
      timezoneId: 'Asia/Jakarta',
    });
    await visit(await context.newPage());
    await context.close();
  });
});
