import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../helpers/admin';
import { launchBrowser, logIn, phoneContext, screenshot, serveHarness } from '../helpers/browser';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';
import { textUpdate } from '../helpers/telegram';

/*
 * Issue #8's "done when", in a real browser on a phone: a staff member who has never seen the system logs
 * in, answers a person waiting on Telegram (the person talks through the real webhook; what staff send
 * is read back from the Bot API stand-in), closes the case and sees the bot take over again.
 */

const ORG = 'kopri-pb-pmii';

describe('a staff member on her phone answers a waiting person', () => {
  let h: Harness;
  let server: Awaited<ReturnType<typeof serveHarness>>;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness({ PUBLIC_URL: 'http://127.0.0.1', DEFAULT_ORGANISATION: ORG });
    await createStaff(h.database.db, { organisation: ORG, email: 'rina@kopri.or.id', name: 'Rina Marlina' });
    await createStaff(h.database.db, { organisation: 'lpk-lain', email: 'joko@lpk-lain.id', name: 'Joko' });
    // Staff replies and notices leave through the outbox, as in production.
    h.runtime.dispatcher.start();
    server = await serveHarness(h);
    browser = await launchBrowser();
    phone = await phoneContext(browser, server.url);
    page = await phone.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await h?.close();
  });

  const siti = { id: 730_001, firstName: 'Siti' };
  let conversationUrl = '';

  it('answers Siti, who asked for a person on Telegram, and hands her back to the bot', async () => {
    const chat = conversation(h, siti);
    await chat.say('/start');
    await chat.say('kak ada orangnya? sy mau tanya magang jepang');
    expect(chat.last().text).toMatch(/petugas/i);

    await logIn(page, 'rina@kopri.or.id');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/inbox');
    await page.getByRole('link', { name: /Siti/ }).first().click();
    await expect.poll(() => page.getByText('sy mau tanya magang jepang').count()).toBeGreaterThan(0);
    conversationUrl = page.url();
    // Only an id in the address: no name, no phone.
    expect(new URL(conversationUrl).pathname).toMatch(/^\/admin\/inbox\/[0-9a-f-]{36}$/);

    await page.getByRole('button', { name: 'Ambil', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Anda tangani');

    const answer =
      'Halo Siti, ada kak! Magang Jepang dibuka untuk usia 18–26, lulusan SMA/SMK. Mau kami bantu cek?';
    await page.getByLabel(/Pesan untuk/).fill(answer);
    await page.getByRole('button', { name: 'Kirim balasan' }).click();
    await expect.poll(() => h.api.texts(siti.id).includes(answer), { timeout: 10_000 }).toBe(true);

    // Siti answers; her message appears on the open page without a reload.
    await h.post(textUpdate(siti, 'iya kak mau, sy lulusan smk 2023'));
    await expect
      .poll(() => page.getByText('iya kak mau, sy lulusan smk 2023').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await screenshot(page, 'inbox-conversation-phone');

    await page.getByRole('button', { name: 'Selesai', exact: true }).click();
    await expect.poll(() => page.getByText('Bot melayani lagi').count()).toBeGreaterThan(0);
    // Siti is asked for a rating, and the bot answers her again.
    await expect
      .poll(() => h.api.texts(siti.id).some((t) => t.includes('Seberapa puas')), { timeout: 10_000 })
      .toBe(true);
    const thanks = await chat.say('5');
    expect(thanks.text).toContain('Terima kasih atas penilaianmu');
    await page.reload();
    await expect.poll(() => page.getByText('5 dari 5').count()).toBeGreaterThan(0);
  });

  it("refuses another organisation's staff the conversation (403)", async () => {
    const other = await browser.newContext({ baseURL: server.url, locale: 'id-ID' });
    const otherPage = await other.newPage();
    await logIn(otherPage, 'joko@lpk-lain.id');
    await expect.poll(() => new URL(otherPage.url()).pathname).toBe('/admin/inbox');
    const response = await otherPage.goto(conversationUrl);
    expect(response?.status()).toBe(403);
    expect(await otherPage.content()).not.toContain('sy mau tanya magang jepang');
    await screenshot(otherPage, 'inbox-other-organisation-403');
    await other.close();
  });
});
