import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tFor } from '../../src/i18n';
import { daysFromNow, loadCatalogue, overseas, programme } from '../helpers/catalogue';
import { conversation, type Reply } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';
import { textUpdate } from '../helpers/telegram';

let h: Harness;
let nextPerson = 70_000;
const person = () => ({ id: nextPerson++, firstName: 'Dewi' });

const CATALOGUE = [
  overseas('jp-kaigo', 'JP', {
    title: { id: 'Magang Kaigo Jepang' },
    field: 'perawatan',
    seats: { total: 30, women: 10 },
  }),
  overseas('jp-pabrik', 'JP', { title: { id: 'Magang Pabrik Jepang' } }),
  overseas('kr-pabrik', 'KR', { title: { id: 'Magang Pabrik Korea' } }),
  overseas('qa-hotel', 'QA', {
    title: { id: 'Magang Hotel Qatar' },
    field: 'perhotelan',
    seats: { total: 20, women: 5 },
  }),
  overseas('tw-perempuan', 'TW', {
    title: { id: 'Magang Elektronik Taiwan untuk Perempuan' },
    field: 'elektronika',
    eligibility: { age: { min: 18, max: 30 }, gender: 'perempuan' },
  }),
  programme('las-sby', { title: { id: 'Pelatihan Las Surabaya' } }),
  programme('las-bdg', {
    title: { id: 'Pelatihan Las Bandung' },
    location: { province: '32', regency: '32.73', mode: 'luring' },
  }),
  programme('otomotif-sby', { title: { id: 'Pelatihan Otomotif Surabaya' }, field: 'otomotif' }),
  programme('tik-gratis', {
    title: { id: 'Pelatihan Komputer Gratis' },
    field: 'tik',
    location: { province: '31', regency: '31.71', mode: 'luring' },
  }),
  programme('tik-berbayar', {
    title: { id: 'Kursus Komputer Berbayar' },
    field: 'tik',
    costs: { fee_idr: 750000 },
  }),
  programme('tik-tutup', {
    title: { id: 'Pelatihan Komputer Sudah Tutup' },
    field: 'tik',
    dates: {
      registration_opens: daysFromNow(-60),
      registration_closes: daysFromNow(-5),
      starts: daysFromNow(10),
    },
  }),
  programme('magang-jatim', {
    kind: 'magang',
    title: { id: 'Magang Pabrik Gresik' },
    field: 'manufaktur',
    location: { province: '35', regency: '35.25', mode: 'luring' },
  }),
  ...['11', '12', '13', '33', '34', '51', '61'].map((province, i) =>
    programme(`jahit-${province}`, {
      title: { id: `Pelatihan Menjahit ${i + 1}` },
      field: 'menjahit',
      location: { province, mode: 'luring' },
    }),
  ),
];

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, CATALOGUE);
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.api.reset());

/** Sends a text and returns the last message the bot sent back. */
const say = (p: { id: number }, text: string) => conversation(h, p).say(text);
const press = (p: { id: number }, reply: Reply, label: string | RegExp) =>
  conversation(h, p).press(label, reply);

const idT = tFor('id');
const titlesIn = (text: string) =>
  CATALOGUE.map((c) => (c.title as { id: string }).id).filter((t) => text.includes(t));

describe('discovery through the Telegram webhook', () => {
  it('"ada magang ke jepang gak kak?" lists the Japan apprenticeships and nothing else', async () => {
    const reply = await say(person(), 'ada magang ke jepang gak kak?');
    expect(titlesIn(reply.text).sort()).toEqual(['Magang Kaigo Jepang', 'Magang Pabrik Jepang']);
  });

  it('"pelatihan las di sby" finds welding in Surabaya, not Bandung', async () => {
    const reply = await say(person(), 'pelatihan las di sby');
    expect(titlesIn(reply.text)).toEqual(['Pelatihan Las Surabaya']);
  });

  it('"plthan komputer gratis dmn ya" lists the free, open computer course only', async () => {
    const reply = await say(person(), 'plthan komputer gratis dmn ya');
    expect(titlesIn(reply.text)).toEqual(['Pelatihan Komputer Gratis']);
  });

  it('"magang luar negri yg buat cewe" lists overseas apprenticeships with places for women', async () => {
    const reply = await say(person(), 'magang luar negri yg buat cewe');
    expect(titlesIn(reply.text).sort()).toEqual([
      'Magang Elektronik Taiwan untuk Perempuan',
      'Magang Hotel Qatar',
      'Magang Kaigo Jepang',
    ]);
  });

  it('opens a card from the list with the programme facts and its actions', async () => {
    const p = person();
    const list = await say(p, 'pelatihan las di sby');
    const card = await press(p, list, '1');
    expect(card.text).toContain('Pelatihan Las Surabaya');
    expect(card.text).toContain('BLK Uji');
    expect(card.text).toContain('Kota Surabaya, Jawa Timur');
    expect(card.text).toContain('GRATIS');
    expect(card.text).toMatch(/tutup \d+ hari lagi/);
    expect(card.buttons.map((b) => b.text)).toEqual(
      expect.arrayContaining([
        '✅ Cek kelayakan',
        '📝 Daftar',
        '⭐ Simpan',
        '📤 Bagikan',
        '◀️ Kembali ke hasil',
        '🏠 Menu',
      ]),
    );
    const back = await press(p, card, '◀️ Kembali ke hasil');
    expect(back.text).toContain('Ketemu 1 program');
  });

  it('pages five at a time with next and previous', async () => {
    const p = person();
    const first = await say(p, 'pelatihan menjahit');
    expect(first.text).toContain('Ketemu 7 program');
    expect(first.text).toContain('halaman 1/2');
    expect(first.buttons.filter((b) => /^\d$/.test(b.text)).map((b) => b.text)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    const second = await press(p, first, 'Berikutnya ▶️');
    expect(second.text).toContain('halaman 2/2');
    expect(second.buttons.filter((b) => /^\d$/.test(b.text)).map((b) => b.text)).toEqual(['6', '7']);
    const typedBack = await say(p, 'sebelumnya');
    expect(typedBack.text).toContain('halaman 1/2');
  });

  it('explains an empty result: which filter emptied it, and what dropping it finds', async () => {
    const p = person();
    const reply = await say(p, 'pelatihan las di medan');
    expect(reply.text).toContain('Belum ada program yang buka');
    expect(reply.text).toMatch(/Tidak ada di Sumatera Utara, tapi ada 2 di provinsi lain/);
    const wider = await press(p, reply, /^Lihat 2/);
    expect(titlesIn(wider.text).sort()).toEqual(['Pelatihan Las Bandung', 'Pelatihan Las Surabaya']);
  });

  it('narrows what is on screen when the person types a refinement', async () => {
    const p = person();
    const all = await say(p, 'pelatihan komputer');
    expect(titlesIn(all.text).sort()).toEqual(['Kursus Komputer Berbayar', 'Pelatihan Komputer Gratis']);
    const free = await say(p, 'yang gratis aja');
    expect(titlesIn(free.text)).toEqual(['Pelatihan Komputer Gratis']);
  });

  it('refines by field with buttons that say how many programmes each has', async () => {
    const p = person();
    const all = await say(p, 'pelatihan');
    const refine = await press(p, all, '🔧 Saring hasil');
    const fields = await press(p, refine, 'Kejuruan');
    expect(fields.buttons.map((b) => b.text)).toEqual(expect.arrayContaining(['Menjahit & garmen (7)']));
    const sewing = await press(p, fields, 'Menjahit & garmen (7)');
    expect(sewing.text).toContain('Ketemu 7 program');
  });

  it('saves a programme with reminders, and shares it with a t.me deep link', async () => {
    const p = person();
    const list = await say(p, 'pelatihan otomotif');
    const card = await press(p, list, '1');
    await press(p, card, '⭐ Simpan');
    const texts = h.api.texts(p.id);
    expect(texts.some((t) => t.includes('disimpan') && t.includes('3 hari dan 1 hari'))).toBe(true);
    h.api.reset();
    const again = await say(p, '/menu');
    void again;
    const list2 = await say(p, 'pelatihan otomotif');
    const card2 = await press(p, list2, '1');
    expect(card2.buttons.some((b) => b.text === 'Hapus dari simpanan')).toBe(true);
    await press(p, card2, '📤 Bagikan');
    expect(
      h.api.texts(p.id).some((t) => t.includes('https://t.me/jembatan_test_bot?start=p_otomotif-sby')),
    ).toBe(true);
  });

  it('a shared link (/start p_<slug>) opens the card directly', async () => {
    const p = person();
    await h.post(textUpdate(p, '/start p_qa-hotel'));
    expect(h.api.texts(p.id).at(-1)).toContain('Magang Hotel Qatar');
  });

  it('subscribes to an alert for a search with no results ("kabari aku kalau ada …")', async () => {
    const p = person();
    const reply = await say(p, 'kabari aku kalau ada magang ke australia');
    expect(h.api.texts(p.id).some((t) => t.includes('Aku akan mengabarimu'))).toBe(true);
    expect(reply.text).toContain('Mau mulai dari mana?');
  });

  it('a filler, a dialect word or a verb never hides the right programmes', async () => {
    for (const text of [
      'min nanya dong, ada pelatihan las di sby gak sih',
      'mas, aku pengen nglas nang suroboyo, ono pelatihan ra?',
      'pelatihan las sby plis kk',
      'kepingin belajar las di surabaya',
    ]) {
      const reply = await say(person(), text);
      expect(titlesIn(reply.text), text).toEqual(['Pelatihan Las Surabaya']);
    }
  });

  it('an unknown word only ranks: programmes that say it first, and without it the others all the same', async () => {
    const drone = await say(person(), 'pelatihan las drone bawah air di bandung');
    expect(titlesIn(drone.text)).toEqual(['Pelatihan Las Bandung']);
  });

  it('what the person says about themselves hides what they cannot join, and says why in one line', async () => {
    const man = await say(person(), 'saya laki-laki, ada magang ke taiwan?');
    // Nothing listed as found; under the reason, only what fits him instead (issue #14, point 7).
    const [found, why = ''] = man.text.split(idT('eligibility:flow.whyNot'));
    const [, instead = ''] = why.split(idT('eligibility:flow.nearYou'));
    expect(titlesIn(found!)).toEqual([]);
    expect(man.text).toContain('Ada 1, tapi syaratnya');
    // The refusal says what and where the programme is, not its title: it is no result to pick.
    expect(why).toContain('✗ Magang luar negeri · Taiwan');
    expect(titlesIn(why)).not.toContain('Magang Elektronik Taiwan untuk Perempuan');
    expect(titlesIn(instead)).not.toContain('Magang Elektronik Taiwan untuk Perempuan');
    const list = await say(person(), 'cowok umur 24, magang luar negeri apa aja?');
    expect(titlesIn(list.text)).not.toContain('Magang Elektronik Taiwan untuk Perempuan');
    expect(list.text).toMatch(
      /1 program tidak kutampilkan karena syaratnya tidak cocok denganmu \(khusus perempuan\)/,
    );
    // Nothing is stored: asked again without the facts, the programme is there.
    const woman = await say(person(), 'magang ke taiwan');
    expect(titlesIn(woman.text)).toEqual(['Magang Elektronik Taiwan untuk Perempuan']);
  });

  it('leaves out what the person rules out, and combines what they name together', async () => {
    const notFactory = await say(person(), 'magang jepang tapi jangan pabrik');
    expect(titlesIn(notFactory.text)).toEqual(['Magang Kaigo Jepang']);
    const either = await say(person(), 'magang ke korea atau qatar');
    expect(titlesIn(either.text).sort()).toEqual(['Magang Hotel Qatar', 'Magang Pabrik Korea']);
  });

  it('every list line says where and when registration closes', async () => {
    const reply = await say(person(), 'magang ke jepang');
    for (const line of reply.text.split('\n').filter((l) => l.startsWith('   ')))
      expect(line).toMatch(/Jepang · .* · (⏰ )?tutup \d{1,2} [A-Z][a-z]{2} \(\d+ hari lagi\)/);
  });
});
