import { createHmac } from 'node:crypto';
import { safeEqual } from '../../../lib/safe-equal';

/**
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>`, compared in
 * constant time. Computed over the bytes as received: re-serialised JSON would not match.
 */
export function verifySignature(
  rawBody: Uint8Array,
  header: string | undefined | null,
  appSecret: string,
): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  return safeEqual(header, signBody(rawBody, appSecret));
}

export function signBody(rawBody: Uint8Array | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}
