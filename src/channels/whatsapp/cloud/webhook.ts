import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { safeEqual } from '../../../lib/safe-equal';
import type { WhatsAppCloudChannel } from './channel';
import { checkCloudBody } from './edge';
import { verifySignature } from './signature';

/** Webhook bodies are a few kilobytes; anything far larger is not from Meta. */
const MAX_BODY_BYTES = 1_000_000;

/**
 * `GET /webhooks/whatsapp`: Meta's subscription handshake (`hub.verify_token` must match
 * WA_CLOUD_VERIFY_TOKEN → echo `hub.challenge`, else 403).
 * `POST /webhooks/whatsapp`: `X-Hub-Signature-256` is checked over the raw bytes before anything is
 * parsed; a missing or wrong signature gets 401 and changes nothing.
 */
export function whatsappWebhook(channel: WhatsAppCloudChannel | undefined): Hono {
  const app = new Hono();
  app.get('/', (c) => {
    const verifyToken = channel?.options.verifyToken;
    if (!verifyToken) return c.json({ ok: false, error: 'whatsapp cloud api is not configured' }, 404);
    const challenge = c.req.query('hub.challenge');
    if (
      c.req.query('hub.mode') === 'subscribe' &&
      safeEqual(c.req.query('hub.verify_token'), verifyToken) &&
      challenge
    )
      return c.text(challenge, 200);
    return c.text('forbidden', 403);
  });

  // A body without a declared length is read only up to the limit, not whole.
  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ ok: false }, 413) });
  app.post('/', limit, async (c) => {
    if (!channel) return c.json({ ok: false, error: 'whatsapp cloud api is not configured' }, 404);
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (raw.byteLength > MAX_BODY_BYTES) return c.json({ ok: false }, 413);
    if (!verifySignature(raw, c.req.header('X-Hub-Signature-256'), channel.options.appSecret))
      return c.json({ ok: false }, 401);
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(raw));
    } catch {
      return c.json({ ok: false, error: 'invalid JSON' }, 400);
    }
    if (typeof parsed !== 'object' || parsed === null)
      return c.json({ ok: false, error: 'not an object' }, 400);
    const checked = checkCloudBody(parsed);
    if (!checked.ok) {
      // Signed but malformed: it will never get better, so 200 (no retries for hours), one log line
      // (paths only), nothing stored.
      channel.options.logger.warn({ problems: checked.problems }, 'malformed whatsapp cloud body ignored');
      return c.json({ ok: true, ignored: 'malformed body' });
    }
    // A thrown error becomes a 500 and Meta redelivers later; message ids make that safe.
    await channel.handle(checked.body);
    return c.json({ ok: true });
  });
  return app;
}
