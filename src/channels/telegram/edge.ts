import type { Update } from 'grammy/types';
import { z } from 'zod';

/*
 * The shape of a Telegram Update as far as Jembatan reads it, checked at the edge (the webhook) before
 * anything else looks at it. Telegram never sends a malformed update, but a body with the right secret
 * can still be one (a bug in a proxy, a replay tool, a test script): without this check `{"message":{}}`
 * became a TypeError deep in the adapter, a 500, and Telegram retried it for hours. Only the fields the
 * adapter, the membership handler and the staff group read are checked; everything else passes through
 * untouched (loose objects), so a new Bot API field never makes an update "malformed".
 */

const id = z.number().int();

const user = z.looseObject({
  id,
  is_bot: z.boolean().optional(),
  first_name: z.string(),
  language_code: z.string().optional(),
});

const chat = z.looseObject({ id, type: z.string() });

/** Any file Telegram describes (photo size, document, sticker, voice …): we keep its file_id. */
const file = z.looseObject({
  file_id: z.string().min(1),
  file_size: z.number().optional(),
  file_name: z.string().optional(),
  mime_type: z.string().optional(),
});

const message = z.looseObject({
  message_id: id,
  date: z.number(),
  chat,
  from: user.optional(),
  sender_chat: z.looseObject({ id }).optional(),
  is_topic_message: z.boolean().optional(),
  message_thread_id: id.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(file).optional(),
  document: file.optional(),
  sticker: file.optional(),
  voice: file.optional(),
  audio: file.optional(),
  video: file.optional(),
  video_note: file.optional(),
  animation: file.optional(),
  contact: z.looseObject({ phone_number: z.string(), user_id: id.optional() }).optional(),
  location: z.looseObject({ latitude: z.number(), longitude: z.number() }).optional(),
});

const updateSchema = z.looseObject({
  update_id: id.nonnegative(),
  message: message.optional(),
  callback_query: z
    .looseObject({
      id: z.string().min(1),
      from: user,
      data: z.string().optional(),
      // Also an "inaccessible message" (date 0): it still names its chat.
      message: z.looseObject({ chat }).optional(),
    })
    .optional(),
  my_chat_member: z
    .looseObject({
      chat,
      from: user,
      new_chat_member: z.looseObject({ status: z.string() }),
    })
    .optional(),
});

export type EdgeResult = { ok: true; update: Update } | { ok: false; problems: string[] };

/**
 * The update, or where it is malformed (paths and zod's codes only: never a value, which may be a
 * person's text). Unknown update types (edited messages, channel posts, polls …) pass: the adapter
 * decides what to ignore.
 */
export function checkUpdate(body: unknown): EdgeResult {
  const result = updateSchema.safeParse(body);
  if (result.success) return { ok: true, update: result.data as unknown as Update };
  return {
    ok: false,
    problems: result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(body)'}: ${i.code}`),
  };
}
