import type { Update } from 'grammy/types';
import { Hono } from 'hono';
import { safeEqual } from '../../lib/safe-equal';
import type { TelegramChannel } from './channel';

/** `POST /webhooks/telegram`: the secret header is checked before the body is even read. */
export function telegramWebhook(channel: TelegramChannel | undefined, secret: string | undefined): Hono {
  const app = new Hono();
  app.post('/', async (c) => {
    if (!channel || !secret) return c.json({ ok: false, error: 'telegram is not configured' }, 404);
    if (!safeEqual(c.req.header('X-Telegram-Bot-Api-Secret-Token'), secret))
      return c.json({ ok: false }, 401);
    let update: Update;
    try {
      update = await c.req.json<Update>();
    } catch {
      return c.json({ ok: false, error: 'invalid JSON' }, 400);
    }
    if (typeof update?.update_id !== 'number') return c.json({ ok: false, error: 'not an Update' }, 400);
    // A thrown error becomes a 500 and Telegram redelivers later; nothing of it was committed.
    await channel.handleUpdate(update);
    return c.json({ ok: true });
  });
  return app;
}
