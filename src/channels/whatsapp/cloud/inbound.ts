import { decodeCallbackData } from '../../../engine/choices';
import type { InboundPayload } from '../../../shared/conversation';
import { phoneDigits } from '../jid';
import { cleanText } from '../text';

/*
 * The Cloud API webhook body (object `whatsapp_business_account`, field `messages`): messages people
 * sent and the delivery statuses of ours. Only the fields we read are typed; anything else is ignored.
 */

interface CloudMedia {
  id?: string;
  mime_type?: string;
  caption?: string;
  filename?: string;
}

export interface CloudMessage {
  id?: string;
  from?: string;
  timestamp?: string;
  type?: string;
  text?: { body?: string };
  interactive?: {
    type?: string;
    button_reply?: { id?: string; title?: string };
    list_reply?: { id?: string; title?: string };
  };
  button?: { text?: string; payload?: string };
  image?: CloudMedia;
  document?: CloudMedia;
  audio?: CloudMedia;
  video?: CloudMedia;
  sticker?: CloudMedia;
  location?: { latitude?: number; longitude?: number };
  contacts?: Array<{ phones?: Array<{ phone?: string; wa_id?: string }> }>;
}

export interface CloudStatus {
  id?: string;
  status?: string;
  recipient_id?: string;
  errors?: Array<{ code?: number; title?: string }>;
}

interface CloudValue {
  metadata?: { phone_number_id?: string };
  contacts?: Array<{ wa_id?: string; profile?: { name?: string } }>;
  messages?: CloudMessage[];
  statuses?: CloudStatus[];
}

export interface CloudWebhookBody {
  object?: string;
  entry?: Array<{ changes?: Array<{ field?: string; value?: CloudValue }> }>;
}

export interface CloudInbound {
  /** `wamid.…`: the de-duplication key. */
  id: string;
  /** The sender's WhatsApp id (their phone number, digits). */
  waId: string;
  name?: string;
  timestampMs?: number;
  payload: InboundPayload;
}

export interface StatusUpdate {
  messageId: string;
  recipient: string;
  status: 'delivered' | 'read' | 'failed';
  error?: string;
}

/** Messages and statuses for our number; everything else in the body is dropped. */
export function cloudEvents(
  body: CloudWebhookBody,
  phoneNumberId: string,
): { messages: CloudInbound[]; statuses: StatusUpdate[] } {
  const messages: CloudInbound[] = [];
  const statuses: StatusUpdate[] = [];
  if (body?.object !== 'whatsapp_business_account' || !Array.isArray(body.entry))
    return { messages, statuses };
  for (const entry of body.entry) {
    for (const change of entry?.changes ?? []) {
      const value = change?.value;
      if (change?.field !== 'messages' || !value || value.metadata?.phone_number_id !== phoneNumberId)
        continue;
      for (const message of value.messages ?? []) {
        if (!message?.id || !message.from || !/^\d{5,20}$/.test(message.from)) continue;
        const payload = cloudPayload(message);
        if (!payload) continue;
        const name = value.contacts?.find((c) => c.wa_id === message.from)?.profile?.name;
        const seconds = Number(message.timestamp);
        messages.push({
          id: message.id,
          waId: message.from,
          payload,
          ...(name ? { name: cleanText(name).slice(0, 100) } : {}),
          ...(seconds > 0 ? { timestampMs: seconds * 1000 } : {}),
        });
      }
      for (const status of value.statuses ?? []) {
        const kind = status?.status;
        if (!status?.id || !status.recipient_id) continue;
        if (kind !== 'delivered' && kind !== 'read' && kind !== 'failed') continue; // `sent` is known already
        const error = status.errors?.[0];
        statuses.push({
          messageId: status.id,
          recipient: status.recipient_id,
          status: kind,
          ...(error ? { error: `${error.code ?? '?'}: ${error.title ?? 'failed'}`.slice(0, 300) } : {}),
        });
      }
    }
  }
  return { messages, statuses };
}

/** One message → the engine's payload, or undefined for what needs no answer (reactions, system). */
export function cloudPayload(message: CloudMessage): InboundPayload | undefined {
  switch (message.type) {
    case 'text':
      return typeof message.text?.body === 'string'
        ? { type: 'text', text: cleanText(message.text.body) }
        : undefined;
    case 'interactive': {
      const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
      // Our buttons and rows carry `token:index`, exactly like Telegram's callback data.
      const decoded = decodeCallbackData(reply?.id);
      if (decoded) return { type: 'choice', token: decoded.token, index: decoded.index };
      return reply?.title ? { type: 'text', text: cleanText(reply.title) } : undefined;
    }
    case 'button': // a template's quick-reply button
      return message.button?.text ? { type: 'text', text: cleanText(message.button.text) } : undefined;
    case 'image':
      return media(message.image, 'photo', 'image/jpeg');
    case 'document':
      return media(message.document, 'document');
    case 'audio':
    case 'voice':
      return media(message.audio, 'audio');
    case 'video':
      return media(message.video, 'video');
    case 'sticker':
      return media(message.sticker, 'sticker');
    case 'location': {
      const { latitude, longitude } = message.location ?? {};
      return typeof latitude === 'number' && typeof longitude === 'number'
        ? { type: 'location', latitude, longitude }
        : undefined;
    }
    case 'contacts': {
      const phone = message.contacts?.[0]?.phones?.[0];
      const waId = phone?.wa_id && /^\d{5,20}$/.test(phone.wa_id) ? phone.wa_id : undefined;
      const written = phone?.phone?.trim() ?? '';
      const digits = waId ?? phoneDigits(written);
      if (digits.length < 5) return { type: 'unsupported', what: 'contacts' };
      return {
        type: 'contact',
        phone: waId || written.startsWith('+') ? `+${digits}` : digits,
        isOwn: digits === message.from,
      };
    }
    case 'reaction':
    case 'system':
    case 'ephemeral':
      return undefined;
    default:
      return { type: 'unsupported', what: String(message.type ?? 'unknown').slice(0, 40) };
  }
}

/** The `fileRef` of Cloud API media: its media id, downloaded through the Graph API when needed. */
export function cloudMediaRef(mediaId: string): string {
  return `cloud:${mediaId}`;
}

function media(
  m: CloudMedia | undefined,
  mediaKind: 'photo' | 'document' | 'audio' | 'video' | 'sticker',
  defaultMime?: string,
): InboundPayload | undefined {
  if (!m?.id) return undefined;
  const mimeType = m.mime_type ?? defaultMime;
  return {
    type: 'media',
    mediaKind,
    fileRef: cloudMediaRef(m.id),
    ...(mimeType ? { mimeType } : {}),
    ...(m.filename ? { fileName: cleanText(m.filename).slice(0, 255) } : {}),
    ...(m.caption ? { caption: cleanText(m.caption) } : {}),
  };
}
