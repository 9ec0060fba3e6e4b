import type { Update } from 'grammy/types';

let nextUpdateId = 1;
let nextMessageId = 1;

export interface TelegramPerson {
  id: number;
  firstName?: string;
  languageCode?: string;
}

function from(person: TelegramPerson) {
  return {
    id: person.id,
    is_bot: false,
    first_name: person.firstName ?? 'Sari',
    ...(person.languageCode ? { language_code: person.languageCode } : { language_code: 'id' }),
  };
}

function chat(person: TelegramPerson) {
  return { id: person.id, type: 'private' as const, first_name: person.firstName ?? 'Sari' };
}

/** A private-chat text message, as Telegram posts it to a webhook. */
export function textUpdate(person: TelegramPerson, text: string): Update {
  const entities = text.startsWith('/')
    ? [{ type: 'bot_command' as const, offset: 0, length: text.split(' ')[0]!.length }]
    : undefined;
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: chat(person),
      from: from(person),
      text,
      ...(entities ? { entities } : {}),
    },
  } as Update;
}

/** A button press on an inline keyboard. */
export function callbackUpdate(person: TelegramPerson, data: string, messageId = 1): Update {
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: `cbq-${nextUpdateId}`,
      from: from(person),
      chat_instance: 'ci-1',
      data,
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: chat(person),
        from: { id: 4242, is_bot: true, first_name: 'Jembatan' },
        text: '…',
      },
    },
  } as Update;
}

/** Any other message shape (photo, sticker, contact …): `extra` is merged into the message. */
export function messageUpdate(
  person: TelegramPerson,
  extra: Record<string, unknown>,
  chatOverride?: Record<string, unknown>,
): Update {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: chatOverride ?? chat(person),
      from: from(person),
      ...extra,
    },
  } as unknown as Update;
}

export function editedUpdate(person: TelegramPerson, text: string): Update {
  return {
    update_id: nextUpdateId++,
    edited_message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      edit_date: Math.floor(Date.now() / 1000),
      chat: chat(person),
      from: from(person),
      text,
    },
  } as Update;
}

/** The inline keyboard of a sendMessage call, as [label, callback_data] pairs. */
export function buttonsOf(body: Record<string, unknown>): Array<{ text: string; data: string }> {
  const markup = body.reply_markup as
    | { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> }
    | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((b) => ({ text: b.text, data: b.callback_data }));
}
