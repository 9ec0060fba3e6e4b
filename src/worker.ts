// Cloudflare Workers entry (wrangler.toml): the same runtime and Hono app as Node (src/runtime.ts,
// src/app.ts) — Telegram and WhatsApp Cloud API webhooks, /api/v1, /admin, /healthz, /readyz, /metrics
// — on Postgres through Hyperdrive, with a client per request and one runtime per isolate. A Cron
// Trigger drains the outbox and delivers outbound webhooks (a runtime of its own per run: it stops its
// dispatcher at the end).
// Not here: PGlite, migrations (Node: `npm run migrate`) and Baileys (a Node sidecar, docs/deployment.md).
import type { UserFromGetMe } from 'grammy/types';
import { whatsappSettings } from './channels/whatsapp/settings';
import { type Config, ConfigError, loadConfig } from './config';
import type { Database } from './db/client';
import { errorSummary } from './engine/engine';
import { createLogger, type Logger } from './logger';
import { createMetrics, type Metrics } from './ops/metrics';
import { drainFor, PURGE_CRON } from './platform/cron.worker';
import { openRequestDatabase } from './platform/database.worker';
import { bundledRegionRows } from './platform/regions.worker';
import { requestScopedDatabase, withRequestDatabase } from './platform/request-database.worker';
import { NoStorage, R2Storage } from './platform/storage.worker';
import {
  type ExecutionContext,
  type ScheduledController,
  stringVars,
  type WorkerEnv,
} from './platform/workers';
import { finishErasures } from './privacy/erasure';
import { runPrivacyMaintenance } from './privacy/jobs';
import { loadRegions } from './regions/data';
import { createRuntime, type Runtime } from './runtime';
import { withRequestId } from './shared/request-context';

// Once per isolate: region data from the bundle (there are no files to read), config, logger, metrics.
loadRegions(bundledRegionRows());

interface Setup {
  config: Config;
  logger: Logger;
  vars: Record<string, string>;
  /** Counters of this isolate (created on the first request: the clock stands still before). */
  metrics: Metrics;
  /**
   * The runtime serving requests: built on the first one and kept for the isolate's life (issue #15),
   * over a database that is each request's own client (src/platform/request-database.worker.ts).
   */
  runtime?: Runtime;
}

const setups = new WeakMap<object, Setup | ConfigError>();
/** The bot's identity from getMe, when TELEGRAM_BOT_INFO is not configured: fetched once per isolate. */
let fetchedBotInfo: UserFromGetMe | undefined;

function setup(env: WorkerEnv): Setup | ConfigError {
  let known = setups.get(env);
  if (!known) {
    const vars = stringVars(env);
    // The Baileys socket cannot live on Workers; its sidecar has its own environment.
    delete vars.WHATSAPP_BAILEYS;
    // Cloudflare writes the client's address here and clients cannot: the login throttle's source.
    vars.CLIENT_IP_HEADER ??= 'cf-connecting-ip';
    try {
      const config = loadConfig(vars);
      // Node asks for the key when DATABASE_URL is set; here the database comes through Hyperdrive.
      if (config.NODE_ENV === 'production' && !config.DATA_ENCRYPTION_KEY)
        throw new ConfigError([
          'DATA_ENCRYPTION_KEY: is required in production (`npx wrangler secret put DATA_ENCRYPTION_KEY`)',
        ]);
      known = { config, logger: createLogger(config.LOG_LEVEL), vars, metrics: createMetrics() };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      known = error;
      // One line per wrong variable, never a value.
      console.error(error.message);
    }
    setups.set(env, known);
  }
  return known;
}

function runtimeFor(s: Setup, env: WorkerEnv, database: Database): Runtime {
  const botInfo = (s.config.TELEGRAM_BOT_INFO as UserFromGetMe | undefined) ?? fetchedBotInfo;
  return createRuntime({
    config: s.config,
    database,
    logger: s.logger,
    metrics: s.metrics,
    whatsappSettings: whatsappSettings(s.vars),
    storage: env.UPLOADS ? new R2Storage(env.UPLOADS) : new NoStorage(),
    ...(botInfo ? { telegramBotInfo: botInfo } : {}),
  });
}

/** Without TELEGRAM_BOT_INFO: one getMe per isolate (cold start), logged so someone configures it. */
async function ensureBotInfo(runtime: Runtime, logger: Logger): Promise<void> {
  if (!runtime.telegram || runtime.telegram.bot.isInited()) return;
  try {
    fetchedBotInfo = await runtime.telegram.init();
    logger.warn('TELEGRAM_BOT_INFO is not set: fetched getMe on this cold start (npm run telegram:setup)');
  } catch (error) {
    logger.warn({ err: errorSummary(error) }, 'getMe failed; answering without the bot identity');
  }
}

/**
 * Writes what is buffered and ends the request's database client. A request only buffers sent marks
 * (its dispatcher never ran, and stopping one would leave the outbox's worker list: a query for
 * nothing); a cron run stops its dispatcher properly.
 */
async function finish(
  runtime: Runtime | undefined,
  database: Database,
  logger: Logger,
  kind: 'request' | 'cron',
): Promise<void> {
  try {
    if (kind === 'cron') await runtime?.shutdown();
    else {
      // A reply still being sent after the webhook answered (a slow platform) finishes and is recorded
      // before the request's database client closes (waitUntil keeps the isolate for it).
      await runtime?.background.settle();
      await runtime?.marker.flush();
    }
  } catch (error) {
    logger.error({ err: errorSummary(error) }, 'finishing the request failed');
  } finally {
    await database.close().catch(() => {});
  }
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    const s = setup(env);
    if (s instanceof ConfigError)
      return Response.json({ ok: false, error: 'invalid configuration (see the logs)' }, { status: 500 });
    // postgres.js connects on the first query, so /healthz never touches the database.
    const database = openRequestDatabase(env);
    return withRequestDatabase(database, async () => {
      let runtime: Runtime | undefined;
      try {
        s.runtime ??= runtimeFor(s, env, requestScopedDatabase());
        runtime = s.runtime;
        await ensureBotInfo(runtime, s.logger);
        return await runtime.app.fetch(request, env, ctx);
      } finally {
        ctx.waitUntil(finish(runtime, database, s.logger, 'request'));
      }
    });
  },

  async scheduled(controller: ScheduledController, env: WorkerEnv, _ctx: ExecutionContext): Promise<void> {
    const s = setup(env);
    if (s instanceof ConfigError) return;
    const database = openRequestDatabase(env);
    let runtime: Runtime | undefined;
    await withRequestId(`cron-${controller.scheduledTime}`, async () => {
      try {
        runtime = runtimeFor(s, env, database);
        if (controller.cron === PURGE_CRON) {
          const result = await runPrivacyMaintenance(runtime.db, {
            retentionDays: s.config.RETENTION_DAYS,
            messageRetentionDays: s.config.MESSAGE_RETENTION_DAYS,
            storage: runtime.applications.storage,
            cipher: runtime.applications.cipher,
          });
          s.logger.info(
            { finished: result.finished, ...result.purged, staffSessions: result.staffSessions },
            'privacy maintenance done',
          );
          return;
        }
        const started = Date.now();
        const budget = s.config.OUTBOX_DRAIN_SECONDS * 1000;
        const claimed = await drainFor(runtime.dispatcher, budget);
        // Outbound webhooks: every drainOnce above ran them briefly; what is left gets the rest of the run.
        const delivered = await runtime.webhooks.run(Math.max(1_000, budget - (Date.now() - started)));
        const erased = await finishErasures(runtime.db);
        s.logger.info({ claimed, delivered, erased, ms: Date.now() - started }, 'cron: outbox drained');
      } catch (error) {
        s.logger.error({ err: errorSummary(error), cron: controller.cron }, 'cron run failed');
        throw error;
      } finally {
        await finish(runtime, database, s.logger, 'cron');
      }
    });
  },
};
