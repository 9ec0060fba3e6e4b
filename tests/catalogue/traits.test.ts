/**
 * What the person says they lack or have ("gk punya sim", "ga bisa berenang", "buta warna") and their
 * height answer the programmes' own questions, found by the organisers' wording whatever the question's
 * id: a programme whose question the person thereby fails is hidden, and the search says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProgrammes } from '../../src/catalogue/import';
import { personOf } from '../../src/catalogue/query';
import { searchProgrammes } from '../../src/catalogue/search';
import { traitAnswers } from '../../src/catalogue/traits';
import { understand } from '../../src/nlu';
import { isHeightQuestion, type ProgrammeQuestion } from '../../src/shared/profile';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { validProgramme } from './fixtures';

const today = '2026-11-20';
let database: TestDatabase;

const yesNo = (id: string, ask: string, require: boolean): ProgrammeQuestion => ({
  id,
  ask: { id: ask },
  type: 'yes_no',
  require,
});

const programme = (slug: string, questions: ProgrammeQuestion[]) =>
  validProgramme({
    slug,
    title: { id: `Pelatihan ${slug}` },
    field: 'otomotif',
    eligibility: { questions },
  });

beforeAll(async () => {
  database = await createTestDatabase();
  const summary = await importProgrammes(database.db, [
    programme('forklift-sim', [yesNo('sim_b1', 'Punya SIM B1?', true)]),
    programme('kapal-renang', [yesNo('renang', 'Apakah kamu bisa berenang?', true)]),
    programme('coding-laptop', [yesNo('punya_laptop', 'Apakah kamu punya laptop sendiri?', true)]),
    programme('las-pengalaman', [
      {
        id: 'pengalaman',
        ask: { id: 'Berapa tahun pengalaman mengelasmu?' },
        type: 'number',
        require: { min: 1 },
      },
    ]),
    programme('pabrik-warna', [yesNo('bw', 'Apakah kamu buta warna?', false)]),
    // Height asked under an id other than `tinggi_cm`: the wording says what it is.
    programme('satpam-tinggi', [
      { id: 'tinggi', ask: { id: 'Tinggi badan (cm)?' }, type: 'number', require: { min: 165 } },
    ]),
    programme('tanpa-syarat', []),
  ]);
  expect(summary.errors).toEqual([]);
});
afterAll(async () => {
  await database.destroy();
});

/** The slugs listed for a message, and the reasons given for what it hid. */
async function searchFor(text: string) {
  const person = personOf(understand(text));
  const result = await searchProgrammes(
    database.db,
    { fields: ['otomotif'], ...(person ? { person } : {}) },
    { today, pageSize: 50 },
  );
  return { slugs: result.items.map((i) => i.slug).sort(), reasons: result.hidden?.reasons ?? [] };
}

describe('the person’s stated limits against the programmes’ own questions', () => {
  it('hides what they cannot join, and says why', async () => {
    const all = (await searchFor('pelatihan otomotif')).slugs;
    expect(all).toHaveLength(7);
    const cases: Array<[string, string, string]> = [
      ['sertifikat forklift tapi aku gk punya sim', 'forklift-sim', 'trait.sim'],
      ['sa son bisa berenang, mau kerja kapal', 'kapal-renang', 'trait.renang'],
      ['gak punya laptop cuma hp, mau belajar', 'coding-laptop', 'trait.laptop'],
      ['blm pernah ngelas sama sekali', 'las-pengalaman', 'trait.las'],
      ['aku buta warna, bisa ikut?', 'pabrik-warna', 'trait.buta_warna'],
      ['tinggi aku 158', 'satpam-tinggi', 'height'],
    ];
    for (const [text, hidden, reason] of cases) {
      const found = await searchFor(text);
      expect(found.slugs, text).toEqual(all.filter((s) => s !== hidden));
      expect(found.reasons, text).toEqual([reason]);
    }
  });

  it('hides nothing when the person has what is asked, or only mentions it', async () => {
    for (const text of [
      'udah punya sim b1',
      'aku bisa berenang',
      'ga buta warna',
      'pelatihan sim b1',
      'tinggi 170',
    ])
      expect((await searchFor(text)).slugs, text).toHaveLength(7);
  });
});

describe('a home that is a city or a regency of one name', () => {
  it('hides a programme only for another regency of the province', async () => {
    const magelang = validProgramme({
      slug: 'pemandu-magelang',
      title: { id: 'Pelatihan Pemandu Wisata Borobudur' },
      field: 'pariwisata',
      location: { province: '33', regency: '33.08', mode: 'luring' },
      eligibility: { domicile: ['33.08', '33.71'] },
    });
    expect((await importProgrammes(database.db, [magelang])).errors).toEqual([]);
    const search = (domicile: { province: string; regency?: string; regencies?: string[] }) =>
      searchProgrammes(database.db, { fields: ['pariwisata'], person: { domicile } }, { today });
    const semarang = await search({ province: '33', regencies: ['33.74', '33.22'] });
    expect(semarang.items).toEqual([]);
    expect(semarang.hidden?.reasons).toEqual(['domicile']);
    expect((await search({ province: '33' })).items.map((i) => i.slug)).toEqual(['pemandu-magelang']);
    expect((await search({ province: '33', regencies: ['33.08', '33.71'] })).items).toHaveLength(1);
  });
});

describe('traitAnswers', () => {
  it('answers the questions a trait is about, by id or wording, for the explanation', () => {
    const questions = [
      yesNo('sim_b1', 'Punya SIM B1?', true),
      yesNo('x', 'Apakah kamu bisa berenang?', true),
      yesNo('simulasi', 'Bersedia ikut simulasi kerja?', true),
    ];
    expect(traitAnswers(questions, { sim: false, renang: false })).toEqual({ sim_b1: false, x: false });
  });
});

describe('isHeightQuestion', () => {
  it('reads the wording, whatever the id', () => {
    expect(isHeightQuestion({ id: 'tinggi', ask: { id: 'Tinggi badan (cm)?' }, type: 'number' })).toBe(true);
    expect(isHeightQuestion({ id: 'h', ask: { id: 'Your height (cm)?' }, type: 'number' })).toBe(true);
    expect(isHeightQuestion({ id: 'tinggi_cm', ask: { id: 'Berat badan (kg)?' }, type: 'number' })).toBe(
      false,
    );
  });
});
