import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bornAgo, tempUploads } from '../applications/helpers';
import { loadCatalogue, overseas, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';
import { type TelegramPerson, type Turn, telegramPerson } from './transcript';

/*
 * Young people walking the chat in their own words (issue: outside testers). Each journey asserts what
 * the person sees; a failure prints the whole transcript.
 */
let h: Harness;
let nextId = 88_000;
const people: TelegramPerson[] = [];
const meet = (firstName: string, languageCode?: string) => {
  const p = telegramPerson(h, { id: nextId++, firstName, ...(languageCode ? { languageCode } : {}) });
  people.push(p);
  return p;
};

const SURABAYA = { province: '35', regency: '35.78', mode: 'luring' };
const CATALOGUE = [
  overseas('jepang-muda', 'JP', {
    title: { id: 'Magang Jepang Manufaktur' },
    eligibility: {
      age: { min: 18, max: 30 },
      education: { min: 'SMA' },
      questions: [
        {
          id: 'tinggi',
          ask: { id: 'Berapa tinggi badanmu (cm)?' },
          type: 'number',
          require: { min: 155 },
          explain: { id: 'Tinggi badan minimal 155 cm.' },
        },
      ],
    },
  }),
  programme('las-surabaya', { title: { id: 'Pelatihan Las Surabaya' }, location: SURABAYA }),
  programme('jahit-dewasa', {
    title: { id: 'Pelatihan Jahit Dewasa' },
    field: 'menjahit',
    location: SURABAYA,
    eligibility: { age: { min: 18, max: 45 }, education: { min: 'SD' } },
  }),
];

beforeAll(async () => {
  process.env.UPLOADS_DIR = tempUploads();
  h = await startHarness();
  await loadCatalogue(h.runtime.db, CATALOGUE);
});
afterAll(() => h.close());
afterEach((test) => {
  // The conversation as the person saw it, when a journey fails.
  if (test.task.result?.state === 'fail') for (const p of people) console.log(p.transcript());
  people.length = 0;
});

const shown = (turn: Turn) => turn.replies.map((r) => r.text).join('\n');
const lastOf = (turn: Turn) => turn.replies.at(-1)!;

/** Every message that waits for an answer offers the menu and a person (design.md §3). */
function expectWayOut(p: TelegramPerson) {
  for (const turn of p.turns)
    for (const reply of turn.replies) {
      if (!reply.buttons.length) continue;
      const labels = reply.buttons.map((b) => b.text);
      const isMenu = labels.some((l) => l.includes('Cari program') || l.includes('Find a programme'));
      const isWaiting = labels.some((l) => l.includes('kembali ke bot'));
      if (isWaiting) continue;
      expect(
        labels.some((l) => /petugas|person/i.test(l)),
        `${reply.text}\n${labels}`,
      ).toBe(true);
      if (!isMenu)
        expect(
          labels.some((l) => l.includes('Menu')),
          `${reply.text}\n${labels}`,
        ).toBe(true);
      // WhatsApp lists cut titles above 24 characters (design.md §5).
      for (const label of labels) expect(label.length, label).toBeLessThanOrEqual(24);
    }
}

describe('journeys through the Telegram webhook', () => {
  it('Siti changes her mind at the consent question and gets what she now asked for', async () => {
    const siti = meet('Siti');
    await siti.say('kak mau magang ke jepang dong');
    await siti.say('1');
    let turn = await siti.tap(/Cek kelayakan/);
    expect(shown(turn)).toContain('Apakah kamu setuju?');
    // Not an answer: a short re-ask, not the whole notice again.
    turn = await siti.say('hmm gmn ya');
    expect(lastOf(turn).text).toContain('Aku perlu persetujuanmu');
    expect(lastOf(turn).text.length).toBeLessThan(220);
    expect(lastOf(turn).buttons.map((b) => b.text)).toContain('✅ Setuju');
    // "eh gajadi, yg di surabaya aja": the Surabaya programmes, not "answer Setuju or Tidak".
    turn = await siti.say('eh gajadi, yg di surabaya aja');
    expect(shown(turn)).toContain('ganti rencana');
    expect(lastOf(turn).text).toContain('Kota Surabaya');
    expect(lastOf(turn).text).toContain('Pelatihan Las Surabaya');
    expect(shown(turn)).not.toContain('Apakah kamu setuju');
    expectWayOut(siti);
  });

  it("Dewi, 31, is not asked the Japan programme's own questions once her age rules it out, and sees what fits", async () => {
    const dewi = meet('Dewi');
    await dewi.say('/start p_jepang-muda');
    await dewi.tap(/Cek kelayakan/);
    await dewi.tap('✅ Setuju');
    let turn = await dewi.say(bornAgo(31, 60).text);
    for (let i = 0; i < 4 && !lastOf(turn).text.includes('belum memenuhi syarat'); i++) {
      const q = lastOf(turn).text;
      turn = await dewi.say(
        q.includes('pendidikan') ? 'sma' : q.includes('kegiatan') ? 'ibu rumah tangga' : 'x',
      );
    }
    const result = lastOf(turn);
    expect(result.text).toContain('belum memenuhi syarat');
    expect(result.text).toContain('usiamu saat itu 31 tahun');
    // The height question can't change the answer: it is never asked, nor listed as unknown.
    expect(dewi.allText()).not.toContain('tinggi badanmu');
    expect(result.text).not.toContain('belum kamu jawab');
    // Not a dead end: what fits instead, listed or one tap away.
    expect(result.text).toContain('Pelatihan Jahit Dewasa');
    expect(result.buttons.map((b) => b.text)).toContain('🎯 Yang cocok untukku');
    // Asking again about Japan in her own words: the reason, not a bare "nothing fits".
    await dewi.say('perempuan'); // a stray answer lands on the menu, harmlessly
    turn = await dewi.say('umur saya 31 mau ikut magang jepang bisa?');
    for (let i = 0; i < 4 && !lastOf(turn).text.includes('Magang Jepang Manufaktur'); i++) {
      const q = lastOf(turn).text;
      turn = await dewi.say(
        q.includes('jenis kelamin') ? 'perempuan' : q.includes('kabupaten/kota') ? 'surabaya' : 'sma',
      );
    }
    expect(lastOf(turn).text).toContain('Magang Jepang Manufaktur');
    expect(lastOf(turn).text).toContain('✗ Usia');
    expect(lastOf(turn).buttons.map((b) => b.text)).toContain('🎯 Cari yang cocok');
    const all = await dewi.tap('🎯 Cari yang cocok');
    expect(lastOf(all).text).toContain('Pelatihan Jahit Dewasa');
    expectWayOut(dewi);
  });

  it('Tono leaves the form, comes back the next day with "lanjut", and "ya" is not taken as his name', async () => {
    const tono = meet('Tono');
    await tono.say('/start p_las-surabaya');
    await tono.tap('📝 Daftar');
    await tono.tap('✅ Setuju');
    const answers: Array<[string, string]> = [
      ['tanggal lahir', bornAgo(22, 10).text],
      ['jenis kelamin', 'laki-laki'],
      ['kabupaten/kota', 'sidoarjo'],
      ['pendidikan', 'smp'],
      ['Tahun berapa', '2019'],
      ['kegiatanmu', 'tidak bekerja'],
    ];
    let turn: Turn | undefined;
    for (let i = 0; i < 8 && !tono.last().text.includes('nama lengkapmu'); i++) {
      const q = tono.last().text;
      const answer = answers.find(([phrase]) => q.includes(phrase));
      if (!answer) throw new Error(`unexpected question: ${q}`);
      turn = await tono.say(answer[1]);
    }
    expect(tono.last().text).toContain('nama lengkapmu');
    turn = await tono.say('ya');
    expect(shown(turn)).toContain('Sepertinya itu bukan nama');
    expect(lastOf(turn).text).toContain('nama lengkapmu');
    turn = await tono.say('Tono Prasetyo');
    expect(lastOf(turn).text).toContain('NIK');

    // The next day (a new process): "lanjut" at the waiting question shows it again, not an error.
    await h.restart();
    turn = await tono.say('lanjut');
    expect(shown(turn)).toContain('kita lanjutkan');
    expect(shown(turn)).not.toContain('NIK hanya berisi angka');
    expect(lastOf(turn).text).toContain('Berapa NIK-mu');
    // /start in the middle of the form, then "lanjut": back to the draft, not "belum paham".
    await tono.say('/start');
    turn = await tono.say('lanjut');
    expect(shown(turn)).not.toContain('belum paham');
    expect(lastOf(turn).text).toContain('Pelatihan Las Surabaya');
    turn = await tono.tap(/Lanjutkan/);
    expect(lastOf(turn).text).toContain('Berapa NIK-mu');
    // "status lamaran saya gimana" mid-form: the list, not "NIK hanya berisi angka".
    turn = await tono.say('status lamaran saya gimana');
    expect(shown(turn)).not.toContain('NIK hanya');
    expect(lastOf(turn).text).toContain('Lamaran saya');
    expectWayOut(tono);
  });

  it('Rian sends a voice note, a sticker and "apa ini", then asks for a person', async () => {
    const rian = meet('Rian');
    await rian.say('p');
    let turn = await rian.voice();
    expect(shown(turn)).toContain('pesan suara');
    turn = await rian.sticker();
    expect(shown(turn)).toContain('Stiker');
    turn = await rian.say('apa ini');
    // What the bot is, and words that work on every channel (no slash commands to learn).
    expect(shown(turn)).toContain('Aku Jembatan');
    expect(shown(turn)).toContain('petugas — bicara dengan petugas');
    expect(shown(turn)).not.toContain('/data_saya');
    turn = await rian.say('mau ngomong sama orang');
    expect(shown(turn)).toContain('antrean petugas');
    expectWayOut(rian);
  });

  it('Alex, in English, sees English counts and a way back at every step', async () => {
    const alex = meet('Alex', 'en');
    const turn = await alex.say('welding training in Surabaya');
    expect(shown(turn)).toContain('Found 1 programme for');
    expect(shown(turn)).not.toContain('1 programmes');
    expectWayOut(alex);
  });
});
