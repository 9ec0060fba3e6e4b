import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserHarness, logIn, phoneContext, screenshot } from '../helpers/browser';

describe('dashboard in a real browser: login', () => {
  // A plain-http public address: cookies without `Secure`, as on a developer's machine.
  const b = browserHarness({
    env: { PUBLIC_URL: 'http://127.0.0.1' },
    staff: [{ organisation: 'kopri', email: 'sari@kopri.or.id', name: 'Sari' }],
  });
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await phoneContext(b.browser, b.url);
    page = await context.newPage();
  });

  it('tells a wrong password in Indonesian, then logs in on a phone and logs out', async () => {
    await page.goto('/admin/inbox');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/login');
    await logIn(page, 'sari@kopri.or.id', 'bukan-sandinya-1');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Email atau kata sandi salah');
    // What was typed stays; the password does not.
    expect(await page.getByLabel('Email').inputValue()).toBe('sari@kopri.or.id');
    expect(await page.getByLabel('Kata sandi').inputValue()).toBe('');
    await screenshot(page, 'login-error-phone');

    await logIn(page, 'sari@kopri.or.id');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/inbox');
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'jmb_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    // Scripts on the page cannot read the session.
    expect(await page.evaluate(() => document.cookie)).not.toContain('jmb_session');
    // Nothing overflows the phone's width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'inbox-phone');

    await page.getByRole('button', { name: 'Keluar' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/login');
    await page.goto('/admin/inbox');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/login');
  });

  it('reaches the form by keyboard alone', async () => {
    await page.goto('/admin/login');
    // The email field has the focus on arrival; the fields follow in order.
    // (autofocus is applied after load, on a later frame: poll)
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('email');
    await page.keyboard.type('sari@kopri.or.id');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kata-sandi-rahasia-1');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/inbox');
    // On a page, the first Tab reaches the skip link, which moves the focus to the content.
    await page.waitForLoadState('load');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toContain('Langsung ke isi');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});
