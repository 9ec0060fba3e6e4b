import { rmSync } from 'node:fs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setStaffGroup } from '../../src/channels/telegram/staff-group';
import { rowsOf } from '../../src/db/rows';
import { conversations, handoffs, identities, messages, staffGroupTopics, users } from '../../src/db/schema';
import { closeHandoff, listHandoffs, staffReply, staffReplyFile } from '../../src/handoff/service';
import { createOrganisation } from '../../src/organisations/service';
import { EXE, JPEG, PDF, tempUploads } from '../applications/helpers';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';
import { messageUpdate } from '../helpers/telegram';

/*
 * The optional Telegram staff group (issue #8): a forum topic per handoff, the person's messages and
 * dashboard replies mirrored into it, staff replies in the topic relayed to the person, /tutup closes.
 * Everything goes through the real webhook, the dispatcher and the Bot API stand-in.
 */

const GROUP = -1001234567890; // the default desk's group
const OTHER_GROUP = -1009876543210; // a group that is not a forum
const STRANGE_GROUP = -1005555555555; // a group no organisation chose
const PUBLIC_URL = 'https://jembatan.example.org';

let h: Harness;
let uploads: string;
let nextUpdateId = 900_000; // far from the person updates' ids: Telegram's ids are unique per bot
let nextMessageId = 50_000;

beforeAll(async () => {
  uploads = tempUploads();
  process.env.UPLOADS_DIR = uploads;
  h = await startHarness({ PUBLIC_URL });
  const desk = await createOrganisation(h.runtime.db, { name: 'Jembatan', slug: 'jembatan' });
  await setStaffGroup(h.runtime.db, desk.id, String(GROUP));
  await createOrganisation(h.runtime.db, { name: 'KOPRI PB PMII', slug: 'kopri-pb-pmii' });
  const blk = await createOrganisation(h.runtime.db, { name: 'BLK Semarang', slug: 'blk-semarang' });
  await setStaffGroup(h.runtime.db, blk.id, String(OTHER_GROUP));
  await loadCatalogue(h.runtime.db, [
    programme('jahit-kopri', {
      title: { id: 'Pelatihan Menjahit KOPRI' },
      field: 'menjahit',
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'kopri-pb-pmii' },
    }),
    programme('las-semarang', {
      title: { id: 'Pelatihan Las SMAW Semarang' },
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'blk-semarang' },
    }),
  ]);
});
afterAll(async () => {
  await h.close();
  rmSync(uploads, { recursive: true, force: true });
  delete process.env.UPLOADS_DIR;
});
beforeEach(() => h.api.reset());

/** Everything due now: outbox rows and staff group topics (what the dispatcher does every second). */
async function drain(): Promise<void> {
  await h.runtime.db
    .update(messages)
    .set({ availableAt: new Date(0) })
    .where(eq(messages.status, 'pending'));
  while ((await h.runtime.dispatcher.drainOnce()) > 0) {}
}

interface Staff {
  id: number;
  firstName: string;
  isBot?: boolean;
}
const ANI: Staff = { id: 700_001, firstName: 'Ani' };
const YOGA: Staff = { id: 700_002, firstName: 'Yoga' };

/** A message in a supergroup, in a forum topic when `thread` is given, as Telegram posts it. */
function groupUpdate(
  staff: Staff,
  text: string | Record<string, unknown>,
  options: { thread?: number; chat?: number } = {},
): Update {
  const content =
    typeof text === 'string'
      ? {
          text,
          ...(text.startsWith('/')
            ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] }
            : {}),
        }
      : text;
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: options.chat ?? GROUP, type: 'supergroup', title: 'Petugas Jembatan', is_forum: true },
      from: { id: staff.id, is_bot: staff.isBot ?? false, first_name: staff.firstName, language_code: 'id' },
      ...(options.thread ? { message_thread_id: options.thread, is_topic_message: true } : {}),
      ...content,
    },
  } as unknown as Update;
}

async function topicOf(handoffId: string) {
  const [topic] = await h.runtime.db
    .select()
    .from(staffGroupTopics)
    .where(eq(staffGroupTopics.handoffId, handoffId));
  return topic;
}

async function openHandoffOf(telegramId: number) {
  const [row] = await h.runtime.db
    .select({ handoff: handoffs })
    .from(handoffs)
    .innerJoin(identities, eq(identities.userId, handoffs.userId))
    .where(
      and(eq(identities.externalId, String(telegramId)), inArray(handoffs.status, ['waiting', 'active'])),
    );
  return row!.handoff;
}

/** Texts the bot posted into a topic. */
function topicTexts(thread: number): string[] {
  return h.api
    .inThread(GROUP, thread)
    .filter((c) => c.method === 'sendMessage')
    .map((c) => String(c.body.text));
}

describe('the Telegram staff group', () => {
  it('opens a topic per handoff, mirrors the conversation, relays staff once, and /tutup closes', async () => {
    const rina = conversation(h, { id: 98_001, firstName: 'Rina' });
    const asked = await rina.say('bicara dengan petugas');
    expect(asked.text).toMatch(/antrean petugas/);
    const handoff = await openHandoffOf(98_001);
    await drain();

    // A topic in the desk's group, named for the person and the channel, and the summary in it.
    const [created] = h.api.sent('createForumTopic');
    expect(String(created?.body.chat_id)).toBe(String(GROUP));
    expect(String(created?.body.name)).toMatch(/^Rina · Telegram · #[0-9A-F]{6}$/);
    const topic = await topicOf(handoff.id);
    expect(topic).toMatchObject({ step: 'open', chatId: String(GROUP) });
    const thread = topic!.threadId!;
    const [stored] = await h.runtime.db.select().from(handoffs).where(eq(handoffs.id, handoff.id));
    expect(stored!.staffThreadId).toBe(thread);
    const [summary] = topicTexts(thread);
    expect(summary).toContain('Peserta: Rina (Telegram)');
    expect(summary).toContain('Program: belum ada');
    expect(summary).toContain('Alasan: peserta meminta bicara dengan petugas');
    expect(summary).toMatch(/Jam layanan: Senin–Jumat 08\.00–16\.00 WIB/);
    expect(summary).toContain('• bicara dengan petugas');
    expect(summary).toContain(`${PUBLIC_URL}/admin/inbox/${handoff.id}`);
    expect(summary).toContain('/tutup');

    // The person writes: the bot stays silent, the group reads it in the topic.
    const before = rina.texts().length;
    await rina.say('halo kak, saya mau tanya magang jepang');
    await h.post(
      messageUpdate(rina.person, {
        photo: [{ file_id: 'AgADsertifikat-rina', file_unique_id: 'u-sert', width: 800, height: 600 }],
        caption: 'ini sertifikat saya',
      }),
    );
    expect(rina.texts()).toHaveLength(before);
    await drain();
    expect(topicTexts(thread)).toContain('Rina: halo kak, saya mau tanya magang jepang');
    const [photo] = h.api.inThread(GROUP, thread).filter((c) => c.method === 'sendPhoto');
    expect(photo?.body).toMatchObject({
      photo: 'AgADsertifikat-rina',
      caption: 'Rina: [foto] ini sertifikat saya',
    });

    // Nothing new: another pass posts nothing again.
    h.api.reset();
    await drain();
    expect(h.api.inThread(GROUP, thread)).toEqual([]);

    // Ani answers in the topic; Telegram delivers the update twice. One relay, one reaction, no echo.
    const answer = groupUpdate(ANI, 'Halo Rina, program magang Jepang buka bulan depan ya.', { thread });
    expect((await h.post(answer)).status).toBe(200);
    expect((await h.post(answer)).status).toBe(200);
    await drain();
    expect(
      rina.texts().filter((t) => t === 'Halo Rina, program magang Jepang buka bulan depan ya.'),
    ).toHaveLength(1);
    expect(h.api.sent('setMessageReaction')).toHaveLength(1);
    expect(topicTexts(thread)).toEqual([]);
    const [claimed] = await h.runtime.db.select().from(handoffs).where(eq(handoffs.id, handoff.id));
    expect(claimed).toMatchObject({ status: 'active', assignedTo: 'tg:700001' });
    expect(claimed!.firstResponseAt).not.toBeNull();

    // A reply from the dashboard reaches the person and is mirrored with the staff member's name.
    await staffReply(
      h.runtime.db,
      handoff.id,
      'jembatan',
      'member-budi',
      'Syaratnya minimal lulus SMA, Kak.',
      {
        author: 'Budi',
      },
    );
    await drain();
    expect(rina.texts().at(-1)).toBe('Syaratnya minimal lulus SMA, Kak.');
    expect(topicTexts(thread)).toEqual(['💬 Budi (dasbor): Syaratnya minimal lulus SMA, Kak.']);

    // Yoga sends a sticker: not relayed, and he is told why.
    await h.post(
      groupUpdate(
        YOGA,
        { sticker: { file_id: 'stk', file_unique_id: 'stk-u', type: 'regular' } },
        { thread },
      ),
    );
    expect(topicTexts(thread).at(-1)).toContain('Hanya pesan teks');

    // An anonymous admin writes as the group: not relayed (no one to credit), and told how to fix it.
    const anonymous = { id: 1_087_968_824, firstName: 'Group', isBot: true };
    const sentToRina = rina.texts().length;
    await h.post(
      groupUpdate(
        anonymous,
        {
          text: 'Rina, besok datang ke kantor ya',
          sender_chat: { id: GROUP, type: 'supergroup', title: 'Petugas' },
        },
        { thread },
      ),
    );
    await drain();
    expect(rina.texts()).toHaveLength(sentToRina);
    expect(topicTexts(thread).at(-1)).toContain('admin anonim');

    // /tutup@<bot> in the topic closes: the person gets the rating question, the topic a note and is closed.
    h.api.reset();
    await h.post(groupUpdate(ANI, '/tutup@jembatan_test_bot', { thread }));
    await drain();
    expect(rina.last().text).toContain('Seberapa puas');
    expect(topicTexts(thread)).toEqual([
      '✅ Kasus ditutup. Peserta diminta memberi penilaian dan kembali dilayani bot.',
    ]);
    expect(h.api.sent('closeForumTopic').map((c) => Number(c.body.message_thread_id))).toEqual([thread]);
    expect((await topicOf(handoff.id))?.step).toBe('done');
    const [closed] = await h.runtime.db.select().from(handoffs).where(eq(handoffs.id, handoff.id));
    expect(closed?.status).toBe('closed');

    // The bot is back; what Rina says now is not the group's.
    const rating = rina.last();
    h.api.reset();
    expect((await rina.press('5 😊', rating)).text).toContain('Terima kasih atas penilaianmu');
    expect((await rina.say('pelatihan menjahit')).text).toContain('Pelatihan Menjahit KOPRI');
    await drain();
    expect(h.api.inThread(GROUP, thread)).toEqual([]);

    // Writing in the closed topic relays nothing and says so.
    const texts = rina.texts().length;
    await h.post(groupUpdate(ANI, 'Rina, masih ada pertanyaan?', { thread }));
    await drain();
    expect(rina.texts()).toHaveLength(texts);
    expect(topicTexts(thread)).toEqual([
      'Kasus ini sudah ditutup, jadi pesan Anda tidak diteruskan ke peserta.',
    ]);
  });

  it('relays a photo or document posted in the topic once, and says why a file cannot go', async () => {
    const maya = conversation(h, { id: 98_006, firstName: 'Maya' });
    await maya.say('/petugas');
    await drain();
    const handoff = await openHandoffOf(98_006);
    const thread = (await topicOf(handoff.id))!.threadId!;
    h.api.reset();
    const downloads = h.api.fileDownloads;

    // Ani posts the registration form with a caption; Telegram delivers the update twice.
    h.api.addFile('BQACformulir-maya', PDF, 'documents/formulir-maya.pdf');
    const form = groupUpdate(
      ANI,
      {
        document: {
          file_id: 'BQACformulir-maya',
          file_unique_id: 'u-form',
          file_name: 'Formulir Pendaftaran.pdf',
          mime_type: 'application/pdf',
          file_size: PDF.byteLength,
        },
        caption: 'Ini formulirnya ya Maya, diisi lalu kirim balik.',
      },
      { thread },
    );
    expect((await h.post(form)).status).toBe(200);
    expect((await h.post(form)).status).toBe(200);
    await drain();
    const documents = h.api.sent('sendDocument', 98_006);
    expect(documents).toHaveLength(1);
    expect(documents[0]!.body.caption).toBe('Ini formulirnya ya Maya, diisi lalu kirim balik.');
    expect(documents[0]!.raw).toContain('filename=Formulir Pendaftaran.pdf');
    expect(documents[0]!.raw).toContain(new TextDecoder().decode(PDF));
    expect(h.api.fileDownloads - downloads).toBe(1); // the redelivery was not even downloaded
    expect(h.api.sent('setMessageReaction')).toHaveLength(1);
    expect(topicTexts(thread)).toEqual([]); // relayed, so nothing to explain and no echo
    const [row] = await h.runtime.db
      .select()
      .from(messages)
      .where(and(eq(messages.userId, handoff.userId), eq(messages.origin, 'staff')));
    expect(row!.body).toMatchObject({ type: 'file', author: 'Ani', via: 'staff-group' });
    expect(await openHandoffOf(98_006)).toMatchObject({ status: 'active', assignedTo: 'tg:700001' });

    // A photo goes as a photo.
    h.api.addFile('AgACbrosur-maya', JPEG, 'photos/brosur-maya.jpg');
    await h.post(
      groupUpdate(
        YOGA,
        {
          photo: [
            { file_id: 'AgACkecil', file_unique_id: 'u-k', width: 90, height: 60, file_size: 100 },
            {
              file_id: 'AgACbrosur-maya',
              file_unique_id: 'u-b',
              width: 1280,
              height: 800,
              file_size: JPEG.byteLength,
            },
          ],
        },
        { thread },
      ),
    );
    await drain();
    expect(h.api.sent('sendPhoto', 98_006)).toHaveLength(1);
    expect(h.api.sent('setMessageReaction')).toHaveLength(2);

    // Too large (by what Telegram says, so it is not downloaded) and not a type we send: told why.
    const before = h.api.fileDownloads;
    await h.post(
      groupUpdate(
        ANI,
        {
          document: {
            file_id: 'BQACvideo',
            file_unique_id: 'u-v',
            file_name: 'video-kelas.pdf',
            file_size: 6 * 1024 * 1024,
          },
        },
        { thread },
      ),
    );
    expect(h.api.fileDownloads).toBe(before);
    expect(topicTexts(thread).at(-1)).toBe(
      'Berkas ini terlalu besar (6.0 MB), paling besar 5 MB. Perkecil atau kompres dulu, lalu kirim lagi. Berkas ini tidak terkirim ke peserta.',
    );
    h.api.addFile('BQACprogram', EXE, 'documents/setup.exe');
    await h.post(
      groupUpdate(
        ANI,
        {
          document: {
            file_id: 'BQACprogram',
            file_unique_id: 'u-x',
            file_name: 'jadwal.pdf',
            file_size: EXE.length,
          },
        },
        { thread },
      ),
    );
    expect(topicTexts(thread).at(-1)).toContain('Jenis berkas ini tidak bisa dikirim ke peserta.');
    await drain();
    expect(h.api.sent('sendDocument', 98_006)).toHaveLength(1);
    expect(h.api.sent('setMessageReaction')).toHaveLength(2);

    // A file sent from the dashboard is named in the topic (the file itself stays in the dashboard).
    await staffReplyFile(
      h.runtime.db,
      h.runtime.applications.storage,
      handoff.id,
      'jembatan',
      'member-budi',
      { data: PDF, fileName: 'jadwal.pdf' },
      'Jadwal minggu depan',
      { author: 'Budi' },
    );
    await drain();
    expect(topicTexts(thread).at(-1)).toBe(
      '💬 Budi (dasbor): [dokumen] jadwal.pdf — Jadwal minggu depan (berkas ada di dasbor)',
    );
    expect(h.api.sent('sendDocument', 98_006)).toHaveLength(2);
  });

  it('never treats the group as a person: chatter outside topics is explained once, other groups ignored', async () => {
    const people = async () => (await h.runtime.db.select({ id: users.id }).from(users)).length;
    const peopleBefore = await people();
    const [{ n: logged }] = rowsOf<{ n: number }>(
      await h.runtime.db.execute(sql`select count(*)::int as n from messages`),
    ) as [{ n: number }];

    await h.post(groupUpdate(YOGA, 'teman-teman, rapat evaluasi jam 2 ya'));
    await h.post(groupUpdate(ANI, 'siap mas'));
    await h.post(groupUpdate(ANI, '/start'));
    await h.post(groupUpdate(ANI, '/tutup@bot_lain', { thread: 9_999 }));
    await h.post(groupUpdate(ANI, 'halo bot', { chat: STRANGE_GROUP }));
    await h.post(groupUpdate({ id: 4243, firstName: 'Bot Lain', isBot: true }, 'ping', { thread: 9_999 }));
    await drain();

    // One explanation in the general topic (not one per message), none elsewhere.
    const explained = h.api.sent('sendMessage', GROUP);
    expect(explained.map((c) => String(c.body.text))).toEqual([
      'Pesan di sini tidak diteruskan ke peserta. Untuk menjawab peserta, tulis di topik milik peserta tersebut.',
    ]);
    expect(h.api.sent('sendMessage', STRANGE_GROUP)).toEqual([]);
    // No person, identity, conversation or message came out of any of it.
    expect(await people()).toBe(peopleBefore);
    const staffIds = ['700001', '700002', String(GROUP), String(STRANGE_GROUP)];
    expect(
      await h.runtime.db.select().from(identities).where(inArray(identities.externalId, staffIds)),
    ).toEqual([]);
    const [{ n: after }] = rowsOf<{ n: number }>(
      await h.runtime.db.execute(sql`select count(*)::int as n from messages`),
    ) as [{ n: number }];
    expect(after).toBe(logged);
  });

  it('changes nothing for an organisation without a group', async () => {
    const budi = conversation(h, { id: 98_002, firstName: 'Budi' });
    await budi.say('/start p_jahit-kopri');
    await budi.press('🙋 Petugas');
    await budi.say('kak, kelas menjahitnya hari apa saja?');
    await drain();
    const [queued] = await listHandoffs(h.runtime.db, 'kopri-pb-pmii');
    expect(queued).toBeDefined();
    expect(await topicOf(queued!.id)).toBeUndefined();
    const groupCalls = h.api.calls.filter((c) => String(c.body.chat_id ?? '').startsWith('-100'));
    expect(groupCalls).toEqual([]);
    expect(h.api.sent('createForumTopic')).toEqual([]);
    await closeHandoff(h.runtime.db, queued!.id, 'kopri-pb-pmii');
    await drain();
    expect(budi.last().text).toContain('Seberapa puas');
  });

  it('gives up on a group that is not a forum, and the person is still answered from the dashboard', async () => {
    h.api.behaviour = (call) =>
      call.method === 'createForumTopic' && String(call.body.chat_id) === String(OTHER_GROUP)
        ? {
            status: 400,
            body: { ok: false, error_code: 400, description: 'Bad Request: the chat is not a forum' },
          }
        : undefined;
    const dewi = conversation(h, { id: 98_003, firstName: 'Dewi' });
    await dewi.say('/start p_las-semarang');
    await dewi.press('🙋 Petugas');
    await drain();
    const handoff = await openHandoffOf(98_003);
    expect(handoff.organisation).toBe('blk-semarang');
    expect(await topicOf(handoff.id)).toMatchObject({ step: 'gave_up', threadId: null });
    expect(h.api.sent('sendMessage', OTHER_GROUP)).toEqual([]);

    await dewi.say('pak, pelatihan las ini ada uang sakunya?');
    await staffReply(h.runtime.db, handoff.id, 'blk-semarang', 'member-sri', 'Ada, Rp500.000 per bulan.');
    await drain();
    expect(dewi.last().text).toBe('Ada, Rp500.000 per bulan.');
    expect(h.api.sent('createForumTopic')).toHaveLength(1); // not retried
  });

  it('retries a failed post later without posting twice, and never delays the person', async () => {
    let failing = true;
    h.api.behaviour = (call) =>
      failing && call.method === 'sendMessage' && String(call.body.chat_id) === String(GROUP)
        ? { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } }
        : undefined;
    const sari = conversation(h, { id: 98_004, firstName: 'Sari' });
    expect((await sari.say('mau ngobrol sama admin')).text).toMatch(/antrean petugas/);
    await sari.say('kak saya lulusan smk tata busana');
    await drain();
    const handoff = await openHandoffOf(98_004);
    const topic = await topicOf(handoff.id);
    expect(topic).toMatchObject({ step: 'summary', attempts: 1 });
    expect(topic!.availableAt.getTime()).toBeGreaterThan(Date.now());

    // The failed attempt reached the stand-in; from here on only what got through counts.
    failing = false;
    h.api.reset();
    await h.runtime.db
      .update(staffGroupTopics)
      .set({ availableAt: new Date(0) })
      .where(eq(staffGroupTopics.id, topic!.id));
    await drain();
    await drain();
    const texts = topicTexts(topic!.threadId!);
    expect(texts.filter((t) => t.startsWith('🙋 Permintaan bicara dengan petugas'))).toHaveLength(1);
    expect(texts.filter((t) => t === 'Sari: kak saya lulusan smk tata busana')).toHaveLength(1);
    expect(h.api.sent('createForumTopic')).toEqual([]); // the topic was made before the failure
    expect(await topicOf(handoff.id)).toMatchObject({ step: 'open', attempts: 0, error: null });
  });

  it('notes a cancellation, and deletes the topic when the person erases their data', async () => {
    const wulan = conversation(h, { id: 98_005, firstName: 'Wulan' });
    await wulan.say('/petugas');
    await drain();
    const handoff = await openHandoffOf(98_005);
    const thread = (await topicOf(handoff.id))!.threadId!;
    expect((await wulan.say('batal')).text).toContain('dibatalkan');
    await drain();
    expect(topicTexts(thread).at(-1)).toBe(
      '↩️ Peserta membatalkan permintaan dan kembali ke bot. Kasus ditutup.',
    );
    expect(h.api.sent('closeForumTopic').map((c) => Number(c.body.message_thread_id))).toContain(thread);

    await wulan.say('/hapus_data');
    await wulan.say('ya hapus');
    await h.runtime.marker.flush();
    expect((await h.runtime.privacy.tick()).finished).toBe(1);
    await drain();
    expect(h.api.sent('deleteForumTopic').map((c) => Number(c.body.message_thread_id))).toEqual([thread]);
    expect(
      await h.runtime.db.select().from(staffGroupTopics).where(eq(staffGroupTopics.threadId, thread)),
    ).toEqual([]);
    expect(
      await h.runtime.db.select().from(conversations).where(eq(conversations.handoffId, handoff.id)),
    ).toEqual([]);
  });
});
