import {
  getContentType,
  isJidBroadcast,
  isJidGroup,
  isJidNewsletter,
  normalizeMessageContent,
  type proto,
  toNumber,
  type WAMessage,
} from 'baileys';
import type { InboundPayload } from '../../../shared/conversation';
import { isLidJid, isPnJid, jidUser, normalizeUserJid } from '../jid';
import { cleanText, contactPayload } from '../text';

/** Why a message is none of the bot's business, or who it concerns. */
export type Classified =
  | { kind: 'ignore'; reason: string }
  /** Written by the organisation on the phone itself (key.fromMe, not an id the bot sent). */
  | { kind: 'phone'; chatJid: string; pn?: string; lid?: string }
  | { kind: 'person'; chatJid: string; pn?: string; lid?: string };

/** Content types that are not something a person said: receipts of edits, reactions, key exchange … */
const SILENT_TYPES = new Set([
  'protocolMessage',
  'reactionMessage',
  'senderKeyDistributionMessage',
  'pollUpdateMessage',
  'keepInChatMessage',
  'pinInChatMessage',
  'encReactionMessage',
  'messageHistoryBundle',
  'messageHistoryNotice',
]);

/**
 * Sorts one `messages.upsert` entry: 1:1 chats only (groups, status, broadcast lists and newsletters
 * are ignored), real content only (no stubs, reactions, edits or protocol messages).
 */
export function classify(msg: WAMessage): Classified {
  const remoteJid = msg.key?.remoteJid;
  if (!remoteJid || !msg.key.id) return { kind: 'ignore', reason: 'no key' };
  if (isJidGroup(remoteJid)) return { kind: 'ignore', reason: 'group' };
  if (isJidBroadcast(remoteJid)) return { kind: 'ignore', reason: 'status or broadcast list' };
  if (isJidNewsletter(remoteJid)) return { kind: 'ignore', reason: 'newsletter' };
  if (!isPnJid(remoteJid) && !isLidJid(remoteJid)) return { kind: 'ignore', reason: 'not a person' };
  if (!msg.message) return { kind: 'ignore', reason: 'no content' };
  if (msg.message.editedMessage) return { kind: 'ignore', reason: 'edit' };
  const type = getContentType(normalizeMessageContent(msg.message));
  if (!type || SILENT_TYPES.has(type)) return { kind: 'ignore', reason: type ?? 'empty' };

  const jids = [remoteJid, msg.key.remoteJidAlt].filter((j): j is string => !!j).map(normalizeUserJid);
  const pn = jids.find(isPnJid);
  const lid = jids.find(isLidJid);
  const who = { chatJid: normalizeUserJid(remoteJid), ...(pn ? { pn } : {}), ...(lid ? { lid } : {}) };
  return msg.key.fromMe ? { kind: 'phone', ...who } : { kind: 'person', ...who };
}

/** The `fileRef` of received media: a row of `whatsapp_media`, read back by `loadMediaMessage`. */
export function mediaRef(messageId: string): string {
  return `baileys:${messageId}`;
}

/** Turns the content of a person's message into the engine's payload. */
export function baileysPayload(msg: WAMessage, senderPn?: string): InboundPayload {
  const content = normalizeMessageContent(msg.message) ?? {};
  const type = getContentType(content) ?? 'unknown';
  const ref = mediaRef(msg.key.id ?? '');
  const caption = (c: string | null | undefined) => (c ? { caption: cleanText(c) } : {});
  const size = (n: proto.Message.IImageMessage['fileLength']) => {
    const value = n === null || n === undefined ? 0 : toNumber(n);
    return value > 0 ? { size: value } : {};
  };

  if (typeof content.conversation === 'string')
    return { type: 'text', text: cleanText(content.conversation) };
  if (typeof content.extendedTextMessage?.text === 'string')
    return { type: 'text', text: cleanText(content.extendedTextMessage.text) };
  if (content.imageMessage) {
    const m = content.imageMessage;
    return {
      type: 'media',
      mediaKind: 'photo',
      fileRef: ref,
      mimeType: m.mimetype ?? 'image/jpeg',
      ...size(m.fileLength),
      ...caption(m.caption),
    };
  }
  if (content.documentMessage) {
    const m = content.documentMessage;
    return {
      type: 'media',
      mediaKind: 'document',
      fileRef: ref,
      ...(m.mimetype ? { mimeType: m.mimetype } : {}),
      ...(m.fileName ? { fileName: cleanText(m.fileName).slice(0, 255) } : {}),
      ...size(m.fileLength),
      ...caption(m.caption),
    };
  }
  if (content.audioMessage)
    return { type: 'media', mediaKind: 'audio', fileRef: ref, ...mime(content.audioMessage.mimetype) };
  if (content.videoMessage || content.ptvMessage) {
    const m = (content.videoMessage ?? content.ptvMessage)!;
    return { type: 'media', mediaKind: 'video', fileRef: ref, ...mime(m.mimetype), ...caption(m.caption) };
  }
  if (content.stickerMessage)
    return { type: 'media', mediaKind: 'sticker', fileRef: ref, ...mime(content.stickerMessage.mimetype) };
  const contact = content.contactMessage ?? content.contactsArrayMessage?.contacts?.[0];
  if (contact) {
    const payload = contactPayload(contact.vcard ?? '', senderPn ? jidUser(senderPn) : undefined);
    if (payload) return payload;
  }
  const location = content.locationMessage ?? content.liveLocationMessage;
  if (
    location &&
    typeof location.degreesLatitude === 'number' &&
    typeof location.degreesLongitude === 'number'
  )
    return { type: 'location', latitude: location.degreesLatitude, longitude: location.degreesLongitude };
  // Buttons and lists do not reach phones (design.md §5), but an older client may still answer one.
  const picked =
    content.buttonsResponseMessage?.selectedDisplayText ??
    content.listResponseMessage?.title ??
    content.templateButtonReplyMessage?.selectedDisplayText;
  if (picked) return { type: 'text', text: cleanText(picked) };
  return { type: 'unsupported', what: type };
}

function mime(mimeType: string | null | undefined) {
  return mimeType ? { mimeType } : {};
}
