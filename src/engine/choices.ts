import { randomBytes } from 'node:crypto';

/**
 * Screen tokens go into Telegram callback_data as `token:index` (well under the 64-byte limit); the
 * choice ids themselves stay server-side in the conversation state.
 */
export function newScreenToken(): string {
  return randomBytes(6).toString('base64url');
}

export function encodeCallbackData(token: string, index: number): string {
  return `${token}:${index}`;
}

export function decodeCallbackData(data: string | undefined): { token: string; index: number } | undefined {
  const match = data ? /^([A-Za-z0-9_-]{1,32}):(\d{1,3})$/.exec(data) : null;
  if (!match) return undefined;
  return { token: match[1]!, index: Number(match[2]) };
}
