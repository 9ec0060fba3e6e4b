import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import {
  browserHarness,
  CHROMIUM,
  layoutProblems as checkLayout,
  logIn,
  screenshot,
  smallPhone,
} from '../helpers/browser';
import { WebhookReceiver } from '../helpers/webhook-receiver';

/*
 * An LPK owner connects the LPK's own system from her phone (issue #19): Pengaturan → Integrasi, one
 * address typed, the secret copied, a test that the system verifies — a handful of taps. Every page of
 * it fits 360 px with thumb-sized targets and passes axe-core (WCAG 2.1 A/AA).
 */

const TAP_TARGETS = [
  'main button',
  'main a.button',
  'main .back a',
  'main input[type=url]',
  'main input[type=text]',
  'main .bc-checks label',
];
const layoutProblems = (page: Page) => checkLayout(page, TAP_TARGETS);

describe(`Pengaturan → Integrasi on a phone (Chromium at ${CHROMIUM})`, () => {
  let receiver: WebhookReceiver;
  let page: Page;

  const b = browserHarness({
    env: { PUBLIC_URL: 'http://127.0.0.1' },
    staff: [{ organisation: 'lpk-cahaya', email: 'dewi@lpkcahaya.or.id', role: 'owner' }],
  });
  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    page = await (await smallPhone(b.browser, b.url)).newPage();
    await logIn(page, 'dewi@lpkcahaya.or.id');
    await page.waitForURL(/\/admin\/inbox$/);
  }, 60_000);
  afterAll(async () => {
    await receiver?.stop();
  });

  it('connects a system in a few taps: the address, the secret copied, a test the system verifies', async () => {
    const problems: Record<string, unknown> = {};
    const check = async (name: string) => {
      const layout = await layoutProblems(page);
      if (layout.overflow > 0 || layout.small.length) problems[`${name} layout`] = layout;
      const violations = await axeViolations(page);
      if (violations.length) problems[`${name} axe`] = violations;
      await screenshot(page, `integrations-360-${name}`);
    };

    await page.getByRole('link', { name: 'Pengaturan' }).click();
    await page.getByRole('link', { name: 'Integrasi' }).click();
    await page.waitForURL(/\/admin\/settings\/integrations$/);
    await check('list-empty');
    await page.getByLabel('Alamat (URL)').fill(`${receiver.url}/lpk`);
    await page.getByRole('button', { name: 'Simpan dan tampilkan rahasia' }).click();
    const secret = (await page.locator('code.set-secret').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    receiver.secret('/lpk', secret);
    await check('secret');
    await page.getByRole('button', { name: 'Kirim tes' }).click();
    await expect.poll(() => page.locator('main .notice.ok').first().textContent()).toContain('Tes diterima');
    expect(receiver.types('/lpk')).toEqual(['webhook.test']);
    await check('endpoint');

    await page.getByRole('link', { name: 'Kembali ke daftar integrasi' }).click();
    await check('list');
    expect(problems).toEqual({});
  }, 60_000);
});
