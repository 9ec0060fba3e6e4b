import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ANCHOR_DATE, demoCatalogue } from '../../src/catalogue/demo';
import { importProgrammes } from '../../src/catalogue/import';
import {
  describeRelaxation,
  explainEmpty,
  getProgramme,
  type ProgrammeQuery,
  searchProgrammes,
} from '../../src/catalogue/search';
import { tFor } from '../../src/i18n';
import type { Programme } from '../../src/shared/programme';
import { loadRegions } from '../../src/shared/programme-regions';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { validProgramme } from './fixtures';

const today = DEMO_ANCHOR_DATE; // 2026-11-23
let database: TestDatabase;
let records: Programme[];

beforeAll(async () => {
  database = await createTestDatabase();
  const demo = demoCatalogue({ today });
  const draft = validProgramme({ slug: 'draf-las-surabaya', status: 'draft' });
  const summary = await importProgrammes(database.db, [...demo, draft]);
  expect(summary.errors).toEqual([]);
  records = demo as Programme[];
});
afterAll(async () => {
  await database.destroy();
});

/** Every result of a query, all pages. */
async function all(query: ProgrammeQuery) {
  const first = await searchProgrammes(database.db, query, { today, pageSize: 50 });
  return first.items;
}
const slugs = async (query: ProgrammeQuery) => (await all(query)).map((i) => i.slug);

const isOpenOrUpcoming = (p: Programme) =>
  p.status === 'open' && (p.dates.registration_closes ?? '9999') >= today;

describe('searchProgrammes', () => {
  it('lists open programmes first, then those opening later, closing soonest first; no drafts, no closed ones', async () => {
    const items = await all({});
    expect(items.length).toBe(records.filter(isOpenOrUpcoming).length);
    expect(items.some((i) => i.slug === 'draf-las-surabaya')).toBe(false);
    const states = items.map((i) => i.state);
    expect(states.indexOf('upcoming')).toBeGreaterThan(states.lastIndexOf('open'));
    expect(states).not.toContain('closed');
    // Those open to anyone, closing soonest first; those only some may join (by domicile) after them.
    const restricted = new Set(
      records
        .filter((p) => p.eligibility?.domicile?.length && !p.eligibility.preferred?.includes('domicile'))
        .map((p) => p.slug),
    );
    const open = items.filter((i) => i.state === 'open');
    const openToAll = open.filter((i) => !restricted.has(i.slug)).map((i) => i.registrationCloses ?? '9999');
    expect(openToAll).toEqual([...openToAll].sort());
    expect(open.findIndex((i) => restricted.has(i.slug))).toBeGreaterThanOrEqual(openToAll.length);
    expect(items[0]).toMatchObject({
      slug: 'demo-magang-manufaktur-cikarang',
      daysLeft: 1,
      closingSoon: true,
      state: 'open',
    });
  });

  it('flags programmes closing within 7 days', async () => {
    for (const item of await all({})) {
      const soon = item.state === 'open' && item.daysLeft !== null && item.daysLeft <= 7;
      expect(item.closingSoon).toBe(soon);
    }
    expect((await all({})).filter((i) => i.closingSoon).length).toBeGreaterThanOrEqual(3);
  });

  it('pages five at a time by default', async () => {
    const total = records.filter(isOpenOrUpcoming).length;
    const page1 = await searchProgrammes(database.db, {}, { today });
    const page2 = await searchProgrammes(database.db, {}, { today, page: 2 });
    expect(page1).toMatchObject({ total, page: 1, pageSize: 5, pages: Math.ceil(total / 5) });
    expect(page1.items).toHaveLength(5);
    expect(page2.items.map((i) => i.slug)).toEqual((await slugs({})).slice(5, 10));
    const beyond = await searchProgrammes(database.db, {}, { today, page: 99 });
    expect(beyond).toMatchObject({ total, items: [], page: 99 });
  });

  it('returns summaries ready for a list', async () => {
    const [item] = (await all({ text: 'kaigo' })).filter((i) => i.slug === 'demo-magang-jepang-kaigo');
    expect(item).toMatchObject({
      kind: 'magang_luar_negeri',
      field: 'perawatan',
      title: {
        id: 'Magang Perawat Lansia (Kaigo) di Jepang',
        en: 'Elderly-care (kaigo) apprenticeship in Japan',
      },
      provider: { name: 'LPK Hikari Nusantara', type: 'LPK' },
      country: 'JP',
      province: '35',
      regency: '35.78',
      feeIdr: 8_000_000,
      stipendIdr: 12_000_000,
      stipendPeriod: 'bulan',
      seatsTotal: 40,
      seatsWomen: 30,
      state: 'open',
      daysLeft: 25,
      closingSoon: false,
    });
  });

  it('filters by kind, field and country', async () => {
    const overseas = await all({ kinds: ['magang_luar_negeri'] });
    expect(overseas.length).toBeGreaterThan(5);
    expect(overseas.every((i) => i.kind === 'magang_luar_negeri')).toBe(true);
    const japan = await all({ country: 'jp' });
    expect(japan.length).toBeGreaterThanOrEqual(4);
    // Programmes to Japan, and a course at home whose title names it ("Bahasa Jepang").
    expect(japan.every((i) => i.country === 'JP' || /jepang|japan/i.test(i.title.id))).toBe(true);
    expect(japan.filter((i) => i.country !== 'JP').every((i) => i.kind === 'pelatihan')).toBe(true);
    const certification = await all({ kinds: ['sertifikasi'], fields: ['las', 'tik'] });
    expect(certification.map((i) => i.slug).sort()).toEqual([
      'demo-lsp-junior-web-developer-daring',
      'demo-lsp-uji-kompetensi-las-surabaya',
    ]);
  });

  it('a regency matches what is held there; online programmes only when nothing there fits', async () => {
    const las = await slugs({ regency: '35.78', fields: ['las'] });
    expect(las).toEqual(['demo-lsp-uji-kompetensi-las-surabaya', 'demo-blk-surabaya-las-listrik']);
    const tik = await all({ regency: '35.78', fields: ['tik'] });
    // Surabaya's own computer course has closed; online ones remain.
    expect(tik.every((i) => i.mode === 'daring')).toBe(true);
    expect(tik.map((i) => i.slug)).toContain('demo-bpvp-samarinda-analisis-data-daring');
    const training = await all({ regency: '35.78', kinds: ['pelatihan'] });
    expect(training.length).toBeGreaterThan(0);
    expect(training.every((i) => i.regency === '35.78' && i.mode !== 'daring')).toBe(true);
    // Counted as listed.
    const { total } = await searchProgrammes(database.db, { regency: '35.78', fields: ['las'] }, { today });
    expect(total).toBe(2);
  });

  it('when classes are held filters, and says so when nothing fits', async () => {
    const any = await all({ kinds: ['pelatihan'] });
    const evening = await all({ kinds: ['pelatihan'], schedule: [['malam', 'selepas kerja']] });
    expect(evening.length).toBeGreaterThan(0);
    expect(evening.length).toBeLessThan(any.length);
    const surabaya = { regency: '35.78', schedule: [['subuh']] } satisfies ProgrammeQuery;
    const explained = await explainEmpty(database.db, surabaya, { today });
    expect(explained.total).toBe(0);
    expect(explained.relaxations.map((r) => r.filter)).toContain('schedule');
  });

  it('a province matches programmes in any of its regencies', async () => {
    const las = await all({ province: '35', fields: ['las'] });
    expect(las.map((i) => i.slug)).toEqual([
      'demo-lsp-uji-kompetensi-las-surabaya',
      'demo-blk-surabaya-las-listrik',
      'demo-blk-sidoarjo-las-pipa',
    ]);
    expect(las.at(-1)!.state).toBe('upcoming');
  });

  it('filters by cost, stipend, women-only, disability-friendly and online', async () => {
    const free = await all({ free: true });
    expect(free.length).toBeGreaterThan(20);
    expect(free.every((i) => i.feeIdr === 0)).toBe(true);
    expect((await all({ stipend: true })).every((i) => i.stipendIdr > 0)).toBe(true);
    // "Buat cewek": women-only programmes and those with a women's quota, never one without either.
    const forWomen = await all({ womenOnly: true });
    expect(forWomen.map((i) => i.slug)).toEqual(
      expect.arrayContaining([
        'demo-yayasan-perempuan-wirausaha-daring',
        'demo-bpvp-surakarta-menjahit-perempuan',
      ]),
    );
    expect(forWomen.length).toBeGreaterThan(2);
    expect(forWomen.every((i) => i.womenOnly || (i.seatsWomen ?? 0) > 0)).toBe(true);
    const accessible = await all({ disabilityFriendly: true });
    expect(accessible.length).toBeGreaterThanOrEqual(3);
    expect(accessible.every((i) => i.disabilityFriendly)).toBe(true);
    const online = await all({ online: true, fields: ['tik'] });
    expect(online.length).toBeGreaterThanOrEqual(2);
    expect(online.every((i) => i.mode === 'daring')).toBe(true);
  });

  it('filters by what a programme gives ("yg ada asrama"), and a condition said alone lists all that meet it', async () => {
    const withDorm = records.filter((r) => isOpenOrUpcoming(r) && r.benefits?.includes('asrama'));
    expect(withDorm.length).toBeGreaterThan(0);
    const dorm = await all({ benefits: ['asrama'] });
    expect(dorm.map((i) => i.slug).sort()).toEqual(withDorm.map((r) => r.slug).sort());
    // Words beside a condition rank; they never empty it ("kelas online apa aja, honestly").
    const online = await slugs({ online: true });
    expect(await slugs({ online: true, text: 'honestly basically' })).toEqual(online);
    // A field the person studied lists its programmes first and hides none of the others.
    const studied = await searchProgrammes(database.db, { province: '35', rankFields: ['las'] }, { today });
    expect(studied.items.length).toBeGreaterThan(0);
    expect(studied.items.every((i) => i.field === 'las')).toBe(true);
    const everything = await searchProgrammes(
      database.db,
      { province: '35', rankFields: ['las'], everything: true },
      { today, pageSize: 50 },
    );
    expect(everything.total).toBe((await all({ province: '35' })).length);
    const empty = await explainEmpty(database.db, { benefits: ['asrama'], online: true }, { today });
    if (empty.total === 0) expect(empty.relaxations.map((r) => r.filter)).toContain('benefits');
  });

  it('free text matches words by their start, forgives typos, and ranks the best match first', async () => {
    const las = await slugs({ text: 'las' });
    expect(las).toContain('demo-blk-surabaya-las-listrik');
    // "kelas" is not "las".
    expect(las).not.toContain('demo-bpvp-samarinda-analisis-data-daring');
    expect(await slugs({ text: 'komputr' })).toContain('demo-bpvp-ambon-komputer-dasar');
    expect(await slugs({ text: 'jahit' })).toContain('demo-bpvp-surakarta-menjahit-perempuan');
    expect(await slugs({ text: 'korea' })).toEqual(['demo-eps-korea-manufaktur']);
    const japan = await all({ text: 'magang jepang' });
    expect(japan.length).toBeGreaterThanOrEqual(4);
    expect(japan.every((i) => i.country === 'JP' || i.title.id.toLowerCase().includes('jepang'))).toBe(true);
    expect((await slugs({ text: 'magang kaigo jepang' }))[0]).toBe('demo-magang-jepang-kaigo');
    // Every word must match: the LSP's summary speaks of "lulus pelatihan".
    expect(await slugs({ text: 'pelatihan las surabaya' })).toEqual([
      'demo-lsp-uji-kompetensi-las-surabaya',
      'demo-blk-surabaya-las-listrik',
    ]);
    expect(await slugs({ text: 'kak ada yg gratis gak' })).toEqual(await slugs({ text: 'gratis' }));
  });

  it('includes closed programmes only when asked, after the open ones', async () => {
    const items = await all({ includeClosed: true, province: '35' });
    const closed = items.filter((i) => i.state === 'closed');
    expect(closed.map((i) => i.slug).sort()).toEqual([
      'demo-blk-surabaya-operator-komputer',
      'demo-magang-jepang-pengolahan-makanan-2026',
    ]);
    expect(items.slice(-closed.length).every((i) => i.state === 'closed')).toBe(true);
  });

  it('gives the same answers however the date is given', async () => {
    const byString = await searchProgrammes(database.db, { province: '73' }, { today: '2026-11-23' });
    const byDate = await searchProgrammes(
      database.db,
      { province: '73' },
      { today: new Date('2026-11-23T10:00:00+07:00') },
    );
    expect(byDate).toEqual(byString);
  });
});

describe('searchProgrammes: what is understood filters, everything else ranks', () => {
  it('leftover words rank and never empty a search that found something', async () => {
    const withNoise = await searchProgrammes(
      database.db,
      { fields: ['las'], text: 'nanya dong kepingin' },
      { today },
    );
    const plain = await searchProgrammes(database.db, { fields: ['las'] }, { today });
    expect(withNoise.items.map((i) => i.slug)).toEqual(plain.items.map((i) => i.slug));
    // A word some of them say puts those first and lists them; the others are one tap away.
    const pipe = await searchProgrammes(database.db, { fields: ['las'], text: 'pipa' }, { today });
    expect(pipe.items.map((i) => i.slug)).toEqual(['demo-blk-sidoarjo-las-pipa']);
    expect(pipe.others).toBe(plain.total - 1);
    const everything = await searchProgrammes(
      database.db,
      { fields: ['las'], text: 'pipa', everything: true },
      { today, pageSize: 50 },
    );
    expect(everything.total).toBe(plain.total);
    expect(everything.items.map((i) => i.slug).sort()).toEqual((await slugs({ fields: ['las'] })).sort());
  });

  it('a topic finds a programme filed under another field by its title, and none when nothing says it', async () => {
    const hydroponics = await slugs({ fields: ['tata_boga'], topics: [['hidroponik', 'sayuran']] });
    expect(hydroponics).toEqual(['demo-bpvp-padang-hidroponik']);
    expect(await slugs({ fields: ['tata_boga'], topics: [['drone']] })).toEqual([]);
  });

  it('several places, several countries, and what is ruled out', async () => {
    const places = await all({ places: ['35.78', '32.75'], fields: ['las'] });
    expect(places.every((i) => ['35.78', '32.75'].includes(i.regency ?? '') || i.mode === 'daring')).toBe(
      true,
    );
    expect(new Set(places.map((i) => i.regency))).toEqual(new Set(['35.78', '32.75']));
    const two = await all({ countries: ['KR', 'QA'], kinds: ['magang_luar_negeri'] });
    expect(new Set(two.map((i) => i.country))).toEqual(new Set(['KR', 'QA']));
    const japan = await all({
      country: 'JP',
      kinds: ['magang_luar_negeri'],
      exclude: { fields: ['manufaktur'] },
    });
    expect(japan.length).toBeGreaterThan(0);
    expect(japan.some((i) => i.field === 'manufaktur')).toBe(false);
    const offline = await all({ fields: ['tik'], exclude: { online: true } });
    expect(offline.some((i) => i.mode === 'daring')).toBe(false);
  });

  it('what the person said about themselves hides what they cannot join, and counts it', async () => {
    const forMen = await searchProgrammes(
      database.db,
      { fields: ['menjahit'], person: { gender: 'laki_laki' } },
      { today, pageSize: 50 },
    );
    expect(forMen.items.some((i) => i.womenOnly)).toBe(false);
    expect(forMen.hidden).toEqual({ count: expect.any(Number), reasons: ['gender'] });
    expect(forMen.hidden!.count).toBeGreaterThan(0);
    const old = await searchProgrammes(
      database.db,
      { country: 'JP', person: { age: 45 } },
      { today, pageSize: 50 },
    );
    expect(old.hidden?.reasons).toContain('age');
    const school = await searchProgrammes(
      database.db,
      { person: { education: 'SD' } },
      { today, pageSize: 50 },
    );
    expect(school.hidden?.reasons).toContain('education');
  });

  it('the year school was finished answers graduated_within_years', async () => {
    const recent = validProgramme({
      slug: 'magang-lulusan-baru-uji',
      kind: 'magang',
      field: 'logistik',
      location: { province: '94', regency: '94.04', venue: 'Timika', mode: 'luring' },
      eligibility: { graduated_within_years: 2 },
    });
    await importProgrammes(database.db, [recent]);
    const query = { kinds: ['magang'], regency: '94.04' } satisfies ProgrammeQuery;
    const search = (graduationYear: number) =>
      searchProgrammes(database.db, { ...query, person: { graduationYear } }, { today, pageSize: 50 });
    const lately = await search(Number(today.slice(0, 4)) - 1);
    expect(lately.items.map((i) => i.slug)).toContain('magang-lulusan-baru-uji');
    const long = await search(Number(today.slice(0, 4)) - 5);
    expect(long.items.map((i) => i.slug)).not.toContain('magang-lulusan-baru-uji');
    expect(long.hidden?.reasons).toEqual(['graduated']);
  });

  it("what the person said answers the programmes' own questions: height and a tattoo", async () => {
    const japan = await slugs({ country: 'JP' });
    // The construction programme asks 160 cm, the care one 145 cm.
    expect(japan).toEqual(
      expect.arrayContaining(['demo-magang-jepang-konstruksi', 'demo-magang-jepang-kaigo']),
    );
    const short = await searchProgrammes(
      database.db,
      { country: 'JP', person: { height: 150 } },
      { today, pageSize: 50 },
    );
    const shortSlugs = short.items.map((i) => i.slug);
    expect(shortSlugs).not.toContain('demo-magang-jepang-konstruksi');
    expect(shortSlugs).toContain('demo-magang-jepang-kaigo');
    expect(short.hidden?.reasons).toEqual(['height']);
    const tattooed = await searchProgrammes(
      database.db,
      { country: 'JP', person: { tattoo: true } },
      { today, pageSize: 50 },
    );
    expect(tattooed.items.map((i) => i.slug)).not.toContain('demo-magang-jepang-kaigo');
    expect(tattooed.hidden?.reasons).toEqual(['tattoo']);
  });
});

describe('explainEmpty', () => {
  it('says which single filter to loosen, widening a regency to its province first', async () => {
    const query: ProgrammeQuery = { regency: '35.15', fields: ['otomotif'], kinds: ['pelatihan'] };
    expect((await searchProgrammes(database.db, query, { today })).total).toBe(0);
    const explanation = await explainEmpty(database.db, query, { today });
    expect(explanation.total).toBe(0);
    expect(explanation.relaxations[0]).toEqual({
      filter: 'regency',
      count: 2,
      query: { province: '35', fields: ['otomotif'], kinds: ['pelatihan'] },
    });
    const regions = await loadRegions();
    expect(describeRelaxation(tFor('id', 'catalogue'), explanation.relaxations[0]!, query, regions)).toBe(
      'Tidak ada di Kabupaten Sidoarjo, tapi ada 2 di Jawa Timur.',
    );
    const filters = explanation.relaxations.map((r) => r.filter);
    expect(filters).toContain('fields');
    expect(filters).not.toContain('kinds');
    for (const r of explanation.relaxations) {
      expect((await searchProgrammes(database.db, r.query, { today })).total).toBe(r.count);
    }
  });

  it('points at closed programmes and at other provinces', async () => {
    const query: ProgrammeQuery = { regency: '33.74', fields: ['refrigerasi'] };
    const { relaxations } = await explainEmpty(database.db, query, { today });
    expect(relaxations.map((r) => [r.filter, r.count])).toEqual(
      expect.arrayContaining([
        ['includeClosed', 1],
        ['province', 1],
      ]),
    );
  });

  it('has nothing to explain when there are results', async () => {
    expect(await explainEmpty(database.db, { fields: ['las'] }, { today })).toMatchObject({
      relaxations: [],
    });
  });
});

describe('getProgramme', () => {
  it('returns the full record by slug or id, with its registration state', async () => {
    const detail = await getProgramme(database.db, 'demo-blk-surabaya-mekanik-mobil', { today });
    expect(detail).toMatchObject({ state: 'open', daysLeft: 2, closingSoon: true });
    expect(detail!.programme).toEqual(records.find((r) => r.slug === 'demo-blk-surabaya-mekanik-mobil'));
    expect((await getProgramme(database.db, detail!.id, { today }))?.programme.slug).toBe(
      'demo-blk-surabaya-mekanik-mobil',
    );
    expect((await getProgramme(database.db, 'demo-magang-administrasi-makassar', { today }))?.state).toBe(
      'closed',
    );
    expect((await getProgramme(database.db, 'demo-magang-in-out-tik-bandung', { today }))?.state).toBe(
      'upcoming',
    );
  });

  it('hides drafts unless asked, and returns null for unknown slugs', async () => {
    expect(await getProgramme(database.db, 'draf-las-surabaya', { today })).toBeNull();
    expect(
      (await getProgramme(database.db, 'draf-las-surabaya', { today, includeDraft: true }))?.programme.status,
    ).toBe('draft');
    expect(await getProgramme(database.db, 'tidak-ada', { today })).toBeNull();
  });
});
