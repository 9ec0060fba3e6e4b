import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { handoffs } from '../../src/db/schema';
import { createCanned } from '../../src/handoff/canned';
import { createEntry } from '../../src/knowledge/store';
import { recordUnanswered } from '../../src/knowledge/unanswered';
import { createTarget } from '../../src/organisations/targets';
import { submittedApplication, userIdOf } from '../applications/helpers';
import {
  browserHarness,
  layoutProblems as checkLayout,
  inFirstScreen,
  logIn,
  SMALL_PHONE,
  screenshot,
  smallPhone,
} from '../helpers/browser';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';

/*
 * A volunteer who has never seen the dashboard, on a small Android phone (360 × 740) and a common one
 * (390 px): every page fits the width, the menu and the main buttons are big enough for a thumb, long
 * tables become cards, the main action of a long page is reachable from its top, every action says what
 * happened where she is looking, charts have text she can read, and an empty page says what to do.
 */

const ORG = 'kopri-pb-pmii';
const LONG_NAME = 'Nurul Aini Rahmawati Putri Kusumawardhani Setyaningsih Wulandari';

/** Tap targets checked on every page (header, menu, forms, links that act as buttons). */
const TAP_TARGETS = [
  'nav.main a',
  'header.top .top-bar > a',
  'header.top button',
  'main button',
  'main a.button',
  'main .tabs a',
  'main .back a',
  'main summary',
  'main select',
  'main input:not([type=hidden]):not([type=checkbox]):not([type=radio])',
  'main .bc-check label',
  'main .bc-checks label',
  'table.stack th[scope=row] > a:first-of-type',
];
const layoutProblems = (page: Page) => checkLayout(page, TAP_TARGETS);

describe('a newcomer on a small phone', () => {
  let phone: BrowserContext;
  let page: Page;
  const ids = { handoff: '', application: '', target: '' };

  const b = browserHarness({
    env: { PUBLIC_URL: 'http://127.0.0.1', DEFAULT_ORGANISATION: ORG },
    staff: [
      { organisation: ORG, email: 'rina@kopri.or.id', name: 'Rina Marlina', role: 'owner' },

      { organisation: 'ormawa-baru', email: 'putri@ormawa.id', name: 'Putri' },
    ],
  });
  beforeAll(async () => {
    const db = b.h.runtime.db;
    const { organisation } = b.staff[0]!;
    // An organisation that has just started: nothing waiting, no applicants, no targets, no programmes.
    await loadCatalogue(db, [
      programme('jahit-kopri', {
        title: { id: 'Pelatihan Menjahit Busana Muslim untuk Perempuan Muda KOPRI Surabaya' },
        field: 'menjahit',
        application: { mode: 'in_chat', documents: ['ktp'], organisation: ORG },
      }),
    ]);
    await createCanned(db, organisation.id, {
      title: 'Salam pembuka',
      body: 'Halo kak, saya Rina dari KOPRI PB PMII. Ada yang bisa kami bantu?',
    });
    // The knowledge base with a long unanswered question and an entry with a long question.
    await recordUnanswered(db, {
      organisation: ORG,
      text: `kak kalau ikut pelatihan menjahit di surabaya itu boleh bawa anak kecil ke asrama ga soalnya ${'di rumah tidak ada yang jaga '.repeat(3)}https://contoh.example.org/${'y'.repeat(60)}`,
      locale: 'id',
    });
    await createEntry(db, organisation.id, {
      topic: 'process',
      question: {
        id: `Apakah peserta pelatihan menjahit busana muslim KOPRI Surabaya boleh membawa anak ${'kecil '.repeat(5)}?`,
        en: undefined,
      },
      answer: { id: 'Boleh, ada ruang bermain anak di lantai satu.', en: undefined },
      keywords: ['bawa anak'],
      source: {
        label: 'Panduan peserta KOPRI Surabaya 2026 (halaman 4, bagian fasilitas dan tata tertib asrama)',
        url: undefined,
      },
      checked_on: '2026-12-01',
      search: undefined,
      related: undefined,
    });
    // A person with a very long name who asks for a person with a very long message.
    const person = { id: 750_001, firstName: LONG_NAME };
    const chat = conversation(b.h, person);
    await chat.say('/start');
    await chat.say('bicara dengan petugas');
    await chat.say(
      `Assalamualaikum kak, saya mau tanya soal pelatihan menjahit yang di Surabaya itu, ${'soalnya saya sudah daftar tapi belum ada kabar sama sekali, '.repeat(4)}mohon infonya 🙏 https://contoh.example.org/sangat/panjang/sekali/tanpa/spasi/${'x'.repeat(80)}`,
    );
    const userId = await userIdOf(b.h, person.id);
    const [handoff] = await db.select().from(handoffs).where(eq(handoffs.userId, userId));
    ids.handoff = handoff!.id;
    const applicationId = await submittedApplication(db, {
      userId,
      programme: 'jahit-kopri',
      fullName: LONG_NAME,
      phone: '+6285700000004',
    });
    ids.application = applicationId;
    const target = await createTarget(db, organisation, {
      name: 'Angkatan Januari 2027',
      participants: 100,
      women_percent: 50,
      disability_percent: 5,
    });
    ids.target = target.id;

    b.h.runtime.dispatcher.start();
    phone = await smallPhone(b.browser, b.url);
    page = await phone.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await logIn(page, 'rina@kopri.or.id');
    await page.waitForURL(/\/admin\/inbox$/);
  });

  const sections = () => [
    '/admin/inbox',
    `/admin/inbox/${ids.handoff}`,
    '/admin/inbox/canned',
    '/admin/programmes',
    '/admin/programmes/import',
    '/admin/applicants',
    `/admin/applicants/${ids.application}`,
    '/admin/broadcasts',
    '/admin/broadcasts/new',
    '/admin/targets',
    `/admin/targets/${ids.target}`,
    '/admin/targets/new',
    '/admin/knowledge',
    '/admin/knowledge/new',
    '/admin/settings',
    '/admin/settings/members',
    '/admin/settings/service',
  ];

  it('fits every page at 360 and 390 px, with the menu and main buttons at least 44 px high', async () => {
    const found: Record<string, unknown> = {};
    for (const width of [360, 390]) {
      await page.setViewportSize({ width, height: 740 });
      for (const path of sections()) {
        const response = await page.goto(path);
        expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
        const problems = await layoutProblems(page);
        if (problems.overflow > 0 || problems.small.length) found[`${path} @${width}`] = problems;
        if (width === 360)
          await screenshot(
            page,
            `newcomer-360${path.replace(/\/[0-9a-f-]{36}/, '-detail').replace(/\//g, '-')}`,
          );
      }
    }
    expect(found).toEqual({});
  }, 60_000);

  it('shows long tables as one card per row, each value with its label', async () => {
    await page.setViewportSize(SMALL_PHONE);
    for (const path of ['/admin/applicants', '/admin/programmes', '/admin/inbox']) {
      await page.goto(path);
      // Nothing scrolls sideways inside the table either.
      const wraps = await page
        .locator('.table-wrap')
        .evaluateAll((els) => els.map((e) => e.scrollWidth - e.clientWidth));
      expect({ path, wraps }).toEqual({ path, wraps: wraps.map(() => 0) });
    }
    await page.goto('/admin/applicants');
    const labels = await page
      .locator('table.stack td[data-label]')
      .evaluateAll((cells) => cells.map((td) => getComputedStyle(td, '::before').content));
    expect(labels).toContain('"Program: "');
    expect(labels).toContain('"Status: "');
    // The inbox's cards too: "—" or "Belum ada" never stand without saying what they are.
    await page.goto('/admin/inbox');
    const queue = await page
      .locator('table.inbox-queue tbody tr:first-child td')
      .evaluateAll((cells) => cells.map((td) => getComputedStyle(td, '::before').content));
    expect(queue).toEqual([
      '"Status: "',
      '"Waktu: "',
      '"Saluran: "',
      '"Program: "',
      '"Alasan: "',
      '"Ditangani oleh: "',
    ]);
  });

  it('answers the waiting person: each action says what happened at the top of the page', async () => {
    await page.setViewportSize(SMALL_PHONE);
    await page.goto('/admin/inbox');
    await page
      .getByRole('link', { name: /Nurul Aini/ })
      .first()
      .click();
    // Her first actions are on the first screen, above the long message history.
    for (const selector of ['main button:text-is("Ambil")', 'main summary:has-text("Selesai")'])
      expect({ selector, first: await inFirstScreen(page, selector) }).toEqual({ selector, first: true });
    await page.getByRole('button', { name: 'Ambil', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Anda tangani');
    expect(await inFirstScreen(page, 'main [role=status]')).toBe(true);
    await page.getByLabel('Balasan cepat').selectOption({ label: 'Salam pembuka' });
    await expect.poll(() => page.getByLabel(/Pesan untuk/).inputValue()).toContain('saya Rina dari KOPRI');
    await page.getByRole('button', { name: 'Kirim balasan' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Balasan');
    expect(await inFirstScreen(page, 'main [role=status]')).toBe(true);
    // "Selesai" says what closing does before the button that closes.
    await page.locator('main summary', { hasText: 'Selesai' }).click();
    expect(await page.locator('#inbox-close-hint').innerText()).toContain('menanyakan penilaian 1–5');
    await page.getByRole('button', { name: 'Ya, selesaikan percakapan' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Bot melayani lagi');
    expect(await inFirstScreen(page, 'main [role=status]')).toBe(true);
    // The way back to the inbox is right there, big enough to tap.
    const back = await page.getByRole('link', { name: 'Kembali ke kotak masuk' }).first().boundingBox();
    expect(back!.height).toBeGreaterThanOrEqual(43.5);
  });

  it('changes an applicant’s status from a phone: the form is one tap from the top, the result is shown', async () => {
    await page.setViewportSize(SMALL_PHONE);
    await page.goto('/admin/applicants');
    // The filters are folded, so the first applicant is on the first screen.
    expect(await page.locator('details.appl-filter-box').getAttribute('open')).toBeNull();
    expect(await inFirstScreen(page, 'table.stack tbody tr')).toBe(true);
    await page
      .getByRole('link', { name: /Nurul Aini/ })
      .first()
      .click();
    const jump = page.getByRole('link', { name: 'Ubah status lamaran ini' });
    expect(await inFirstScreen(page, 'main a[href="#change-heading"]')).toBe(true);
    await jump.click();
    await page.getByLabel('Status baru').selectOption({ label: 'Berkas diverifikasi' });
    await page.getByLabel(/Catatan untuk pendaftar/).fill('Berkasmu lengkap, tunggu jadwal seleksi ya.');
    await page.getByRole('button', { name: 'Simpan dan kabari pendaftar' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Status tersimpan');
    expect(await inFirstScreen(page, 'main [role=status]')).toBe(true);
    await screenshot(page, 'newcomer-360-applicant-changed');
    // A filter in use keeps the filters open and says how many are on.
    await page.goto('/admin/applicants?gender=perempuan');
    expect(await page.locator('details.appl-filter-box').getAttribute('open')).not.toBeNull();
    expect(await page.locator('details.appl-filter-box summary').textContent()).toContain('1 saringan aktif');
  });

  it('draws charts whose text is at least 13 px on a 360 px phone, with the verdict in words', async () => {
    await page.setViewportSize(SMALL_PHONE);
    for (const path of ['/admin/targets', `/admin/targets/${ids.target}`]) {
      await page.goto(path);
      const sizes = await page.locator('svg.chart-svg').evaluateAll((svgs) =>
        svgs.map((svg) => {
          const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
          return Math.round(Number(svg.getAttribute('font-size')) * scale * 10) / 10;
        }),
      );
      expect(sizes.length).toBeGreaterThan(3);
      expect({ path, smallest: Math.min(...sizes) >= 13 }).toEqual({ path, smallest: true });
    }
    await page.goto(`/admin/targets/${ids.target}`);
    const verdicts = await page.locator('.chart-detail strong').allTextContents();
    expect(verdicts).toEqual([
      'Belum tercapai, kurang 99.',
      'Tercapai.',
      'Belum tercapai, kurang 5 poin persen.',
    ]);
    await screenshot(page, 'newcomer-360-target-detail-charts');
  });

  it('tells a new organisation what to do on every empty page', async () => {
    const fresh = await smallPhone(b.browser, b.url);
    const p = await fresh.newPage();
    await logIn(p, 'putri@ormawa.id');
    await expect.poll(() => new URL(p.url()).pathname).toBe('/admin/inbox');
    const hints: Record<string, RegExp> = {
      '/admin/inbox': /Tidak ada orang yang menunggu.*halaman ini diperbarui sendiri/,
      '/admin/programmes': /simpan sebagai CSV, lalu tekan/,
      '/admin/applicants': /Belum ada lamaran\. Lamaran muncul di sini/,
      '/admin/broadcasts': /Belum ada siaran\. Buat siaran pertama/,
      '/admin/targets': /Belum ada target\. Buat target/,
    };
    for (const [path, hint] of Object.entries(hints)) {
      await p.goto(path);
      expect({ path, text: await p.locator('main').textContent() }).toEqual({
        path,
        text: expect.stringMatching(hint),
      });
      expect((await layoutProblems(p)).overflow).toBe(0);
    }
    // The empty applicant list leads somewhere useful, not to the filters.
    await p.goto('/admin/applicants');
    await p.getByRole('link', { name: 'Lihat program Anda' }).click();
    await expect.poll(() => new URL(p.url()).pathname).toBe('/admin/programmes');
    await screenshot(p, 'newcomer-360-empty-programmes');
    await fresh.close();
  });

  it('works the same in English: the menu fits and stays tappable', async () => {
    await page.setViewportSize(SMALL_PHONE);
    await page.goto('/admin/lang/en?next=/admin/targets');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Targets');
    for (const path of ['/admin/inbox', '/admin/applicants', '/admin/targets']) {
      await page.goto(path);
      const problems = await layoutProblems(page);
      expect({ path, ...problems }).toEqual({ path, overflow: 0, small: [] });
    }
    await screenshot(page, 'newcomer-360-en-targets');
    await page.goto('/admin/lang/id?next=/admin/inbox');
  });
});
