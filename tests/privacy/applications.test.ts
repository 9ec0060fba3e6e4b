import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationDocuments, applications, identities, programmes } from '../../src/db/schema';
import { fieldCipherFromConfig } from '../../src/privacy/keyring';
import { registerPersonalDataSource } from '../../src/privacy/registry';
import { applicationsSource } from '../../src/privacy/sources/applications';
import { type DocumentStorage, LocalFolderStorage } from '../../src/storage';
import { loadCatalogue } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';
import { bornAgo, CATALOGUE, documentOf, findEverywhere, personWithProfile } from './helpers';

let h: Harness;
let uploads: string;
const cipher = fieldCipherFromConfig({});

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, CATALOGUE);
  uploads = mkdtempSync(join(tmpdir(), 'jembatan-uploads-'));
  // What src/runtime.ts does once the application services exist.
  registerPersonalDataSource(applicationsSource({ cipher, storage: new LocalFolderStorage(uploads) }));
});
afterAll(async () => {
  await h.close();
  rmSync(uploads, { recursive: true, force: true });
});

const NIK = '3578015203040007';

/** A submitted (and decided) application with a stored KTP photo, and a draft of another one. */
async function applicationsFor(userId: string) {
  const db = h.runtime.db;
  const [las] = await db.select().from(programmes).where(eq(programmes.slug, 'las-privasi'));
  const [jahit] = await db.select().from(programmes).where(eq(programmes.slug, 'jahit-privasi'));
  const personal = {
    fullName: 'Dyah Ayu Pitaloka',
    nikCipher: cipher.encrypt(NIK),
    phone: '+6285711112222',
    email: 'dyah.pitaloka@example.org',
    address: 'Jl. Kenanga Ungu No. 7, Surabaya',
    channel: 'telegram' as const,
  };
  const [submitted] = await db
    .insert(applications)
    .values({
      userId,
      programmeId: las!.id,
      status: 'ditolak',
      reference: 'JMB-2026-000777',
      submittedAt: new Date(),
      gender: 'perempuan',
      educationLevel: 'SMA',
      province: '35',
      ageAtSubmission: 24,
      ...personal,
    })
    .returning({ id: applications.id });
  const [draft] = await db
    .insert(applications)
    .values({ userId, programmeId: jahit!.id, status: 'draft', ...personal })
    .returning({ id: applications.id });
  const storage: DocumentStorage = new LocalFolderStorage(uploads);
  for (const app of [submitted!, draft!]) {
    await storage.put(`${app.id}/ktp.jpg`, new Uint8Array([0xff, 0xd8, 0xff, 0x00]), 'image/jpeg');
    await db.insert(applicationDocuments).values({
      applicationId: app.id,
      kind: 'ktp',
      storageKey: `${app.id}/ktp.jpg`,
      mimeType: 'image/jpeg',
      size: 4,
      sha256: 'x'.repeat(64),
    });
  }
  return { submitted: submitted!.id, draft: draft!.id };
}

describe('applications in the privacy rights', () => {
  it('exports them, withdrawal drops the draft, erasure keeps only anonymous counts', async () => {
    const p = { id: 7_350_000_001, firstName: 'Dyah' };
    const chat = conversation(h, p);
    await personWithProfile(h, chat, bornAgo(24));
    const [identity] = await h.runtime.db
      .select({ userId: identities.userId })
      .from(identities)
      .where(and(eq(identities.channel, 'telegram'), eq(identities.externalId, String(p.id))));
    const userId = identity!.userId;
    const apps = await applicationsFor(userId);

    h.api.reset();
    await chat.say('/data_saya');
    const summary = chat.texts().find((t) => t.startsWith('📋'))!;
    expect(summary).toContain('📝 Lamaran (2):');
    expect(summary).toContain('• JMB-2026-000777 · Pelatihan Las Privasi');
    expect(summary).toContain('NIK 3578********0007');
    expect(summary).not.toContain(NIK);
    const [json, text] = h.api.sent('sendDocument', p.id).map(documentOf);
    const exported = JSON.parse(json!.content).data.applications;
    expect(exported).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reference: 'JMB-2026-000777', nik: NIK, fullName: 'Dyah Ayu Pitaloka' }),
        expect.objectContaining({ status: 'draft', documents: [expect.objectContaining({ kind: 'ktp' })] }),
      ]),
    );
    expect(text!.content).toContain('JMB-2026-000777');

    // Withdrawing consent: the draft (collected under it, never sent) goes; the submitted one stays.
    await chat.say('tarik persetujuan');
    await chat.say('ya tarik');
    const rows = await h.runtime.db.select().from(applications).where(eq(applications.userId, userId));
    expect(rows.map((r) => r.id)).toEqual([apps.submitted]);
    expect(existsSync(join(uploads, apps.draft))).toBe(false);
    expect(existsSync(join(uploads, apps.submitted))).toBe(true);

    // Erasure: the submitted application becomes an anonymous count.
    await chat.say('/hapus_data');
    await chat.say('ya hapus');
    await h.runtime.marker.flush();
    expect((await h.runtime.privacy.tick()).finished).toBe(1);
    const [kept] = await h.runtime.db.select().from(applications).where(eq(applications.id, apps.submitted));
    expect(kept).toMatchObject({
      userId: null,
      reference: null,
      fullName: null,
      nikCipher: null,
      phone: null,
      status: 'ditolak',
      gender: 'perempuan',
      province: '35',
    });
    expect(existsSync(join(uploads, apps.submitted))).toBe(false);
    expect(
      await findEverywhere(h.runtime.db, [
        'Pitaloka',
        NIK,
        '85711112222',
        'dyah.pitaloka',
        'Kenanga Ungu',
        'JMB-2026-000777',
        String(p.id),
        userId,
      ]),
    ).toEqual([]);
  });
});
