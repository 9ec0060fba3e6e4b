import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMediaMessage } from '../../src/channels/whatsapp/baileys/media';
import { isPausedByPhone, resumeFromPhone } from '../../src/channels/whatsapp/pauses';
import {
  identities,
  messages,
  processedEvents,
  users,
  whatsappContacts,
  whatsappMedia,
  whatsappPhonePauses,
  whatsappSent,
} from '../../src/db/schema';
import { type BaileysHarness, startBaileysHarness } from '../helpers/whatsapp';
import {
  contactCard,
  conversation,
  documentMessage,
  extendedText,
  image,
  lidOf,
  location,
  messageId,
  pnOf,
  reaction,
  type WaPerson,
  waMessage,
} from '../helpers/whatsapp-messages';
import { boom } from '../helpers/whatsapp-socket';

let h: BaileysHarness;
beforeAll(async () => {
  h = await startBaileysHarness();
});
afterAll(async () => {
  await h.close();
});

let next = 6285700000000;
const person = (extra: Partial<WaPerson> = {}): WaPerson => ({
  pn: String(next++),
  name: 'Dewi Lestari',
  ...extra,
});

const secondsAgo = (s: number) => Math.floor(Date.now() / 1000) - s;

async function lastInbound(externalId: string) {
  const [row] = await h.runtime.db
    .select({ body: messages.body })
    .from(messages)
    .innerJoin(identities, eq(identities.id, messages.identityId))
    .where(and(eq(identities.externalId, externalId), eq(messages.direction, 'in')))
    .orderBy(desc(messages.id))
    .limit(1);
  return row?.body as Record<string, unknown> | undefined;
}

async function userIdOf(externalId: string): Promise<string> {
  const [row] = await h.runtime.db
    .select({ userId: identities.userId })
    .from(identities)
    .where(and(eq(identities.channel, 'whatsapp'), eq(identities.externalId, externalId)));
  return row!.userId;
}

async function eventCount(): Promise<number> {
  const [row] = await h.runtime.db.select({ n: count() }).from(processedEvents);
  return row!.n;
}

describe('Baileys inbound: message kinds', () => {
  it('conversation and extendedTextMessage are text; the reply goes to the chat JID', async () => {
    const p = person();
    await h.receive(conversation(p, '/start'));
    await h.receive(extendedText(p, '5'));
    const texts = h.texts(pnOf(p));
    expect(texts[0]).toContain('Halo, Dewi!');
    expect(texts.at(-1)).toContain('Pengaturan & privasi');
    expect(await lastInbound(pnOf(p))).toEqual({ type: 'text', text: '5' });
  });

  it('a photo becomes media whose fileRef finds the stored message for downloadMediaMessage', async () => {
    const p = person();
    await h.receive(conversation(p, '/start'));
    const msg = image(p, 'KTP saya 🙏');
    await h.receive(msg);
    const body = await lastInbound(pnOf(p));
    expect(body).toMatchObject({
      type: 'media',
      mediaKind: 'photo',
      fileRef: `baileys:${msg.key.id}`,
      mimeType: 'image/jpeg',
      size: 48213,
      caption: 'KTP saya 🙏',
    });
    const stored = await loadMediaMessage(h.runtime.db, String(body!.fileRef));
    expect(stored?.key.id).toBe(msg.key.id);
    expect(Buffer.from(stored!.message!.imageMessage!.mediaKey!)).toEqual(
      Buffer.from(msg.message!.imageMessage!.mediaKey!),
    );
    expect(stored!.message!.imageMessage!.directPath).toBe(msg.message!.imageMessage!.directPath);
    // The bot says the photo arrived, that documents are sent when applying, and shows the menu.
    expect(h.texts(pnOf(p)).at(-2)).toContain('Foto atau berkasnya sudah sampai');
  });

  it('a document (with caption) becomes media with its file name, type and size', async () => {
    const p = person();
    const msg = documentMessage(p, 'ijazah-smk.pdf');
    await h.receive(msg);
    expect(await lastInbound(pnOf(p))).toMatchObject({
      type: 'media',
      mediaKind: 'document',
      fileRef: `baileys:${msg.key.id}`,
      fileName: 'ijazah-smk.pdf',
      mimeType: 'application/pdf',
      size: 210_334,
      caption: 'ijazah saya',
    });
    expect(await loadMediaMessage(h.runtime.db, `baileys:${msg.key.id}`)).toBeDefined();
  });

  it('a contact card gives the phone number (own number recognised)', async () => {
    const p = person();
    await h.receive(contactCard(p, 'Ibu Sari', '6281298765432'));
    expect(await lastInbound(pnOf(p))).toEqual({ type: 'contact', phone: '+6281298765432', isOwn: false });
    await h.receive(contactCard(p, 'Saya', p.pn));
    expect(await lastInbound(pnOf(p))).toEqual({ type: 'contact', phone: `+${p.pn}`, isOwn: true });
  });

  it('a location gives its coordinates', async () => {
    const p = person();
    await h.receive(location(p, -7.2575, 112.7521));
    expect(await lastInbound(pnOf(p))).toEqual({ type: 'location', latitude: -7.2575, longitude: 112.7521 });
  });

  it('messages received while offline (upsert type "append") are answered too', async () => {
    const p = person();
    h.sockets.last.receive([conversation(p, '/start')], 'append');
    await h.baileys.channel.idle();
    expect(h.texts(pnOf(p))).toHaveLength(2);
  });

  it('ignores groups, status, broadcast lists, newsletters, reactions and empty stubs', async () => {
    const p = person();
    const before = await eventCount();
    const sentBefore = h.sockets.texts().length;
    await h.receive(
      conversation(p, '/start', { remoteJid: '120363025555555555@g.us', participant: pnOf(p) }),
      conversation(p, '/start', { remoteJid: 'status@broadcast', participant: pnOf(p) }),
      conversation(p, '/start', { remoteJid: '1763900000@broadcast' }),
      conversation(p, '/start', { remoteJid: '120363111111111111@newsletter' }),
      reaction(p, messageId()),
      waMessage(p, { protocolMessage: { type: 0, key: { id: messageId() } } }),
      { ...conversation(p, 'x'), message: null },
    );
    expect(await eventCount()).toBe(before);
    expect(h.sockets.texts().length).toBe(sentBefore);
  });
});

describe('Baileys inbound: one person behind a phone JID and a LID', () => {
  it('a later LID-addressed message finds the same person and conversation; replies go to the LID chat', async () => {
    const p = person({ lid: String(next * 7) });
    await h.receive(conversation(p, '/start')); // phone JID, LID as remoteJidAlt
    await h.receive(conversation(p, '5', { viaLid: true })); // LID, phone JID as remoteJidAlt
    expect(h.texts(lidOf(p)).at(-1)).toContain('Pengaturan & privasi');
    const idents = await h.runtime.db
      .select()
      .from(identities)
      .where(eq(identities.externalId, pnOf(p)));
    expect(idents).toHaveLength(1);
    expect(idents[0]!.address).toBe(lidOf(p));
  });

  it('a LID-only first contact keeps its LID as the key; the phone JID learnt later maps to it', async () => {
    const p = person({ lid: String(next * 7) });
    await h.receive(conversation(p, '/start', { viaLid: true, noAlt: true }));
    await waitForIdentity(lidOf(p));
    // Baileys learns the mapping (lid-mapping.update), then the person writes from the phone JID.
    h.sockets.last.emit('lid-mapping.update', { pn: pnOf(p), lid: lidOf(p) });
    await waitForContact(pnOf(p));
    await h.receive(conversation(p, '5', { noAlt: true }));
    expect(h.texts(pnOf(p)).at(-1)).toContain('Pengaturan & privasi'); // the same conversation
    const [contact] = await h.runtime.db
      .select()
      .from(whatsappContacts)
      .where(eq(whatsappContacts.lidJid, lidOf(p)));
    expect(contact).toMatchObject({ externalId: lidOf(p), pnJid: pnOf(p) });
  });

  it("a LID-only message uses Baileys' stored LID→phone mapping when it has one", async () => {
    const p = person({ lid: String(next * 7) });
    const { usePostgresAuthState } = await import('../../src/channels/whatsapp/baileys/auth-state');
    const auth = await usePostgresAuthState(h.runtime.db, 'default');
    await auth.state.keys.set({ 'lid-mapping': { [p.pn]: p.lid!, [`${p.lid}_reverse`]: p.pn } });
    await h.receive(conversation(p, '/start', { viaLid: true, noAlt: true }));
    await waitForIdentity(pnOf(p));
  });
});

async function waitForIdentity(externalId: string) {
  const rows = await h.runtime.db.select().from(identities).where(eq(identities.externalId, externalId));
  expect(rows).toHaveLength(1);
}

async function waitForContact(pn: string) {
  for (let i = 0; i < 100; i++) {
    const rows = await h.runtime.db.select().from(whatsappContacts).where(eq(whatsappContacts.pnJid, pn));
    if (rows.length) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('contact not linked');
}

describe('Baileys: someone answering from the phone pauses the bot in that chat', () => {
  it("the bot's own messages echoed back do not pause it", async () => {
    const p = person();
    await h.receive(conversation(p, '/start'));
    const sent = h.sockets.last.sent.at(-1)!;
    await h.receive(conversation(p, 'halo', { fromMe: true, id: sent.options!.messageId! }));
    expect(await isPausedByPhone(h.runtime.db, await userIdOf(pnOf(p)))).toBe(false);
  });

  it('a message typed on the phone pauses the chat until staff hand it back', async () => {
    const p = person();
    // A minute before: staff read it and typed an answer (not the Business app answering at once).
    await h.receive(conversation(p, '/start', { timestamp: secondsAgo(60) }));
    const userId = await userIdOf(pnOf(p));
    await h.receive(
      conversation(p, 'Halo Dewi, ini Bu Rina dari BLK. Ada yang bisa dibantu?', { fromMe: true }),
    );
    expect(await isPausedByPhone(h.runtime.db, userId)).toBe(true);
    const before = h.texts(pnOf(p)).length;
    await h.receive(conversation(p, 'iya bu, saya mau tanya magang'));
    expect(h.texts(pnOf(p))).toHaveLength(before); // the bot keeps out of it
    await resumeFromPhone(h.runtime.db, userId);
    expect(await isPausedByPhone(h.runtime.db, userId)).toBe(false);
    await h.receive(conversation(p, 'menu'));
    expect(h.texts(pnOf(p)).at(-1)).toContain('Mau mulai dari mana?');
  });

  it('also when the organisation writes first to a number the bot has never seen', async () => {
    const p = person();
    await h.receive(conversation(p, 'Selamat siang, info pelatihan las minggu depan ya', { fromMe: true }));
    await h.receive(conversation(p, 'baik pak, terima kasih'));
    expect(h.texts(pnOf(p))).toHaveLength(0);
  });

  it('an old phone message (received late) does not pause the chat', async () => {
    const p = person();
    const twoDaysAgo = Math.floor(Date.now() / 1000) - 2 * 86_400;
    await h.receive(conversation(p, 'pesan lama', { fromMe: true, timestamp: twoDaysAgo }));
    await h.receive(conversation(p, '/start'));
    expect(h.texts(pnOf(p))).toHaveLength(2);
  });
});

describe('Baileys outbound', () => {
  it('keeps sent messages for getMessage retries, also after a restart', async () => {
    const p = person();
    await h.receive(conversation(p, '/start'));
    const sent = h.sockets.last.sent.at(-1)!;
    const key = { remoteJid: pnOf(p), fromMe: true, id: sent.options!.messageId! };
    const content = await h.sockets.last.config.getMessage!(key);
    expect(content?.extendedTextMessage?.text).toContain('Mau mulai dari mana?');
    await h.restart();
    const again = await h.sockets.last.config.getMessage!(key);
    expect(again?.extendedTextMessage?.text).toContain('Mau mulai dari mana?');
    expect(await h.sockets.last.config.getMessage!({ ...key, id: 'UNKNOWN' })).toBeUndefined();
  });

  it('a restart keeps the WhatsApp session and the conversation', async () => {
    const p = person();
    h.sockets.last.pair();
    await new Promise((r) => setTimeout(r, 50));
    await h.receive(conversation(p, '/start'));
    await h.restart();
    expect(h.sockets.last.config.auth.creds.registered).toBe(true);
    await h.receive(conversation(p, '5'));
    expect(h.texts(pnOf(p)).at(-1)).toContain('Pengaturan & privasi');
  });

  it('when the socket drops while sending, replies stay in the outbox and go out once it is back', async () => {
    const p = person();
    const socket = h.sockets.last;
    socket.onSend = () => {
      throw boom(428); // Baileys: "Connection Closed"
    };
    await h.receive(conversation(p, '/start'));
    expect(h.texts(pnOf(p))).toHaveLength(0);
    const waiting = await h.runtime.db
      .select({ status: messages.status })
      .from(messages)
      .where(and(eq(messages.direction, 'out'), eq(messages.status, 'pending')));
    expect(waiting).toHaveLength(2);
    socket.onSend = undefined;
    await h.runtime.db
      .update(messages)
      .set({ availableAt: new Date(0) })
      .where(eq(messages.status, 'pending'));
    while ((await h.runtime.dispatcher.drainOnce()) > 0) {}
    expect(h.texts(pnOf(p))).toHaveLength(2);
    expect(h.texts(pnOf(p))[0]).toContain('Halo, Dewi!');
  });
});

describe('Baileys inbound: 120 random messages', () => {
  it('never crashes: a reply to every person, silence for what is not a person talking to us', async () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)]!;
    const junkText = () =>
      Array.from({ length: Math.floor(rand() * 300) }, () =>
        String.fromCodePoint(Math.floor(rand() * 0x1f64f)),
      ).join('');
    const makers: Array<[boolean, (p: WaPerson) => import('baileys').WAMessage]> = [
      [true, (p) => conversation(p, junkText())],
      [true, (p) => extendedText(p, 'x'.repeat(5_000))],
      [
        true,
        (p) =>
          conversation(p, pick(['1', '99', 'menu', 'batal', '/start', 'dua', '🙏🙏', ' ', 'yang kedua'])),
      ],
      [true, (p) => image(p)],
      [true, (p) => documentMessage(p, 'cv.pdf')],
      [true, (p) => contactCard(p, 'X', '628111')],
      [true, (p) => location(p, rand() * 90, rand() * 180)],
      [true, (p) => waMessage(p, { pollCreationMessage: { name: 'Q', options: [{ optionName: 'a' }] } })],
      [true, (p) => waMessage(p, { stickerMessage: { mimetype: 'image/webp' } })],
      [true, (p) => waMessage(p, { ephemeralMessage: { message: { conversation: 'hilang' } } })],
      [false, (p) => reaction(p, messageId())],
      [false, (p) => conversation(p, 'grup', { remoteJid: '120363000000000000@g.us', participant: pnOf(p) })],
      [false, (p) => conversation(p, 'status', { remoteJid: 'status@broadcast', participant: pnOf(p) })],
      [false, (p) => ({ ...conversation(p, 'x'), message: null })],
      [false, (p) => waMessage(p, { protocolMessage: { type: 14 } })],
    ];
    for (let i = 0; i < 120; i++) {
      const p = person();
      const [answered, make] = pick(makers);
      await h.receive(make(p));
      expect(h.texts(pnOf(p)).length > 0, `message ${i} (${makers.findIndex(([, m]) => m === make)})`).toBe(
        answered,
      );
    }
  });
});

describe('Baileys: erasure', () => {
  it('forgetWhatsAppPerson removes the mapping, pause, media and sent copies of one person only', async () => {
    const p = person({ lid: String(next * 7) });
    const other = person();
    for (const who of [p, other]) {
      await h.receive(conversation(who, '/start', { timestamp: secondsAgo(120) }));
      await h.receive(image(who, undefined, { timestamp: secondsAgo(120) }));
      await h.receive(conversation(who, 'sebentar ya', { fromMe: true }));
    }
    const userId = await userIdOf(pnOf(p));
    const { forgetWhatsAppPerson } = await import('../../src/channels/whatsapp/privacy');
    await h.runtime.db.transaction(async (tx) => {
      await forgetWhatsAppPerson(tx, userId);
      await tx.delete(users).where(eq(users.id, userId));
    });
    const left = async (externalId: string) => ({
      contacts: (
        await h.runtime.db.select().from(whatsappContacts).where(eq(whatsappContacts.externalId, externalId))
      ).length,
      media: (await h.runtime.db.select().from(whatsappMedia).where(eq(whatsappMedia.externalId, externalId)))
        .length,
      pauses: (
        await h.runtime.db
          .select()
          .from(whatsappPhonePauses)
          .where(eq(whatsappPhonePauses.externalId, externalId))
      ).length,
      sent: (await h.runtime.db.select().from(whatsappSent).where(eq(whatsappSent.remoteJid, externalId)))
        .length,
    });
    expect(await left(pnOf(p))).toEqual({ contacts: 0, media: 0, pauses: 0, sent: 0 });
    expect(await left(pnOf(other))).toEqual({ contacts: 1, media: 1, pauses: 1, sent: 4 });
  });
});

describe('Baileys pacing', () => {
  let paced: BaileysHarness;
  beforeAll(async () => {
    paced = await startBaileysHarness({
      settings: { WHATSAPP_MIN_GAP_MS: '150', WHATSAPP_MAX_GAP_MS: '200', WHATSAPP_DAILY_CAP: '3' },
    });
  });
  afterAll(async () => {
    await paced.close();
  });

  it('sends one message at a time with a random gap, and no more than the daily cap', async () => {
    const p = person();
    await paced.receive(conversation(p, '/start'));
    const [first, second] = paced.sockets.last.sent;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(145);
    await paced.receive(conversation(p, '5')); // the third message: the cap
    expect(paced.texts(pnOf(p))).toHaveLength(3);
    await paced.receive(conversation(p, 'menu'));
    expect(paced.texts(pnOf(p))).toHaveLength(3);
    const [waiting] = await paced.runtime.db
      .select({ status: messages.status, error: messages.error, availableAt: messages.availableAt })
      .from(messages)
      .where(and(eq(messages.direction, 'out'), eq(messages.status, 'pending')));
    expect(waiting?.error).toBe('rate limited');
    // Deferred to the next Jakarta midnight: later than now, and 00:00 WIB (UTC+7) to the second. Not
    // "a minute from now": a run just before midnight WIB is a few seconds from tomorrow (CI failed so).
    const at = waiting!.availableAt.getTime();
    expect(at).toBeGreaterThan(Date.now());
    expect(at - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    expect((at + 7 * 3600_000) % (24 * 3600_000)).toBeLessThan(1_000);
  });
});
