import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue, importProgrammes } from '../../src/catalogue';
import { programmes, type StoredProfile } from '../../src/db/schema';
import { jakartaDay, toIsoDate } from '../../src/eligibility';
import { evaluateFor } from '../../src/eligibility/for-profile';
import { findMatches } from '../../src/features/eligibility/match';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const result = await importProgrammes(database.db, JSON.stringify(generateCatalogue(400, 7)));
  expect(result.invalid).toBe(0);
});
afterAll(async () => {
  await database.destroy();
});

const PROFILES: StoredProfile[] = [
  {
    birthDate: '2001-05-17',
    gender: 'perempuan',
    domicileProvince: '35',
    domicileRegency: '35.78',
    education: { level: 'SMA', graduationYear: 2019 },
    activity: 'tidak_bekerja',
  },
  {
    birthDate: '1998-01-02',
    gender: 'laki_laki',
    domicileProvince: '32',
    education: { level: 'SMP' },
    activity: 'bekerja',
  },
  {
    birthDate: '2008-11-30',
    gender: 'perempuan',
    domicileProvince: '73',
    education: { level: 'SMP' },
    activity: 'pelajar',
  },
  {
    birthDate: '1985-07-07',
    gender: 'laki_laki',
    domicileProvince: '12',
    domicileRegency: '12.71',
    education: { level: 'S1', graduationYear: 2008 },
    activity: 'tidak_bekerja',
  },
  { gender: 'perempuan', education: { level: 'D3' } },
];

describe('findMatches', () => {
  it.each(PROFILES.map((p, i) => [i, p] as const))(
    'finds exactly what the rules engine accepts over the whole catalogue (profile %i)',
    async (_, profile) => {
      const today = toIsoDate(jakartaDay());
      const rows = await database.db
        .select({ slug: programmes.slug, record: programmes.record, status: programmes.status })
        .from(programmes);
      const expected = rows
        .filter(
          (r) =>
            r.status === 'open' &&
            (!r.record.dates?.registration_closes || r.record.dates.registration_closes >= today),
        )
        .filter((r) =>
          ['eligible', 'eligible_not_preferred'].includes(
            evaluateFor(r.record, profile, 'id', today).outcome,
          ),
        )
        .map((r) => r.slug)
        .sort();
      const found = await findMatches(database.db, profile, { locale: 'id', limit: 10_000 });
      expect(found.map((m) => m.slug).sort()).toEqual(expected);
      // The catalogue has something for the young job-seekers; the 41-year-old and the person with an
      // incomplete profile may rightly get nothing — equality above is what matters.
      if (profile.birthDate && profile.birthDate > '1995-01-01' && profile.activity !== 'pelajar')
        expect(expected.length).toBeGreaterThan(0);
    },
  );

  it('returns the best first, and the top of a short list equals the top of the full list', async () => {
    const profile = PROFILES[0]!;
    const all = await findMatches(database.db, profile, { locale: 'id', limit: 10_000, interests: ['tik'] });
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
    const top = await findMatches(database.db, profile, { locale: 'id', limit: 5, interests: ['tik'] });
    expect(top.map((m) => m.score)).toEqual(all.slice(0, 5).map((m) => m.score));
  });
});
