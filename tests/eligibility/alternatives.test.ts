/**
 * Alternatives near the person after a refusal (issue #14, point 7), through the Telegram webhook: a
 * woman in Kota Bekasi is refused a Jakarta-only programme; what fits instead is listed where she lives
 * first, then her province, then online and abroad — never the same course on another island first —
 * each line saying where, and no line under the refusal promising her a seat.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tFor } from '../../src/i18n';
import { loadCatalogue, overseas, programme } from '../helpers/catalogue';
import { conversation, type Reply } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';

const t = tFor('id');
let h: Harness;
let next = 630_000;

const open = { age: { min: 18, max: 35 }, education: { min: 'SMP' } };
const CATALOGUE = [
  programme('las-jakarta', {
    title: { id: 'Pelatihan Las Warga Jakarta' },
    location: { province: '31', regency: '31.74', mode: 'luring' },
    seats: { total: 40, women: 20 },
    eligibility: { ...open, domicile: ['31'] },
  }),
  // The same field on another island: it used to come first, as the closest interest.
  programme('las-makassar', {
    title: { id: 'Pelatihan Las Makassar' },
    location: { province: '73', regency: '73.71', mode: 'luring' },
    eligibility: open,
  }),
  programme('boga-bekasi', {
    title: { id: 'Pelatihan Tata Boga Bekasi' },
    field: 'tata_boga',
    location: { province: '32', regency: '32.75', mode: 'luring' },
    eligibility: open,
  }),
  programme('jahit-bogor', {
    title: { id: 'Pelatihan Menjahit Bogor' },
    field: 'menjahit',
    location: { province: '32', regency: '32.01', mode: 'luring' },
    eligibility: open,
  }),
  programme('tik-daring', {
    title: { id: 'Kelas Komputer Daring' },
    field: 'tik',
    location: { mode: 'daring' },
    eligibility: open,
  }),
  overseas('magang-jepang', 'JP', { title: { id: 'Magang Manufaktur Jepang' }, eligibility: open }),
];

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, CATALOGUE);
});
afterAll(() => h?.close());

/** Answers whatever the bot asks, by the question's own words. */
async function answer(p: ReturnType<typeof conversation>, answers: Record<string, string>): Promise<Reply> {
  let reply = p.last();
  for (let turn = 0; turn < 10; turn++) {
    if (reply.buttons.some((b) => b.text === t('profile:consent.agree'))) {
      reply = await p.press(t('profile:consent.agree'));
      continue;
    }
    const asked = Object.keys(answers).find((k) => reply.text.includes(t(`profile:ask.${k}`)));
    if (!asked) return reply;
    reply = await p.say(answers[asked]!);
  }
  throw new Error(`the questions did not end: ${reply.text}`);
}

describe('after a refusal', () => {
  it('lists what fits near her first, each with its place, and promises no seat', async () => {
    const p = conversation(h, { id: next++, firstName: 'Sari' });
    await p.say('/start p_las-jakarta');
    await p.press(/Cek kelayakan/);
    const result = await answer(p, {
      birthDate: '17-08-2001',
      gender: 'perempuan',
      domicile: 'Kota Bekasi',
      education: 'SMA',
      activity: 'tidak bekerja',
    });
    expect(result.text).toContain(
      t('eligibility:flow.outcome.ineligible', { title: 'Pelatihan Las Warga Jakarta' }),
    );
    // Nothing under the refusal says there is a seat for her.
    expect(result.text).not.toMatch(/kursi khusus perempuan/);
    expect(result.text).not.toContain('💺');

    const list = result.text.split(t('eligibility:flow.alternatives'))[1] ?? '';
    const titles = [...list.matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1]);
    expect(titles).toEqual(['Pelatihan Tata Boga Bekasi', 'Pelatihan Menjahit Bogor', expect.any(String)]);
    expect(['Kelas Komputer Daring', 'Magang Manufaktur Jepang']).toContain(titles[2]);
    expect(titles).not.toContain('Pelatihan Las Makassar');
    // Every line says where.
    const places = [...list.matchAll(/^ {3}📍 ([^·]+) ·/gm)].map((m) => m[1]!.trim());
    expect(places.length).toBe(3);
    expect(places[0]).toContain('Bekasi');
    expect(places[1]).toContain('Bogor');
    expect(['Jepang', t('discovery:card.online')]).toContain(places[2]);
  });

  it('still says where each programme is in the list of what fits', async () => {
    const p = conversation(h, { id: next++, firstName: 'Dina' });
    await p.say('/start');
    await p.say('program apa yang cocok untukku?');
    const list = await answer(p, {
      birthDate: '17-08-2001',
      gender: 'perempuan',
      domicile: 'Kota Bekasi',
      education: 'SMA',
      activity: 'tidak bekerja',
    });
    const lines = [...list.text.matchAll(/^\d+\. .+\n(.+)$/gm)].map((m) => m[1]!);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/📍 \S/);
  });

  it('after a search ruled out by what she said in one message: why, then what fits near her', async () => {
    const p = conversation(h, { id: next++, firstName: 'Wulan' });
    await p.say('/start');
    const reply = await p.say(
      'aku cewek umur 27, tinggal di kota bekasi, lulusan sma. pelatihan las jakarta bisa?',
    );
    const [, why = ''] = reply.text.split(t('eligibility:flow.whyNot'));
    const [reasons, near = ''] = why.split(t('eligibility:flow.nearYou'));
    // Named by what and where it is, not by its title: a refusal is no result to pick.
    expect(reasons).toContain('✗ Pelatihan · Kota Jakarta Selatan');
    expect(reasons).not.toContain('Pelatihan Las Warga Jakarta');
    const titles = [...near.matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1]);
    // Near is her own regency; another trade a regency away answers nothing she asked.
    expect(titles).toEqual(['Pelatihan Tata Boga Bekasi']);
    expect(titles).not.toContain('Pelatihan Menjahit Bogor');
    expect(titles).not.toContain('Pelatihan Las Makassar');
    expect([...near.matchAll(/^ {3}📍 \S/gm)].length).toBe(titles.length);
    // Nothing was stored: no consent was asked.
    expect(reply.buttons.map((b) => b.text)).not.toContain(t('profile:consent.agree'));
  });
});
