import type { Inbound } from './types';

/**
 * Postgres text and jsonb cannot hold NUL (\u0000) or half an emoji (a lone UTF-16 surrogate, e.g.
 * from text cut at a length limit); any adapter may let one through, so the engine drops them.
 * JSON.stringify escapes exactly those characters, which makes them easy to find.
 */
const UNSTORABLE = /\\u0000|\\ud[89a-f][0-9a-f]{2}/gi;

export function sanitizeInbound(inbound: Inbound): Inbound {
  const json = JSON.stringify(inbound);
  if (!UNSTORABLE.test(json)) return inbound;
  UNSTORABLE.lastIndex = 0;
  return JSON.parse(json.replace(UNSTORABLE, ''), (key, value) =>
    key === 'receivedAt' && typeof value === 'string' ? new Date(value) : value,
  );
}
