import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { submitApplication } from '../../src/applications/status';
import type { Db } from '../../src/db/client';
import { applications, identities, messages, programmes } from '../../src/db/schema';
import { conversation, type Reply } from '../helpers/conversation';
import type { Harness } from '../helpers/harness';
import { messageUpdate } from '../helpers/telegram';

/** A minimal JPEG (the magic bytes are what is checked), a PDF, and a Windows program. */
export const JPEG = new Uint8Array([
  0xff,
  0xd8,
  0xff,
  0xe0,
  0x00,
  0x10,
  0x4a,
  0x46,
  0x49,
  0x46,
  ...new Array(200).fill(7),
]);
export const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n',
);
export const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, ...new Array(300).fill(0)]);

export function tempUploads(): string {
  return mkdtempSync(join(tmpdir(), 'jembatan-uploads-'));
}

let nextFile = 1;

/** dd-mm-yyyy of the day `years` years and `days` days ago. */
export function bornAgo(years: number, days = 0): { text: string; date: Date } {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  const text = `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
  return { text, date: d };
}

/** A NIK for someone born on `date` (day + 40 for women), in Surabaya (35.78). */
export function nikFor(date: Date, female: boolean, serial = '0001', province = '35'): string {
  const day = date.getUTCDate() + (female ? 40 : 0);
  return `${province}7801${String(day).padStart(2, '0')}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCFullYear() % 100).padStart(2, '0')}${serial}`;
}

/** One Telegram person applying through the webhook: typing, tapping, and sending files and contacts. */
export function applicant(h: Harness, person: { id: number; firstName?: string; languageCode?: string }) {
  const c = conversation(h, person);
  const send = async (extra: Record<string, unknown>): Promise<Reply> => {
    await h.post(messageUpdate(person, extra));
    return c.last();
  };
  return {
    ...c,
    /** Sends a photo whose bytes the Bot API stand-in serves through getFile. */
    photo(data: Uint8Array = JPEG): Promise<Reply> {
      const id = `photo-${person.id}-${nextFile++}`;
      h.api.addFile(id, data, `photos/${id}.jpg`);
      return send({
        photo: [
          { file_id: `${id}-small`, file_unique_id: `${id}-s`, width: 90, height: 60, file_size: 100 },
          { file_id: id, file_unique_id: `${id}-u`, width: 1280, height: 800, file_size: data.byteLength },
        ],
      });
    },
    document(data: Uint8Array, fileName: string, mimeType = 'application/pdf'): Promise<Reply> {
      const id = `doc-${person.id}-${nextFile++}`;
      h.api.addFile(id, data, `documents/${id}`);
      return send({
        document: {
          file_id: id,
          file_unique_id: `${id}-u`,
          file_name: fileName,
          mime_type: mimeType,
          file_size: data.byteLength,
        },
      });
    },
    sticker(): Promise<Reply> {
      return send({
        sticker: {
          file_id: `sticker-${nextFile++}`,
          file_unique_id: 'st',
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
        },
      });
    },
    shareContact(phone: string, own = true): Promise<Reply> {
      return send({
        contact: {
          phone_number: phone,
          first_name: person.firstName ?? 'Sari',
          user_id: own ? person.id : 999,
        },
      });
    },
  };
}

export type Applicant = ReturnType<typeof applicant>;

export interface ProfileAnswers {
  birth: string;
  gender: string;
  place: string;
  education: string;
  graduation: string;
  activity?: string;
}

/** Answers the consent and profile questions in whatever order the bot asks them. */
export async function answerProfile(a: Applicant, answers: ProfileAnswers): Promise<Reply> {
  let reply = a.last();
  for (let turn = 0; turn < 12; turn++) {
    const text = reply.text;
    if (text.includes('Apakah kamu setuju')) reply = await a.press('✅ Setuju', reply);
    else if (text.includes('tanggal lahirmu')) reply = await a.say(answers.birth);
    else if (text.includes('jenis kelaminmu')) reply = await a.say(answers.gender);
    else if (text.includes('kabupaten/kota mana')) reply = await a.say(answers.place);
    else if (text.includes('pendidikan terakhir')) reply = await a.say(answers.education);
    else if (text.includes('Tahun berapa kamu lulus')) reply = await a.say(answers.graduation);
    else if (text.includes('kegiatanmu sekarang')) reply = await a.say(answers.activity ?? 'tidak bekerja');
    else return reply;
  }
  throw new Error(`profile questions did not end: ${reply.text}`);
}

/** The person's user id. */
export async function userIdOf(h: Harness, telegramId: number): Promise<string> {
  const [row] = await h.runtime.db
    .select({ userId: identities.userId })
    .from(identities)
    .where(eq(identities.externalId, String(telegramId)));
  if (!row) throw new Error('no such person');
  return row.userId;
}

/** Sends what is waiting in the outbox (notices), as the running server's dispatcher would. */
export async function drainOutbox(h: Harness): Promise<void> {
  await h.runtime.db
    .update(messages)
    .set({ availableAt: new Date(0) })
    .where(eq(messages.status, 'pending'));
  while ((await h.runtime.dispatcher.drainOnce()) > 0) {}
}

export interface FillOptions {
  slug: string;
  profile: ProfileAnswers;
  name: string;
  nik: string;
  phone: string;
  /** Answers to programme questions, by a phrase of the question. */
  questions?: Record<string, string>;
}

/** From the programme's card to the review screen: profile, form, a photo for every document. */
export async function fillApplication(a: Applicant, o: FillOptions): Promise<Reply> {
  await a.say(`/start p_${o.slug}`);
  let reply = await a.press('📝 Daftar');
  reply = await answerProfile(a, o.profile);
  for (let turn = 0; turn < 16; turn++) {
    const text = reply.text;
    const question = Object.entries(o.questions ?? {}).find(([phrase]) => text.includes(phrase));
    if (question) reply = await a.say(question[1]);
    else if (text.includes('nama lengkapmu')) reply = await a.say(o.name);
    else if (text.includes('Berapa NIK-mu')) reply = await a.say(o.nik);
    else if (text.includes('Nomor HP/WhatsApp')) reply = await a.shareContact(o.phone);
    else if (text.includes('Alamat email')) reply = await a.press('Lewati', reply);
    else if (text.includes('Alamat tempat tinggalmu'))
      reply = await a.say('Jl. Mawar No. 1 RT 01/RW 02, Surabaya');
    else if (text.includes('jurusanmu')) reply = await a.say('IPA');
    else if (text.includes('Dokumen ')) reply = await a.photo();
    else if (text.includes('Periksa lagi lamaranmu')) return reply;
    else throw new Error(`unexpected question: ${text}`);
  }
  throw new Error(`form did not end: ${reply.text}`);
}

/**
 * An application submitted straight through the service (no chat), as the dashboard's fixtures need:
 * a woman from Jawa Timur, 20, on Telegram. Returns its id.
 */
export async function submittedApplication(
  db: Db,
  o: { userId: string; programme: string; fullName: string; phone: string },
): Promise<string> {
  const [prog] = await db.select().from(programmes).where(eq(programmes.slug, o.programme));
  const [draft] = await db
    .insert(applications)
    .values({
      userId: o.userId,
      programmeId: prog!.id,
      fullName: o.fullName,
      phone: o.phone,
      channel: 'telegram',
    })
    .returning({ id: applications.id });
  await db.transaction((tx) =>
    submitApplication(tx, {
      applicationId: draft!.id,
      programmeId: prog!.id,
      applicant: { gender: 'perempuan', domicileProvince: '35', answers: {} },
      stats: { gender: 'perempuan', province: '35', age: 20 },
    }),
  );
  return draft!.id;
}
