import { Hono } from 'hono';
import { safeEqual } from '../../../lib/safe-equal';
import type { WhatsAppCloudChannel } from './channel';
import type { CloudWebhookBody } from './inbound';
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

  app.post('/', async (c) => {
    if (!channel) return c.json({ ok: false, error: 'whatsapp cloud api is not configured' }, 404);
    if (Number(c.req.header('content-length') ?? 0) > MAX_BODY_BYTES) return c.json({ ok: false }, 413);
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (raw.byteLength > MAX_BODY_BYTES) return c.json({ ok: false }, 413);
    if (!verifySignature(raw, c.req.header('X-Hub-Signature-256'), channel.options.appSecret))
      return c.json({ ok: false }, 401);
    let body: CloudWebhookBody;
    try {
      body = JSON.parse(new TextDecoder().decode(raw)) as CloudWebhookBody;
    } catch {
      return c.json({ ok: false, error: 'invalid JSON' }, 400);
    }
    if (typeof body !== 'object' || body === null) return c.json({ ok: false, error: 'not an object' }, 400);
    // A thrown error becomes a 500 and Meta redelivers later; message ids make that safe.
    await channel.handle(body);
    return c.json({ ok: true });
  });
  return app;
}
