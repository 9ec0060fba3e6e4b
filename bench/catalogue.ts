// Catalogue, understanding and matching on a 10,000-programme generated catalogue on the real Postgres.
// Targets: import ≤ 30 s (issue #3), search p95 ≤ 20 ms, understanding p95 ≤ 2 ms (issue #3),
// matching one profile p95 ≤ 50 ms (issue #4).

import { generateCatalogue, importProgrammes } from '../src/catalogue';
import { type ProgrammeQuery, searchProgrammes } from '../src/catalogue/search';
import { openDatabase } from '../src/db/client';
import type { StoredProfile } from '../src/db/schema';
import { findMatches } from '../src/features/eligibility/match';
import { benchUnderstand } from '../src/nlu/bench';
import { loadRegions } from '../src/regions';
import { freshPostgres } from './postgres';
import { ms, summarise } from './stats';

const N = Number(process.env.BENCH_CATALOGUE_SIZE ?? 10_000);

async function timeEach<T>(
  inputs: T[],
  rounds: number,
  run: (input: T) => Promise<unknown>,
): Promise<number[]> {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const input of inputs) {
      const started = performance.now();
      await run(input);
      samples.push(performance.now() - started);
    }
  return samples;
}

export async function benchCatalogue(): Promise<void> {
  loadRegions();
  const pg = await freshPostgres('jembatan_bench_catalogue');
  const database = await openDatabase({ databaseUrl: pg.url, pgliteDir: '' });
  try {
    console.log(`\n## Catalogue (${N.toLocaleString('en')} generated programmes, real Postgres)`);
    const records = generateCatalogue(N, 42);
    let started = performance.now();
    const first = await importProgrammes(database.db, JSON.stringify(records));
    const importMs = performance.now() - started;
    started = performance.now();
    const again = await importProgrammes(database.db, JSON.stringify(records));
    const reimportMs = performance.now() - started;
    console.log(
      `import: ${(importMs / 1000).toFixed(1)} s (${first.created} created, ${first.invalid} invalid)   (target ≤ 30 s)`,
    );
    console.log(
      `re-import of the same file: ${(reimportMs / 1000).toFixed(1)} s (${again.unchanged} unchanged)`,
    );

    const queries: ProgrammeQuery[] = [
      { kinds: ['magang_luar_negeri'], country: 'JP' },
      { kinds: ['pelatihan'], fields: ['las'], regency: '35.78' },
      { kinds: ['pelatihan'], fields: ['tik'], free: true },
      { kinds: ['magang_luar_negeri'], womenOnly: true },
      { province: '33' },
      { fields: ['menjahit'], province: '32', free: true },
      { text: 'komputer' },
      { text: 'perawat lansia jepang' },
      { kinds: ['sertifikasi'] },
      { disabilityFriendly: true, online: true },
      {},
      { kinds: ['magang'], province: '35', stipend: true },
    ];
    for (const q of queries) await searchProgrammes(database.db, q); // warm caches and plans
    const search = summarise(
      await timeEach(queries, 20, (q) => searchProgrammes(database.db, q, { page: 1 })),
    );
    console.log(
      `search: p50 ${ms(search.p50)}   p95 ${ms(search.p95)}   p99 ${ms(search.p99)}   (${search.n} queries; target p95 ≤ 20 ms)`,
    );

    const profiles: StoredProfile[] = [
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
        birthDate: '2005-11-30',
        gender: 'perempuan',
        domicileProvince: '73',
        domicileRegency: '73.71',
        education: { level: 'S1', graduationYear: 2026 },
        activity: 'lulusan_baru',
      },
      {
        birthDate: '1990-07-07',
        gender: 'laki_laki',
        domicileProvince: '12',
        education: { level: 'D3' },
        activity: 'tidak_bekerja',
      },
    ];
    for (const p of profiles) await findMatches(database.db, p, { locale: 'id' });
    const match = summarise(
      await timeEach(profiles, 10, (p) => findMatches(database.db, p, { locale: 'id', limit: 5 })),
    );
    console.log(
      `match one profile against the catalogue: p50 ${ms(match.p50)}   p95 ${ms(match.p95)}   (target p95 ≤ 50 ms)`,
    );

    const nlu = benchUnderstand(20);
    console.log(
      `free-text understanding: p50 ${ms(nlu.p50Ms)}   p95 ${ms(nlu.p95Ms)}   ${Math.round(nlu.perSecond).toLocaleString('en')}/s   (target p95 ≤ 2 ms)`,
    );
  } finally {
    await database.close();
    await pg.drop();
  }
}
