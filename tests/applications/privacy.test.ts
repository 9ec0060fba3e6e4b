import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymiseApplications, applicationsOf } from '../../src/applications/privacy';
import { applicationDocuments, applicationEvents, applications } from '../../src/db/schema';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';
import { applicant, bornAgo, fillApplication, nikFor, tempUploads, userIdOf } from './helpers';

let h: Harness;
let uploads: string;

beforeAll(async () => {
  uploads = tempUploads();
  process.env.UPLOADS_DIR = uploads;
  h = await startHarness();
  await loadCatalogue(h.runtime.db, [
    programme('privasi-uji', {
      title: { id: 'Pelatihan Privasi' },
      seats: { total: 1 },
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'kopri-pb-pmii' },
    }),
  ]);
});
afterAll(async () => {
  await h.close();
  rmSync(uploads, { recursive: true, force: true });
});

const born = bornAgo(24, 12);
const profile = (gender: string) => ({
  birth: born.text,
  gender,
  place: 'Kota Malang',
  education: 'SMA',
  graduation: String(new Date().getUTCFullYear() - 5),
});

describe('the applications side of /data_saya and /hapus_data', () => {
  it('exports everything (NIK in clear and masked), then anonymises to counts, frees the seat and deletes the files', async () => {
    const sari = applicant(h, { id: 98_001, firstName: 'Sari' });
    const nik = nikFor(born.date, true);
    let reply = await fillApplication(sari, {
      slug: 'privasi-uji',
      profile: profile('perempuan'),
      name: 'Sari Privasi',
      nik,
      phone: '6281200000001',
    });
    await sari.press('✅ Kirim lamaran', reply);
    const budi = applicant(h, { id: 98_002, firstName: 'Budi' });
    reply = await fillApplication(budi, {
      slug: 'privasi-uji',
      profile: profile('laki-laki'),
      name: 'Budi Menunggu',
      nik: nikFor(born.date, false, '0002'),
      phone: '6281200000002',
    });
    await budi.press('✅ Kirim lamaran', reply);

    const userId = await userIdOf(h, sari.person.id);
    const deps = h.runtime.applications;
    const [exported] = await applicationsOf(h.runtime.db, userId, deps);
    expect(exported).toMatchObject({
      status: 'diajukan',
      fullName: 'Sari Privasi',
      nik,
      nikMasked: `${nik.slice(0, 4)}********${nik.slice(12)}`,
      phone: '+6281200000001',
      programme: { slug: 'privasi-uji' },
    });
    expect(exported!.documents.map((d) => d.kind)).toEqual(['ktp']);
    expect(exported!.history.map((e) => e.to)).toEqual(['diajukan']);
    const [row] = await h.runtime.db.select().from(applications).where(eq(applications.userId, userId));

    const result = await anonymiseApplications(h.runtime.db, userId, deps);
    expect(result).toEqual({ anonymised: 1, draftsDeleted: 0, withdrawn: 1 });
    const [after] = await h.runtime.db.select().from(applications).where(eq(applications.id, row!.id));
    expect(after).toMatchObject({
      userId: null,
      reference: null,
      fullName: null,
      nikCipher: null,
      phone: null,
      email: null,
      address: null,
      applicant: null,
      status: 'mundur',
      gender: 'perempuan',
      educationLevel: 'SMA',
      province: '35',
    });
    expect(after!.anonymisedAt).toBeInstanceOf(Date);
    expect(
      await h.runtime.db
        .select()
        .from(applicationDocuments)
        .where(eq(applicationDocuments.applicationId, row!.id)),
    ).toEqual([]);
    expect(existsSync(join(uploads, row!.id))).toBe(false);
    const trail = await h.runtime.db
      .select({ details: applicationEvents.details })
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, row!.id));
    expect(trail.every((e) => e.details === null)).toBe(true);
    expect(await applicationsOf(h.runtime.db, userId, deps)).toEqual([]);
    // Nothing personal of hers is left in any application row.
    const traces = await h.runtime.db
      .select({ id: applications.id })
      .from(applications)
      .where(
        sql`${applications}::text like '%Sari Privasi%' or ${applications}::text like '%6281200000001%'`,
      );
    expect(traces).toEqual([]);

    // Her seat went to the one waiting.
    const budiId = await userIdOf(h, budi.person.id);
    const [waiting] = await h.runtime.db.select().from(applications).where(eq(applications.userId, budiId));
    expect(waiting).toMatchObject({ status: 'diajukan', seat: 'general' });
  });
});
