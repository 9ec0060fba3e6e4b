import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { handoffs } from '../../src/db/schema';
import { createEntry } from '../../src/knowledge/store';
import { createTarget } from '../../src/organisations/targets';
import { submittedApplication, userIdOf } from '../applications/helpers';
import { axeViolations } from '../helpers/axe';
import { browserHarness, CHROMIUM, logIn } from '../helpers/browser';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';

/*
 * Every dashboard page, checked by axe-core against WCAG 2.1 A/AA (labels, contrast, names, structure),
 * on a phone and on a desktop, in Indonesian and in English.
 */

const ORG = 'kopri-pb-pmii';

describe('dashboard accessibility (axe-core, WCAG 2.1 AA)', () => {
  let context: BrowserContext;
  let page: Page;
  const ids = { handoff: '', application: '', target: '', programme: 'jahit-kopri', entry: '' };

  const b = browserHarness({
    env: { PUBLIC_URL: 'http://127.0.0.1', DEFAULT_ORGANISATION: ORG },
    staff: [{ organisation: ORG, email: 'owner@kopri.or.id', role: 'owner' }],
  });
  beforeAll(async () => {
    const { organisation } = b.staff[0]!;
    const db = b.h.runtime.db;
    await loadCatalogue(db, [
      programme('jahit-kopri', {
        title: { id: 'Pelatihan Menjahit KOPRI' },
        field: 'menjahit',
        application: { mode: 'in_chat', documents: ['ktp'], organisation: ORG },
      }),
    ]);
    const person = { id: 740_001, firstName: 'Lestari' };
    const chat = conversation(b.h, person);
    await chat.say('/start');
    await chat.say('bicara dengan petugas');
    const userId = await userIdOf(b.h, person.id);
    const [handoff] = await db.select().from(handoffs).where(eq(handoffs.userId, userId));
    ids.handoff = handoff!.id;
    const applicationId = await submittedApplication(db, {
      userId,
      programme: 'jahit-kopri',
      fullName: 'Lestari Wulan',
      phone: '+6285700000003',
    });
    ids.application = applicationId;
    const target = await createTarget(db, organisation, {
      name: 'Angkatan 2027',
      participants: 100,
      women_percent: 50,
    });
    ids.target = target.id;
    // The knowledge base: one question nobody answered yet and one entry of the organisation's own.
    await chat.say('apakah boleh bawa kucing ke asrama pelatihan?');
    const entry = await createEntry(db, organisation.id, {
      topic: 'costs',
      question: { id: 'Berapa biaya asrama KOPRI?', en: undefined },
      answer: { id: 'Gratis untuk peserta.', en: undefined },
      keywords: ['biaya asrama kopri'],
      source: { label: 'Panduan peserta KOPRI 2026', url: undefined },
      checked_on: '2026-12-01',
      search: undefined,
      related: undefined,
    });
    ids.entry = entry.id;

    // axe is injected into pages whose CSP allows only their own scripts.
    context = await b.browser.newContext({ baseURL: b.url, locale: 'id-ID', bypassCSP: true });
    page = await context.newPage();
  });

  const pages = () => [
    '/admin/inbox',
    '/admin/inbox?tab=closed',
    `/admin/inbox/${ids.handoff}`,
    '/admin/inbox/canned',
    '/admin/programmes',
    `/admin/programmes/${ids.programme}`,
    '/admin/programmes/import',
    '/admin/programmes/new',
    '/admin/applicants',
    `/admin/applicants/${ids.application}`,
    '/admin/broadcasts',
    '/admin/broadcasts/new',
    '/admin/targets',
    `/admin/targets/${ids.target}`,
    '/admin/settings',
    '/admin/settings/members',
    '/admin/knowledge',
    '/admin/knowledge/new',
    `/admin/knowledge/${ids.entry}/edit`,
    '/admin/settings/service',
  ];

  it(`finds no WCAG A/AA violation on the login page and every section (Chromium at ${CHROMIUM})`, async () => {
    await page.goto('/admin/login');
    const found: Record<string, unknown> = {};
    const login = await axeViolations(page);
    if (login.length) found['/admin/login'] = login;
    await logIn(page, 'owner@kopri.or.id');
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 900 },
    ]) {
      await page.setViewportSize(viewport);
      for (const path of pages()) {
        const response = await page.goto(path);
        expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
        const violations = await axeViolations(page);
        if (violations.length) found[`${path} @${viewport.width}`] = violations;
      }
    }
    // And once in English.
    await page.goto('/admin/lang/en?next=/admin/inbox');
    for (const path of ['/admin/inbox', `/admin/inbox/${ids.handoff}`, `/admin/targets/${ids.target}`]) {
      await page.goto(path);
      const violations = await axeViolations(page);
      if (violations.length) found[`${path} (en)`] = violations;
    }
    expect(found).toEqual({});
    // The checker itself works: an unlabelled field and low-contrast text are caught.
    await page.evaluate(() =>
      document
        .querySelector('main')!
        .insertAdjacentHTML('beforeend', '<input id="unlabelled"><p><font color="#eeeeee">pucat</font></p>'),
    );
    const planted = (await axeViolations(page)).map((v) => v.id);
    expect(planted).toEqual(expect.arrayContaining(['label', 'color-contrast']));
  }, 240_000);
});
