import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, devices, type Page } from 'playwright-core';
import { STAFF_PASSWORD } from './admin';
import type { Harness } from './harness';

/** Debian's Chromium (installed by .ci/run); playwright-core never downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go: kept as CI artifacts (README: "Browser tests"). */
export const SCREENSHOTS = join(process.cwd(), 'artifacts', 'screenshots');

/**
 * Headless Chromium as the machine notes require: no sandbox (root), and no background networking,
 * which this closed network refuses many times a second.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone: the staff member answers from hers. */
export function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ ...devices['Pixel 7'], baseURL, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
}

/** Serves the harness's app over real HTTP on a free loopback port (the browser needs a socket). */
export async function serveHarness(h: Harness): Promise<{ url: string; close(): Promise<void> }> {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: (req) => h.runtime.app.fetch(req), port: 0, hostname: '127.0.0.1' }, () =>
      resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Logs in through the form, as a person would: labels, not selectors. */
export async function logIn(page: Page, email: string, password = STAFF_PASSWORD): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}
