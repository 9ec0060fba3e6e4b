import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runApplicationsCli } from '../../src/applications/cli';
import {
  applicationDocuments,
  applicationEvents,
  applications,
  messages,
  profiles,
  programmeInterests,
} from '../../src/db/schema';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';
import { t, tPattern } from '../helpers/i18n';
import {
  answerProfile,
  applicant,
  bornAgo,
  drainOutbox,
  EXE,
  JPEG,
  nikFor,
  PDF,
  tempUploads,
  userIdOf,
} from './helpers';

let h: Harness;
let uploads: string;
let nextPerson = 95_000;
const person = (firstName = 'Sari') => ({ id: nextPerson++, firstName });

const CATALOGUE = [
  programme('magang-las', {
    kind: 'magang',
    title: { id: 'Magang Las Surabaya' },
    seats: { total: 10, women: 3 },
    eligibility: {
      age: { min: 18, max: 35 },
      education: { min: 'SMP' },
      questions: [
        {
          id: 'bersedia',
          ask: { id: 'Apakah kamu bersedia ditempatkan di luar kota?' },
          type: 'yes_no',
          require: true,
        },
      ],
    },
    application: { mode: 'in_chat', documents: ['ktp', 'ijazah'], organisation: 'kopri-pb-pmii' },
  }),
  programme('daftar-luar', {
    title: { id: 'Pelatihan Daftar di Situs' },
    application: { mode: 'external', url: 'https://example.org/daftar' },
  }),
  programme('muda-saja', {
    title: { id: 'Pelatihan Khusus Usia Muda' },
    eligibility: { age: { min: 18, max: 20 }, education: { min: 'SMP' } },
  }),
];

beforeAll(async () => {
  uploads = tempUploads();
  process.env.UPLOADS_DIR = uploads;
  h = await startHarness();
  await loadCatalogue(h.runtime.db, CATALOGUE);
});
afterAll(async () => {
  await h.close();
  rmSync(uploads, { recursive: true, force: true });
});
beforeEach(() => h.api.reset());

const born = bornAgo(23, 40);
const PROFILE = {
  birth: born.text,
  gender: 'perempuan',
  place: 'Kota Surabaya',
  education: 'SMK',
  graduation: String(new Date().getUTCFullYear() - 4),
};

describe('applying inside the chat (Telegram webhook)', () => {
  it('finds a programme, qualifies, applies with NIK, contact, KTP photo and PDF ijazah, edits, submits, gets a reference and a status notice', async () => {
    const sari = applicant(h, person('Sari'));
    // She finds it by asking in her own words, and opens it from the results.
    let reply = await sari.say('ada magang las di surabaya gak kak?');
    const line = /(\d+)\. Magang Las Surabaya/.exec(reply.text);
    expect(line).not.toBeNull();
    reply = await sari.press(line![1]!, reply);
    expect(reply.text).toContain('📌 Magang Las Surabaya');
    reply = await sari.press('📝 Daftar', reply);
    expect(reply.text).toContain('Apakah kamu setuju');
    reply = await answerProfile(sari, PROFILE);
    // The programme's own question comes with the profile, once.
    expect(reply.text).toContain('bersedia ditempatkan di luar kota');
    reply = await sari.say('ya');
    // The verdict comes first, then what the form will ask.
    const intro = sari.texts().find((text) => tPattern('applications:apply.intro').test(text));
    expect(intro?.startsWith(t('eligibility:flow.outcome.eligible', { title: 'Magang Las Surabaya' }))).toBe(
      true,
    );
    expect(reply.text).toContain(t('applications:ask.fullName'));
    reply = await sari.say('Sari Dewi Lestari');
    expect(reply.text).toContain(t('applications:ask.nik'));

    // An invalid NIK, a sticker, a NIK of another birthday: each explained, the question asked again.
    const nik = nikFor(born.date, true);
    reply = await sari.say('1234 5678');
    const texts = () => sari.texts().slice(-2).join('\n');
    expect(texts()).toContain('NIK harus 16 angka; yang kamu tulis 8 angka');
    expect(reply.text).toContain(t('applications:ask.nik'));
    reply = await sari.sticker();
    expect(texts()).toContain(t('applications:nonText.sticker'));
    expect(reply.text).toContain(t('applications:ask.nik'));
    const otherDay = `${nik.slice(0, 6)}${String(Number(nik.slice(6, 8)) + 1).padStart(2, '0')}${nik.slice(8)}`;
    reply = await sari.say(otherDay);
    const dd = String(born.date.getUTCDate()).padStart(2, '0');
    const mm = String(born.date.getUTCMonth() + 1).padStart(2, '0');
    const yy = String(born.date.getUTCFullYear() % 100).padStart(2, '0');
    expect(texts()).toContain(
      `Tanggal lahir di NIK ${String(born.date.getUTCDate() + 1).padStart(2, '0')}-${mm}-${yy} tidak sama dengan tanggal lahirmu ${dd}-${mm}-${born.date.getUTCFullYear()}`,
    );
    // From the second miss on, a person is offered.
    expect(texts()).toContain(t('applications:needHelp'));
    reply = await sari.say(`${nik.slice(0, 4)} ${nik.slice(4, 8)}.${nik.slice(8, 12)} ${nik.slice(12)}`);
    expect(texts()).toContain(`✓ NIK ${nik.slice(0, 4)}********${nik.slice(12)} tersimpan`);

    // Phone: Telegram's contact button, on a reply keyboard, with its label from the locale.
    expect(reply.text).toContain(t('applications:ask.phone'));
    const phoneMessage = h.api.sent('sendMessage', sari.person.id).at(-1)!;
    const keyboard = (phoneMessage.body.reply_markup as { keyboard: Array<Array<Record<string, unknown>>> })
      .keyboard;
    expect(keyboard[0]![0]).toMatchObject({ text: '📱 Bagikan nomor HP', request_contact: true });
    reply = await sari.shareContact('6281234567890');
    expect(texts()).toContain('✓ Nomor HP: +62 812 3456 7890');
    expect(reply.text).toContain(t('applications:ask.email'));
    reply = await sari.press('Lewati', reply);
    expect(reply.text).toContain(t('applications:ask.address'));
    reply = await sari.say('Jl. Melati No. 5 RT 02/RW 03, Ketintang, Gayungan, Surabaya');
    expect(reply.text).toMatch(tPattern('applications:ask.major'));
    reply = await sari.say('Teknik Pengelasan');

    // Documents: a program renamed .pdf is refused by its content; a photo and a PDF are taken.
    expect(reply.text).toContain('Dokumen 1 dari 2');
    expect(reply.text).toContain('KTP');
    reply = await sari.document(EXE, 'ktp.pdf');
    expect(texts()).toContain('Nama filenya berakhiran .pdf, tapi isinya bukan foto atau PDF');
    expect(reply.text).toContain('Dokumen 1 dari 2');
    // Asked at the document itself: how to send it later, and a person for a substitute.
    reply = await sari.say('ktp aku lagi diurus, blm jadi. pake suket dukcapil bisa ga kak?');
    expect(texts()).toContain(t('form.documentNotYet', { document: 'KTP' }));
    expect(reply.text).toContain('Dokumen 1 dari 2');
    reply = await sari.photo(JPEG);
    expect(texts()).toContain('✓ KTP diterima (foto)');
    expect(reply.text).toContain('Dokumen 2 dari 2');
    reply = await sari.document(PDF, 'ijazah.pdf');
    expect(texts()).toContain('✓ Ijazah terakhir diterima (PDF)');

    // Review: every answer, the NIK masked; change the name; send.
    expect(reply.text).toMatch(tPattern('applications:review.text'));
    expect(reply.text).toContain('1. Nama lengkap: Sari Dewi Lestari');
    expect(reply.text).toContain(`NIK: ${nik.slice(0, 4)}********${nik.slice(12)}`);
    expect(reply.text).toContain('No. HP: +62 812 3456 7890');
    expect(reply.text).toContain('Email: — (dilewati)');
    expect(reply.text).toContain('SMA/SMK/MA, jurusan Teknik Pengelasan');
    expect(reply.text).toContain('bersedia ditempatkan di luar kota?: Ya');
    expect(reply.text).toMatch(/KTP: ✓ foto/);
    expect(reply.text).toMatch(/Ijazah terakhir: ✓ PDF/);
    reply = await sari.press('1', reply);
    expect(reply.text).toContain(t('applications:ask.fullName'));
    reply = await sari.say('Sari Dewi');
    expect(reply.text).toContain('1. Nama lengkap: Sari Dewi\n');
    reply = await sari.press('✅ Kirim lamaran', reply);
    const sent = sari.texts().find((text) => tPattern('applications:submitted.ok').test(text))!;
    const reference = /JMB-\d{4}-\d{6}/.exec(sent)?.[0];
    expect(reference).toMatch(new RegExp(`^JMB-${new Date().getUTCFullYear()}-\\d{6}$`));
    expect(sent).toContain(t('applications:submitted.womenSeat'));
    expect(sent).toContain('Lamaran saya');

    // Stored: the NIK only encrypted, documents named by kind, never the NIK in any message.
    const [row] = await h.runtime.db
      .select()
      .from(applications)
      .where(eq(applications.reference, reference!));
    expect(row).toMatchObject({
      status: 'diajukan',
      seat: 'women',
      fullName: 'Sari Dewi',
      phone: '+6281234567890',
    });
    expect(row!.nikCipher).not.toContain(nik);
    expect(h.runtime.applications.cipher.decrypt(row!.nikCipher!)).toBe(nik);
    const docs = await h.runtime.db
      .select()
      .from(applicationDocuments)
      .where(eq(applicationDocuments.applicationId, row!.id));
    expect(docs.map((d) => d.storageKey).sort()).toEqual([`${row!.id}/ijazah.pdf`, `${row!.id}/ktp.jpg`]);
    expect(readFileSync(join(uploads, row!.id, 'ktp.jpg'))).toEqual(Buffer.from(JPEG));
    expect(existsSync(join(uploads, row!.id, 'ijazah.pdf'))).toBe(true);
    const leaked = await h.runtime.db
      .select({ id: messages.id })
      .from(messages)
      .where(sql`${messages.body}::text like ${`%${nik.slice(4, 12)}%`}`);
    expect(leaked).toEqual([]);

    // A status change by staff (the CLI) reaches her, in her language, with the next steps.
    h.api.reset();
    const out: string[] = [];
    const code = await runApplicationsCli(
      h.runtime.db,
      ['set-status', reference!, 'wawancara', '--date', '2026-12-07 09:00', '--place', 'BLK Surabaya'],
      (line) => out.push(line),
    );
    expect(code).toBe(0);
    expect(out.join('\n')).toContain(`${reference}: diajukan → wawancara`);
    await drainOutbox(h);
    const notice = sari.texts().at(-1)!;
    expect(notice).toContain(`Kabar lamaran ${reference}`);
    expect(notice).toContain('Undangan wawancara');
    expect(notice).toContain('Senin, 7 Desember 2026 pukul 09.00 WIB');
    expect(notice).toContain('BLK Surabaya');
    const trail = await h.runtime.db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, row!.id));
    expect(trail.map((e) => `${e.fromStatus}>${e.toStatus}:${e.actor}`)).toEqual([
      'draft>diajukan:person',
      'diajukan>wawancara:staff:cli',
    ]);

    // "Lamaran saya" lists it with its status; opening it shows the interview and next steps.
    reply = await sari.say('status lamaranku gmn');
    expect(reply.text).toContain('Lamaran saya (1)');
    expect(reply.text).toContain(`Undangan wawancara · ${reference}`);
    reply = await sari.press('1', reply);
    expect(reply.text).toContain(`Nomor: ${reference}`);
    expect(reply.text).toContain('Datang 15 menit lebih awal');
    expect(reply.buttons.map((b) => b.text)).toContain('↩️ Tarik lamaran');

    // Applying again to the same programme shows the application instead of a second form.
    await sari.say('/start p_magang-las');
    reply = await sari.press('📝 Daftar');
    expect(sari.texts().at(-2)).toContain(
      `Kamu sudah mengirim lamaran untuk "Magang Las Surabaya" (nomor ${reference})`,
    );
    expect(reply.text).toContain(`Nomor: ${reference}`);
  });

  it('takes the birth date from the NIK when only an age was said, and says so', async () => {
    const tini = applicant(h, person('Tini'));
    await tini.say('/start p_magang-las');
    await tini.press('📝 Daftar');
    let reply = await answerProfile(tini, { ...PROFILE, birth: 'umurku 23 tahun' });
    if (reply.text.includes('bersedia ditempatkan')) reply = await tini.say('ya');
    expect(reply.text).toContain(t('applications:ask.fullName'));
    await tini.say('Tini Handayani');
    reply = await tini.say(nikFor(born.date, true));
    const day = `${String(born.date.getUTCDate()).padStart(2, '0')}-${String(born.date.getUTCMonth() + 1).padStart(2, '0')}-${born.date.getUTCFullYear()}`;
    expect(tini.texts().join('\n')).toContain(t('applications:ack.birthFromNik', { date: day }));
    const userId = await userIdOf(h, tini.person.id);
    const [row] = await h.runtime.db
      .select({ data: profiles.data })
      .from(profiles)
      .where(eq(profiles.userId, userId));
    expect(row?.data.birthDateApproximate).toBe(false);
    expect(row?.data.birthDate).toBe(born.date.toISOString().slice(0, 10));
  });

  it('checks eligibility first: a person over the age limit is told why and offered alternatives, not a form', async () => {
    const budi = applicant(h, person('Budi'));
    await budi.say('/start p_muda-saja');
    await budi.press('📝 Daftar');
    const reply = await answerProfile(budi, { ...PROFILE, gender: 'laki-laki' });
    expect(budi.texts().at(-2)).toMatch(tPattern('applications:apply.notEligible'));
    expect(reply.text).toContain('❌');
    expect(reply.text).toMatch(/Usia 18–20 tahun/);
    expect(reply.text).not.toContain(t('applications:ask.fullName'));
    const userId = await userIdOf(h, budi.person.id);
    expect(await h.runtime.db.select().from(applications).where(eq(applications.userId, userId))).toEqual([]);
  });

  it('sends the person to the organiser’s site for an external programme and records the interest', async () => {
    const dewi = applicant(h, person('Dewi'));
    await dewi.say('/start p_daftar-luar');
    const reply = await dewi.press('📝 Daftar');
    expect(dewi.texts().some((text) => text.includes('https://example.org/daftar'))).toBe(true);
    expect(reply.text).toContain('📌 Pelatihan Daftar di Situs');
    await dewi.press('📝 Daftar', reply);
    const userId = await userIdOf(h, dewi.person.id);
    const interests = await h.runtime.db
      .select()
      .from(programmeInterests)
      .where(eq(programmeInterests.userId, userId));
    expect(interests).toHaveLength(1);
    expect(interests[0]!.clicks).toBe(2);
  });

  it('keeps answers when the person leaves, offers "lanjutkan atau mulai ulang", and asks before "batal" throws anything away', async () => {
    const rina = applicant(h, person('Rina'));
    await rina.say('/start p_magang-las');
    await rina.press('📝 Daftar');
    await answerProfile(rina, PROFILE);
    await rina.say('ya');
    await rina.say('Rina Kartika');
    // She leaves mid-form…
    let reply = await rina.say('menu');
    expect(reply.text).toContain(t('menu.prompt'));
    // …and comes back later through the card.
    await rina.say('/start p_magang-las');
    reply = await rina.press('📝 Daftar');
    expect(reply.text).toMatch(tPattern('applications:resume.ask'));
    expect(reply.text).toContain('"Magang Las Surabaya" (terisi 1 dari');
    reply = await rina.press('▶️ Lanjutkan', reply);
    expect(reply.text).toContain(t('applications:ask.nik'));

    // "batal" asks first; going back re-asks the same question.
    reply = await rina.say('batal');
    expect(reply.text).toContain(t('applications:cancel.ask'));
    reply = await rina.press('↩️ Lanjut mengisi', reply);
    expect(reply.text).toContain(t('applications:ask.nik'));
    // "batal" twice leaves, keeping the draft: nothing loops.
    await rina.say('batal');
    reply = await rina.say('batal');
    expect(reply.text).toContain(t('applications:cancel.kept'));
    const userId = await userIdOf(h, rina.person.id);
    const [draft] = await h.runtime.db.select().from(applications).where(eq(applications.userId, userId));
    expect(draft).toMatchObject({ status: 'draft', fullName: 'Rina Kartika' });

    // "Lamaran saya" shows the draft; starting over deletes it and asks from the beginning.
    reply = await rina.press('📄 Lamaran saya', reply);
    expect(reply.text).toContain('Draf — belum dikirim');
    reply = await rina.press('1', reply);
    expect(reply.text).toContain('Mau lanjutkan atau mulai ulang?');
    reply = await rina.press('🔄 Mulai ulang', reply);
    expect(reply.text).toContain(t('applications:ask.fullName'));
    const drafts = await h.runtime.db.select().from(applications).where(eq(applications.userId, userId));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.id).not.toBe(draft!.id);
    expect(drafts[0]!.fullName).toBeNull();

    // And the delete option on the cancel question removes the draft for good.
    await rina.say('batal');
    reply = await rina.press('🗑️ Hapus draf');
    expect(reply.text).toContain(t('applications:cancel.discarded'));
    expect(await h.runtime.db.select().from(applications).where(eq(applications.userId, userId))).toEqual([]);
  });

  it('refuses wrong answers with a helpful message and keeps the rest', async () => {
    const ayu = applicant(h, person('Ayu'));
    await ayu.say('/start p_magang-las');
    await ayu.press('📝 Daftar');
    await answerProfile(ayu, PROFILE);
    let reply = await ayu.say('ya');
    reply = await ayu.say('Ayu 123');
    expect(ayu.texts().at(-2)).toContain('Nama tidak boleh berisi angka');
    reply = await ayu.say('Ayu Lestari');
    reply = await ayu.say('9978015708030001');
    expect(ayu.texts().at(-2)).toContain('Dua angka pertama NIK (99) bukan kode provinsi');
    const nik = nikFor(born.date, true, '0002');
    reply = await ayu.say(nik);
    // A photo where the phone number is expected (documents come at the end: said so), then a landline,
    // then a good number typed.
    reply = await ayu.photo();
    expect(ayu.texts().at(-2)).toContain('dokumen baru diminta di bagian akhir');
    reply = await ayu.say('031 5551234');
    expect(ayu.texts().at(-2)).toContain('nomor telepon rumah/kantor');
    reply = await ayu.say('0812-9876-5432');
    expect(ayu.texts().at(-2)).toContain('✓ Nomor HP: +62 812 9876 5432');
    reply = await ayu.say('ayu@gmail');
    expect(ayu.texts().at(-2)).toContain('Alamat email itu belum benar');
    reply = await ayu.say('Ayu.Lestari@GMAIL.com');
    expect(reply.text).toContain(t('applications:ask.address'));
    reply = await ayu.say('Surabaya');
    expect(ayu.texts().at(-2)).toContain('Alamatnya terlalu singkat');
    const userId = await userIdOf(h, ayu.person.id);
    const [draft] = await h.runtime.db.select().from(applications).where(eq(applications.userId, userId));
    expect(draft).toMatchObject({
      fullName: 'Ayu Lestari',
      phone: '+6281298765432',
      email: 'Ayu.Lestari@gmail.com',
      address: null,
    });
  });
});
