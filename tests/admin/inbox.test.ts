import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordConsent } from '../../src/consent/service';
import {
  applications,
  cannedResponses,
  handoffNotes,
  handoffs,
  identities,
  messages,
  organisations,
  personalDataLog,
  profiles,
  programmes,
} from '../../src/db/schema';
import { drainOutbox, JPEG } from '../applications/helpers';
import { type AdminClient, createStaff, loggedInClient } from '../helpers/admin';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';
import { messageUpdate, textUpdate } from '../helpers/telegram';

/*
 * The staff inbox end to end: people ask for staff through the real Telegram webhook, staff work the
 * case in /admin/inbox, and what staff send reaches the Bot API stand-in.
 */

const ORG = 'lpk-nusantara';
const OTHER = 'bpvp-bekasi';

/** The open (or latest) handoff of a Telegram person. */
async function handoffOf(h: Harness, telegramId: number) {
  const [row] = await h.runtime.db
    .select({ handoff: handoffs })
    .from(handoffs)
    .innerJoin(identities, eq(identities.userId, handoffs.userId))
    .where(and(eq(identities.channel, 'telegram'), eq(identities.externalId, String(telegramId))))
    .orderBy(sql`${handoffs.createdAt} desc`)
    .limit(1);
  if (!row) throw new Error(`no handoff for ${telegramId}`);
  return row.handoff;
}

const fragment = { 'x-requested-with': 'fetch' };

async function setup(h: Harness) {
  const db = h.runtime.db;
  const dewi = await createStaff(db, {
    organisation: ORG,
    email: 'dewi@lpk-nusantara.id',
    name: 'Dewi Lestari',
  });
  const bambang = await createStaff(db, {
    organisation: ORG,
    email: 'bambang@lpk-nusantara.id',
    name: 'Bambang Sutrisno',
    role: 'owner',
  });
  const rahmat = await createStaff(db, {
    organisation: ORG,
    email: 'rahmat@lpk-nusantara.id',
    name: 'Rahmat',
    role: 'viewer',
  });
  const agus = await createStaff(db, { organisation: OTHER, email: 'agus@bpvp-bekasi.go.id', name: 'Agus' });
  return { dewi, bambang, rahmat, agus };
}

const loggedIn = (h: Harness, email: string) => loggedInClient(h.runtime.app, email);

describe('staff inbox: a case from first message to rating', () => {
  let h: Harness;
  let staff: Awaited<ReturnType<typeof setup>>;
  let dewi: AdminClient;
  let id: string;
  const putri = { id: 98_101, firstName: 'Putri' };

  beforeAll(async () => {
    h = await startHarness({ DEFAULT_ORGANISATION: ORG });
    staff = await setup(h);
    dewi = await loggedIn(h, 'dewi@lpk-nusantara.id');
  });
  afterAll(() => h.close());
  beforeEach(() => h.api.reset());

  it('shows a person who asked for staff in the waiting list, refreshed by a fragment', async () => {
    const chat = conversation(h, putri);
    const waiting = await chat.say('kak ada orangnya?');
    expect(waiting.text).toMatch(/antrean petugas/);
    id = (await handoffOf(h, putri.id)).id;

    const res = await dewi.get('/admin/inbox');
    expect(res.status).toBe(200);
    const html = dewi.lastHtml;
    expect(html).toContain('Putri');
    expect(html).toContain(`href="/admin/inbox/${id}"`);
    expect(html).toContain('Telegram');
    expect(html).toContain('Minta bicara dengan petugas');
    expect(html).toContain('menunggu kurang dari 1 menit');
    expect(html).toContain('Belum ada'); // nobody has it yet
    // On a phone the row is a card: every value says what it is.
    expect(html).toContain('<td data-label="Ditangani oleh">Belum ada</td>');
    expect(html).toContain('<td data-label="Program">Umum (tanpa program tertentu)</td>');
    expect(html).toContain('<td data-label="Saluran" class="inbox-wide">Telegram</td>');
    expect(html).toMatch(/Menunggu <span class="badge">1<\/span>/);
    expect(html).toContain('data-poll="/admin/inbox/queue?tab=waiting&amp;page=1"');
    expect(html).not.toContain('role="alert"'); // nobody past the SLA

    const live = await dewi.get('/admin/inbox/queue?tab=waiting', fragment);
    expect(live.status).toBe(200);
    const part = await live.text();
    expect(part).toContain('Putri');
    expect(part).not.toContain('<html');
  });

  it('opens the conversation with the person’s message and records the access', async () => {
    const res = await dewi.get(`/admin/inbox/${id}`);
    expect(res.status).toBe(200);
    const html = dewi.lastHtml;
    expect(html).toContain('Percakapan dengan Putri');
    expect(html).toContain('kak ada orangnya?');
    expect(html).toContain('WIB');
    expect(html).toContain(`data-poll="/admin/inbox/${id}/log"`);
    expect(html).toContain('data-stick-bottom');
    expect(html).toContain('>Ambil<');
    // The status and the actions come first: the bar sits before the messages, with a jump to the reply.
    const bar = html.indexOf('class="inbox-bar"');
    expect(bar).toBeGreaterThan(-1);
    expect(bar).toBeLessThan(html.indexOf('id="inbox-log"'));
    expect(html).toContain('Petugas: Belum ada · menunggu kurang dari 1 menit');
    expect(html).toContain('href="#inbox-reply"');
    expect(html).toContain('<section id="inbox-reply"');
    // Closing says what happens next to its button, without needing a script's confirm().
    expect(html).toMatch(
      /<summary class="button secondary">Selesai<\/summary><form method="post" action="\/admin\/inbox\/[^"]+\/close" class="inbox-bar-panel">/,
    );
    expect(html).toContain('Bot akan kembali melayani orang ini dan menanyakan penilaian 1–5.');
    expect(html).toContain('>Ya, selesaikan percakapan<');
    expect(html).not.toContain('data-confirm');
    const [entry] = await h.runtime.db
      .select()
      .from(personalDataLog)
      .where(eq(personalDataLog.actor, `staff:${staff.dewi.member.id}`));
    expect(entry).toMatchObject({ action: 'view', detail: { via: 'admin-inbox' } });
    expect(entry!.subjectUserId).toBe((await handoffOf(h, putri.id)).userId);
  });

  it('claims the case: it moves to “Milik saya”', async () => {
    const res = await dewi.post(`/admin/inbox/${id}/claim`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/inbox/${id}?ok=inbox:flash.claimed`);
    await dewi.get(res.headers.get('location')!);
    expect(dewi.lastHtml).toContain('Percakapan ini sekarang Anda tangani.');
    const row = await handoffOf(h, putri.id);
    expect(row).toMatchObject({ status: 'active', assignedTo: staff.dewi.member.id });

    await dewi.get('/admin/inbox?tab=mine');
    expect(dewi.lastHtml).toContain('Putri');
    expect(dewi.lastHtml).toMatch(/Milik saya <span class="badge">1<\/span>/);
    await dewi.get(`/admin/inbox/${id}`);
    expect(dewi.lastHtml).toContain('Petugas: Anda');
    expect(dewi.lastHtml).not.toContain('>Ambil<');
    await dewi.get('/admin/inbox');
    expect(dewi.lastHtml).toContain(
      'Tidak ada orang yang menunggu saat ini. Orang yang minta bicara dengan petugas lewat bot akan muncul di sini; halaman ini diperbarui sendiri.',
    );
    // Without scripts the queue refreshes itself (and only without them).
    expect(dewi.lastHtml).toContain('<noscript><meta http-equiv="refresh" content="30"></noscript>');
    expect(dewi.lastHtml.slice(0, dewi.lastHtml.indexOf('</head>'))).not.toContain('refresh');
  });

  it('replies with a canned response: the Bot API receives it for that chat', async () => {
    const body = 'Halo Kak Putri, kelas menjahit mulai 5 Januari pukul 08.00 WIB di LPK Nusantara.';
    await dewi.get('/admin/inbox/canned');
    const created = await dewi.post('/admin/inbox/canned', { title: 'Jadwal kelas menjahit', body });
    expect(created.status).toBe(303);

    await dewi.get(`/admin/inbox/${id}`);
    expect(dewi.lastHtml).toContain('data-fill="#inbox-reply-text"');
    expect(dewi.lastHtml).toContain(`data-text="${body}"`);
    expect(dewi.lastHtml).toContain('Jadwal kelas menjahit');

    const res = await dewi.post(`/admin/inbox/${id}/reply`, { text: body });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('ok=inbox:flash.replied');
    await drainOutbox(h);
    expect(h.api.texts(putri.id)).toEqual([body]);

    const row = await handoffOf(h, putri.id);
    expect(row.firstResponseAt).not.toBeNull();
    await dewi.get(`/admin/inbox/${id}`);
    expect(dewi.lastHtml).toContain('dibalas dalam kurang dari 1 menit');
    expect(dewi.lastHtml).toContain('Petugas (Dewi Lestari)');
  });

  it('refuses an empty or too long reply with a clear message, keeping the text', async () => {
    const empty = await dewi.post(`/admin/inbox/${id}/reply`, { text: '   ' });
    expect(empty.status).toBe(422);
    expect(dewi.lastHtml).toContain('Balasan masih kosong');

    const long = `Mohon maaf kak, ${'panjang '.repeat(600)}`;
    const res = await dewi.post(`/admin/inbox/${id}/reply`, { text: long });
    expect(res.status).toBe(422);
    expect(dewi.lastHtml).toContain(`Balasan terlalu panjang: ${long.trim().length} karakter`);
    expect(dewi.lastHtml).toContain('Mohon maaf kak, panjang panjang');
    await drainOutbox(h);
    expect(h.api.texts(putri.id)).toEqual([]);
  });

  it('keeps internal notes for staff only', async () => {
    const note = 'Sudah ditelepon ibunya, minta brosur dikirim lewat WA.';
    const res = await dewi.post(`/admin/inbox/${id}/notes`, { body: note });
    expect(res.status).toBe(303);
    await dewi.get(res.headers.get('location')!);
    expect(dewi.lastHtml).toContain(note);
    expect(dewi.lastHtml).toContain('Dewi Lestari');
    const empty = await dewi.post(`/admin/inbox/${id}/notes`, { body: '' });
    expect(empty.status).toBe(422);
    expect(dewi.lastHtml).toContain('Catatan masih kosong');
    await drainOutbox(h);
    expect(h.api.calls.filter((c) => JSON.stringify(c.body).includes('brosur'))).toEqual([]);
    const rows = await h.runtime.db.select().from(handoffNotes).where(eq(handoffNotes.handoffId, id));
    expect(rows).toHaveLength(1);
  });

  it('shows the person’s next messages and files in the live fragment, the file by message id', async () => {
    await h.post(textUpdate(putri, 'makasih kak, kalau bawa KTP aja cukup gk?'));
    h.api.addFile('ktp-putri-1', JPEG, 'photos/ktp-putri-1.jpg');
    await h.post(
      messageUpdate(putri, {
        photo: [
          { file_id: 'ktp-putri-1', file_unique_id: 'u1', width: 800, height: 600, file_size: JPEG.length },
        ],
        caption: 'ini fotonya',
      }),
    );
    expect(h.api.texts(putri.id)).toEqual([]); // the bot stays silent while staff have the chat

    const res = await dewi.get(`/admin/inbox/${id}/log`, fragment);
    expect(res.status).toBe(200);
    const part = await res.text();
    expect(part).toContain('kalau bawa KTP aja cukup gk?');
    expect(part).toContain('Foto');
    expect(part).toContain('Keterangan: ini fotonya');
    const href = /href="(\/admin\/inbox\/[^"]+\/files\/(\d+))"/.exec(part);
    expect(href).not.toBeNull();
    expect(href![1]).not.toContain('ktp-putri'); // the platform's file id stays on the server

    const file = await dewi.get(href![1]!);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="photo-${href![2]}.jpg"`);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(JPEG);
  });

  it('closes the case: the person rates it and the bot answers again', async () => {
    const res = await dewi.post(`/admin/inbox/${id}/close`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('ok=inbox:flash.closed');
    await drainOutbox(h);
    const chat = conversation(h, putri);
    const question = chat.last();
    expect(question.text).toContain('Seberapa puas');
    const thanks = await chat.press('4', question);
    expect(thanks.text).toContain('Terima kasih atas penilaianmu');
    const after = await chat.say('ada pelatihan las?');
    expect(after.text.length).toBeGreaterThan(0);

    expect(await handoffOf(h, putri.id)).toMatchObject({ status: 'closed', rating: 4 });
    await dewi.get(`/admin/inbox/${id}`);
    expect(dewi.lastHtml).toContain('Percakapan ini sudah selesai');
    expect(dewi.lastHtml).toContain('Petugas: Anda · dinilai 4 dari 5');
    expect(dewi.lastHtml).not.toContain('id="inbox-reply-text"');
    expect(dewi.lastHtml).not.toContain(`/admin/inbox/${id}/close`);

    await dewi.get('/admin/inbox?tab=closed');
    expect(dewi.lastHtml).toContain('Putri');
    expect(dewi.lastHtml).toContain('selesai');
    // The live log stops polling once the case is over.
    expect((await dewi.get(`/admin/inbox/${id}/log`, fragment)).status).toBe(286);
    const late = await dewi.post(`/admin/inbox/${id}/reply`, { text: 'Satu lagi kak' });
    expect(late.headers.get('location')).toContain('error=inbox:flash.alreadyClosed');
  });
});

describe('staff inbox: SLA, profile, assignment and access', () => {
  let h: Harness;
  let staff: Awaited<ReturnType<typeof setup>>;
  let dewi: AdminClient;
  let wahyuId: string;
  let sitiId: string;
  const wahyu = { id: 98_201, firstName: 'Wahyu' };
  const siti = { id: 98_202, firstName: 'Siti Aminah' };

  beforeAll(async () => {
    h = await startHarness({ DEFAULT_ORGANISATION: ORG });
    staff = await setup(h);
    await loadCatalogue(h.runtime.db, [
      programme('jahit-nusantara', {
        title: { id: 'Pelatihan Menjahit Nusantara' },
        field: 'menjahit',
        application: { mode: 'in_chat', documents: ['ktp'], organisation: ORG },
      }),
      programme('las-bekasi', {
        title: { id: 'Pelatihan Las Bekasi' },
        application: { mode: 'in_chat', documents: ['ktp'], organisation: OTHER },
      }),
    ]);
    await conversation(h, wahyu).say('/petugas');
    await conversation(h, siti).say('mau ngomong sama admin dong');
    wahyuId = (await handoffOf(h, wahyu.id)).id;
    sitiId = (await handoffOf(h, siti.id)).id;
    dewi = await loggedIn(h, 'dewi@lpk-nusantara.id');
  });
  afterAll(() => h.close());

  it('raises an SLA alert when someone waits too long without an answer', async () => {
    await h.runtime.db
      .update(handoffs)
      .set({ createdAt: sql`now() - interval '65 minutes'` })
      .where(eq(handoffs.id, wahyuId));
    await dewi.get('/admin/inbox');
    const html = dewi.lastHtml;
    expect(html).toMatch(/role="alert">1 orang menunggu lebih dari 15 menit tanpa balasan/);
    expect(html).toContain('menunggu 1 jam 5 menit');
    expect(html).toContain('Lewat 15 menit');
    expect(html).toMatch(/Menunggu <span class="badge">2<\/span>/);

    await h.runtime.db.update(organisations).set({ slaMinutes: 90 }).where(eq(organisations.slug, ORG));
    await dewi.get('/admin/inbox');
    expect(dewi.lastHtml).not.toContain('role="alert"');
    await h.runtime.db.update(organisations).set({ slaMinutes: 15 }).where(eq(organisations.slug, ORG));
  });

  it('shows the profile (disability needs only with consent) and only this organisation’s applications', async () => {
    const { userId } = await handoffOf(h, siti.id);
    await h.runtime.db.insert(profiles).values({
      userId,
      data: {
        birthDate: '2003-08-17',
        gender: 'perempuan',
        domicileRegency: '35.78',
        education: { level: 'SMA', major: 'Tata Busana', graduationYear: 2021 },
        activity: 'tidak_bekerja',
        disability: { declared: true, needs: 'pengguna kursi roda' },
      },
    });
    const progs = await h.runtime.db.select({ id: programmes.id, slug: programmes.slug }).from(programmes);
    const own = progs.find((p) => p.slug === 'jahit-nusantara')!;
    const other = progs.find((p) => p.slug === 'las-bekasi')!;
    const inserted = await h.runtime.db
      .insert(applications)
      .values([
        {
          userId,
          programmeId: own.id,
          status: 'diajukan',
          reference: 'JMB-2026-000771',
          submittedAt: new Date(),
        },
        {
          userId,
          programmeId: other.id,
          status: 'seleksi',
          reference: 'JMB-2026-000772',
          submittedAt: new Date(),
        },
      ])
      .returning({ id: applications.id, reference: applications.reference });

    await dewi.get(`/admin/inbox/${sitiId}`);
    let html = dewi.lastHtml;
    expect(html).toContain('Siti Aminah');
    expect(html).toContain('17 Agustus 2003');
    expect(html).toContain('Perempuan');
    expect(html).toContain('Surabaya');
    expect(html).toContain('SMA/SMK/MA, jurusan Tata Busana, lulus 2021');
    expect(html).toContain('Tidak bekerja');
    expect(html).not.toContain('kursi roda');
    expect(html).toContain('JMB-2026-000771');
    // The reference opens the application in the applicants section; each cell is labelled on a phone.
    const ownId = inserted.find((a) => a.reference === 'JMB-2026-000771')!.id;
    expect(html).toContain(`<a href="/admin/applicants/${ownId}">JMB-2026-000771</a>`);
    expect(html).toContain('<table class="stack inbox-apps">');
    expect(html).toContain('<td data-label="Status">Diajukan</td>');
    expect(html).toContain('Pelatihan Menjahit Nusantara');
    expect(html).not.toContain('JMB-2026-000772');
    expect(html).not.toContain('Pelatihan Las Bekasi');

    await recordConsent(h.runtime.db, userId, 'specific_data', true, 'telegram');
    await dewi.get(`/admin/inbox/${sitiId}`);
    html = dewi.lastHtml;
    expect(html).toContain('Kebutuhan disabilitas');
    expect(html).toContain('pengguna kursi roda');
  });

  it('assigns a case to another member of the organisation, never to an outsider', async () => {
    await dewi.get(`/admin/inbox/${sitiId}`);
    const outsider = await dewi.post(`/admin/inbox/${sitiId}/assign`, { memberId: staff.agus.member.id });
    expect(outsider.headers.get('location')).toContain('error=inbox:flash.badMember');
    const viewer = await dewi.post(`/admin/inbox/${sitiId}/assign`, { memberId: staff.rahmat.member.id });
    expect(viewer.headers.get('location')).toContain('error=inbox:flash.badMember');
    expect((await handoffOf(h, siti.id)).assignedTo).toBeNull();

    const res = await dewi.post(`/admin/inbox/${sitiId}/assign`, { memberId: staff.bambang.member.id });
    expect(res.headers.get('location')).toContain('ok=inbox:flash.assigned');
    expect(await handoffOf(h, siti.id)).toMatchObject({
      status: 'active',
      assignedTo: staff.bambang.member.id,
    });
    await dewi.get('/admin/inbox?tab=all');
    expect(dewi.lastHtml).toContain('Bambang Sutrisno');
    const bambang = await loggedIn(h, 'bambang@lpk-nusantara.id');
    await bambang.get('/admin/inbox?tab=mine');
    expect(bambang.lastHtml).toContain('Siti Aminah');
  });

  it('answers 403 to another organisation’s staff on the page, fragments, files and actions', async () => {
    const agus = await loggedIn(h, 'agus@bpvp-bekasi.go.id');
    await agus.get('/admin/inbox?tab=all');
    expect(agus.lastHtml).not.toContain('Wahyu');
    expect(agus.lastHtml).not.toContain('Siti');

    const page = await agus.get(`/admin/inbox/${wahyuId}`);
    expect(page.status).toBe(403);
    expect(agus.lastHtml).toContain('Data ini tidak ada atau bukan milik organisasi Anda.');
    expect(agus.lastHtml).not.toContain('Wahyu');
    expect(agus.lastHtml).not.toContain('/petugas');

    const log = await agus.get(`/admin/inbox/${wahyuId}/log`, fragment);
    expect(log.status).toBe(403);
    expect(await log.text()).not.toContain('Wahyu');
    expect((await agus.get(`/admin/inbox/${wahyuId}/files/1`)).status).toBe(403);
    expect((await agus.get('/admin/inbox/bukan-id-yang-benar')).status).toBe(403);

    for (const [action, form] of [
      ['claim', {}],
      ['assign', { memberId: staff.agus.member.id }],
      ['reply', { text: 'Halo dari Bekasi' }],
      ['notes', { body: 'catatan orang luar' }],
      ['close', {}],
    ] as const) {
      const res = await agus.post(`/admin/inbox/${wahyuId}/${action}`, form);
      expect(res.status, action).toBe(403);
    }
    expect(await handoffOf(h, wahyu.id)).toMatchObject({ status: 'waiting', assignedTo: null });
    const staffMessages = await h.runtime.db.select().from(messages).where(eq(messages.origin, 'staff'));
    expect(staffMessages).toEqual([]);
    const notes = await h.runtime.db.select().from(handoffNotes).where(eq(handoffNotes.handoffId, wahyuId));
    expect(notes).toEqual([]);
    // Nothing was logged as viewed by the outsider.
    const viewed = await h.runtime.db
      .select()
      .from(personalDataLog)
      .where(eq(personalDataLog.actor, `staff:${staff.agus.member.id}`));
    expect(viewed).toEqual([]);
  });

  it('keeps canned responses per organisation, validated, editable and deletable', async () => {
    await dewi.get('/admin/inbox/canned');
    const bad = await dewi.post('/admin/inbox/canned', { title: '  ', body: 'Terima kasih sudah menunggu.' });
    expect(bad.status).toBe(422);
    expect(dewi.lastHtml).toContain('Judul wajib diisi.');
    expect(dewi.lastHtml).toContain('Terima kasih sudah menunggu.');
    const tooLong = await dewi.post('/admin/inbox/canned', { title: 'Panjang', body: 'x'.repeat(4001) });
    expect(tooLong.status).toBe(422);
    expect(dewi.lastHtml).toContain('Isi balasan terlalu panjang: 4001 karakter');

    await dewi.post('/admin/inbox/canned', {
      title: 'Salam',
      body: 'Halo kak, saya Dewi dari LPK Nusantara.',
    });
    const [row] = await h.runtime.db.select().from(cannedResponses).where(eq(cannedResponses.title, 'Salam'));
    expect(row).toBeDefined();

    const agus = await loggedIn(h, 'agus@bpvp-bekasi.go.id');
    await agus.get('/admin/inbox/canned');
    expect(agus.lastHtml).not.toContain('Salam');
    expect((await agus.get(`/admin/inbox/canned/${row!.id}/edit`)).status).toBe(403);
    expect(agus.lastHtml).not.toContain('LPK Nusantara.');
    expect((await agus.post(`/admin/inbox/canned/${row!.id}`, { title: 'x', body: 'y' })).status).toBe(403);
    expect((await agus.post(`/admin/inbox/canned/${row!.id}/delete`)).status).toBe(403);

    await dewi.get(`/admin/inbox/canned/${row!.id}/edit`);
    expect(dewi.lastHtml).toContain('Halo kak, saya Dewi dari LPK Nusantara.');
    const saved = await dewi.post(`/admin/inbox/canned/${row!.id}`, {
      title: 'Salam pembuka',
      body: 'Halo kak, saya Dewi dari LPK Nusantara. Ada yang bisa dibantu?',
    });
    expect(saved.headers.get('location')).toContain('ok=inbox:flash.cannedSaved');
    const [edited] = await h.runtime.db.select().from(cannedResponses).where(eq(cannedResponses.id, row!.id));
    expect(edited).toMatchObject({ title: 'Salam pembuka' });
    await dewi.get('/admin/inbox/canned');
    await dewi.post(`/admin/inbox/canned/${row!.id}/delete`);
    expect(await h.runtime.db.select().from(cannedResponses).where(eq(cannedResponses.id, row!.id))).toEqual(
      [],
    );
  });

  it('lets a viewer read a conversation but not act on it', async () => {
    const rahmat = await loggedIn(h, 'rahmat@lpk-nusantara.id');
    const res = await rahmat.get(`/admin/inbox/${wahyuId}`);
    expect(res.status).toBe(200);
    expect(rahmat.lastHtml).toContain('/petugas');
    expect(rahmat.lastHtml).toContain('pengamat');
    expect(rahmat.lastHtml).not.toContain('id="inbox-reply-text"');
    expect(rahmat.lastHtml).not.toContain('>Ambil<');
    expect(rahmat.lastHtml).not.toContain(`/admin/inbox/${wahyuId}/close`);
    expect(rahmat.lastHtml).not.toContain('id="inbox-note-text"');
    // The bar still says where the case stands, without actions a viewer cannot take.
    expect(rahmat.lastHtml).toContain('Petugas: Belum ada');
    expect(rahmat.lastHtml).not.toContain('href="#inbox-reply"');
    expect(rahmat.lastHtml).not.toContain('>Alihkan<');

    const reply = await rahmat.post(`/admin/inbox/${wahyuId}/reply`, { text: 'Halo kak Wahyu' });
    expect(reply.status).toBe(403);
    expect((await rahmat.post(`/admin/inbox/${wahyuId}/claim`)).status).toBe(403);
    expect((await rahmat.post('/admin/inbox/canned', { title: 'a', body: 'b' })).status).toBe(403);
    const staffMessages = await h.runtime.db.select().from(messages).where(eq(messages.origin, 'staff'));
    expect(staffMessages).toEqual([]);
    expect(await handoffOf(h, wahyu.id)).toMatchObject({ status: 'waiting' });
  });

  it('speaks English after the language switch', async () => {
    const client = await loggedIn(h, 'dewi@lpk-nusantara.id');
    await client.get('/admin/lang/en?next=/admin/inbox');
    await client.get('/admin/inbox');
    expect(client.lastHtml).toContain('Waiting');
    expect(client.lastHtml).toContain('1 person has waited more than 15 minutes');
    expect(client.lastHtml).toContain('waiting 1 hour 5 minutes');
  });
});
