import { Hono } from 'hono';
import { type AdminDeps, createAdmin } from './admin';
import { type ApiDeps, createApi } from './api';
import type { TelegramChannel } from './channels/telegram/channel';
import { telegramWebhook } from './channels/telegram/webhook';
import type { WhatsAppCloudChannel } from './channels/whatsapp/cloud/channel';
import { whatsappWebhook } from './channels/whatsapp/cloud/webhook';
import type { Db } from './db/client';
import { errorSummary } from './engine/engine';
import type { Logger } from './logger';
import { type OpsDeps, opsMiddleware, opsRoutes } from './ops/http';
import { Lifecycle } from './ops/lifecycle';
import { createMetrics } from './ops/metrics';
import { databaseCheck, Readiness } from './ops/readiness';

export interface AppDeps {
  db: Db;
  logger: Logger;
  telegram?: { channel: TelegramChannel; secret: string };
  /** WhatsApp Cloud API (issue #6). */
  whatsapp?: WhatsAppCloudChannel;
  /** Request ids, metrics, readiness, draining (src/ops); a bare default when absent. */
  ops?: OpsDeps;
  /** The organisation API at /api/v1 (issue #7). */
  api?: ApiDeps;
  /** The staff and organisation dashboard at /admin (issue #8). */
  admin?: AdminDeps;
}

/** The HTTP surface, shared by every runtime (Node and Workers): Request in, Response out. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const ops = deps.ops ?? {
    metrics: createMetrics(),
    readiness: new Readiness().add('database', databaseCheck(deps.db)),
    lifecycle: new Lifecycle(),
  };
  app.use('*', opsMiddleware(ops, deps.logger));
  // /healthz (liveness), /readyz (database and channels), /metrics (bearer token).
  app.route('/', opsRoutes(ops, deps.db, deps.logger));

  app.route(
    '/webhooks/telegram',
    telegramWebhook(deps.telegram?.channel, deps.telegram?.secret, deps.logger),
  );
  app.route('/webhooks/whatsapp', whatsappWebhook(deps.whatsapp));
  if (deps.api) app.route('/api/v1', createApi(deps.api));
  if (deps.admin) app.route('/admin', createAdmin(deps.admin));

  app.notFound((c) => c.json({ ok: false, error: 'not found' }, 404));
  app.onError((error, c) => {
    deps.logger.error({ err: errorSummary(error), path: c.req.path }, 'request failed');
    return c.json({ ok: false, error: 'internal error' }, 500);
  });
  return app;
}
