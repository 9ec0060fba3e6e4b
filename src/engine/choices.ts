import { randomFillSync } from 'node:crypto';

/**
 * Screen tokens go into Telegram callback_data as `token:index` (well under the 64-byte limit); the
 * choice ids themselves stay server-side in the conversation state.
 */
/** Random bytes for screen tokens, drawn 6 at a time from a pool filled 4 KiB at once: one call to
 * the system's random source per ~680 screens instead of one per screen (issue #15). */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

export function newScreenToken(): string {
  if (poolAt + 6 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += 6;
  return pool.toString('base64url', poolAt - 6, poolAt);
}

export function encodeCallbackData(token: string, index: number): string {
  return `${token}:${index}`;
}

export function decodeCallbackData(data: string | undefined): { token: string; index: number } | undefined {
  const match = data ? /^([A-Za-z0-9_-]{1,32}):(\d{1,3})$/.exec(data) : null;
  if (!match) return undefined;
  return { token: match[1]!, index: Number(match[2]) };
}
