import type { WAMessage } from 'baileys';
import { describe, expect, it } from 'vitest';
import { baileysPayload, classify } from './inbound';

const PN = '6281234567890@s.whatsapp.net';
const LID = '123456789012345@lid';

/** protobufjs decodes 64-bit fields as Long objects. */
const longOf = (n: number) => ({ low: n, high: 0, unsigned: true, toNumber: () => n }) as unknown as number;

function msg(message: WAMessage['message'], key: Partial<WAMessage['key']> = {}): WAMessage {
  return {
    key: { remoteJid: PN, fromMe: false, id: 'ABC123', ...key },
    message,
    messageTimestamp: 1_763_900_000,
  } as WAMessage;
}

describe('Baileys message classification', () => {
  it('keeps 1:1 chats with both addresses, device parts dropped', () => {
    expect(
      classify(
        msg(
          { conversation: 'hi' },
          { remoteJid: `${LID.replace('@', ':5@')}`, remoteJidAlt: '6281234567890:5@s.whatsapp.net' },
        ),
      ),
    ).toEqual({
      kind: 'person',
      chatJid: LID,
      pn: PN,
      lid: LID,
    });
    expect(classify(msg({ conversation: 'hi' }))).toEqual({ kind: 'person', chatJid: PN, pn: PN });
    expect(classify(msg({ conversation: 'hi' }, { fromMe: true }))).toMatchObject({
      kind: 'phone',
      chatJid: PN,
    });
  });

  it('ignores groups, status, broadcast lists, newsletters, stubs, edits and protocol messages', () => {
    const reasons = [
      msg({ conversation: 'x' }, { remoteJid: '120363025555555555@g.us' }),
      msg({ conversation: 'x' }, { remoteJid: 'status@broadcast' }),
      msg({ conversation: 'x' }, { remoteJid: '1763900000@broadcast' }),
      msg({ conversation: 'x' }, { remoteJid: '120363111111111111@newsletter' }),
      msg({ conversation: 'x' }, { remoteJid: '0@c.us' }),
      msg(null),
      msg({ editedMessage: { message: { conversation: 'x' } } }),
      msg({ protocolMessage: { type: 0 } }),
      msg({ reactionMessage: { text: '👍' } }),
      msg({ senderKeyDistributionMessage: { groupId: 'g' } }),
      msg({ conversation: 'x' }, { id: '' }),
    ].map((m) => classify(m));
    expect(reasons.every((r) => r.kind === 'ignore')).toBe(true);
  });
});

describe('Baileys payloads', () => {
  it('reads wrapped content (disappearing, view once) like any other', () => {
    expect(
      baileysPayload(msg({ ephemeralMessage: { message: { extendedTextMessage: { text: 'halo' } } } })),
    ).toEqual({ type: 'text', text: 'halo' });
    expect(
      baileysPayload(
        msg({
          viewOnceMessageV2: {
            message: { imageMessage: { mimetype: 'image/png', fileLength: longOf(1234) } },
          },
        }),
      ),
    ).toEqual({
      type: 'media',
      mediaKind: 'photo',
      fileRef: 'baileys:ABC123',
      mimeType: 'image/png',
      size: 1234,
    });
  });

  it('maps audio, video, stickers, live locations and old button answers', () => {
    expect(
      baileysPayload(msg({ audioMessage: { mimetype: 'audio/ogg; codecs=opus', ptt: true } })),
    ).toMatchObject({ mediaKind: 'audio' });
    expect(baileysPayload(msg({ videoMessage: { caption: 'lihat' } }))).toMatchObject({
      mediaKind: 'video',
      caption: 'lihat',
    });
    expect(baileysPayload(msg({ stickerMessage: { mimetype: 'image/webp' } }))).toMatchObject({
      mediaKind: 'sticker',
    });
    expect(
      baileysPayload(msg({ liveLocationMessage: { degreesLatitude: -6.9, degreesLongitude: 107.6 } })),
    ).toEqual({ type: 'location', latitude: -6.9, longitude: 107.6 });
    expect(baileysPayload(msg({ buttonsResponseMessage: { selectedDisplayText: 'Ya' } }))).toEqual({
      type: 'text',
      text: 'Ya',
    });
  });

  it('recognises the sender’s own number in a contact card, and drops NUL from text', () => {
    const vcard = 'BEGIN:VCARD\nTEL;waid=6281234567890:+62 812\nEND:VCARD';
    expect(baileysPayload(msg({ contactMessage: { vcard } }), PN)).toEqual({
      type: 'contact',
      phone: '+6281234567890',
      isOwn: true,
    });
    expect(baileysPayload(msg({ contactsArrayMessage: { contacts: [{ vcard }] } }))).toMatchObject({
      isOwn: false,
    });
    expect(baileysPayload(msg({ conversation: 'a\u0000b' }))).toEqual({ type: 'text', text: 'ab' });
  });

  it('anything else is unsupported, named by its type', () => {
    expect(baileysPayload(msg({ pollCreationMessage: { name: 'Q' } }))).toEqual({
      type: 'unsupported',
      what: 'pollCreationMessage',
    });
  });
});
