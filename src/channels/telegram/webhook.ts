import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { safeEqual } from '../../lib/safe-equal';
import type { Logger } from '../../logger';
import type { TelegramChannel } from './channel';
import { checkUpdate } from './edge';

/**
 * Telegram updates are small: a 4,096-character text with its entities, a quoted message, a caption —
 * tens of kilobytes at most. Anything larger is not an update, and is refused before it is read whole.
 */
export const TELEGRAM_BODY_MAX = 256 * 1024;

const tooLarge = (c: Context) => c.json({ ok: false, error: 'too large' }, 413);
const countedLimit = bodyLimit({ maxSize: TELEGRAM_BODY_MAX, onError: tooLarge });

/**
 * With a Content-Length (Telegram always sends one) the size is known before reading, and the body is
 * then read straight from the socket. hono's bodyLimit first turns the request into a web stream, which
 * cost a tenth of the webhook's CPU (issue #15); it still counts the bytes of a body sent without one.
 */
const sizeLimit: MiddlewareHandler = async (c, next) => {
  const length = c.req.header('content-length');
  if (length === undefined || c.req.header('transfer-encoding') !== undefined) return countedLimit(c, next);
  if (!/^\d+$/.test(length) || Number(length) > TELEGRAM_BODY_MAX) return tooLarge(c);
  await next();
};

/**
 * `POST /webhooks/telegram`: the secret header is checked before the body is even read; the body is
 * read up to TELEGRAM_BODY_MAX (413 beyond), and its shape is checked before anything uses it.
 */
export function telegramWebhook(
  channel: TelegramChannel | undefined,
  secret: string | undefined,
  logger: Logger,
): Hono {
  const app = new Hono();
  app.post(
    '/',
    async (c, next) => {
      if (!channel || !secret) return c.json({ ok: false, error: 'telegram is not configured' }, 404);
      if (!safeEqual(c.req.header('X-Telegram-Bot-Api-Secret-Token'), secret))
        return c.json({ ok: false }, 401);
      await next();
    },
    sizeLimit,
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        // Unparseable: possibly damaged on the way, so a redelivery may well succeed.
        return c.json({ ok: false, error: 'invalid JSON' }, 400);
      }
      const checked = checkUpdate(body);
      if (!checked.ok) {
        // Well-formed JSON that is not an Update never gets better: answer 200 so Telegram does not
        // retry it for hours, say so once in the log (paths only, no values), and store nothing.
        const updateId = (body as { update_id?: unknown } | null)?.update_id;
        logger.warn(
          { updateId: typeof updateId === 'number' ? updateId : undefined, problems: checked.problems },
          'malformed telegram update ignored',
        );
        return c.json({ ok: true, ignored: 'malformed update' });
      }
      // A thrown error becomes a 500 and Telegram redelivers later; nothing of it was committed.
      const reply = await channel!.handleUpdate(checked.update);
      return c.json(reply ?? { ok: true });
    },
  );
  return app;
}
