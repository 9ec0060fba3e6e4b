import { rmSync } from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { changeStatus, submitApplication } from '../../src/applications/status';
import { applications, programmeSeats, programmes, users } from '../../src/db/schema';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';
import { callbackUpdate } from '../helpers/telegram';
import {
  applicant,
  bornAgo,
  drainOutbox,
  fillApplication,
  nikFor,
  type ProfileAnswers,
  tempUploads,
  userIdOf,
} from './helpers';

let h: Harness;
let nextPerson = 96_000;
let nextSerial = 1;

const IN_CHAT = { mode: 'in_chat', documents: ['ktp'], organisation: 'kopri-pb-pmii' };
const CATALOGUE = [
  programme('satu-kursi', {
    title: { id: 'Pelatihan Satu Kursi' },
    seats: { total: 1 },
    application: IN_CHAT,
  }),
  programme('kuota-wanita', {
    title: { id: 'Pelatihan Kuota Perempuan' },
    seats: { total: 3, women: 1 },
    application: IN_CHAT,
  }),
  programme('rebutan', { title: { id: 'Pelatihan Rebutan' }, seats: { total: 1 }, application: IN_CHAT }),
  programme('banyak', {
    title: { id: 'Pelatihan Banyak Peminat' },
    seats: { total: 5, women: 2 },
    application: IN_CHAT,
  }),
];

let uploads = '';

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

const born = bornAgo(25, 100);
const profileOf = (gender: 'perempuan' | 'laki-laki'): ProfileAnswers => ({
  birth: born.text,
  gender,
  place: 'Kota Surabaya',
  education: 'SMA',
  graduation: String(new Date().getUTCFullYear() - 6),
});

/** A new person at the review screen of `slug`. */
async function ready(slug: string, gender: 'perempuan' | 'laki-laki', name = 'Peserta Uji') {
  const a = applicant(h, { id: nextPerson++, firstName: name.split(' ')[0] });
  const reply = await fillApplication(a, {
    slug,
    profile: profileOf(gender),
    name,
    nik: nikFor(born.date, gender === 'perempuan', String(nextSerial++).padStart(4, '0')),
    phone: `62812${String(nextPerson).padStart(8, '0')}`,
  });
  return { a, reply };
}

async function submit(slug: string, gender: 'perempuan' | 'laki-laki', name?: string) {
  const { a, reply } = await ready(slug, gender, name);
  await a.press('✅ Kirim lamaran', reply);
  const text = a.texts().find((t) => t.includes('sudah terkirim'))!;
  return { a, text, reference: /JMB-\d{4}-\d{6}/.exec(text)![0] };
}

async function statusOf(reference: string) {
  const [row] = await h.runtime.db
    .select({ status: applications.status, seat: applications.seat })
    .from(applications)
    .where(eq(applications.reference, reference));
  return row;
}

describe('seats and the waitlist', () => {
  it('puts people on the waitlist when full, with their position, and promotes the first when someone withdraws', async () => {
    const first = await submit('satu-kursi', 'perempuan', 'Sari Pertama');
    expect(first.text).toContain('Nomor pendaftaran');
    const second = await submit('satu-kursi', 'laki-laki', 'Budi Kedua');
    expect(second.text).toContain('daftar cadangan, urutan ke-1');
    const third = await submit('satu-kursi', 'perempuan', 'Citra Ketiga');
    expect(third.text).toContain('urutan ke-2');
    expect(await statusOf(second.reference)).toEqual({ status: 'cadangan', seat: null });

    // The first withdraws from "Lamaran saya": her seat goes to the first on the waitlist.
    let reply = await first.a.say('/menu');
    reply = await first.a.press('📄 Lamaran saya', reply);
    reply = await first.a.press('1', reply);
    reply = await first.a.press('↩️ Tarik lamaran', reply);
    expect(reply.text).toContain(`Yakin menarik lamaran ${first.reference}?`);
    reply = await first.a.press('Ya, tarik lamaran', reply);
    expect(first.a.texts().at(-2)).toContain(`Lamaran ${first.reference} sudah ditarik`);
    expect(reply.text).toContain('Ditarik');
    expect(await statusOf(first.reference)).toEqual({ status: 'mundur', seat: null });
    expect(await statusOf(second.reference)).toEqual({ status: 'diajukan', seat: 'general' });

    h.api.reset();
    await drainOutbox(h);
    const notice = second.a.texts().at(-1)!;
    expect(notice).toContain('Kabar baik! Ada kursi kosong di "Pelatihan Satu Kursi"');
    expect(notice).toContain(second.reference);
    // The withdrawing person got her answer in the chat, not a notice.
    expect(first.a.texts()).toEqual([]);

    // The third is now first in line.
    reply = await third.a.say('status lamaranku gmn');
    reply = await third.a.press('1', reply);
    expect(reply.text).toContain('urutan ke-1');
  });

  it('gives women a reserved seat first; a man waits when only the women’s seat is left, and moves up when a general seat frees', async () => {
    const m1 = await submit('kuota-wanita', 'laki-laki', 'Andi Satu');
    const m2 = await submit('kuota-wanita', 'laki-laki', 'Bayu Dua');
    const m3 = await submit('kuota-wanita', 'laki-laki', 'Candra Tiga');
    expect(m3.text).toContain('urutan ke-1');
    const w1 = await submit('kuota-wanita', 'perempuan', 'Dewi Empat');
    expect(w1.text).toContain('kursi kuota perempuan');
    expect(await statusOf(w1.reference)).toEqual({ status: 'diajukan', seat: 'women' });
    // A rejection frees a general seat: the waiting man takes it.
    const result = await changeStatus(
      h.runtime.db,
      m1.reference,
      'ditolak',
      { reason: 'Dokumen tidak lengkap' },
      'staff:test',
    );
    expect(result.promoted).toEqual([m3.reference]);
    expect(await statusOf(m3.reference)).toEqual({ status: 'diajukan', seat: 'general' });
    expect(await statusOf(m2.reference)).toEqual({ status: 'diajukan', seat: 'general' });
    h.api.reset();
    await drainOutbox(h);
    const rejected = m1.a.texts().at(-1)!;
    expect(rejected).toContain('Belum diterima');
    expect(rejected).toContain('Catatan penyelenggara: Dokumen tidak lengkap');
    const [seats] = await h.runtime.db
      .select()
      .from(programmeSeats)
      .innerJoin(programmes, eq(programmes.id, programmeSeats.programmeId))
      .where(eq(programmes.slug, 'kuota-wanita'));
    expect(seats!.programme_seats).toMatchObject({ takenGeneral: 2, takenWomen: 1 });
  });

  it('the last seat: two people pressing "Kirim" at the same moment — exactly one gets it', async () => {
    const one = await ready('rebutan', 'laki-laki', 'Eko Rebut');
    const two = await ready('rebutan', 'perempuan', 'Fitri Rebut');
    const button = (r: typeof one.reply) => r.buttons.find((b) => b.text === '✅ Kirim lamaran')!.data;
    await Promise.all([
      h.post(callbackUpdate(one.a.person, button(one.reply))),
      h.post(callbackUpdate(two.a.person, button(two.reply))),
    ]);
    const ids = await Promise.all([userIdOf(h, one.a.person.id), userIdOf(h, two.a.person.id)]);
    const rows = await h.runtime.db
      .select({ status: applications.status })
      .from(applications)
      .where(inArray(applications.userId, ids));
    expect(rows.map((r) => r.status).sort()).toEqual(['cadangan', 'diajukan']);
    const texts = [...one.a.texts(), ...two.a.texts()].join('\n');
    expect(texts).toContain('urutan ke-1');
  });

  it('never over-books under concurrent submissions, and counts women’s seats right', async () => {
    const [prog] = await h.runtime.db.select().from(programmes).where(eq(programmes.slug, 'banyak'));
    const people = await h.runtime.db
      .insert(users)
      .values(Array.from({ length: 16 }, () => ({ locale: 'id' })))
      .returning({ id: users.id });
    const drafts = await h.runtime.db
      .insert(applications)
      .values(people.map((p) => ({ userId: p.id, programmeId: prog!.id })))
      .returning({ id: applications.id });
    const results = await Promise.all(
      drafts.map((d, i) =>
        h.runtime.db.transaction((tx) =>
          submitApplication(tx, {
            applicationId: d.id,
            programmeId: prog!.id,
            applicant: {},
            stats: { gender: i % 2 ? 'perempuan' : 'laki_laki' },
          }),
        ),
      ),
    );
    const seated = results.filter((r) => r.status === 'diajukan');
    expect(seated).toHaveLength(5);
    expect(seated.filter((r) => r.seat === 'women').length).toBeLessThanOrEqual(2);
    expect(new Set(results.map((r) => r.reference)).size).toBe(16);
    const positions = results.filter((r) => r.status === 'cadangan').map((r) => r.position);
    expect(positions.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    const [seats] = await h.runtime.db
      .select()
      .from(programmeSeats)
      .where(eq(programmeSeats.programmeId, prog!.id));
    expect(seats!.takenGeneral + seats!.takenWomen).toBe(5);
    expect(seats!.takenWomen).toBe(seated.filter((r) => r.seat === 'women').length);
  });

  it('allows one active application per person per programme', async () => {
    const [prog] = await h.runtime.db.select().from(programmes).where(eq(programmes.slug, 'banyak'));
    const [person] = await h.runtime.db.insert(users).values({ locale: 'id' }).returning({ id: users.id });
    await h.runtime.db.insert(applications).values({ userId: person!.id, programmeId: prog!.id });
    await expect(
      h.runtime.db
        .insert(applications)
        .values({ userId: person!.id, programmeId: prog!.id, status: 'diajukan' }),
    ).rejects.toThrow();
    // A withdrawn one does not count: the person may apply again.
    await h.runtime.db
      .update(applications)
      .set({ status: 'mundur' })
      .where(and(eq(applications.userId, person!.id), eq(applications.programmeId, prog!.id)));
    await h.runtime.db.insert(applications).values({ userId: person!.id, programmeId: prog!.id });
  });
});
