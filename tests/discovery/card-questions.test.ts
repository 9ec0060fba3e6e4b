/**
 * Follow-up questions typed while a programme card is on screen are answered from that programme's
 * record, through the real Telegram webhook; the same words elsewhere still search.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { daysFromNow, loadCatalogue, overseas, programme } from '../helpers/catalogue';
import { conversation, type Reply } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';

let h: Harness;
let nextPerson = 91_000;
const person = () => ({ id: nextPerson++, firstName: 'Rani' });

const CATALOGUE = [
  programme('las-asrama', {
    title: { id: 'Pelatihan Las Asrama Surabaya' },
    location: {
      province: '35',
      regency: '35.78',
      venue: 'BLK Surabaya, Jl. Dukuh Menanggal',
      mode: 'luring',
    },
    dates: {
      registration_opens: daysFromNow(-10),
      registration_closes: daysFromNow(20),
      starts: daysFromNow(30),
      ends: daysFromNow(89),
    },
    seats: { total: 20, women: 5 },
    costs: { fee_idr: 0, stipend_idr: 1_500_000, stipend_period: 'bulan' },
    benefits: [
      'sertifikat_kompetensi',
      'asrama',
      'makan',
      'bpjs_ketenagakerjaan',
      'penempatan_kerja',
      'uang_saku',
    ],
    inclusion: { disability_friendly: true, accommodations: { id: 'Bengkel bisa diakses kursi roda.' } },
    eligibility: { age: { min: 18, max: 26 }, education: { min: 'SMA' } },
  }),
  programme('jahit-online', {
    title: { id: 'Kursus Menjahit Online Perempuan' },
    field: 'menjahit',
    location: { mode: 'daring' },
    dates: { registration_opens: daysFromNow(-5), registration_closes: daysFromNow(10) },
    seats: undefined,
    costs: { fee_idr: 250_000 },
    benefits: [],
    eligibility: { age: { min: 17 }, gender: 'perempuan' },
    application: { mode: 'in_chat', documents: [], organisation: 'kopri-pb-pmii' },
  }),
  programme('las-bdg', {
    title: { id: 'Pelatihan Las Bandung' },
    location: { province: '32', regency: '32.73', mode: 'luring' },
  }),
  overseas('jp-pabrik', 'JP', { title: { id: 'Magang Pabrik Jepang' } }),
];

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, CATALOGUE);
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.api.reset());

/** A new person with the card of `slug` on screen (opened from a shared link). */
async function onCard(slug: string) {
  const p = person();
  const c = conversation(h, p);
  await c.say(`/start p_${slug}`);
  expect(c.last().text).toContain('📌');
  return c;
}

const labels = (r: Reply) => r.buttons.map((b) => b.text);
const CARD_ACTIONS = ['✅ Cek kelayakan', '📝 Daftar', '📌 Lihat info program', '🏠 Menu', '🙋 Petugas'];

describe('questions on a programme card are answered from that programme', () => {
  // One person, many follow-ups on the same card: each answer keeps the card in view.
  const asked: Array<[string, Array<string | RegExp>]> = [
    ['uang sakunya brp?', ['Rp1.500.000 per bulan']],
    ['ada asrama ga kak', ['Ada asrama']],
    ['gratis kan?', ['Gratis']],
    ['ini gratis ga?', ['Gratis']],
    ['bayar ga', ['Gratis']],
    ['ada makan siangnya gak?', ['dapat makan']],
    ['dapet sertifikat?', ['Sertifikat kompetensi (BNSP)']],
    ['ditanggung bpjs?', ['BPJS Ketenagakerjaan']],
    ['habis itu disalurin kerja ga?', ['penyaluran kerja']],
    ['kapan mulai', [/Mulai \d+ \w+ \d{4}, selesai/]],
    ['berapa lama', ['sekitar 2 bulan']],
    ['pelatihannya berapa bulan', ['sekitar 2 bulan']],
    ['daftarnya sampe kapan', [/Pendaftaran sampai \d+ \w+ \d{4} \(tutup \d+ hari lagi\)/]],
    ['lokasinya dimana', ['Kota Surabaya', 'BLK Surabaya, Jl. Dukuh Menanggal']],
    ['bisa online?', ['Tidak bisa online', 'tatap muka']],
    ['kuota nya masih ada?', ['Kuotanya 20 orang', 'Sisa 15 kursi umum dan 5 kursi khusus perempuan']],
    ['syaratnya apa aja', ['Syaratnya:', '• Usia 18–26 tahun', '• Pendidikan minimal SMA/SMK/MA']],
    ['umur 27 bisa?', ['Maaf, tidak bisa', 'Usia 18–26 tahun', 'sekitar 27 tahun']],
    ['usia 20 tahun masih bisa?', ['✅ Bisa', 'sekitar 20 tahun']],
    ['lulusan smp bisa?', ['Maaf, tidak bisa', 'Pendidikan minimal SMA/SMK/MA', 'pendidikanmu SMP']],
    ['cewe boleh?', ['✅ Bisa', 'terbuka untuk laki-laki dan perempuan', '5 kursi khusus perempuan']],
    ['yg pake kursi roda bisa ikut?', ['ramah disabilitas', 'Bengkel bisa diakses kursi roda.']],
    ['biayanya berapa', ['Gratis']],
    ['dokumennya apa aja', ['KTP']],
    ['tempat tinggal disediakan?', ['Ada asrama']],
  ];

  it(`answers ${asked.length} follow-ups in the person's own words, each with the card's actions`, async () => {
    const c = await onCard('las-asrama');
    for (const [question, expected] of asked) {
      const reply = await c.say(question);
      expect(reply.text, question).toContain('Soal Pelatihan Las Asrama Surabaya:');
      for (const e of expected) {
        if (typeof e === 'string') expect(reply.text, question).toContain(e);
        else expect(reply.text, question).toMatch(e);
      }
      // Nothing here is unknown: no hand-off notice, and never a search result list.
      expect(reply.text, question).not.toContain('tidak disebutkan');
      expect(reply.text, question).not.toContain('Ketemu');
      expect(labels(reply), question).toEqual(expect.arrayContaining(CARD_ACTIONS.slice(1)));
    }
  });

  it('answers several attributes in one message ("uang saku sama asrama")', async () => {
    const c = await onCard('las-asrama');
    const reply = await c.say('ada uang saku sama asrama gak?');
    expect(reply.text).toContain('Ada uang saku Rp1.500.000 per bulan.');
    expect(reply.text).toContain('Ada asrama untuk peserta.');
    expect(reply.text).not.toContain('Ketemu');
    expect(labels(reply)).toEqual(expect.arrayContaining(CARD_ACTIONS));
  });

  it('eligibility questions offer the full check, and it opens the eligibility check for this programme', async () => {
    const c = await onCard('las-asrama');
    const reply = await c.say('umur 27 bisa?');
    expect(labels(reply)).toContain('✅ Cek syarat lengkap');
    const next = await c.press('✅ Cek syarat lengkap', reply);
    expect(next.text).not.toContain('Soal Pelatihan Las');
  });

  it('says honestly what the record does not state, and offers a person', async () => {
    const c = await onCard('jahit-online');
    const reply = await c.say('ada uang saku sama asrama gak?');
    expect(reply.text).toContain('Uang saku tidak disebutkan di info program ini.');
    expect(reply.text).toContain('Asrama tidak disebutkan di info program ini.');
    expect(reply.text).toContain('tekan 🙋 Petugas');
    expect(labels(reply)).toContain('🙋 Petugas');
    const cost = await c.say('bayar ga');
    expect(cost.text).toContain('biayanya Rp250.000');
    expect(cost.text).not.toContain('Petugas ya');
    const online = await c.say('bisa online?');
    expect(online.text).toContain('Bisa, programnya online');
    const seats = await c.say('kuota nya masih ada?');
    expect(seats.text).toContain('Kuota tidak disebutkan');
  });

  it('explains a gender rule with the reason', async () => {
    const c = await onCard('jahit-online');
    const man = await c.say('cowok bisa ikut?');
    expect(man.text).toContain('Maaf, tidak bisa');
    expect(man.text).toContain('khusus perempuan');
    const woman = await c.say('cewe boleh?');
    expect(woman.text).toContain('✅ Bisa');
    const older = await c.say('umur 40 bisa?');
    expect(older.text).toContain('✅ Bisa');
    expect(older.text).toContain('Usia minimal 17 tahun');
  });

  it('a question naming another place or country from the card is still a search', async () => {
    const c = await onCard('las-asrama');
    const bandung = await c.say('ada yg di bandung?');
    expect(bandung.text).toContain('Pelatihan Las Bandung');
    expect(bandung.text).not.toContain('Soal Pelatihan Las Asrama');
    const c2 = await onCard('las-asrama');
    const japan = await c2.say('magang jepang ada?');
    expect(japan.text).toContain('Magang Pabrik Jepang');
    expect(japan.text).not.toContain('Soal Pelatihan Las Asrama');
  });

  it('the card opened from a result list keeps "Kembali ke hasil" under the answer', async () => {
    const p = person();
    const c = conversation(h, p);
    const list = await c.say('pelatihan las di sby');
    const card = await c.press('1', list);
    expect(card.text).toContain('Pelatihan Las Asrama Surabaya');
    const reply = await c.say('ada asrama ga kak');
    expect(reply.text).toContain('Ada asrama');
    const back = await c.press('◀️ Kembali ke hasil', reply);
    expect(back.text).toContain('Ketemu');
  });

  it('answers in English for an English speaker', async () => {
    const c = conversation(h, { id: nextPerson++, firstName: 'Ann', languageCode: 'en' });
    await c.say('/start p_las-asrama');
    const reply = await c.say('how much is the stipend?');
    expect(reply.text).toContain('About Pelatihan Las Asrama Surabaya:');
    expect(reply.text).toContain('allowance of Rp1.500.000');
    const dorm = await conversation(h, c.person).say('is it free?');
    expect(dorm.text).toContain("It's free");
  });

  it('outside a card the same words still search with conditions', async () => {
    const c = conversation(h, person());
    const reply = await c.say('ada uang saku sama asrama gak?');
    expect(reply.text).not.toContain('Soal ');
    expect(reply.text).toContain('Ketemu 1 program untuk: ada uang saku');
    const free = await conversation(h, person()).say('ada pelatihan gratis?');
    expect(free.text).toContain('Ketemu');
    expect(free.text).toContain('Pelatihan Las Asrama Surabaya');
    expect(free.text).not.toContain('Kursus Menjahit Online Perempuan');
  });
});
