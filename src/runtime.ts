// Channels first: their descriptors and personal-data sources are registered before anything else.
import './channels';
import type { UserFromGetMe } from 'grammy/types';
import { seedDemoStaff } from './admin/demo';
import { seedDemoDesk } from './admin/demo-desk';
import { createApp } from './app';
import type { ApplicationServices } from './applications/services';
import { broadcastGate } from './broadcasts/gate';
import { type BroadcastSettings, DEFAULT_BROADCAST_SETTINGS, runDueBroadcasts } from './broadcasts/service';
import { seedDemoCatalogueIfEmpty } from './catalogue/demo';
import { TelegramChannel } from './channels/telegram/channel';
import { createStaffGroup } from './channels/telegram/staff-group';
import { createWhatsAppCloud, type WhatsAppSettings, whatsappSettings } from './channels/whatsapp';
import type { BaileysRuntime } from './channels/whatsapp/baileys';
import type { Config } from './config';
import type { Database } from './db/client';
import { Engine } from './engine/engine';
import { createRegistry, createRouter } from './features';
import { turnScope } from './features/scope';
import { deskIsStaffed, ensureDesk } from './handoff/desk';
import type { Logger } from './logger';
import type { OpsDeps } from './ops/http';
import { Lifecycle } from './ops/lifecycle';
import { createMetrics, type Metrics, ObservedSenderRegistry, observeEngine } from './ops/metrics';
import { databaseCheck, Readiness } from './ops/readiness';
import { OutboxCoordinator } from './outbox/coordination';
import { BackgroundSends, SentMarker } from './outbox/delivery';
import { Dispatcher } from './outbox/dispatcher';
import type { ChannelSender } from './outbox/sender';
import { PrivacyJobs } from './privacy/jobs';
import { fieldCipherFromConfig } from './privacy/keyring';
import { registerPersonalDataSource } from './privacy/registry';
import { setRetentionSettings } from './privacy/settings';
import { applicationsSource } from './privacy/sources/applications';
import { createMessagesSource } from './privacy/sources/core';
import { staffFilesSource } from './privacy/sources/staff-files';
import { loadRegions } from './regions';
import type { Clock } from './shared/clock';
import type { Channel } from './shared/conversation';
import { parseQuietHours } from './shared/jakarta-time';
import { parseOfficeHours } from './shared/office-hours';
import { type DocumentStorage, LocalFolderStorage, MediaDownloads } from './storage';
import { type DeliverySettings, Webhooks } from './webhooks';
import { webhooksSource } from './webhooks/privacy';

export interface RuntimeOptions {
  config: Config;
  database: Database;
  logger: Logger;
  /** Extra senders (the terminal simulator's, a test's). */
  senders?: ChannelSender[];
  telegramBotInfo?: UserFromGetMe;
  /** WhatsApp pacing and template settings (the Node entry reads them from the environment). */
  whatsappSettings?: WhatsAppSettings;
  /** Where application documents go; default a local folder, `UPLOADS_DIR` or `./data/uploads`. */
  storage?: DocumentStorage;
  /** Counters outliving this runtime (Workers: one per isolate, runtimes per request). */
  metrics?: Metrics;
  /** grammY's fetch settings; the Node entry passes its keep-alive agent (channels/telegram/node-agent.ts). */
  telegramFetchConfig?: Record<string, unknown>;
  /** Webhook delivery settings over the configured ones (tests: the backoff, the HTTP client). */
  webhookDelivery?: Partial<DeliverySettings>;
  /**
   * The clock the Telegram and WhatsApp Cloud webhooks' send budget runs on (default
   * `performance.now`): tests read replies right after the webhook answers, however loaded the machine.
   */
  budgetClock?: () => number;
  /** The conversations' wall clock (`ctx.now()`; tests move it); default: the machine's. */
  clock?: Clock;
}

/** The uploads folder from the environment (read here until it joins the validated config). */
export function uploadsDir(): string {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.UPLOADS_DIR?.trim() || './data/uploads';
}

/** Wires the engine, the channels, the outbox and the HTTP app from a validated config. */
export function createRuntime(options: RuntimeOptions) {
  const { config, database, logger } = options;
  const db = database.db;
  const metrics = options.metrics ?? createMetrics();
  const senders = new ObservedSenderRegistry(metrics);
  for (const sender of options.senders ?? []) senders.add(sender);
  const marker = new SentMarker(db, logger);
  // Replies still being sent after the webhook answered (a slow platform); shutdown waits for them.
  const background = new BackgroundSends();
  // The Telegram channel is created after the engine (it needs it), so the link reads it lazily.
  let telegramUsername: () => string | undefined = () => undefined;
  const deepLink = (channel: Channel, payload: string): string | undefined => {
    const username = channel === 'telegram' ? telegramUsername() : undefined;
    if (username) return `https://t.me/${username}?start=${payload}`;
    // wa.me pre-fills the payload as the first message; the router reads a message that is only a code.
    if (channel === 'whatsapp' && config.WHATSAPP_PUBLIC_NUMBER)
      return `https://wa.me/${config.WHATSAPP_PUBLIC_NUMBER}?text=${encodeURIComponent(payload)}`;
    return undefined;
  };
  // Applications (issue #5): the NIK cipher, document storage, and each channel's file download, which
  // channels register below once they exist (Baileys from src/index.ts: runtime.applications.media).
  const applications: ApplicationServices = {
    cipher: fieldCipherFromConfig(config, logger),
    storage: options.storage ?? new LocalFolderStorage(uploadsDir()),
    media: new MediaDownloads(),
  };
  registerPersonalDataSource(applicationsSource(applications));
  // The message log, exporting a person's own words where a NIK in them is stored masked.
  registerPersonalDataSource(createMessagesSource(applications.cipher));
  // Files staff send to a person live in the same storage, erased with the person (src/handoff/files.ts).
  registerPersonalDataSource(staffFilesSource(applications.storage));
  // Events shared with organisations' systems (issue #19): after applications, whose erasure withdraws
  // open ones (events that this source then cancels and redacts, telling the receivers person.erased).
  registerPersonalDataSource(webhooksSource);
  const webhooks = new Webhooks({
    db,
    cipher: applications.cipher,
    logger,
    policy: { production: config.NODE_ENV === 'production' },
    retentionDays: config.MESSAGE_RETENTION_DAYS,
    delivery: {
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      concurrency: config.WEBHOOK_CONCURRENCY,
      onOutcome: (outcome, count = 1) => metrics.webhookDeliveries.inc({ outcome }, count),
      ...options.webhookDelivery,
    },
  });
  const engine = new Engine({
    db,
    logger,
    registry: createRegistry({
      applications,
      handoff: {
        defaultOrganisation: config.DEFAULT_ORGANISATION,
        officeHours: parseOfficeHours(config.OFFICE_HOURS),
      },
    }),
    router: createRouter(),
    defaultLocale: config.DEFAULT_LOCALE,
    deepLink,
    // Which organisation each turn's messages concern, and NIKs typed as text kept only encrypted.
    scopeOf: turnScope,
    sealOriginal: (plain) => applications.cipher.encrypt(plain),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  observeEngine(engine, metrics);
  // A configured identity (TELEGRAM_BOT_INFO) spares a getMe at every start (Workers: every cold start).
  const telegramBotInfo = options.telegramBotInfo ?? (config.TELEGRAM_BOT_INFO as UserFromGetMe | undefined);

  const telegram =
    config.TELEGRAM_BOT_TOKEN && config.TELEGRAM_WEBHOOK_SECRET
      ? new TelegramChannel({
          token: config.TELEGRAM_BOT_TOKEN,
          apiRoot: config.TELEGRAM_API_ROOT,
          engine,
          db,
          senders,
          logger,
          marker,
          background,
          sendTimeoutMs: config.TELEGRAM_SEND_TIMEOUT_MS,
          budgetClock: options.budgetClock,
          files: applications.storage,
          fetchConfig: options.telegramFetchConfig,
          ...(telegramBotInfo ? { botInfo: telegramBotInfo } : {}),
        })
      : undefined;

  // WhatsApp Cloud API (issue #6). The Baileys socket is Node-only: src/index.ts starts it.
  const whatsappCloud = createWhatsAppCloud({
    config,
    settings: options.whatsappSettings ?? whatsappSettings({}),
    engine,
    db,
    senders,
    logger,
    marker,
    background,
    files: applications.storage,
    budgetClock: options.budgetClock,
  });

  // The optional Telegram staff group per organisation (issue #8): topics per handoff, relayed replies.
  const staffGroup = telegram
    ? createStaffGroup({
        db,
        api: telegram.bot.api,
        logger,
        locale: config.DEFAULT_LOCALE,
        officeHours: parseOfficeHours(config.OFFICE_HOURS),
        publicUrl: config.PUBLIC_URL,
        botUsername: () => telegramUsername(),
        // Photos and documents staff post in a topic: fetched from Telegram, kept like dashboard files.
        files: { storage: applications.storage, download: (ref, o) => telegram.download(ref, o) },
      })
    : undefined;
  if (telegram && staffGroup) telegram.handleGroupsWith((update) => staffGroup.handleUpdate(update));

  if (telegram) applications.media.register('telegram', (ref, o) => telegram.download(ref, o));
  if (whatsappCloud) applications.media.register('whatsapp', (ref) => whatsappCloud.download(ref));

  if (telegram) {
    telegramUsername = () => {
      try {
        return telegram.bot.botInfo.username;
      } catch {
        return undefined; // not initialised yet (getMe pending)
      }
    };
  }
  // Broadcasts and the outbox's pace (issue #7): per-channel rates shared by every dispatcher process,
  // Telegram's per-chat limit, quiet hours; scheduled broadcasts start from the dispatcher's loop.
  const broadcasts: BroadcastSettings = {
    rates: {
      telegram: config.TELEGRAM_RATE_PER_SECOND,
      whatsapp:
        config.WHATSAPP_RATE_PER_SECOND ?? (whatsappCloud ? 80 : DEFAULT_BROADCAST_SETTINGS.rates.whatsapp),
      simulator: DEFAULT_BROADCAST_SETTINGS.rates.simulator,
    },
    quiet: parseQuietHours(config.BROADCAST_QUIET_HOURS),
    attributionDays: config.BROADCAST_ATTRIBUTION_DAYS,
  };
  if (telegram && config.TELEGRAM_PAID_BROADCAST === '1')
    telegram.bot.api.config.use((prev, method, payload, signal) =>
      prev(
        method,
        method === 'sendMessage' || method === 'sendDocument'
          ? ({ ...payload, allow_paid_broadcast: true } as typeof payload)
          : payload,
        signal,
      ),
    );
  const dispatcher = new Dispatcher({
    db,
    senders,
    logger,
    deepLink,
    rates: broadcasts.rates,
    concurrency: config.OUTBOX_CONCURRENCY,
    sendTimeoutMs: config.OUTBOX_SEND_TIMEOUT_MS,
    batchSize: config.OUTBOX_BATCH_SIZE,
    gate: broadcastGate(db, broadcasts.quiet),
    ...(database.shared ? { coordination: new OutboxCoordinator(db) } : {}),
    tasks: [
      { name: 'broadcasts', everyMs: 5_000, run: () => runDueBroadcasts(db, broadcasts).then(() => {}) },
      ...(staffGroup ? [staffGroup.task] : []),
      // Outbound webhooks: whatever is due (several endpoints at once, each in order), then a look for new
      // events every quarter second (a claim that finds nothing is one cheap query).
      { name: 'webhooks', everyMs: 250, run: () => webhooks.run(10_000).then(() => {}) },
    ],
  });
  // Completes erasures begun in conversations and runs the daily retention purge (docs/privacy.md).
  const privacy = new PrivacyJobs({
    db,
    logger,
    retentionDays: config.RETENTION_DAYS,
    messageRetentionDays: config.MESSAGE_RETENTION_DAYS,
    storage: applications.storage,
    cipher: applications.cipher,
  });
  setRetentionSettings({ days: config.RETENTION_DAYS, messageDays: config.MESSAGE_RETENTION_DAYS });
  // /readyz: the database, and each configured channel (src/index.ts adds the Baileys socket).
  const readiness = new Readiness().add('database', databaseCheck(db));
  if (telegram)
    readiness.add('telegram', () =>
      telegram.bot.isInited() ? { ok: true, status: 'ready' } : { ok: false, status: 'initialising' },
    );
  if (whatsappCloud) readiness.add('whatsapp_cloud', () => ({ ok: true, status: 'configured' }));
  const ops: OpsDeps = { metrics, readiness, lifecycle: new Lifecycle(), metricsToken: config.METRICS_TOKEN };
  const app = createApp({
    db,
    logger,
    ops,
    api: {
      db,
      logger,
      deepLink,
      broadcasts,
      webhooks,
      rateLimit: { perMinute: config.API_RATE_PER_MINUTE, burst: config.API_RATE_BURST },
    },
    admin: {
      db,
      logger,
      deepLink,
      broadcasts,
      applications,
      webhooks,
      // Secure cookies unless the public address is plain http (local development, browser tests).
      secureCookies: !config.PUBLIC_URL?.startsWith('http://'),
      officeHours: config.OFFICE_HOURS,
      publicUrl: config.PUBLIC_URL,
      clientIpHeader: config.CLIENT_IP_HEADER,
    },
    ...(telegram && config.TELEGRAM_WEBHOOK_SECRET
      ? { telegram: { channel: telegram, secret: config.TELEGRAM_WEBHOOK_SECRET } }
      : {}),
    ...(whatsappCloud ? { whatsapp: whatsappCloud } : {}),
  });
  /** Stops background work and writes what is still buffered (call before closing the database). */
  const shutdown = async () => {
    // Requests in flight to receivers are aborted (their deliveries stay queued), then the loops end.
    await webhooks.stop();
    await dispatcher.stop();
    await privacy.stop();
    // A send cut off here keeps its lease and comes back to another process after it.
    if (!(await background.settle())) logger.warn({ running: background.size }, 'late sends still running');
    await marker.flush();
  };
  return {
    engine,
    senders,
    dispatcher,
    broadcasts,
    privacy,
    telegram,
    staffGroup,
    whatsappCloud,
    applications,
    webhooks,
    app,
    db,
    marker,
    background,
    ops,
    shutdown,
  };
}

export type Runtime = ReturnType<typeof createRuntime>;

/**
 * The Baileys socket, started by the Node entry, joins the runtime: `/readyz` reports it (not ready
 * when this process should hold the socket but it has not been open for WHATSAPP_NOT_READY_MINUTES, or
 * when the number is stopped; a process standing by while another holds it is ready) — but not
 * `/readyz?traffic`, since the process still serves webhooks and the dashboard — and documents people
 * send are fetched through it.
 */
export function attachBaileys(runtime: Runtime, baileys: Pick<BaileysRuntime, 'health' | 'download'>): void {
  runtime.ops.readiness.add('whatsapp_baileys', () => baileys.health(), { traffic: false });
  runtime.applications.media.register('whatsapp', (ref) =>
    baileys.download(ref).then((data) => (data ? { data } : undefined)),
  );
}

/**
 * Start-up data work: the region gazetteer is loaded once (so the first message is not slow), and an
 * empty embedded database gets the demo catalogue so a newcomer has something to find — and, when the
 * server has no public address, a demo staff account for /admin (src/admin/demo.ts).
 */
export async function prepareData(
  database: Database,
  logger: Logger,
  options: { staffOrganisation?: string; desk?: string } = {},
  /** Start-up phases (src/ops/startup-phases.ts). */
  phase: (name: string) => void = () => {},
): Promise<void> {
  loadRegions();
  phase('regions loaded');
  if (database.driver === 'pglite') {
    const seeded = await seedDemoCatalogueIfEmpty(database.db);
    if (seeded) logger.info('demo catalogue loaded into the empty embedded database');
    phase(seeded ? 'demo catalogue loaded' : 'catalogue checked');
    if (options.staffOrganisation) {
      await prepareDemoStaff(database, logger, options.staffOrganisation);
      phase('demo staff checked');
    }
  }
  if (options.desk) await prepareDesk(database, logger, options.desk);
  phase('desk checked');
}

/**
 * The demo staff account and its desk's demo applicants (embedded database only). Separate from
 * prepareData so a start can do it after it answers (issue #15): only a dashboard login needs it, and on
 * a fresh database hashing its password is 1.5–3 s.
 */
export async function prepareDemoStaff(
  database: Database,
  logger: Logger,
  organisation: string,
): Promise<void> {
  if (database.driver !== 'pglite') return;
  await seedDemoStaff(database.db, organisation);
  if (await seedDemoDesk(database.db, organisation))
    logger.info('the demo desk got the demo programmes and a few demo applicants');
}

/**
 * The default desk exists before anyone can ask for staff (created if missing), and the log says when
 * nobody can read its queue yet — otherwise people would wait in an inbox nobody opens.
 */
async function prepareDesk(database: Database, logger: Logger, desk: string): Promise<void> {
  if (await ensureDesk(database.db, desk))
    logger.info({ organisation: desk }, 'created the default desk (DEFAULT_ORGANISATION)');
  if (!(await deskIsStaffed(database.db, desk)))
    logger.warn(
      { organisation: desk },
      `nobody can read the default desk's queue yet: add a member (npm run org -- member ${desk} add NAME --email E --role owner, then npm run org -- member ${desk} password E) or a staff group`,
    );
}
