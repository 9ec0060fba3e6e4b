import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  devices,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createStaff, STAFF_PASSWORD } from './admin';
import { type Harness, startHarness } from './harness';

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

/** A small Android phone (360 × 740), the newcomer's: the tightest width the dashboard must fit. */
export const SMALL_PHONE = { width: 360, height: 740 };

export function smallPhone(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: SMALL_PHONE,
    isMobile: true,
    hasTouch: true,
    baseURL,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    ...options,
  });
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

export type StaffInput = Parameters<typeof createStaff>[1];

export interface BrowserHarness {
  /** The app and its databases (set in the helper's `beforeAll`). */
  readonly h: Harness;
  /** The app served on a loopback port: the browser's base URL. */
  readonly url: string;
  readonly browser: Browser;
  /** What `createStaff` answered for each of `staff`, in order. */
  readonly staff: Array<Awaited<ReturnType<typeof createStaff>>>;
}

/**
 * What every browser test sets up and takes down: the harness (with `env`), its staff members (who log
 * in with STAFF_PASSWORD), the app on a loopback port and headless Chromium. Call it where the hooks
 * belong (file or `describe`): it registers a `beforeAll` and an `afterAll`, and the object it answers
 * is filled in by the time the test's own `beforeAll` (registered after it) runs.
 */
export function browserHarness(
  options: {
    env?: Record<string, string>;
    staff?: StaffInput[];
    /** Files (documents, brochures) go to a temporary UPLOADS_DIR of the test's own, removed after. */
    uploads?: boolean;
  } = {},
): BrowserHarness {
  let h: Harness | undefined;
  let server: Awaited<ReturnType<typeof serveHarness>> | undefined;
  let browser: Browser | undefined;
  const staff: BrowserHarness['staff'] = [];
  let uploads: string | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('browserHarness: used before its beforeAll ran');
    return value;
  };
  beforeAll(async () => {
    // The harness reads UPLOADS_DIR when it starts.
    if (options.uploads) process.env.UPLOADS_DIR = uploads = mkdtempSync(join(tmpdir(), 'jembatan-uploads-'));
    h = await startHarness(options.env);
    for (const input of options.staff ?? []) staff.push(await createStaff(h.database.db, input));
    server = await serveHarness(h);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await h?.close();
    if (uploads) {
      rmSync(uploads, { recursive: true, force: true });
      delete process.env.UPLOADS_DIR;
    }
  });
  return {
    get h() {
      return ready(h);
    },
    get url() {
      return ready(server).url;
    },
    get browser() {
      return ready(browser);
    },
    staff,
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

/** Sideways overflow, and visible tap targets (matching `selectors`) under 44 px high, at the page's width. */
export function layoutProblems(
  page: Page,
  selectors: readonly string[],
): Promise<{ overflow: number; small: string[] }> {
  return page.evaluate((list) => {
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(list.join(','))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // Forms and links inside a closed <details> are not on screen.
      if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') continue;
      if (box.height < 43.5)
        small.push(
          `${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 30)}" ${Math.round(box.height)}px`,
        );
    }
    return { overflow: document.documentElement.scrollWidth - window.innerWidth, small };
  }, selectors);
}

/** The element is entirely inside the first screen, without scrolling. */
export async function inFirstScreen(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const viewport = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.y + box.height <= viewport.height;
}
