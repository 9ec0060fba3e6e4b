/**
 * Held-out answers inside conversations, driven through the Telegram webhook: profile answers (birth
 * date, gender, domicile, education, graduation year, activity), yes/no at the consent question, and
 * "menu / batal / petugas" said while a question waits for typed text. Written in people's own words,
 * not ours. Each answer must be understood (the stored value is right) or met with a helpful re-ask
 * (an explanation, the question again, Menu and Petugas buttons); a wrong value stored or a reply
 * without a way out fails. Prints how many were understood and lists the re-asks.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredProfile } from '../../src/db/schema';
import { identities, profiles } from '../../src/db/schema';
import { completedYears, jakartaDay, parseIsoDate } from '../../src/eligibility';
import { conversation, type Reply } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});

const thisYear = jakartaDay().year;
const REASK = 'reask' as const;

type Field = 'birthDate' | 'gender' | 'domicile' | 'education' | 'graduationYear' | 'activity';
/** What the answer means; REASK when a person could not be understood and should be asked again. */
type Want = string | number | { age: number } | typeof REASK;

const EDIT: Record<Field, string> = {
  birthDate: 'Ubah tanggal lahir',
  gender: 'Ubah jenis kelamin',
  domicile: 'Ubah domisili',
  education: 'Ubah pendidikan',
  graduationYear: 'Ubah tahun lulus',
  activity: 'Ubah kegiatan',
};
const QUESTION: Record<Field, string> = {
  birthDate: 'Kapan tanggal lahirmu?',
  gender: 'Apa jenis kelaminmu',
  domicile: 'Di kabupaten/kota mana kamu tinggal',
  education: 'Apa pendidikan terakhir',
  graduationYear: 'Tahun berapa kamu lulus?',
  activity: 'Apa kegiatanmu sekarang',
};

// biome-ignore format: one answer per line reads best
const ANSWERS: Record<Field, Array<[string, Want]>> = {
  birthDate: [
    ['17-8-2003', '2003-08-17'],
    ['17 agst 03', '2003-08-17'],
    ['tgl 17 agustus 2003', '2003-08-17'],
    ['17/08/2003', '2003-08-17'],
    ['17.08.2003', '2003-08-17'],
    ['17 Agustus 2003', '2003-08-17'],
    ['2003-08-17', '2003-08-17'],
    ['17082003', '2003-08-17'],
    ['lahir 5 jan 2001', '2001-01-05'],
    ['05-01-2001', '2001-01-05'],
    ['tanggal 5 bulan 1 tahun 2001', '2001-01-05'],
    ['21 desember 1999 kak', '1999-12-21'],
    ['1 mei 2000', '2000-05-01'],
    ['17 agutus 2003', '2003-08-17'],
    ['17 - 08 - 2003', '2003-08-17'],
    ['17 8 2003', '2003-08-17'],
    ['tgl lahir 17/8/03', '2003-08-17'],
    ["17 Agustus '03", '2003-08-17'],
    ['17-agu-2003', '2003-08-17'],
    ['Sabtu, 17 Agustus 2002', '2002-08-17'],
    ['saya lahir tanggal 9 september 2004', '2004-09-09'],
    ['9 sept 2004 🙏', '2004-09-09'],
    ['umur 20', { age: 20 }],
    ['20 thn', { age: 20 }],
    ['dua puluh tahun', { age: 20 }],
    ['usia 19 tahun kak', { age: 19 }],
    ['aku 22', { age: 22 }],
    ['umurku 21 tahun', { age: 21 }],
    ['31-02-2002', REASK],
    ['lupa', REASK],
    ['rahasia dong', REASK],
    ['kelahiran 2002', REASK],
    ['17 agustus', REASK],
    ['anjing', REASK],
  ],
  gender: [
    ['cewek', 'perempuan'],
    ['saya perempuan kak', 'perempuan'],
    ['P', 'perempuan'],
    ['wanita', 'perempuan'],
    ['cwo', 'laki_laki'],
    ['laki2', 'laki_laki'],
    ['Laki - laki', 'laki_laki'],
    ['pria', 'laki_laki'],
    ['L', 'laki_laki'],
    ['perempuan 🙏', 'perempuan'],
    ['COWOK', 'laki_laki'],
    ['female', 'perempuan'],
    ['male', 'laki_laki'],
    ['gue laki', 'laki_laki'],
    ['cewe', 'perempuan'],
    ['laki laki', 'laki_laki'],
    ['prempuan', 'perempuan'],
    ['laki-laki dong', 'laki_laki'],
    ['lanang', 'laki_laki'],
    ['wedok', 'perempuan'],
    ['awewe', 'perempuan'],
    ['lalaki', 'laki_laki'],
    ['aku cowo kak', 'laki_laki'],
    ['perempuan, kenapa emang?', 'perempuan'],
    ['rahasia', REASK],
    ['apa maksudnya', REASK],
  ],
  domicile: [
    ['jogja', '34'],
    ['sby', '35.78'],
    ['jaksel', '31.74'],
    ['bekasi kab', '32.16'],
    ['kota medan', '12.71'],
    ['ntt', '53'],
    ['yogya', '34'],
    ['kab bogor', '32.01'],
    ['surabya', '35.78'],
    ['di solo kak', '33.72'],
    ['tinggal di bandung', '32.73'],
    ['Kabupaten Sleman, DIY', '34.04'],
    ['makasar', '73.71'],
    ['depok jawa barat', '32.76'],
    ['tangsel', '36.74'],
    ['bali', '51'],
    ['medan', '12.71'],
    ['sidoarjo jatim', '35.15'],
    ['kota malang', '35.73'],
    ['jember', '35.09'],
    ['kabupaten garut jawa barat', '32.05'],
    ['semarang', '33.74'],
    ['aku di kab. karawang', '32.15'],
    ['KOTA BEKASI', '32.75'],
    ['kampung', REASK],
    ['rumah', REASK],
  ],
  education: [
    ['smk', 'SMA'],
    ['lulusan smk', 'SMA'],
    ['tamat sma', 'SMA'],
    ['sma kelas 12', 'SMP'],
    ['s1 teknik sipil', 'S1'],
    ['d3', 'D3'],
    ['smp', 'SMP'],
    ['cuma lulus sd', 'SD'],
    ['aliyah', 'SMA'],
    ['MA', 'SMA'],
    ['paket c', 'SMA'],
    ['kuliah semester 5', 'SMA'],
    ['sarjana', 'S1'],
    ['stm', 'SMA'],
    ['SLTA', 'SMA'],
    ['smea', 'SMA'],
    ['sma tapi ga lulus', 'SMP'],
    ['mts', 'SMP'],
    ['sd aja kak', 'SD'],
    ['S-1', 'S1'],
    ['D-III', 'D3'],
    ['diploma 3', 'D3'],
    ['lulus smk jurusan tkj', 'SMA'],
    ['s2', 'S2'],
    ['lulusan SMK thn 2020', 'SMA'],
    ['ga sekolah', REASK],
    ['belum tau', REASK],
  ],
  graduationYear: [
    ['2021', 2021],
    ['lulus tahun 2021', 2021],
    ['th 2020', 2020],
    ['2019 kak', 2019],
    ['thn 2018', 2018],
    ["'21", 2021],
    ['lulus 2022 kemarin', 2022],
    ['tahun lalu', thisYear - 1],
    ['tahun ini', thisYear],
    ['belum lulus', REASK],
    ['lupa kak', REASK],
  ],
  activity: [
    ['nganggur', 'tidak_bekerja'],
    ['lagi nyari kerja', 'tidak_bekerja'],
    ['kerja di pabrik', 'bekerja'],
    ['masih sekolah', 'pelajar'],
    ['kuliah', 'mahasiswa'],
    ['baru lulus', 'lulusan_baru'],
    ['fresh graduate', 'lulusan_baru'],
    ['jualan online', 'bekerja'],
    ['ngojek', 'bekerja'],
    ['ibu rumah tangga', 'tidak_bekerja'],
    ['di rumah aja', 'tidak_bekerja'],
    ['freelance', 'bekerja'],
    ['lagi kuliah semester 3', 'mahasiswa'],
    ['kerja serabutan', 'bekerja'],
    ['gak ngapa2in', 'tidak_bekerja'],
    ['resign bulan lalu', 'tidak_bekerja'],
    ['mondok di pesantren', 'pelajar'],
    ['belum kerja kak', 'tidak_bekerja'],
    ['kerja part time sambil kuliah', 'mahasiswa'],
  ],
};

/** Answers to "Apakah kamu setuju?" (the consent question), in people's words. */
// biome-ignore format: one answer per line reads best
const CONSENT: Array<[string, boolean | typeof REASK]> = [
  ['iya kak', true], ['y', true], ['boleh', true], ['setuju', true], ['ok', true], ['oke deh', true],
  ['iyaa', true], ['yes', true], ['gpp', true], ['ga papa', true], ['gak masalah', true],
  ['tidak keberatan', true], ['nggih', true], ['iya setuju kak', true], ['👍', true], ['siap', true],
  ['sip', true], ['mau', true], ['yoi', true], ['bener', true], ['gas', true], ['lanjut', true],
  ['ngga deh', false], ['enggak', false], ['tidak', false], ['ga setuju', false], ['no', false],
  ['gak mau', false], ['jangan', false], ['ogah', false], ['n', false], ['g', false],
  ['nanti aja', false], ['tidak setuju kak', false],
  ['hmm', REASK], ['bingung', REASK], ['apa itu', REASK],
];

/** Navigation said while a question waits for typed text (the birth date). */
type Nav = 'menu' | 'human' | 'help' | typeof REASK;
// biome-ignore format: one answer per line reads best
const NAVIGATION: Array<[string, Nav]> = [
  ['menu utama dong', 'menu'], ['balik ke menu', 'menu'], ['kembali ke menu', 'menu'], ['gajadi', 'menu'],
  ['ga jadi deh', 'menu'], ['batal aja', 'menu'], ['udahan', 'menu'], ['cancel', 'menu'], ['Menu', 'menu'],
  ['mau ngomong sama petugas', 'human'], ['admin', 'human'], ['bicara dengan petugas dong', 'human'],
  ['minta tolong cs', 'human'], ['bantuan', 'help'], ['kembali', REASK],
];

interface Tally {
  understood: number;
  reasked: string[];
  wrong: string[];
  total: number;
}
const tally: Record<string, Tally> = {};
function count(group: string, outcome: 'understood' | 'reasked' | 'wrong', note: string) {
  tally[group] ??= { understood: 0, reasked: [], wrong: [], total: 0 };
  const t = tally[group];
  t.total++;
  if (outcome === 'understood') t.understood++;
  else if (outcome === 'reasked') t.reasked.push(note);
  else t.wrong.push(note);
}

afterAll(async () => {
  const lines = Object.entries(tally).map(([group, t]) => {
    const reasked = t.reasked.length ? `\n    re-asked: ${t.reasked.join(' | ')}` : '';
    const wrong = t.wrong.length ? `\n    WRONG: ${t.wrong.join(' | ')}` : '';
    const misses = reasked + wrong;
    return `  ${group}: ${t.understood}/${t.total} understood${misses}`;
  });
  const all = Object.values(tally).reduce((a, t) => ({ u: a.u + t.understood, n: a.n + t.total }), {
    u: 0,
    n: 0,
  });
  console.log(`Held-out conversation answers: ${all.u}/${all.n} understood\n${lines.join('\n')}`);
  await h.close();
});

let nextId = 97_000;
const person = () => ({ id: nextId++ });

async function userIdOf(p: { id: number }): Promise<string> {
  const [row] = await h.runtime.db
    .select()
    .from(identities)
    .where(eq(identities.externalId, String(p.id)));
  return row!.userId;
}

async function storedProfile(p: { id: number }): Promise<StoredProfile> {
  const [row] = await h.runtime.db
    .select({ data: profiles.data })
    .from(profiles)
    .where(eq(profiles.userId, await userIdOf(p)));
  return row?.data ?? {};
}

function storedValue(field: Field, profile: StoredProfile): unknown {
  switch (field) {
    case 'birthDate':
      return profile.birthDate;
    case 'gender':
      return profile.gender;
    case 'domicile':
      return profile.domicileRegency ?? profile.domicileProvince;
    case 'education':
      return profile.education?.level;
    case 'graduationYear':
      return profile.education?.graduationYear;
    case 'activity':
      return profile.activity;
  }
}

const hasWayOut = (reply: Reply) =>
  reply.buttons.some((b) => b.text === '🏠 Menu') && reply.buttons.some((b) => b.text === '🙋 Petugas');

/** Gets the person to the question for `field`, from wherever the last answer left them. */
async function reachQuestion(c: ReturnType<typeof conversation>, field: Field): Promise<void> {
  let last: Reply | undefined;
  try {
    last = c.last();
  } catch {
    last = undefined;
  }
  if (last?.text.includes(QUESTION[field])) return;
  if (last?.buttons.some((b) => b.text === 'Lewati')) last = await c.press('Lewati');
  if (!last?.buttons.some((b) => b.text === EDIT[field])) {
    await c.say('/pengaturan');
    last = await c.press('👤 Profil saya');
  }
  last = await c.press(EDIT[field], last);
  if (last.text.includes('Apakah kamu setuju?')) last = await c.press('✅ Setuju', last);
  expect(last.text).toContain(QUESTION[field]);
}

/**
 * Misreadings known and reported, whose fix lies outside the NLU and the answer parsers: the domicile
 * answer goes straight to the region gazetteer (src/regions), which reads a level only before the name.
 * Printed as WRONG above; remove an entry once it is fixed (the test then holds the fix).
 */
const KNOWN_WRONG = new Set<string>([]);

/** Wrong values stored, or answers taken for something they did not say: each fails its test. */
function noneWrong(group: string) {
  const wrong = (tally[group]?.wrong ?? []).filter((note) => !KNOWN_WRONG.has(note.split(' → ')[0]!));
  expect(wrong, `${group}: answers misread`).toEqual([]);
}

describe('held-out answers inside conversations (through the webhook)', () => {
  for (const field of Object.keys(ANSWERS) as Field[]) {
    it(`profile answer: ${field}`, { timeout: 180_000 }, async () => {
      const p = person();
      const c = conversation(h, p);
      if (field === 'graduationYear') {
        // A birth year first, so graduation years are checked against it as in real use.
        await reachQuestion(c, 'birthDate');
        await c.say('17-08-2000');
      }
      for (const [text, want] of ANSWERS[field]) {
        await reachQuestion(c, field);
        const before = storedValue(field, await storedProfile(p));
        const reply = await c.say(text);
        const profile = await storedProfile(p);
        const got = storedValue(field, profile);
        const note = JSON.stringify(text);
        if (reply.text.includes(QUESTION[field])) {
          // Asked again: never silently, always with an explanation and a way to the menu and a person.
          expect(c.texts().at(-2), note).toMatch(/misal|jawab|pilih|tulis|periksa/i);
          expect(hasWayOut(reply), note).toBe(true);
          expect(got, `${note} changed the stored value while asking again`).toEqual(before);
          count(field, want === REASK ? 'understood' : 'reasked', note);
          continue;
        }
        const right =
          want === REASK
            ? false
            : typeof want === 'object'
              ? profile.birthDateApproximate === true &&
                completedYears(parseIsoDate(profile.birthDate)!, jakartaDay()) === want.age
              : got === want;
        count(field, right ? 'understood' : 'wrong', right ? note : `${note} → ${JSON.stringify(got)}`);
      }
      noneWrong(field);
    });
  }

  it('yes and no at the consent question', { timeout: 180_000 }, async () => {
    const group = 'consent yes/no';
    for (const [text, want] of CONSENT) {
      const p = person();
      const c = conversation(h, p);
      await c.say('/pengaturan');
      await c.press('👤 Profil saya');
      const asked = await c.press(EDIT.gender);
      expect(asked.text).toContain('Apakah kamu setuju?');
      const reply = await c.say(text);
      const note = JSON.stringify(text);
      if (reply.text.includes('Apakah kamu setuju?')) {
        expect(c.texts().at(-2), note).toContain('Mohon jawab');
        expect(hasWayOut(reply), note).toBe(true);
        count(group, want === REASK ? 'understood' : 'reasked', note);
        continue;
      }
      const agreed = reply.text.includes(QUESTION.gender);
      const declined = c.texts().join('\n').includes('kami tidak menyimpan data pribadimu');
      const right = want !== REASK && (want ? agreed : declined);
      count(group, right ? 'understood' : 'wrong', right ? note : `${note} → ${agreed ? 'yes' : 'no'}`);
    }
    noneWrong(group);
  });

  it('menu, cancel and a person asked for while a question waits for typed text', {
    timeout: 180_000,
  }, async () => {
    const group = 'navigation';
    for (const [text, want] of NAVIGATION) {
      const p = person();
      const c = conversation(h, p);
      await reachQuestion(c, 'birthDate');
      const reply = await c.say(text);
      const note = JSON.stringify(text);
      expect((await storedProfile(p)).birthDate, note).toBeUndefined();
      if (reply.text.includes(QUESTION.birthDate)) {
        expect(hasWayOut(reply), note).toBe(true);
        count(group, want === REASK ? 'understood' : 'reasked', note);
        continue;
      }
      const shown = c.texts().slice(-2).join('\n');
      const went = shown.includes('Cara memakai')
        ? 'help'
        : reply.text.includes('antrean petugas')
          ? 'human'
          : reply.text.includes('Mau mulai dari mana?')
            ? 'menu'
            : reply.text.slice(0, 40);
      count(group, went === want ? 'understood' : 'wrong', went === want ? note : `${note} → ${went}`);
    }
    noneWrong(group);
  });
});
