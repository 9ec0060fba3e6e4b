import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { submitApplication } from '../../src/applications/status';
import { applications, programmes } from '../../src/db/schema';
import { userIdOf } from '../applications/helpers';
import { browserHarness, logIn, phoneContext, screenshot } from '../helpers/browser';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import type { Harness } from '../helpers/harness';
import { textUpdate } from '../helpers/telegram';

/*
 * Issue #8's "done when", in a real browser on a phone: a staff member who has never seen the system logs
 * in, answers a person waiting on Telegram (the person talks through the real webhook; what staff send
 * is read back from the Bot API stand-in), closes the case and sees the bot take over again, updates an
 * applicant (who is told on Telegram) and reads the organisation's recruitment progress from a chart.
 */

const ORG = 'kopri-pb-pmii';

/** A submitted application of a person who wrote to the bot, through the applications service. */
async function applied(
  h: Harness,
  telegramId: number,
  input: { name: string; gender: 'perempuan' | 'laki_laki'; province: string },
): Promise<string> {
  const db = h.runtime.db;
  const userId = await userIdOf(h, telegramId);
  const [prog] = await db.select().from(programmes).where(eq(programmes.slug, 'jahit-kopri'));
  const [draft] = await db
    .insert(applications)
    .values({
      userId,
      programmeId: prog!.id,
      fullName: input.name,
      phone: '+6285700000002',
      channel: 'telegram',
    })
    .returning({ id: applications.id });
  await db.transaction((tx) =>
    submitApplication(tx, {
      applicationId: draft!.id,
      programmeId: prog!.id,
      applicant: { gender: input.gender, domicileProvince: input.province, answers: {} },
      stats: { gender: input.gender, province: input.province, age: 21 },
    }),
  );
  return draft!.id;
}

describe('a staff member on her phone answers a waiting person', () => {
  let phone: BrowserContext;
  let page: Page;

  const b = browserHarness({
    env: { PUBLIC_URL: 'http://127.0.0.1', DEFAULT_ORGANISATION: ORG },
    staff: [
      { organisation: ORG, email: 'rina@kopri.or.id', name: 'Rina Marlina' },

      { organisation: 'lpk-lain', email: 'joko@lpk-lain.id', name: 'Joko' },
    ],
  });
  beforeAll(async () => {
    await loadCatalogue(b.h.runtime.db, [
      programme('jahit-kopri', {
        title: { id: 'Pelatihan Menjahit KOPRI' },
        field: 'menjahit',
        application: { mode: 'in_chat', documents: ['ktp'], organisation: ORG },
      }),
    ]);
    // Staff replies and notices leave through the outbox, as in production.
    b.h.runtime.dispatcher.start();
    phone = await phoneContext(b.browser, b.url);
    page = await phone.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
  });

  const siti = { id: 730_001, firstName: 'Siti' };
  let conversationUrl = '';

  it('answers Siti, who asked for a person on Telegram, and hands her back to the bot', async () => {
    const chat = conversation(b.h, siti);
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
    await expect.poll(() => b.h.api.texts(siti.id).includes(answer), { timeout: 10_000 }).toBe(true);

    // Siti answers; her message appears on the open page without a reload.
    await b.h.post(textUpdate(siti, 'iya kak mau, sy lulusan smk 2023'));
    await expect
      .poll(() => page.getByText('iya kak mau, sy lulusan smk 2023').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await screenshot(page, 'inbox-conversation-phone');

    await page.locator('main summary', { hasText: 'Selesai' }).click();
    await page.getByRole('button', { name: 'Ya, selesaikan percakapan' }).click();
    await expect.poll(() => page.getByText('Bot melayani lagi').count()).toBeGreaterThan(0);
    // Siti is asked for a rating, and the bot answers her again.
    await expect
      .poll(() => b.h.api.texts(siti.id).some((t) => t.includes('Seberapa puas')), { timeout: 10_000 })
      .toBe(true);
    const thanks = await chat.say('5');
    expect(thanks.text).toContain('Terima kasih atas penilaianmu');
    await page.reload();
    await expect.poll(() => page.getByText('5 dari 5').count()).toBeGreaterThan(0);
  });

  it('updates an applicant, who is told on Telegram, and reads the recruitment progress from a chart', async () => {
    // Ani applied to the organisation's sewing training (put in through the applications service).
    const ani = { id: 730_002, firstName: 'Ani' };
    await b.h.post(textUpdate(ani, '/start'));
    const applicationId = await applied(b.h, ani.id, {
      name: 'Ani Suryani',
      gender: 'perempuan',
      province: '35',
    });

    await page.goto('/admin/applicants');
    await page
      .getByRole('link', { name: /Ani Suryani/ })
      .first()
      .click();
    // The address carries the application's id only.
    expect(new URL(page.url()).pathname).toBe(`/admin/applicants/${applicationId}`);
    await page.getByLabel('Status baru').selectOption({ label: 'Berkas diverifikasi' });
    await page.getByRole('button', { name: 'Simpan dan kabari pendaftar' }).click();
    await expect
      .poll(() => b.h.api.texts(ani.id).some((t) => t.includes('Status baru: Berkas diverifikasi')), {
        timeout: 10_000,
      })
      .toBe(true);
    await screenshot(page, 'applicant-status-phone');

    // A target of 100 participants, at least 50 % women; progress as charts.
    await page.goto('/admin/targets');
    await page.getByRole('link', { name: 'Buat target baru' }).click();
    await page.getByLabel('Nama target').fill('Angkatan Januari 2027');
    await page.getByLabel('Jumlah peserta paling sedikit').fill('100');
    await page.getByLabel('Perempuan paling sedikit (%)').fill('50');
    await page.getByRole('button', { name: 'Simpan target' }).click();
    const funnel = page.getByRole('img', { name: /Corong rekrutmen/ }).first();
    await expect.poll(() => funnel.count()).toBeGreaterThan(0);
    // One woman applied: 1 of 100 participants, 100 % women.
    const charts = await page
      .locator('svg[role="img"]')
      .evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
    expect(charts.join(' ')).toMatch(/1 dari 100/);
    await screenshot(page, 'targets-charts-phone');
  });

  it("refuses another organisation's staff the conversation (403)", async () => {
    const other = await b.browser.newContext({ baseURL: b.url, locale: 'id-ID' });
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
