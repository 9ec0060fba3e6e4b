import type { InboundPayload } from '../../shared/conversation';
import { phoneDigits } from './jid';

/** Longest text kept from one message (as on Telegram); nobody's answer needs more. */
const MAX_TEXT = 4096;

/** Half of a surrogate pair on its own: not valid UTF-8, so Postgres would reject the whole turn. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text Postgres can store: no NUL, no lone surrogate (a clipped emoji, a broken client), and no longer
 * than MAX_TEXT. Nothing a person means is lost.
 */
export function cleanText(text: string): string {
  return text.replaceAll('\u0000', '').slice(0, MAX_TEXT).replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * The phone number of a shared contact card. WhatsApp puts the number's WhatsApp id in `waid=` on the
 * TEL line; without it, the written number is used. `isOwn` when it is the sender's own number.
 */
export function contactPayload(vcard: string, senderDigits?: string): InboundPayload | undefined {
  const tel = vcard.split(/\r?\n/).find((line) => /^(?:item\d+\.)?TEL[;:]/i.test(line));
  if (!tel) return undefined;
  const waid = /waid=(\d{5,20})/i.exec(tel)?.[1];
  const value = tel.slice(tel.indexOf(':') + 1).trim();
  const digits = waid ?? phoneDigits(value);
  if (digits.length < 5) return undefined;
  // A WhatsApp id or "+…" is international; a number written locally ("0812…") stays as written.
  const international = waid !== undefined || value.startsWith('+');
  return {
    type: 'contact',
    phone: international ? `+${digits}` : digits,
    isOwn: senderDigits !== undefined && digits === senderDigits,
  };
}
