/*
 * WhatsApp addresses shared by both transports, without importing Baileys (the Cloud API path also runs
 * on Workers). A person's phone-number JID (`628123…@s.whatsapp.net`) is the identity key on channel
 * `whatsapp` whichever transport carries the chat, so moving a number from Baileys to the Cloud API
 * keeps everyone's conversation.
 */

export const PN_SERVER = 's.whatsapp.net';

/** `628123456789` → `628123456789@s.whatsapp.net`. */
export function pnJid(digits: string): string {
  return `${digits}@${PN_SERVER}`;
}

/** The user part of a JID without device or agent: `62812:3@s.whatsapp.net` → `62812`. */
export function jidUser(jid: string): string {
  return jid.split('@')[0]!.split(':')[0]!.split('_')[0]!;
}

export function jidServer(jid: string): string {
  return jid.split('@')[1] ?? '';
}

export function isPnJid(jid: string | null | undefined): boolean {
  return !!jid && jidServer(jid) === PN_SERVER && /^\d+$/.test(jidUser(jid));
}

export function isLidJid(jid: string | null | undefined): boolean {
  return !!jid && jidServer(jid) === 'lid';
}

/** A person's JID without the device part (`62812:7@s.whatsapp.net` → `62812@s.whatsapp.net`). */
export function normalizeUserJid(jid: string): string {
  return `${jidUser(jid)}@${jidServer(jid)}`;
}

/** Digits of a phone number as written in a vCard or a form (`+62 812-3456` → `628123456`). */
export function phoneDigits(raw: string): string {
  return raw.replace(/\D+/g, '');
}

/**
 * The language a WhatsApp number suggests (design.md §3: from the number's country, then the person's
 * choice). Only Indonesian is inferred: an Indonesian abroad often has a local number, so any other
 * country falls back to the default locale and the person can switch with "bahasa".
 */
export function languageFromPhone(digits: string | undefined): string | undefined {
  return digits?.startsWith('62') ? 'id' : undefined;
}
