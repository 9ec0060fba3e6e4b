import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, programmes } from '../../src/db/schema';
import { reencryptAll } from '../../src/privacy/rotation';
import { createFieldCipher, parseKeyring } from '../../src/shared/field-cipher';
import { loadCatalogue } from '../helpers/catalogue';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { CATALOGUE } from './helpers';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadCatalogue(database.db, CATALOGUE);
});
afterAll(async () => {
  await database.destroy();
});

const key = () => randomBytes(32).toString('base64');

describe('rotating DATA_ENCRYPTION_KEY', () => {
  it('re-encrypts every NIK with the new key, after which the old key can go', async () => {
    const db = database.db;
    const k1 = key();
    const k2 = key();
    const old = parseKeyring(`k1=${k1}`);
    const oldCipher = createFieldCipher(old.keys, old.current);
    const [programme] = await db.select().from(programmes).limit(1);
    const niks = ['3578014505030001', '3578015203040007', '3201010101990003'];
    await db.insert(applications).values(
      niks.map((nik) => ({
        programmeId: programme!.id,
        status: 'ditolak' as const,
        nikCipher: oldCipher.encrypt(nik),
      })),
    );

    // Step 1–2: `k2=new,k1=old`; new values use k2, old ones still decrypt.
    const both = parseKeyring(`k2=${k2},k1=${k1}`);
    const rotating = createFieldCipher(both.keys, both.current);
    // Step 3: re-encrypt (twice: the second run finds nothing left).
    expect(await reencryptAll(db, rotating, both.current, 2)).toBe(3);
    expect(await reencryptAll(db, rotating, both.current)).toBe(0);

    // Step 4: only k2 left, and every NIK still reads.
    const only = parseKeyring(`k2=${k2}`);
    const newCipher = createFieldCipher(only.keys, only.current);
    const rows = await db
      .select({ nik: applications.nikCipher })
      .from(applications)
      .where(eq(applications.programmeId, programme!.id));
    expect(rows.every((r) => r.nik!.startsWith('k2:'))).toBe(true);
    expect(rows.map((r) => newCipher.decrypt(r.nik!)).sort()).toEqual([...niks].sort());
  });
});
