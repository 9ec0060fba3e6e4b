import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consents, identities, profiles } from '../../src/db/schema';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { conversation, type Reply } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';
import { textUpdate } from '../helpers/telegram';

let h: Harness;
let nextPerson = 90_000;
const person = () => ({ id: nextPerson++, firstName: 'Rina' });

/** dd-mm-yyyy of the day `years` years and `days` days ago. */
function bornAgo(years: number, days = 0): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
}

const CATALOGUE = [
  programme('las-max26', {
    title: { id: 'Pelatihan Las Muda' },
    eligibility: { age: { min: 18, max: 26, at: 'registration_closes' }, education: { min: 'SMP' } },
  }),
  programme('las-umum', {
    title: { id: 'Pelatihan Las Umum' },
    eligibility: { age: { min: 18, max: 40 }, education: { min: 'SMP' } },
  }),
  programme('admin-sma', {
    title: { id: 'Pelatihan Administrasi Perkantoran' },
    field: 'administrasi',
    eligibility: { age: { min: 18, max: 35 }, education: { min: 'SMA' } },
  }),
  programme('jahit-smp', {
    title: { id: 'Pelatihan Menjahit Dasar' },
    field: 'menjahit',
    seats: { total: 20, women: 8 },
    eligibility: { age: { min: 17, max: 45 }, education: { min: 'SD' } },
  }),
];

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, CATALOGUE);
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.api.reset());

const say = (p: { id: number }, text: string) => conversation(h, p).say(text);
const last = (p: { id: number }) => conversation(h, p).last();
const press = (p: { id: number }, reply: Reply, label: string | RegExp) =>
  conversation(h, p).press(label, reply);

/** Opens a programme's card by its shared link and presses "Cek kelayakan". */
async function check(p: { id: number }, slug: string) {
  await h.post(textUpdate(p, `/start p_${slug}`));
  return press(p, last(p), '✅ Cek kelayakan');
}

/** Answers the consent and the profile questions the bot asks, in whatever order it asks them. */
async function answerProfile(
  p: { id: number },
  answers: { birth: string; gender: string; place: string; education: string; activity: string },
) {
  let reply = last(p);
  for (let turn = 0; turn < 10; turn++) {
    const text = reply.text;
    if (text.includes('Apakah kamu setuju')) reply = await press(p, reply, '✅ Setuju');
    else if (text.includes('tanggal lahirmu')) reply = await say(p, answers.birth);
    else if (text.includes('jenis kelaminmu')) reply = await say(p, answers.gender);
    else if (text.includes('kabupaten/kota mana')) reply = await say(p, answers.place);
    else if (text.includes('pendidikan terakhir')) reply = await say(p, answers.education);
    else if (text.includes('kegiatanmu sekarang')) reply = await say(p, answers.activity);
    else return reply;
  }
  throw new Error(`profile questions did not end: ${reply.text}`);
}

describe('eligibility through the Telegram webhook', () => {
  it('tells a 27-year-old exactly why a programme capped at 26 does not fit, and offers ones that do', async () => {
    const p = person();
    await check(p, 'las-max26');
    const result = await answerProfile(p, {
      birth: bornAgo(27, 30),
      gender: 'laki-laki',
      place: 'surabaya',
      education: 'SMA',
      activity: 'nganggur',
    });
    expect(result.text).toContain('❌ Maaf, kamu belum memenuhi syarat "Pelatihan Las Muda"');
    expect(result.text).toMatch(/✗ Usia 18–26 tahun pada .+; usiamu saat itu 27 tahun\./);
    expect(result.text).toContain('Program lain yang buka dan cocok untukmu:');
    expect(result.text).toContain('Pelatihan Las Umum');
    expect(result.text).not.toMatch(/\d\. Pelatihan Las Muda/);
    expect(result.text).toMatch(/Syarat dari example\.org, diperiksa per/);
    const card = await press(p, result, '1');
    expect(card.text).toContain('📌');
  });

  it('tells an SMP graduate that an SMA programme needs SMA, and what fits instead', async () => {
    const p = person();
    await check(p, 'admin-sma');
    const result = await answerProfile(p, {
      birth: bornAgo(20),
      gender: 'perempuan',
      place: 'Kab. Sidoarjo',
      education: 'tamat smp',
      activity: 'tidak bekerja',
    });
    expect(result.text).toContain('❌');
    expect(result.text).toContain('✗ Pendidikan minimal SMA/SMK/MA; pendidikanmu SMP.');
    expect(result.text).toMatch(/Pelatihan (Las Umum|Menjahit Dasar)/);
  });

  it('asks a 17-year-old for a parent’s or guardian’s agreement before going on', async () => {
    const p = person();
    await check(p, 'jahit-smp');
    let reply = await press(p, last(p), '✅ Setuju');
    expect(reply.text).toContain('tanggal lahirmu');
    reply = await say(p, bornAgo(17, 10));
    expect(reply.text).toContain('persetujuan orang tua atau walimu');
    reply = await press(p, reply, 'Belum');
    expect(reply.text).toContain('Ajak orang tua/walimu');
    // Nothing of the minor's profile is kept without the guardian's agreement.
    const [identity] = await h.runtime.db
      .select()
      .from(identities)
      .where(eq(identities.externalId, String(p.id)));
    expect(await h.runtime.db.select().from(profiles).where(eq(profiles.userId, identity!.userId))).toEqual(
      [],
    );
    const decisions = await h.runtime.db.select().from(consents).where(eq(consents.userId, identity!.userId));
    expect(decisions.map((c) => `${c.purpose}:${c.granted}`).sort()).toEqual([
      'guardian:false',
      'personal_data:true',
    ]);
  });

  it('shows a woman her women’s-seat situation', async () => {
    const p = person();
    await check(p, 'jahit-smp');
    const result = await answerProfile(p, {
      birth: bornAgo(24),
      gender: 'perempuan',
      place: 'Kota Malang',
      education: 'SMA',
      activity: 'bekerja',
    });
    expect(result.text).toContain('✅ Kamu memenuhi syarat "Pelatihan Menjahit Dasar"');
    expect(result.text).toContain('💺 Masih ada 8 kursi khusus perempuan');
  });

  it('lets a screen-reader user finish the check in simple-text mode (no emoji, numbered choices)', async () => {
    const p = person();
    await say(p, '/pengaturan');
    await say(p, '3'); // "Aktifkan teks sederhana"
    await h.post(textUpdate(p, '/start p_las-umum'));
    let reply = last(p);
    expect(reply.text).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(reply.text).toMatch(/\n1\. Cek kelayakan/);
    reply = await say(p, '1'); // Cek kelayakan
    // Answer only what is asked, by typing — numbers for choices, as a screen-reader user would.
    for (let turn = 0; turn < 8 && !reply.text.includes('memenuhi syarat'); turn++) {
      expect(reply.text).not.toMatch(/\p{Extended_Pictographic}/u);
      if (reply.text.includes('Apakah kamu setuju')) reply = await say(p, '1');
      else if (reply.text.includes('tanggal lahirmu')) reply = await say(p, bornAgo(30));
      else if (reply.text.includes('pendidikan terakhir'))
        reply = await say(p, '3'); // SMA/SMK/MA
      else if (reply.text.includes('jenis kelaminmu')) reply = await say(p, '2');
      else reply = await say(p, 'kota bandung');
    }
    expect(reply.text).toContain('Kamu memenuhi syarat "Pelatihan Las Umum"');
    expect(reply.text).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(reply.text).toMatch(/\n1\. Daftar/);
  });

  it('"program apa yang cocok untukku?" lists only programmes the person qualifies for', async () => {
    const p = person();
    await say(p, 'program apa yang cocok untukku?');
    const result = await answerProfile(p, {
      birth: bornAgo(30),
      gender: 'laki-laki',
      place: 'sby',
      education: 'smp',
      activity: 'nganggur',
    });
    expect(result.text).toContain('program yang buka dan syaratnya cocok denganmu');
    expect(result.text).toContain('Pelatihan Las Umum');
    expect(result.text).toContain('Pelatihan Menjahit Dasar');
    expect(result.text).not.toContain('Pelatihan Las Muda'); // 30 > 26
    expect(result.text).not.toContain('Administrasi'); // needs SMA
  });
});
