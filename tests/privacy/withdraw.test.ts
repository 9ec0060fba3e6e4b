import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasConsent } from '../../src/consent/service';
import {
  consents,
  messages,
  personalDataLog,
  profiles,
  programmeAlerts,
  savedProgrammes,
  users,
} from '../../src/db/schema';
import { loadCatalogue } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';
import { bornAgo, CATALOGUE, personWithProfile, userIdOf } from './helpers';

let h: Harness;
let nextPerson = 7_330_000_000;
const person = () => ({ id: nextPerson++, firstName: 'Putri' });

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, CATALOGUE);
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.api.reset());

describe('withdrawing consent', () => {
  it('typed anywhere: erases the profile and the history that repeats it, keeps the account', async () => {
    const p = person();
    const chat = conversation(h, p);
    const birth = bornAgo(23, 5);
    await personWithProfile(h, chat, birth);
    const userId = await userIdOf(h, p.id);
    // Consent to the specific (disability) data too.
    const db = h.runtime.db;
    await db.insert(consents).values({
      userId,
      purpose: 'specific_data',
      granted: true,
      noticeVersion: '2026-11-v1',
      channel: 'telegram',
    });

    const ask = await chat.say('Tarik persetujuan');
    expect(ask.text).toContain('✋ Tarik persetujuan data pribadi?');
    expect(ask.text).toContain('Lamaran yang sudah kamu kirim tetap diproses');
    expect(ask.buttons.map((b) => b.text).slice(0, 2)).toEqual(['✋ Ya, tarik persetujuan', '↩️ Batal']);

    const done = await chat.press('✋ Ya, tarik persetujuan', ask);
    expect(chat.texts().at(-1)).toBe(done.text);
    expect(done.text).toContain('✅ Persetujuanmu sudah ditarik');
    expect(done.buttons.length).toBeGreaterThan(0); // the menu

    expect(await db.select().from(profiles).where(eq(profiles.userId, userId))).toEqual([]);
    expect(await hasConsent(db, userId, 'personal_data')).toBe(false);
    expect(await hasConsent(db, userId, 'specific_data')).toBe(false);
    const decisions = await db
      .select({ purpose: consents.purpose, granted: consents.granted })
      .from(consents)
      .where(eq(consents.userId, userId))
      .orderBy(asc(consents.id));
    // The evidence stays: the grant, then its withdrawal.
    expect(decisions).toEqual([
      { purpose: 'personal_data', granted: true },
      { purpose: 'specific_data', granted: true },
      { purpose: 'personal_data', granted: false },
      { purpose: 'specific_data', granted: false },
    ]);
    // The history that held the answers is gone; only this turn is logged.
    const left = await db
      .select({ direction: messages.direction, body: messages.body })
      .from(messages)
      .where(eq(messages.userId, userId));
    expect(JSON.stringify(left)).not.toContain(birth);
    // The button press that confirmed it.
    expect(left.filter((m) => m.direction === 'in')).toEqual([
      { direction: 'in', body: expect.objectContaining({ type: 'choice' }) },
    ]);
    // The account, the saved programme and the alert stay.
    expect(await db.select().from(users).where(eq(users.id, userId))).toHaveLength(1);
    expect(await db.select().from(savedProgrammes).where(eq(savedProgrammes.userId, userId))).toHaveLength(1);
    expect(await db.select().from(programmeAlerts).where(eq(programmeAlerts.userId, userId))).toHaveLength(1);
    const log = await db.select().from(personalDataLog).where(eq(personalDataLog.subjectUserId, userId));
    expect(log).toEqual([
      expect.objectContaining({
        actor: 'user',
        action: 'withdraw',
        detail: expect.objectContaining({ purposes: ['personal_data', 'specific_data'] }),
      }),
    ]);

    // The bot works without personal data: search still answers…
    const results = await chat.say('pelatihan las');
    expect(results.text).toContain('Pelatihan Las Privasi');
    // …and checking eligibility asks for consent again.
    await chat.say('/start p_las-privasi');
    const check = await chat.press('✅ Cek kelayakan');
    expect(check.text).toContain('Apakah kamu setuju?');
  });

  it('from Pengaturan & privasi; anything but the confirmation keeps everything', async () => {
    const p = person();
    const chat = conversation(h, p);
    await personWithProfile(h, chat, bornAgo(30));
    const userId = await userIdOf(h, p.id);
    await chat.say('/pengaturan');
    const ask = await chat.press('✋ Tarik persetujuan');
    expect(ask.text).toContain('✋ Tarik persetujuan data pribadi?');
    expect((await chat.say('ya')).text).toContain('persetujuanmu tetap berlaku');
    expect(await hasConsent(h.runtime.db, userId, 'personal_data')).toBe(true);
    expect(await h.runtime.db.select().from(profiles).where(eq(profiles.userId, userId))).toHaveLength(1);

    // The typed phrase works too.
    await chat.say('saya mau menarik persetujuan');
    expect((await chat.say('ya tarik')).text).toContain('Persetujuanmu sudah ditarik');
    expect(await hasConsent(h.runtime.db, userId, 'personal_data')).toBe(false);
  });

  it('says so when there is no consent to withdraw', async () => {
    const p = person();
    const chat = conversation(h, p);
    await chat.say('/start');
    const reply = await chat.say('tarik persetujuan');
    expect(reply.text).toContain('Kamu belum memberi persetujuan data pribadi');
    expect(
      await h.runtime.db
        .select()
        .from(consents)
        .where(eq(consents.userId, await userIdOf(h, p.id))),
    ).toEqual([]);
  });
});
