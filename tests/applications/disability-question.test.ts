import { rmSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consents } from '../../src/db/schema';
import { isSkip } from '../../src/features/apply/disability-question';
import { createTarget } from '../../src/organisations/targets';
import { loadProfile } from '../../src/profile/store';
import { createStaff } from '../helpers/admin';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';
import { capturedLogger } from '../helpers/log-lines';
import { answerProfile, applicant, bornAgo, tempUploads, userIdOf } from './helpers';

/*
 * Issue #20, point 12: where an organisation's target has a disability goal, the application asks the
 * optional disability question once — its own consent first, every step skippable in words, nothing
 * stored without the consent, nothing of it in the logs — and the form goes on either way.
 */

let h: Harness;
let uploads: string;
const log = capturedLogger('debug');
let nextPerson = 96_100;
const person = (firstName: string) => ({ id: nextPerson++, firstName });

beforeAll(async () => {
  uploads = tempUploads();
  process.env.UPLOADS_DIR = uploads;
  h = await startHarness({}, { logger: log.logger });
  await loadCatalogue(h.runtime.db, [
    programme('jahit-inklusif', {
      title: { id: 'Pelatihan Menjahit Inklusif' },
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'kopri-pb-pmii' },
    }),
    programme('bordir-inklusif', {
      title: { id: 'Pelatihan Bordir Inklusif' },
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'kopri-pb-pmii' },
    }),
    programme('las-tanpa-target', {
      title: { id: 'Pelatihan Las Tanpa Target' },
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'blk-lain' },
    }),
  ]);
  const { organisation } = await createStaff(h.runtime.db, {
    organisation: 'kopri-pb-pmii',
    email: 'sari@kopri.or.id',
  });
  await createStaff(h.runtime.db, { organisation: 'blk-lain', email: 'budi@blk.example.org' });
  // The goal covers every programme of the organisation; the other organisation has no goal.
  await createTarget(h.runtime.db, organisation, { name: 'Inklusi 2027', disability_percent: 10 });
});
afterAll(async () => {
  await h.close();
  rmSync(uploads, { recursive: true, force: true });
});

const PROFILE = {
  birth: bornAgo(22, 10).text,
  gender: 'perempuan',
  place: 'Kota Surabaya',
  education: 'SMK',
  graduation: String(new Date().getUTCFullYear() - 3),
};

/** From the programme's card to the first question after the profile. */
async function toQuestion(a: ReturnType<typeof applicant>, slug: string) {
  await a.say(`/start p_${slug}`);
  await a.press('📝 Daftar');
  return answerProfile(a, PROFILE);
}

const specificConsents = async (telegramId: number) =>
  h.runtime.db
    .select({ granted: consents.granted })
    .from(consents)
    .where(and(eq(consents.userId, await userIdOf(h, telegramId)), eq(consents.purpose, 'specific_data')));

const disabilityOf = async (telegramId: number) =>
  (await loadProfile(h.runtime.db, await userIdOf(h, telegramId))).disability;

describe('the optional disability question during an application', () => {
  it('is asked where the organisation has a disability goal, and "gk mau jawab" skips it: nothing stored, not asked again', async () => {
    const rina = applicant(h, person('Rina'));
    let reply = await toQuestion(rina, 'jahit-inklusif');
    expect(reply.text).toContain('Satu pertanyaan opsional sebelum formulir');
    expect(reply.text).toContain('tidak memengaruhi kelayakan');
    expect(reply.buttons.map((b) => b.text).slice(0, 2)).toEqual(['✅ Boleh', 'Lewati']);
    reply = await rina.say('gk mau jawab');
    expect(rina.texts().slice(-3).join('\n')).toContain('Baik, tidak apa-apa');
    expect(reply.text).toContain('nama lengkapmu');
    expect(await disabilityOf(rina.person.id)).toBeUndefined();
    expect(await specificConsents(rina.person.id)).toEqual([{ granted: false }]);

    // Another programme with the same goal: the refusal stands, the form starts at once.
    reply = await toQuestion(rina, 'bordir-inklusif');
    expect(reply.text).not.toContain('pertanyaan opsional');
    expect(reply.text).toContain('nama lengkapmu');
  });

  it('stores the answer and the needs only after the consent, and keeps them out of the logs', async () => {
    const dewi = applicant(h, person('Dewi'));
    let reply = await toQuestion(dewi, 'jahit-inklusif');
    reply = await dewi.press('✅ Boleh', reply);
    expect(reply.text).toContain('Apakah kamu penyandang disabilitas');
    expect(reply.buttons.map((b) => b.text).slice(0, 3)).toEqual(['Ya', 'Tidak', 'Lewati']);
    reply = await dewi.say('iya');
    expect(reply.text).toContain('Ceritakan singkat kebutuhanmu');
    reply = await dewi.say('pengguna kursi roda, butuh ruang kelas di lantai satu');
    expect(dewi.texts().slice(-3).join('\n')).toContain('Terima kasih, sudah kami simpan');
    expect(reply.text).toContain('nama lengkapmu');
    expect(await disabilityOf(dewi.person.id)).toEqual({
      declared: true,
      needs: 'pengguna kursi roda, butuh ruang kelas di lantai satu',
    });
    expect(await specificConsents(dewi.person.id)).toEqual([{ granted: true }]);
    expect(log.raw.length).toBeGreaterThan(0);
    expect(log.raw.join('\n')).not.toMatch(/kursi roda|lantai satu|penyandang disabilitas/);
  });

  it('after the consent, "skip" stores nothing and "tidak" stores no disability', async () => {
    const tia = applicant(h, person('Tia'));
    let reply = await toQuestion(tia, 'jahit-inklusif');
    reply = await tia.say('boleh');
    expect(reply.text).toContain('Apakah kamu penyandang disabilitas');
    reply = await tia.say('skip');
    expect(reply.text).toContain('nama lengkapmu');
    expect(await disabilityOf(tia.person.id)).toBeUndefined();

    const uci = applicant(h, person('Uci'));
    reply = await toQuestion(uci, 'jahit-inklusif');
    reply = await uci.press('✅ Boleh', reply);
    reply = await uci.say('tidak');
    expect(reply.text).toContain('nama lengkapmu');
    expect(await disabilityOf(uci.person.id)).toEqual({ declared: false });
  });

  it('moves on after two answers it cannot read, and is never asked where no goal needs it', async () => {
    const vina = applicant(h, person('Vina'));
    let reply = await toQuestion(vina, 'jahit-inklusif');
    reply = await vina.say('hmm maksudnya gimana');
    expect(reply.text).toContain('Satu pertanyaan opsional');
    reply = await vina.say('apa ya');
    expect(reply.text).toContain('nama lengkapmu');
    expect(await disabilityOf(vina.person.id)).toBeUndefined();

    const wati = applicant(h, person('Wati'));
    reply = await toQuestion(wati, 'las-tanpa-target');
    expect(reply.text).toContain('nama lengkapmu');
    expect(wati.texts().join('\n')).not.toContain('pertanyaan opsional');
  });
});

describe('declining in words', () => {
  it.each([
    'skip',
    'Skip aja',
    'lewati',
    'gk mau jawab',
    'gak mau jawab kak',
    'ga usah dijawab',
    'tidak mau menjawab',
    'gamau jawab',
    'rahasia',
    'prefer not to say',
    "I don't want to answer",
  ])('"%s" skips', (text) => expect(isSkip(text)).toBe(true));

  it.each(['ya', 'tidak', 'gak', 'nggak', 'no', 'iya boleh', 'tuli'])(
    '"%s" is an answer, not a skip',
    (text) => expect(isSkip(text)).toBe(false),
  );
});
