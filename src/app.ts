import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { TelegramChannel } from './channels/telegram/channel';
import { telegramWebhook } from './channels/telegram/webhook';
import type { WhatsAppCloudChannel } from './channels/whatsapp/cloud/channel';
import { whatsappWebhook } from './channels/whatsapp/cloud/webhook';
import type { Db } from './db/client';
import { errorSummary } from './engine/engine';
import type { Logger } from './logger';

export interface AppDeps {
  db: Db;
  logger: Logger;
  telegram?: { channel: TelegramChannel; secret: string };
  /** WhatsApp Cloud API (issue #6). */
  whatsapp?: WhatsAppCloudChannel;
}

/** The HTTP surface, shared by every runtime (Node today, Workers later): Request in, Response out. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/healthz', async (c) => {
    try {
      await deps.db.execute(sql`select 1`);
      return c.json({ ok: true, database: 'up' });
    } catch (error) {
      deps.logger.error({ err: errorSummary(error) }, 'health check failed');
      return c.json({ ok: false, database: 'down' }, 503);
    }
  });

  app.route('/webhooks/telegram', telegramWebhook(deps.telegram?.channel, deps.telegram?.secret));
  app.route('/webhooks/whatsapp', whatsappWebhook(deps.whatsapp));

  app.notFound((c) => c.json({ ok: false, error: 'not found' }, 404));
  app.onError((error, c) => {
    deps.logger.error({ err: errorSummary(error), path: c.req.path }, 'request failed');
    return c.json({ ok: false, error: 'internal error' }, 500);
  });
  return app;
}
