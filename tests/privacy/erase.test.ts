import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/rows';
import {
  consents,
  identities,
  messages,
  pendingErasures,
  personalDataLog,
  profiles,
  users,
  whatsappContacts,
  whatsappPhonePauses,
  whatsappSent,
} from '../../src/db/schema';
import { subjectHash } from '../../src/privacy/log';
import { loadCatalogue } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';
import { messageUpdate, textUpdate } from '../helpers/telegram';
import { bornAgo, CATALOGUE, findEverywhere, personWithProfile } from './helpers';

let h: Harness;
let nextPerson = 7_320_000_000;
const person = (firstName = 'Zubaedah') => ({ id: nextPerson++, firstName });

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, CATALOGUE);
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.api.reset());

async function userIdOf(telegramId: number): Promise<string | undefined> {
  const [row] = await h.runtime.db
    .select({ userId: identities.userId })
    .from(identities)
    .where(and(eq(identities.channel, 'telegram'), eq(identities.externalId, String(telegramId))));
  return row?.userId;
}

/** Lets the sends of the last request be marked, then runs the privacy job once. */
async function settle() {
  await h.runtime.marker.flush();
  return h.runtime.privacy.tick();
}

/** Values only this person ever gave, so a scan finds theirs and nobody else's. */
const phoneOf = (p: { id: number }) => `+62813${String(p.id).slice(-7)}`;
const nikOf = (p: { id: number }) => `35780145050${String(p.id).slice(-5)}`;
/** The person's WhatsApp addresses: their own per person, so tests do not meet each other's. */
const waOf = (p: { id: number }) => ({
  jid: `62812${String(p.id).slice(-7)}@s.whatsapp.net`,
  lid: `998877${String(p.id).slice(-8)}@lid`,
});

/** Everything a person can leave behind: profile, consent, saved programme, alert, contact, a NIK, WhatsApp. */
async function richPerson(p: { id: number; firstName: string }) {
  const chat = conversation(h, p);
  await personWithProfile(h, chat, bornAgo(21, 10));
  await h.post(
    messageUpdate(p, { contact: { phone_number: phoneOf(p), first_name: p.firstName, user_id: p.id } }),
  );
  await chat.say(`nik saya ${nikOf(p)}`);
  const userId = (await userIdOf(p.id))!;
  // The same person also reached the bot on WhatsApp (linked identity and the channel's own tables).
  const db = h.runtime.db;
  const { jid: WA_JID, lid: WA_LID } = waOf(p);
  const [wa] = await db
    .insert(identities)
    .values({ userId, channel: 'whatsapp', externalId: WA_JID, address: WA_JID })
    .returning({ id: identities.id });
  await db.insert(whatsappContacts).values({ externalId: WA_JID, pnJid: WA_JID, lidJid: WA_LID });
  await db
    .insert(whatsappPhonePauses)
    .values({ externalId: WA_JID, pausedUntil: new Date(Date.now() - 1000) });
  await db.insert(whatsappSent).values({ messageId: `WA-${p.id}`, remoteJid: WA_JID, content: '{"x":1}' });
  await db.insert(messages).values({
    userId,
    identityId: wa!.id,
    channel: 'whatsapp',
    direction: 'in',
    body: { type: 'text', text: `halo dari wa, nama saya ${p.firstName}` },
    status: 'received',
  });
  return { chat, userId };
}

describe('/hapus_data through the Telegram webhook', () => {
  it('explains what goes and what stays, and anything but the confirmation cancels', async () => {
    const p = person('Annisa');
    const { chat, userId } = await richPerson(p);
    const before = await h.runtime.db.select().from(profiles).where(eq(profiles.userId, userId));

    const ask = await chat.say('/hapus_data');
    expect(ask.text).toContain('🗑️ Hapus semua datamu?');
    expect(ask.text).toContain('angka statistik tanpa nama');
    expect(ask.text).toContain('ketik "ya hapus"');
    expect(ask.buttons.map((b) => b.text)).toEqual([
      '🗑️ Ya, hapus semua',
      '↩️ Jangan hapus',
      '🏠 Menu',
      '🙋 Petugas',
    ]);

    // A bare "ya" is not enough for something that cannot be undone.
    const cancelled = await chat.say('ya');
    expect(cancelled.text).toContain('Oke, tidak jadi dihapus.');
    await chat.say('/hapus_data');
    expect((await chat.press('↩️ Jangan hapus')).text).toContain('tidak jadi dihapus');
    await chat.say('/hapus_data');
    expect((await chat.say('oke deh')).text).toContain('tidak jadi dihapus');

    await settle();
    expect(await userIdOf(p.id)).toBe(userId);
    expect(await h.runtime.db.select().from(profiles).where(eq(profiles.userId, userId))).toEqual(before);
    expect(await h.runtime.db.select().from(consents).where(eq(consents.userId, userId))).toHaveLength(1);
    expect(
      await h.runtime.db
        .select()
        .from(whatsappContacts)
        .where(eq(whatsappContacts.externalId, waOf(p).jid)),
    ).toHaveLength(1);
    const log = await h.runtime.db
      .select()
      .from(personalDataLog)
      .where(eq(personalDataLog.subjectUserId, userId));
    expect(log).toEqual([]);
  });

  it('erases the person with the button, still tells them, and leaves no personal data anywhere', async () => {
    const p = person('Zubaedah');
    const { chat, userId } = await richPerson(p);
    // Another person, who must not be touched.
    const other = person('Wulandari');
    await conversation(h, other).say('/start');
    const otherId = await userIdOf(other.id);

    // A copy of everything went out as files: those copies must go too.
    await chat.say('/data_saya');
    expect(h.api.sent('sendDocument', p.id)).toHaveLength(2);
    const ask = await chat.say('/hapus_data');
    h.api.reset();
    const done = await chat.press('🗑️ Ya, hapus semua', ask);
    expect(done.text).toContain('✅ Semua datamu sudah dihapus dari Jembatan.');
    expect(done.text).toContain('mulai sebagai pengguna baru');
    expect(done.buttons).toEqual([]);

    // Right after the turn: the data is gone, the account row waits only for the confirmation's delivery.
    const db = h.runtime.db;
    expect(await db.select().from(profiles).where(eq(profiles.userId, userId))).toEqual([]);
    expect(await db.select().from(consents).where(eq(consents.userId, userId))).toEqual([]);
    expect(await userIdOf(p.id)).toBeUndefined();

    // The WhatsApp socket keeps a copy of what it sends (for retries): the confirmation's copy goes too.
    await db
      .insert(whatsappSent)
      .values({ messageId: `WA-bye-${p.id}`, remoteJid: waOf(p).jid, content: '{}' });

    const tick = await settle();
    expect(tick.finished).toBe(1);
    expect(await db.select().from(users).where(eq(users.id, userId))).toEqual([]);
    expect(await db.select().from(pendingErasures)).toEqual([]);

    const wa = waOf(p);
    const hits = await findEverywhere(db, [
      p.firstName,
      String(p.id),
      phoneOf(p).slice(1),
      phoneOf(p).slice(3),
      nikOf(p),
      wa.jid.split('@')[0]!,
      wa.lid.split('@')[0]!,
      userId,
    ]);
    expect(hits).toEqual([]);

    // The processing log proves it without naming anyone.
    const [entry] = await db
      .select()
      .from(personalDataLog)
      .where(and(eq(personalDataLog.subjectHash, subjectHash(userId)), eq(personalDataLog.action, 'erase')));
    expect(entry).toMatchObject({ actor: 'user', subjectUserId: null });
    expect(entry!.detail).toMatchObject({
      sources: expect.arrayContaining(['profile', 'consents', 'messages', 'whatsapp', 'account']),
    });

    // The other person is untouched.
    expect(await userIdOf(other.id)).toBe(otherId);
  });

  it('erases with the typed "ya hapus"; a new or redelivered message starts a new person', async () => {
    const p = person('Kartini');
    const chat = conversation(h, p);
    await personWithProfile(h, chat, bornAgo(25));
    const userId = (await userIdOf(p.id))!;
    await chat.say('/hapus_data');
    const confirmation = textUpdate(p, 'Ya, hapus!');
    await h.post(confirmation);
    expect(chat.last().text).toContain('Semua datamu sudah dihapus');
    await settle();
    expect(await h.runtime.db.select().from(users).where(eq(users.id, userId))).toEqual([]);

    // Telegram delivers the confirmation again: a new person, who is greeted and has nothing.
    h.api.reset();
    await h.post(confirmation);
    const fresh = await userIdOf(p.id);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(userId);
    expect(chat.last().text).toMatch(/Halo, Kartini!|Mau mulai dari mana/);
    expect(await h.runtime.db.select().from(profiles).where(eq(profiles.userId, fresh!))).toEqual([]);
    expect(await h.runtime.db.select().from(consents).where(eq(consents.userId, fresh!))).toEqual([]);

    // The new person's eligibility check asks for consent again.
    await chat.say('/start p_las-privasi');
    const check = await chat.press('✅ Cek kelayakan');
    expect(check.text).toContain('Apakah kamu setuju?');
  });

  it('a message right after the erasure, before it is completed, already starts a new person', async () => {
    const p = person('Sekar');
    const chat = conversation(h, p);
    await chat.say('/start');
    const userId = (await userIdOf(p.id))!;
    await chat.say('/hapus_data');
    await chat.say('ya hapus');
    await chat.say('halo');
    expect(chat.texts().at(-2)).toContain('Halo, Sekar!');
    const fresh = (await userIdOf(p.id))!;
    expect(fresh).not.toBe(userId);
    await settle();
    expect(await h.runtime.db.select().from(users).where(eq(users.id, userId))).toEqual([]);
    expect(await h.runtime.db.select().from(users).where(eq(users.id, fresh))).toHaveLength(1);
  });

  it('waits for the confirmation to be delivered, and no longer than the grace period', async () => {
    const p = person('Ratna');
    const chat = conversation(h, p);
    await chat.say('/start');
    const userId = (await userIdOf(p.id))!;
    await chat.say('/hapus_data');
    // Telegram is down: the confirmation stays in the outbox.
    h.api.behaviour = () => ({
      status: 502,
      body: { ok: false, error_code: 502, description: 'Bad Gateway' },
    });
    await chat.say('ya hapus').catch(() => undefined);
    await h.runtime.marker.flush();
    const waiting = rowsOf<{ status: string }>(
      await h.runtime.db.execute(
        sql`select status from messages where user_id = ${userId} and direction = 'out'`,
      ),
    );
    expect(waiting.map((r) => r.status)).toEqual(['pending']);
    expect((await h.runtime.privacy.tick()).finished).toBe(0);
    expect(await h.runtime.db.select().from(users).where(eq(users.id, userId))).toHaveLength(1);

    // Telegram is back: the dispatcher delivers it, then the erasure completes.
    h.api.reset();
    await h.runtime.db.execute(sql`update messages set available_at = now() where user_id = ${userId}`);
    await h.runtime.dispatcher.drainOnce();
    expect(h.api.texts(p.id).at(-1)).toContain('Semua datamu sudah dihapus');
    expect((await h.runtime.privacy.tick()).finished).toBe(1);

    // A confirmation that can never be delivered does not keep the person for more than the grace period.
    const q = person('Lestari');
    const chat2 = conversation(h, q);
    await chat2.say('/start');
    const qId = (await userIdOf(q.id))!;
    await chat2.say('/hapus_data');
    h.api.behaviour = () => ({
      status: 502,
      body: { ok: false, error_code: 502, description: 'Bad Gateway' },
    });
    await chat2.say('ya hapus').catch(() => undefined);
    await h.runtime.marker.flush();
    const { finishErasures } = await import('../../src/privacy/erasure');
    expect(await finishErasures(h.runtime.db)).toBe(0);
    expect(await finishErasures(h.runtime.db, { now: new Date(Date.now() + 16 * 60_000) })).toBe(1);
    expect(await h.runtime.db.select().from(users).where(eq(users.id, qId))).toEqual([]);
  });
});
