import type { proto, WAMessage } from 'baileys';

/*
 * Baileys `messages.upsert` entries as they arrive from WhatsApp (v7: `remoteJidAlt` carries the
 * other addressing of a 1:1 chat, phone JID ↔ LID).
 */

let counter = 0;
/** A WhatsApp-like message id (20 upper-case hex characters). */
export function messageId(): string {
  counter += 1;
  return `3EB0${Date.now().toString(16).toUpperCase().padStart(12, '0')}${counter.toString(16).toUpperCase().padStart(4, '0')}`;
}

export interface WaPerson {
  /** Phone number, digits with country code. */
  pn: string;
  /** LID user part (digits), when the chat is LID-addressed. */
  lid?: string;
  name?: string;
}

export const pnOf = (p: WaPerson) => `${p.pn}@s.whatsapp.net`;
export const lidOf = (p: WaPerson) => `${p.lid}@lid`;

export interface MessageOptions {
  id?: string;
  /** Address the chat by LID (with the phone JID as `remoteJidAlt`, as v7 does when it knows it). */
  viaLid?: boolean;
  /** Leave `remoteJidAlt` out (a LID chat whose phone number Baileys did not tell). */
  noAlt?: boolean;
  fromMe?: boolean;
  remoteJid?: string;
  participant?: string;
  timestamp?: number;
}

export function waMessage(p: WaPerson, message: proto.IMessage, o: MessageOptions = {}): WAMessage {
  const remoteJid = o.remoteJid ?? (o.viaLid ? lidOf(p) : pnOf(p));
  const alt = o.remoteJid || o.noAlt ? undefined : o.viaLid ? pnOf(p) : p.lid ? lidOf(p) : undefined;
  return {
    key: {
      remoteJid,
      ...(alt ? { remoteJidAlt: alt } : {}),
      fromMe: o.fromMe ?? false,
      id: o.id ?? messageId(),
      ...(o.participant ? { participant: o.participant } : {}),
      addressingMode: o.viaLid ? 'lid' : 'pn',
    },
    message,
    messageTimestamp: o.timestamp ?? Math.floor(Date.now() / 1000),
    ...(o.fromMe ? {} : { pushName: p.name ?? 'Sari' }),
    broadcast: false,
  } as WAMessage;
}

export const conversation = (p: WaPerson, text: string, o?: MessageOptions) =>
  waMessage(p, { conversation: text }, o);

export const extendedText = (p: WaPerson, text: string, o?: MessageOptions) =>
  waMessage(p, { extendedTextMessage: { text, contextInfo: { expiration: 0 } }, messageContextInfo: {} }, o);

const bytes = (n: number) => Buffer.alloc(32, n);

export const image = (p: WaPerson, caption?: string, o?: MessageOptions) =>
  waMessage(
    p,
    {
      imageMessage: {
        url: 'https://mmg.whatsapp.net/o1/v/t62.7118-24/f1/m231/abc.enc',
        mimetype: 'image/jpeg',
        fileSha256: bytes(1),
        fileLength: 48213,
        height: 1280,
        width: 960,
        mediaKey: bytes(2),
        fileEncSha256: bytes(3),
        directPath: '/o1/v/t62.7118-24/f1/m231/abc.enc',
        mediaKeyTimestamp: Math.floor(Date.now() / 1000),
        jpegThumbnail: bytes(4),
        ...(caption ? { caption } : {}),
      },
    },
    o,
  );

export const documentMessage = (p: WaPerson, fileName: string, o?: MessageOptions) =>
  waMessage(
    p,
    {
      documentWithCaptionMessage: {
        message: {
          documentMessage: {
            url: 'https://mmg.whatsapp.net/v/t62.7119-24/doc.enc',
            mimetype: 'application/pdf',
            title: fileName,
            fileSha256: bytes(5),
            fileLength: 210_334,
            pageCount: 2,
            mediaKey: bytes(6),
            fileName,
            fileEncSha256: bytes(7),
            directPath: '/v/t62.7119-24/doc.enc',
            mediaKeyTimestamp: Math.floor(Date.now() / 1000),
            caption: 'ijazah saya',
          },
        },
      },
    },
    o,
  );

export const contactCard = (p: WaPerson, name: string, number: string, o?: MessageOptions) =>
  waMessage(
    p,
    {
      contactMessage: {
        displayName: name,
        vcard: [
          'BEGIN:VCARD',
          'VERSION:3.0',
          `N:;${name};;;`,
          `FN:${name}`,
          `item1.TEL;waid=${number}:+${number.slice(0, 2)} ${number.slice(2, 5)}-${number.slice(5, 9)}-${number.slice(9)}`,
          'item1.X-ABLabel:Ponsel',
          'END:VCARD',
        ].join('\n'),
      },
    },
    o,
  );

export const location = (p: WaPerson, latitude: number, longitude: number, o?: MessageOptions) =>
  waMessage(p, { locationMessage: { degreesLatitude: latitude, degreesLongitude: longitude } }, o);

export const reaction = (p: WaPerson, targetId: string, o?: MessageOptions) =>
  waMessage(p, { reactionMessage: { key: { id: targetId, remoteJid: pnOf(p) }, text: '👍' } }, o);
