import type { Update } from 'grammy/types';
import { decodeCallbackData } from '../../engine/choices';
import type { Inbound, InboundPayload } from '../../shared/conversation';

/** Longest text we keep from one message; Telegram allows 4096, and nobody's answer needs more. */
const MAX_TEXT = 4096;

/** Postgres text and jsonb cannot hold NUL; nothing a person means is lost by dropping it. */
function cleanText(text: string): string {
  const clipped = text.replaceAll('\u0000', '').slice(0, MAX_TEXT);
  // Never leave half an emoji (a lone surrogate): Postgres rejects the whole message for it.
  return clipped.replace(/[\uD800-\uDBFF]$/, '');
}

/**
 * Translates one Telegram Update into an `Inbound`, or `undefined` for updates the bot deliberately
 * ignores: edited messages, groups and channels, service messages, other update types.
 */
export function telegramInbound(update: Update): Inbound | undefined {
  const eventId = String(update.update_id);
  const query = update.callback_query;
  if (query) {
    const chat = query.message?.chat;
    if (chat && chat.type !== 'private') return undefined;
    // In a private chat the chat is the person: a button under a message in another chat is not theirs.
    if (chat && chat.id !== query.from.id) return undefined;
    // Unknown or malformed data becomes a choice that cannot match, so the person gets the "no longer
    // valid" answer and the current menu instead of silence.
    const decoded = decodeCallbackData(query.data) ?? { token: '-', index: -1 };
    return {
      channel: 'telegram',
      eventId,
      user: userOf(query.from, chat?.id ?? query.from.id),
      payload: { type: 'choice', token: decoded.token, index: decoded.index },
    };
  }

  const message = update.message;
  if (message?.chat.type !== 'private' || !message.from || message.from.is_bot) return undefined;
  // The reply goes to chat.id: in a private chat that must be the sender's own id, or a forged update
  // could make the bot write someone else's conversation into another chat.
  if (message.chat.id !== message.from.id) return undefined;
  const payload = payloadOf(message);
  if (!payload) return undefined;
  return { channel: 'telegram', eventId, user: userOf(message.from, message.chat.id), payload };
}

/** Telegram allows 64 characters of first name; nothing longer is a name. */
export const MAX_NAME = 64;

function userOf(
  from: { id: number; first_name: string; last_name?: string; username?: string; language_code?: string },
  chatId: number,
) {
  const clip = (text: string) =>
    cleanText(text)
      .slice(0, MAX_NAME)
      .replace(/[\uD800-\uDBFF]$/, '')
      .trim();
  const name = clip(from.first_name);
  // The full name and the username let staff tell two "Rudi" apart; the chat still says "Rudi".
  const last = from.last_name ? clip(from.last_name) : '';
  const handle = from.username && /^[A-Za-z0-9_]{4,32}$/.test(from.username) ? from.username : undefined;
  return {
    externalId: String(from.id),
    address: String(chatId),
    ...(name ? { displayName: name } : {}),
    ...(name && last ? { fullName: `${name} ${last}` } : {}),
    ...(handle ? { handle } : {}),
    ...(from.language_code ? { languageCode: from.language_code } : {}),
  };
}

type Message = NonNullable<Update['message']>;

function payloadOf(message: Message): InboundPayload | undefined {
  if (typeof message.text === 'string') return { type: 'text', text: cleanText(message.text) };
  if (message.contact)
    return {
      type: 'contact',
      phone: message.contact.phone_number,
      isOwn: message.contact.user_id === message.from?.id,
    };
  if (message.photo?.length) {
    const largest = message.photo[message.photo.length - 1]!;
    return {
      type: 'media',
      mediaKind: 'photo',
      fileRef: largest.file_id,
      mimeType: 'image/jpeg',
      ...(largest.file_size ? { size: largest.file_size } : {}),
      ...(message.caption ? { caption: cleanText(message.caption) } : {}),
    };
  }
  if (message.document) {
    const d = message.document;
    return {
      type: 'media',
      mediaKind: 'document',
      fileRef: d.file_id,
      ...(d.mime_type ? { mimeType: d.mime_type } : {}),
      ...(d.file_name ? { fileName: d.file_name } : {}),
      ...(d.file_size ? { size: d.file_size } : {}),
      ...(message.caption ? { caption: cleanText(message.caption) } : {}),
    };
  }
  if (message.sticker) return { type: 'media', mediaKind: 'sticker', fileRef: message.sticker.file_id };
  if (message.voice || message.audio)
    return { type: 'media', mediaKind: 'audio', fileRef: (message.voice ?? message.audio)!.file_id };
  if (message.video || message.video_note || message.animation)
    return {
      type: 'media',
      mediaKind: 'video',
      fileRef: (message.video ?? message.video_note ?? message.animation)!.file_id,
    };
  if (message.location)
    return { type: 'location', latitude: message.location.latitude, longitude: message.location.longitude };
  // Service messages (pinned, joined, …) are not something a person said to us.
  if (message.new_chat_members || message.left_chat_member || message.pinned_message) return undefined;
  const what =
    Object.keys(message).find((k) => !['message_id', 'from', 'chat', 'date', 'entities'].includes(k)) ??
    'unknown';
  return { type: 'unsupported', what };
}
