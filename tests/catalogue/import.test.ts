import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHOR_DATE, demoCatalogue, seedDemoCatalogueIfEmpty } from '../../src/catalogue/demo';
import { importProgrammes } from '../../src/catalogue/import';
import { programmes } from '../../src/db/schema/catalogue';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { overseasProgramme, validProgramme, withField } from './fixtures';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});
beforeEach(async () => {
  await database.db.delete(programmes);
});

const demo = () => demoCatalogue({ today: DEMO_ANCHOR_DATE });

async function stamps() {
  return database.db
    .select({
      slug: programmes.slug,
      createdAt: programmes.createdAt,
      updatedAt: programmes.updatedAt,
      hash: programmes.contentHash,
    })
    .from(programmes)
    .orderBy(asc(programmes.slug));
}

describe('importProgrammes', () => {
  it('loads a catalogue, and a second import of the same file changes nothing', async () => {
    const records = demo();
    const first = await importProgrammes(database.db, records);
    expect(first).toMatchObject({
      records: records.length,
      created: records.length,
      updated: 0,
      unchanged: 0,
      invalid: 0,
    });
    const before = await stamps();

    const second = await importProgrammes(database.db, JSON.stringify(records));
    expect(second).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: records.length,
      invalid: 0,
      errors: [],
    });
    expect(await stamps()).toEqual(before);
  });

  it('does not see a change in key order or in blank optional values', async () => {
    await importProgrammes(database.db, [validProgramme()]);
    const reordered = Object.fromEntries(
      Object.entries(
        validProgramme({ provider: { type: 'BLK', name: 'UPT BLK Surabaya', contact: '' } }),
      ).reverse(),
    );
    const again = await importProgrammes(database.db, [reordered]);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it('updates a changed programme only, keeping its id and creation time', async () => {
    await importProgrammes(database.db, [validProgramme(), overseasProgramme()]);
    const before = await stamps();
    const [{ id } = { id: '' }] = await database.db
      .select({ id: programmes.id })
      .from(programmes)
      .where(eq(programmes.slug, 'pelatihan-las-surabaya'));
    await new Promise((resolve) => setTimeout(resolve, 20));

    const changed = withField(validProgramme(), 'seats', { total: 20, women: 10 });
    const summary = await importProgrammes(database.db, [changed, overseasProgramme()]);
    expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: 1 });

    const after = await stamps();
    const las = after.find((r) => r.slug === 'pelatihan-las-surabaya')!;
    const lasBefore = before.find((r) => r.slug === 'pelatihan-las-surabaya')!;
    expect(las.createdAt).toEqual(lasBefore.createdAt);
    expect(las.updatedAt.getTime()).toBeGreaterThan(lasBefore.updatedAt.getTime());
    expect(las.hash).not.toBe(lasBefore.hash);
    expect(after.find((r) => r.slug === 'magang-jepang-kaigo')).toEqual(
      before.find((r) => r.slug === 'magang-jepang-kaigo'),
    );
    const [row] = await database.db
      .select()
      .from(programmes)
      .where(eq(programmes.slug, 'pelatihan-las-surabaya'));
    expect(row!.id).toBe(id);
    expect(row!.seatsWomen).toBe(10);
    expect(row!.record.seats).toEqual({ total: 20, women: 10 });
  });

  it('loads the valid records and reports the invalid ones', async () => {
    const bad = validProgramme({ slug: 'las-rusak', seats: { total: 20, women: 30 } });
    const summary = await importProgrammes(database.db, [validProgramme(), bad, overseasProgramme()]);
    expect(summary).toMatchObject({ records: 3, created: 2, invalid: 1, aborted: false });
    expect(summary.errors.map((e) => e.message)).toEqual([
      'Program ke-2 (`las-rusak`), kolom `seats.women`: kuota perempuan (30) melebihi jumlah kursi (20).',
    ]);
    expect((await stamps()).map((r) => r.slug)).toEqual(['magang-jepang-kaigo', 'pelatihan-las-surabaya']);
  });

  it('strict mode loads nothing when any record is invalid', async () => {
    await importProgrammes(database.db, [validProgramme()]);
    const before = await stamps();
    const bad = validProgramme({ slug: 'las-rusak', field: 'lass' });
    const summary = await importProgrammes(
      database.db,
      [withField(validProgramme(), 'title.id', 'Judul baru'), bad, overseasProgramme()],
      {
        strict: true,
      },
    );
    expect(summary).toMatchObject({ aborted: true, created: 0, updated: 0, unchanged: 0, invalid: 1 });
    expect(summary.errors[0]!.field).toBe('field');
    expect(await stamps()).toEqual(before);

    const clean = await importProgrammes(database.db, [overseasProgramme()], { strict: true });
    expect(clean).toMatchObject({ aborted: false, created: 1 });
  });

  it('imports CSV text and reports lines', async () => {
    const csv = [
      'slug,kind,title_id,summary_id,field,provider_name,provider_type,location_regency,location_mode,seats_total,seats_women,costs_fee_idr,eligibility_gender,application_mode,application_documents,application_organisation,sources,verified_at,status',
      'jahit-sby,pelatihan,Menjahit,Kelas menjahit,menjahit,BLK Surabaya,BLK,35.78,luring,16,16,0,perempuan,in_chat,ktp;kk,disnaker,https://a.example,2026-11-20,open',
      'jahit-x,pelatihan,Menjahit,Kelas menjahit,menjahit,BLK Surabaya,BLK,35.78,luring,16,16,0,perempuan,in_chat,ktp;kk,disnaker,https://a.example,2026-02-30,open',
    ].join('\r\n');
    const summary = await importProgrammes(database.db, csv);
    expect(summary).toMatchObject({ created: 1, invalid: 1 });
    expect(summary.errors[0]!.message).toBe(
      'Baris 3, kolom `verified_at`: `2026-02-30` bukan tanggal yang sah; tulis TTTT-BB-HH, contoh 2026-12-01.',
    );
    const [row] = await database.db.select().from(programmes).where(eq(programmes.slug, 'jahit-sby'));
    expect(row).toMatchObject({
      province: '35',
      regency: '35.78',
      womenOnly: true,
      feeIdr: 0,
      kind: 'pelatihan',
      field: 'menjahit',
    });
    expect(row!.searchText).toContain('surabaya');
  });

  it('writes in batches and reports progress', async () => {
    const records = demo();
    const progress: number[] = [];
    const summary = await importProgrammes(database.db, records, {
      batchSize: 10,
      onProgress: (p) => progress.push(p.done),
    });
    expect(summary.created).toBe(records.length);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(records.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.length).toBe(Math.ceil(records.length / 10) + 1);
  });

  it('copies the filter columns from the record', async () => {
    await importProgrammes(database.db, [
      overseasProgramme({ costs: { fee_idr: 8_000_000, stipend_idr: 12_000_000, stipend_period: 'bulan' } }),
    ]);
    const [row] = await database.db.select().from(programmes);
    expect(row).toMatchObject({
      slug: 'magang-jepang-kaigo',
      kind: 'magang_luar_negeri',
      country: 'JP',
      mode: 'luring',
      applicationMode: 'in_chat',
      organisation: 'disnakertrans-jatim',
      registrationOpens: '2026-11-01',
      registrationCloses: '2026-12-01',
      starts: '2026-12-10',
      ends: '2027-01-30',
      seatsTotal: 20,
      seatsWomen: 5,
      feeIdr: 8_000_000,
      stipendIdr: 12_000_000,
      disabilityFriendly: false,
      womenOnly: false,
      verifiedAt: '2026-11-20',
    });
  });
});

describe('seedDemoCatalogueIfEmpty', () => {
  it('loads the demo catalogue into an empty database, and only then', async () => {
    const summary = await seedDemoCatalogueIfEmpty(database.db, { today: DEMO_ANCHOR_DATE });
    expect(summary).toMatchObject({ created: demo().length, invalid: 0 });
    expect(await seedDemoCatalogueIfEmpty(database.db)).toBeNull();
  });
});
