import type { Context } from 'hono';

/*
 * Which network a login comes from, for the per-address throttle. Behind a reverse proxy the socket
 * shows the proxy, and headers can be forged by anyone unless our own proxy sets them — so the header
 * is trusted only when the deployment names it (CLIENT_IP_HEADER; the Worker uses Cloudflare's
 * `cf-connecting-ip`, which clients cannot set). Without one, the Node socket's address counts only
 * when it is public: a private or loopback peer is a proxy (or a developer), and throttling it would
 * lock every staff member out at once.
 */
export function clientAddress(c: Context, header: string | undefined): string | undefined {
  if (header) {
    const value = c.req.header(header);
    // X-Forwarded-For lists every hop; the last one was written by the proxy in front of us.
    const last = value?.split(',').at(-1)?.trim();
    return last || undefined;
  }
  const peer = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
    ?.remoteAddress;
  return peer && !isPrivate(peer) ? peer : undefined;
}

/** Loopback, RFC 1918, CGNAT, link-local and IPv6 unique-local addresses. */
export function isPrivate(address: string): boolean {
  const a = address.replace(/^::ffff:/i, '').toLowerCase();
  if (a === '::1' || a.startsWith('fc') || a.startsWith('fd') || a.startsWith('fe80:')) return true;
  const parts = a.split('.').map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isInteger(n))) return false;
  const [x = 0, y = 0] = parts;
  return (
    x === 10 ||
    x === 127 ||
    (x === 172 && y >= 16 && y <= 31) ||
    (x === 192 && y === 168) ||
    (x === 100 && y >= 64 && y <= 127) ||
    (x === 169 && y === 254)
  );
}
