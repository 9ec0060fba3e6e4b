import { z } from 'zod';
import { parseOfficeHours } from './handoff/office-hours';
import { parseKeyring } from './privacy/crypto';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const secretToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1–256 characters of A-Z, a-z, 0-9, _ and -');

/** The environment contract of design.md §2, validated once at start. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: optional.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  ),
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
  WA_CLOUD_API_ROOT: z.url().default('https://graph.facebook.com/v21.0'),
  /** AES-256-GCM keyring for personal data at rest: `k2=base64,k1=base64` (first is current). */
  DATA_ENCRYPTION_KEY: optional,
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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Rules across variables, checked on the raw values so they are reported with every other problem. */
function crossChecks(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.TELEGRAM_BOT_TOKEN?.trim() && !env.TELEGRAM_WEBHOOK_SECRET?.trim())
    problems.push('TELEGRAM_WEBHOOK_SECRET: is required when TELEGRAM_BOT_TOKEN is set');
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
