import type { Inbound } from './types';

/** Postgres text and jsonb cannot hold NUL (\u0000); any adapter may let one through, so the engine drops it. */

export function sanitizeInbound(inbound: Inbound): Inbound {
  const json = JSON.stringify(inbound);
  if (!json.includes('\\u0000')) return inbound;
  return JSON.parse(json.replace(/\\u0000/g, ''), (key, value) =>
    key === 'receivedAt' && typeof value === 'string' ? new Date(value) : value,
  );
}
