import { z } from 'zod';
import { parseKeyring } from './shared/field-cipher';
import { parseQuietHours } from './shared/jakarta-time';
import { parseOfficeHours } from './shared/office-hours';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const secretToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1–256 characters of A-Z, a-z, 0-9, _ and -');

/** The result of Telegram's getMe, as JSON (`npm run telegram:setup` prints it). */
const botInfoJson = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be the JSON of getMe (npm run telegram:setup prints it)',
      });
      return z.NEVER;
    }
  })
  .pipe(
    z.looseObject({
      id: z.number().int().positive(),
      is_bot: z.literal(true),
      first_name: z.string(),
      username: z.string().min(1),
    }),
  );

/** The environment contract of design.md §2, validated once at start. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: optional.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  ),
  /** Seconds to wait for the Postgres server to answer at start (and for each new connection). */
  DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(10),
  PGLITE_DIR: z.string().default('./data/pglite'),
  PUBLIC_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  TELEGRAM_BOT_TOKEN: optional.pipe(
    z
      .string()
      .regex(/^\d+:[\w-]+$/, 'does not look like a bot token (123456:ABC…)')
      .optional(),
  ),
  TELEGRAM_WEBHOOK_SECRET: optional.pipe(secretToken.optional()),
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
  /** Seconds a reply may take on the request path before it is left to the outbox dispatcher. */
  TELEGRAM_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2_500),
  /** The bot's identity (getMe) as JSON: no getMe at start — on Workers, none per cold start. */
  TELEGRAM_BOT_INFO: optional.pipe(botInfoJson.optional()),
  WHATSAPP_BAILEYS: optional.pipe(z.enum(['0', '1']).optional()),
  WHATSAPP_PAIRING_NUMBER: optional.pipe(
    z
      .string()
      .regex(/^\d{8,15}$/, 'digits only, with country code')
      .optional(),
  ),
  WA_CLOUD_ACCESS_TOKEN: optional,
  WA_CLOUD_PHONE_NUMBER_ID: optional,
  WA_CLOUD_APP_SECRET: optional,
  WA_CLOUD_VERIFY_TOKEN: optional,
  /** Graph API base URL; may end in a version (`…/v25.0`), else WA_CLOUD_API_VERSION is added. */
  WA_CLOUD_API_ROOT: z.url().default('https://graph.facebook.com'),
  /** Graph API version for the Cloud API (src/channels/whatsapp/cloud/graph-api.ts has the default). */
  WA_CLOUD_API_VERSION: optional.pipe(
    z
      .string()
      .regex(/^v\d+\.\d+$/, 'must be a Graph API version like v25.0')
      .optional(),
  ),
  /** AES-256-GCM keyring for personal data at rest: `k2=base64,k1=base64` (first is current). */
  DATA_ENCRYPTION_KEY: optional,
  /** Days of inactivity after which a person is erased (the consent notice promises at most 2 years). */
  RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(30, 'must be at least 30 days')
    .max(730, 'the privacy notice promises at most 2 years (730 days)')
    .default(730),
  /** Days the message history is kept, for everyone. */
  MESSAGE_RETENTION_DAYS: z.coerce.number().int().min(7, 'must be at least 7 days').max(3650).default(365),
  NODE_ENV: optional,
  DEFAULT_LOCALE: z.enum(['id', 'en']).default('id'),
  /** When staff answer, in WIB: ISO weekdays and hours, e.g. "1-5 08:00-16:00". */
  OFFICE_HOURS: z
    .string()
    .default('1-5 08:00-16:00')
    .refine((v) => {
      try {
        parseOfficeHours(v);
        return true;
      } catch {
        return false;
      }
    }, 'must look like "1-5 08:00-16:00" (ISO weekdays 1 = Monday, WIB, closing after opening)'),
  /** The organisation (slug) whose staff answer when no programme is in context. */
  DEFAULT_ORGANISATION: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, 'must be an organisation slug ([a-z0-9-])')
    .default('jembatan'),
  /**
   * The header your reverse proxy sets to the client's address (`x-real-ip`, `x-forwarded-for`,
   * `fly-client-ip` …), for the dashboard's per-network login throttle. Only set it when a proxy you run
   * writes that header; the Worker uses `cf-connecting-ip`.
   */
  CLIENT_IP_HEADER: optional.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name, e.g. x-real-ip')
      .optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Bearer token for `GET /metrics` (Prometheus text format); without one, /metrics is off. */
  METRICS_TOKEN: optional.pipe(secretToken.optional()),
  /** Node: how long a stopping process waits for the requests in flight before it closes anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(25_000),
  /** Workers: how long each Cron Trigger run may spend draining the outbox. */
  OUTBOX_DRAIN_SECONDS: z.coerce.number().int().min(1).max(840).default(50),
  /** Outbox pace on Telegram, messages/s for the whole bot (shared by every dispatcher process). */
  TELEGRAM_RATE_PER_SECOND: z.coerce.number().min(0.1).max(1000).default(25),
  /** `1`: send with `allow_paid_broadcast` (Telegram Stars), which lifts the bulk limit to 1,000/s. */
  TELEGRAM_PAID_BROADCAST: optional.pipe(z.enum(['0', '1']).optional()),
  /** Outbox pace on WhatsApp; default 80/s on the Cloud API, 1/s on Baileys (which also paces itself). */
  WHATSAPP_RATE_PER_SECOND: optional.pipe(
    z.coerce.number<string | undefined>().min(0.01).max(1000).optional(),
  ),
  /** The bot's WhatsApp number (digits with country code) for wa.me links (referral links, cards). */
  WHATSAPP_PUBLIC_NUMBER: optional.pipe(
    z
      .string()
      .regex(/^\d{8,15}$/, 'digits only, with country code')
      .optional(),
  ),
  /** Outbox: sends in flight at once per channel (to different chats), and rows claimed at once. */
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** How long a dispatcher lane waits for one send before moving on (the send itself is never aborted). */
  OUTBOX_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(200),
  /** No broadcasts between these hours (WIB) unless urgent: "21-7" is 21:00–07:00. */
  BROADCAST_QUIET_HOURS: z
    .string()
    .default('21-7')
    .refine((v) => {
      try {
        parseQuietHours(v);
        return true;
      } catch {
        return false;
      }
    }, 'must look like "21-7" (quiet from 21:00 to 07:00 WIB)'),
  /** Days after a broadcast within which a recipient's eligibility check or application counts for it. */
  BROADCAST_ATTRIBUTION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** Organisation API: requests per minute per token, and the burst allowed. */
  API_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  API_RATE_BURST: z.coerce.number().int().min(1).max(10_000).default(30),
  /** Outbound webhooks (src/webhooks): how long a receiver may take, and endpoints served at once. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(30_000).default(10_000),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
});

/** Rules across variables, checked on the raw values so they are reported with every other problem. */
function crossChecks(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.TELEGRAM_BOT_TOKEN?.trim() && !env.TELEGRAM_WEBHOOK_SECRET?.trim())
    problems.push('TELEGRAM_WEBHOOK_SECRET: is required when TELEGRAM_BOT_TOKEN is set');
  const botId = /^(\d+):/.exec(env.TELEGRAM_BOT_TOKEN?.trim() ?? '')?.[1];
  const infoId = /"id"\s*:\s*(\d+)/.exec(env.TELEGRAM_BOT_INFO ?? '')?.[1];
  if (botId && infoId && botId !== infoId)
    problems.push('TELEGRAM_BOT_INFO: belongs to another bot than TELEGRAM_BOT_TOKEN (ids differ)');
  if (Number(env.TELEGRAM_RATE_PER_SECOND) > 30 && env.TELEGRAM_PAID_BROADCAST?.trim() !== '1')
    problems.push(
      'TELEGRAM_RATE_PER_SECOND: above 30/s Telegram answers 429 unless paid broadcast is on (TELEGRAM_PAID_BROADCAST=1)',
    );
  if (env.NODE_ENV === 'production' && env.DATABASE_URL?.trim() && !env.DATA_ENCRYPTION_KEY?.trim())
    problems.push(
      'DATA_ENCRYPTION_KEY: is required in production (generate one with `openssl rand -base64 32`)',
    );
  if (env.DATA_ENCRYPTION_KEY?.trim()) {
    try {
      parseKeyring(env.DATA_ENCRYPTION_KEY);
    } catch (error) {
      problems.push(`DATA_ENCRYPTION_KEY: ${(error as Error).message}`);
    }
  }
  return problems;
}

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** Parses the environment; throws one line per wrong variable, never echoing a value (they may be secrets). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  const problems = [
    ...(result.success
      ? []
      : result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`)),
    ...crossChecks(env),
  ];
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}

/**
 * `loadConfig()` for a command-line tool: a wrong variable is printed (one line each) and the process
 * ends with status 1, with no stack trace to read past.
 */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
