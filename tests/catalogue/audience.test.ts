/**
 * A programme whose own title says it is for disabled people is listed for a general question only
 * when nothing open to everyone fits; asked for ("ramah disabilitas", "aku tuli"), it is found as any other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProgrammes } from '../../src/catalogue/import';
import { searchProgrammes } from '../../src/catalogue/search';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { validProgramme } from './fixtures';

const today = '2026-11-20';
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const summary = await importProgrammes(database.db, [
    validProgramme({
      slug: 'admin-disabilitas',
      title: { id: 'Pelatihan Admin Data Daring untuk Disabilitas' },
      field: 'administrasi',
      inclusion: { disability_friendly: true, accommodations: { id: 'Materi ramah pembaca layar' } },
    }),
    validProgramme({
      slug: 'admin-umum',
      title: { id: 'Pelatihan Admin Data Perkantoran' },
      field: 'administrasi',
    }),
    validProgramme({
      slug: 'web-ramah',
      title: { id: 'Pelatihan Pemrograman Web (Ramah Disabilitas)' },
      field: 'tik',
      inclusion: { disability_friendly: true, accommodations: { id: 'Materi ramah pembaca layar' } },
    }),
  ]);
  expect(summary.errors).toEqual([]);
});
afterAll(async () => {
  await database.destroy();
});

const slugs = async (query: Parameters<typeof searchProgrammes>[1]) =>
  (await searchProgrammes(database.db, query, { today })).items.map((i) => i.slug);

describe('programmes for a group', () => {
  it('come after what fits everyone, and are found when asked for', async () => {
    expect(await slugs({ fields: ['administrasi'], topics: [['admin']] })).toEqual(['admin-umum']);
    expect(await slugs({ fields: ['administrasi'] })).toEqual(['admin-umum', 'admin-disabilitas']);
    expect(await slugs({ fields: ['administrasi'], disabilityFriendly: true })).toEqual([
      'admin-disabilitas',
    ]);
    // "Ramah disabilitas" is open to everyone.
    expect(await slugs({ fields: ['tik'] })).toEqual(['web-ramah']);
  });
});
