import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { handoffs } from '../../src/db/schema';
import { createCanned } from '../../src/handoff/canned';
import { JPEG, submittedApplication, userIdOf } from '../applications/helpers';
import { axeViolations } from '../helpers/axe';
import {
  browserHarness,
  layoutProblems as checkLayout,
  inFirstScreen,
  logIn,
  SCREENSHOTS,
  SMALL_PHONE,
  screenshot,
  smallPhone,
} from '../helpers/browser';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { messageUpdate } from '../helpers/telegram';

/*
 * The staff inbox on a 360 × 740 phone, as a newcomer meets it: queue cards that say what each value
 * is, an empty tab that says what will appear, and a conversation page (long history, a photo from the
 * person, a file sent by staff, notes, canned responses, applications) whose status and actions are on
 * the first screen, which never scrolls sideways, and where a note can never be mistaken for a reply.
 * The same actions work without JavaScript.
 */

const ORG = 'kopri-pb-pmii';
const OTHER = 'lpk-lain';
const LONG_NAME = 'Nurul Aini Rahmawati Putri Kusumawardhani Setyaningsih Wulandari';
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Title (Formulir) >> endobj\ntrailer\n%%EOF\n');

/** Tap targets checked on every page (header, menu, forms, links that act as buttons). */
const TAP_TARGETS = [
  'main button',
  'main a.button',
  'main .back a',
  'main summary',
  'main select',
  'main input:not([type=hidden]):not([type=checkbox]):not([type=radio])',
  'main .inbox-download a',
  'table.stack th[scope=row] > a:first-of-type',
  'table.inbox-queue th[scope=row] > a:first-child',
];
const layoutProblems = (page: Page) => checkLayout(page, TAP_TARGETS);

/** The label each card cell shows before its value on a phone (the CSS ::before of data-label). */
const cellLabels = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((cells) =>
      cells
        .filter((td) => getComputedStyle(td).display !== 'none')
        .map((td) => getComputedStyle(td, '::before').content.replace(/^"|"$/g, '')),
    );

describe('the staff inbox on a 360 px phone', () => {
  let phone: BrowserContext;
  let page: Page;
  const ids = { nurul: '', ownApplication: '', bayu: '' };
  const nurul = { id: 760_001, firstName: LONG_NAME };
  const bayu = { id: 760_002, firstName: 'Bayu' };

  const b = browserHarness({
    staff: [
      { organisation: ORG, email: 'rina@kopri.or.id', name: 'Rina Marlina', role: 'owner' },

      { organisation: ORG, email: 'dewi@kopri.or.id', name: 'Dewi Anggraini' },

      { organisation: 'ormawa-baru', email: 'putri@ormawa.id', name: 'Putri' },

      { organisation: OTHER, email: 'joko@lpk-lain.id', name: 'Joko' },
    ],
    env: { PUBLIC_URL: 'http://127.0.0.1', DEFAULT_ORGANISATION: ORG },
    uploads: true,
  });
  beforeAll(async () => {
    const db = b.h.runtime.db;
    const { organisation } = b.staff[0]!;
    await loadCatalogue(db, [
      programme('jahit-kopri', {
        title: { id: 'Pelatihan Menjahit Busana Muslim untuk Perempuan Muda KOPRI Surabaya' },
        field: 'menjahit',
        application: { mode: 'in_chat', documents: ['ktp'], organisation: ORG },
      }),
      programme('las-lain', {
        title: { id: 'Pelatihan Las Listrik LPK Lain' },
        field: 'las',
        application: { mode: 'in_chat', documents: ['ktp'], organisation: OTHER },
      }),
    ]);
    await createCanned(db, organisation.id, {
      title: 'Salam pembuka',
      body: 'Halo kak, saya Rina dari KOPRI PB PMII. Ada yang bisa kami bantu?',
    });

    // Nurul asks for a person, then writes a long history and sends a photo of her KTP.
    const chat = conversation(b.h, nurul);
    await chat.say('/start');
    await chat.say('bicara dengan petugas');
    for (let i = 1; i <= 12; i++)
      await chat.say(`pesan ke-${i}: kak saya mau tanya soal jadwal pelatihan menjahit, kapan mulainya ya?`);
    await chat.say(
      `Assalamualaikum kak, ${'soalnya saya sudah daftar tapi belum ada kabar sama sekali, '.repeat(3)}https://contoh.example.org/${'x'.repeat(80)}`,
    );
    b.h.api.addFile('ktp-nurul-1', JPEG, 'photos/ktp-nurul-1.jpg');
    await b.h.post(
      messageUpdate(nurul, {
        photo: [
          { file_id: 'ktp-nurul-1', file_unique_id: 'n1', width: 800, height: 600, file_size: JPEG.length },
        ],
        caption: 'ini foto KTP saya kak',
      }),
    );
    const userId = await userIdOf(b.h, nurul.id);
    const [handoff] = await db.select().from(handoffs).where(eq(handoffs.userId, userId));
    ids.nurul = handoff!.id;

    // She applied to this organisation's programme and to another organisation's.
    for (const slug of ['jahit-kopri', 'las-lain']) {
      const applicationId = await submittedApplication(db, {
        userId,
        programme: slug,
        fullName: LONG_NAME,
        phone: '+6285700000004',
      });
      if (slug === 'jahit-kopri') ids.ownApplication = applicationId;
    }

    // Bayu waits too: his case is worked without JavaScript.
    await conversation(b.h, bayu).say('/petugas');
    const bayuId = await userIdOf(b.h, bayu.id);
    const [bayuCase] = await db.select().from(handoffs).where(eq(handoffs.userId, bayuId));
    ids.bayu = bayuCase!.id;

    b.h.runtime.dispatcher.start();
    phone = await smallPhone(b.browser, b.url);
    page = await phone.newPage();
    await logIn(page, 'rina@kopri.or.id');
    await page.waitForURL(/\/admin\/inbox$/);
  }, 120_000);

  it('shows each queue card with its name as the first, full-width tap target and every value labelled', async () => {
    await page.goto('/admin/inbox');
    const card = page.locator('table.inbox-queue tbody tr').filter({ hasText: 'Nurul Aini' });
    // Compact: the channel rides on the line under the name, the reason is on the conversation page.
    expect(await cellLabels(page, 'table.inbox-queue tbody tr:has-text("Nurul Aini") td')).toEqual([
      'Status: ',
      'Waktu: ',
      'Program: ',
      'Ditangani oleh: ',
    ]);
    await expect.poll(() => card.locator('.inbox-who').textContent()).toBe('Telegram');
    // The last message in one line, cut with an ellipsis rather than wrapping the card taller.
    const preview = await card.locator('.inbox-preview').evaluate((el) => ({
      text: el.textContent ?? '',
      lines: Math.round(
        el.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(el).lineHeight),
      ),
    }));
    expect(preview.text).toMatch(/^Orangnya: /);
    expect(preview.lines).toBe(1);
    const cardHeight = await card.evaluate((tr) => tr.getBoundingClientRect().height);
    console.log(`inbox card on a 360 px phone: ${Math.round(cardHeight)} px high`);
    expect(cardHeight).toBeLessThan(300);
    // "—" and "Belum ada" no longer stand alone: they say what they are.
    const seen = await card
      .locator('td')
      .evaluateAll((cells) =>
        cells.map((td) => getComputedStyle(td, '::before').content.replace(/^"|"$/g, '') + td.textContent),
      );
    expect(seen).toContain('Ditangani oleh: Belum ada');
    expect(seen).toContain('Program: Umum (tanpa program tertentu)');
    // The first thing in the card is the link to the conversation, a full-width 44 px target.
    const first = await card.evaluate((tr) => {
      const link = tr.querySelector('a')!;
      const box = link.getBoundingClientRect();
      const row = tr.getBoundingClientRect();
      return { href: link.getAttribute('href'), height: box.height, share: box.width / row.width };
    });
    expect(first.href).toBe(`/admin/inbox/${ids.nurul}`);
    expect(first.height).toBeGreaterThanOrEqual(43.5);
    expect(first.share).toBeGreaterThan(0.85);
    expect(await layoutProblems(page)).toEqual({ overflow: 0, small: [] });
    await screenshot(page, 'inbox-phone-queue-cards');
  });

  it('says on every empty tab what will appear there, and leads from "mine" to the people waiting', async () => {
    await page.goto('/admin/inbox?tab=mine');
    expect(await page.locator('main').innerText()).toContain(
      'Belum ada percakapan terbuka yang Anda tangani',
    );
    await page.getByRole('link', { name: 'Lihat yang menunggu (2)' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?tab=waiting');

    const fresh = await smallPhone(b.browser, b.url);
    const p = await fresh.newPage();
    await logIn(p, 'putri@ormawa.id');
    await expect.poll(() => new URL(p.url()).pathname).toBe('/admin/inbox');
    const hints: Record<string, RegExp> = {
      waiting:
        /Orang yang minta bicara dengan petugas lewat bot akan muncul di sini; halaman ini diperbarui sendiri\./,
      mine: /tekan “Ambil” \(atau langsung balas\); percakapan itu akan muncul di sini/,
      all: /Semua percakapan yang menunggu atau sedang ditangani petugas mana pun muncul di sini/,
      closed: /Percakapan yang ditutup dengan tombol “Selesai” pindah ke sini/,
    };
    for (const [tab, hint] of Object.entries(hints)) {
      await p.goto(`/admin/inbox?tab=${tab}`);
      expect({ tab, text: await p.locator('main .inbox-empty').innerText() }).toEqual({
        tab,
        text: expect.stringMatching(hint),
      });
      expect((await layoutProblems(p)).overflow).toBe(0);
    }
    await p.goto('/admin/inbox');
    await screenshot(p, 'inbox-phone-empty-waiting');
    // "Diperbarui sendiri" holds without JavaScript too.
    expect(await p.locator('main noscript').innerHTML()).toContain('http-equiv="refresh"');
    // …and only without it: with scripts the list is polled, the page is never reloaded under her thumb.
    expect(await p.locator('head meta[http-equiv="refresh"]').count()).toBe(0);
    await fresh.close();
  });

  it('puts the status and Ambil / Balas / Alihkan / Selesai on the first screen of a long conversation', async () => {
    await page.goto(`/admin/inbox/${ids.nurul}`);
    const bar = page.locator('section.inbox-bar');
    expect((await bar.innerText()).replace(/\s+/g, ' ')).toContain('Menunggu Petugas: Belum ada · menunggu');
    for (const selector of [
      'section.inbox-bar button:text-is("Ambil")',
      'section.inbox-bar a[href="#inbox-reply"]',
      'section.inbox-bar summary:has-text("Alihkan")',
      'section.inbox-bar summary:has-text("Selesai")',
    ])
      expect({ selector, first: await inFirstScreen(page, selector) }).toEqual({ selector, first: true });
    // The page never scrolls sideways, the applications included, and every target is thumb-sized.
    expect(await layoutProblems(page)).toEqual({ overflow: 0, small: [] });
    const wraps = await page
      .locator('.table-wrap')
      .evaluateAll((els) => els.map((e) => e.scrollWidth - e.clientWidth));
    expect(wraps).toEqual([0]);
    await screenshot(page, 'inbox-phone-conversation-top');
    // What she sees without scrolling.
    await page.screenshot({ path: join(SCREENSHOTS, 'inbox-phone-conversation-first-screen.png') });
  });

  it('passes the WCAG A/AA checks with the hand-over and close panels open', async () => {
    const checked = await b.browser.newContext({
      viewport: SMALL_PHONE,
      baseURL: b.url,
      locale: 'id-ID',
      bypassCSP: true,
    });
    const p = await checked.newPage();
    await logIn(p, 'rina@kopri.or.id');
    await expect.poll(() => new URL(p.url()).pathname).toBe('/admin/inbox');
    await p.goto(`/admin/inbox/${ids.nurul}`);
    const found: Record<string, unknown> = {};
    for (const panel of ['Alihkan', 'Selesai']) {
      await p.locator('section.inbox-bar summary', { hasText: panel }).click();
      const violations = await axeViolations(p);
      if (violations.length) found[panel] = violations;
    }
    // One panel at a time: opening "Selesai" folded "Alihkan".
    expect(await p.locator('section.inbox-bar details[open]').count()).toBe(1);
    expect(found).toEqual({});
    // The same bar on a desk computer: one row of buttons.
    await p.setViewportSize({ width: 1280, height: 900 });
    await p.reload();
    await screenshot(p, 'inbox-desktop-conversation');
    await checked.close();
  });

  it('lists only this organisation’s applications, as labelled cards that open the applicant', async () => {
    await page.goto(`/admin/inbox/${ids.nurul}`);
    const table = page.locator('section[aria-labelledby="inbox-apps-h"] table.stack');
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await table.innerText()).toContain('Pelatihan Menjahit Busana Muslim');
    expect(await table.innerText()).not.toContain('Las Listrik');
    expect(await cellLabels(page, 'section[aria-labelledby="inbox-apps-h"] tbody td')).toEqual([
      'Program: ',
      'Status: ',
      'Dikirim: ',
    ]);
    const reference = table.locator('tbody th a');
    expect(await reference.innerText()).toMatch(/^JMB-\d{4}-\d{6}$/);
    await reference.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/admin/applicants/${ids.ownApplication}`);
    expect(await page.locator('h1').innerText()).toContain('Nurul Aini');
  });

  it('answers with a canned response and a file, keeps a note apart, and closes after saying what happens', async () => {
    await page.goto(`/admin/inbox/${ids.nurul}`);
    await page.getByRole('button', { name: 'Ambil', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Anda tangani');
    const bar = page.locator('section.inbox-bar');
    expect((await bar.innerText()).replace(/\s+/g, ' ')).toContain('Ditangani Petugas: Anda · menunggu');
    expect(await bar.getByRole('button', { name: 'Ambil', exact: true }).count()).toBe(0);

    // "Balas" takes her to the reply box.
    await page.getByRole('link', { name: 'Balas', exact: true }).click();
    expect(await inFirstScreen(page, '#inbox-reply h2')).toBe(true);
    expect(await page.locator('#inbox-canned-hint').innerText()).toContain('belum mengirimnya');
    await page.getByLabel('Balasan cepat').selectOption({ label: 'Salam pembuka' });
    await expect.poll(() => page.getByLabel(/Pesan untuk/).inputValue()).toContain('saya Rina dari KOPRI');
    await page.getByLabel('Lampiran (opsional)').setInputFiles({
      name: 'Formulir Pendaftaran.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(PDF),
    });
    await page.getByRole('button', { name: 'Kirim balasan' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Berkas Anda sedang dikirim');
    expect(await inFirstScreen(page, 'main [role=status]')).toBe(true);
    await expect.poll(() => b.h.api.sent('sendDocument', nurul.id).length, { timeout: 10_000 }).toBe(1);
    expect((await bar.innerText()).replace(/\s+/g, ' ')).toContain('Petugas: Anda · dibalas dalam');

    // A note: its own box, and every word around it says it is not sent.
    const notes = page.locator('section.inbox-notes');
    expect(await notes.locator('.inbox-notes-hint').innerText()).toContain(
      `Catatan tidak pernah dikirim ke ${LONG_NAME}`,
    );
    const note = 'Sudah daftar 3 Des, berkas KTP ada di foto. Cek ke panitia jadwal angkatan Januari.';
    await page.getByLabel('Catatan baru untuk petugas').fill(note);
    await page.getByRole('button', { name: 'Simpan catatan internal' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Catatan disimpan');
    expect(await notes.innerText()).toContain(note);
    // The note is in a different box from the reply, and never reaches the person.
    const [noteBox, replyBox] = await Promise.all([
      notes.evaluate((el) => getComputedStyle(el).borderStyle),
      page.locator('#inbox-reply').evaluate((el) => getComputedStyle(el).borderStyle),
    ]);
    expect({ noteBox, replyBox }).toEqual({ noteBox: 'dashed', replyBox: 'solid' });
    expect(b.h.api.texts(nurul.id).some((t) => t.includes('angkatan Januari'))).toBe(false);

    // The photo from Nurul and the file Rina sent are both there, each with a thumb-sized download.
    const log = page.locator('#inbox-log');
    await expect.poll(() => log.getByText('Formulir Pendaftaran.pdf').count()).toBe(1);
    expect(await log.getByRole('link', { name: 'Unduh foto' }).count()).toBe(1);
    expect(await log.getByRole('link', { name: 'Unduh dokumen' }).count()).toBe(1);
    expect(await log.innerText()).toContain('Keterangan: ini foto KTP saya kak');
    expect(await layoutProblems(page)).toEqual({ overflow: 0, small: [] });
    await screenshot(page, 'inbox-phone-conversation-full');

    // Back at the top, "Selesai" first says what happens, then closes.
    await page.goto(`/admin/inbox/${ids.nurul}`);
    await page.locator('section.inbox-bar summary', { hasText: 'Selesai' }).click();
    await page.screenshot({ path: join(SCREENSHOTS, 'inbox-phone-close-first-screen.png') });
    const hint = page.locator('#inbox-close-hint');
    expect(await hint.isVisible()).toBe(true);
    expect(await hint.innerText()).toContain('menanyakan penilaian 1–5');
    expect(await inFirstScreen(page, 'section.inbox-bar button.danger')).toBe(true);
    await screenshot(page, 'inbox-phone-close-confirm');
    await page.getByRole('button', { name: 'Ya, selesaikan percakapan' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Bot melayani lagi');
    await expect
      .poll(() => b.h.api.texts(nurul.id).some((t) => t.includes('Seberapa puas')), { timeout: 10_000 })
      .toBe(true);
    expect((await bar.innerText()).replace(/\s+/g, ' ')).toContain('Selesai Petugas: Anda · belum dinilai');
    expect(await page.locator('#inbox-reply').count()).toBe(0);
  }, 60_000);

  it('hands over and closes without JavaScript', async () => {
    const noScript = await smallPhone(b.browser, b.url, { javaScriptEnabled: false });
    const p = await noScript.newPage();
    await logIn(p, 'rina@kopri.or.id');
    await expect.poll(() => new URL(p.url()).pathname).toBe('/admin/inbox');
    await p.goto(`/admin/inbox/${ids.bayu}`);
    expect(await p.locator('#inbox-close-hint').isVisible()).toBe(false);

    await p.locator('section.inbox-bar summary', { hasText: 'Alihkan' }).click();
    await p.getByLabel('Alihkan ke').selectOption({ label: 'Dewi Anggraini' });
    await p.getByRole('button', { name: 'Alihkan', exact: true }).click();
    await expect
      .poll(() => p.getByRole('status').first().textContent())
      .toContain('Percakapan sudah dialihkan');
    expect((await p.locator('section.inbox-bar').innerText()).replace(/\s+/g, ' ')).toContain(
      'Petugas: Dewi Anggraini',
    );
    // Someone else has it: "Ambil alih" instead of "Ambil".
    expect(await p.getByRole('button', { name: 'Ambil alih' }).count()).toBe(1);

    await p.locator('section.inbox-bar summary', { hasText: 'Selesai' }).click();
    expect(await p.locator('#inbox-close-hint').isVisible()).toBe(true);
    await p.getByRole('button', { name: 'Ya, selesaikan percakapan' }).click();
    await expect.poll(() => p.getByRole('status').first().textContent()).toContain('Bot melayani lagi');
    await expect
      .poll(() => b.h.api.texts(bayu.id).some((t) => t.includes('Seberapa puas')), { timeout: 10_000 })
      .toBe(true);
    await noScript.close();
  });
});
