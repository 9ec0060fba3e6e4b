import { z } from 'zod';
import type { CloudWebhookBody } from './inbound';

/*
 * The Cloud API webhook body's shape, checked at the edge after the signature and before anything reads
 * it. Meta never sends `statuses` or `messages` as objects, but a signed body can still be malformed (a
 * replay tool, a test script, a proxy): without this check iterating one threw, the webhook answered 500,
 * and Meta retried it for hours. What the adapter reads is typed (every field optional, as Meta omits
 * many); everything else passes through (loose objects), so a new Graph API field changes nothing.
 */

const str = z.string().optional();
const obj = <T extends z.core.$ZodLooseShape>(shape: T) => z.looseObject(shape).optional();

const media = obj({ id: str, mime_type: str, caption: str, filename: str });
const reply = obj({ id: str, title: str });

const message = z.looseObject({
  id: str,
  from: str,
  timestamp: str,
  type: str,
  text: obj({ body: str }),
  interactive: obj({ type: str, button_reply: reply, list_reply: reply }),
  button: obj({ text: str, payload: str }),
  image: media,
  document: media,
  audio: media,
  video: media,
  sticker: media,
  location: obj({ latitude: z.number().optional(), longitude: z.number().optional() }),
  contacts: z
    .array(z.looseObject({ phones: z.array(z.looseObject({ phone: str, wa_id: str })).optional() }))
    .optional(),
});

const status = z.looseObject({
  id: str,
  status: str,
  recipient_id: str,
  errors: z.array(z.looseObject({ code: z.number().optional(), title: str })).optional(),
});

const value = z.looseObject({
  metadata: obj({ phone_number_id: str }),
  contacts: z.array(z.looseObject({ wa_id: str, profile: obj({ name: str }) })).optional(),
  messages: z.array(message).optional(),
  statuses: z.array(status).optional(),
});

const bodySchema = z.looseObject({
  object: z.string().optional(),
  entry: z
    .array(
      z.looseObject({
        changes: z.array(z.looseObject({ field: z.string().optional(), value: value.optional() })).optional(),
      }),
    )
    .optional(),
});

export type CloudEdgeResult = { ok: true; body: CloudWebhookBody } | { ok: false; problems: string[] };

/** The body, or where it is malformed (paths and codes only, never a value). */
export function checkCloudBody(body: unknown): CloudEdgeResult {
  const result = bodySchema.safeParse(body);
  if (result.success) return { ok: true, body: result.data as CloudWebhookBody };
  return {
    ok: false,
    problems: result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(body)'}: ${i.code}`),
  };
}
