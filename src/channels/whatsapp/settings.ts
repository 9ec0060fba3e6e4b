import { z } from 'zod';
import { ConfigError } from '../../config';

/*
 * The WhatsApp knobs beyond design.md §2 (the transports themselves are enabled by WHATSAPP_BAILEYS and
 * WA_CLOUD_* in src/config.ts). Validated the same way: one line per wrong variable, never a value.
 */
const flag = (fallback: '0' | '1') =>
  z
    .enum(['0', '1', ''])
    .default(fallback)
    .transform((v) => (v === '' ? fallback : v) === '1');

/** A new number's daily caps, day by day (WhatsApp watches how fast a number's volume grows). */
export const DEFAULT_WARMUP = [40, 40, 60, 80, 100, 130, 160, 200, 250, 300, 400, 500, 650, 800];

const warmupSchedule = z
  .string()
  .trim()
  .default('')
  .transform((v, ctx) => {
    if (v === '') return DEFAULT_WARMUP;
    if (v === 'off') return [];
    const caps = v.split(',').map((n) => Number(n.trim()));
    if (caps.some((n) => !Number.isInteger(n) || n < 1 || n > 100_000)) {
      ctx.addIssue({ code: 'custom', message: 'must be daily caps separated by commas (40,60,100…) or off' });
      return z.NEVER;
    }
    return caps;
  });

/** WhatsApp Web version `2.3000.1023456789` → [2, 3000, 1023456789]. */
const waVersion = z
  .string()
  .trim()
  .regex(/^\d+\.\d+\.\d+$/, 'must be a WhatsApp Web version like 2.3000.1023456789')
  .transform((v) => v.split('.').map(Number) as [number, number, number])
  .optional()
  .or(z.literal('').transform(() => undefined));

const settingsSchema = z.object({
  /** Baileys: most messages sent per day (Asia/Jakarta) from the number; the rest wait for tomorrow. */
  WHATSAPP_DAILY_CAP: z.coerce.number().int().min(1).max(100_000).default(1_000),
  /** Baileys: random pause between two sends, in milliseconds (serial sends look less like a robot). */
  WHATSAPP_MIN_GAP_MS: z.coerce.number().int().min(0).max(60_000).default(1_200),
  WHATSAPP_MAX_GAP_MS: z.coerce.number().int().min(0).max(120_000).default(3_500),
  /** Baileys: how long the bot keeps quiet in a chat after someone wrote there from the phone. */
  WHATSAPP_PHONE_PAUSE_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(12),
  /**
   * Baileys: a message from the phone this soon after the person wrote (or the bot sent) is taken for
   * the WhatsApp Business app's greeting or away message, not someone taking over (0: never).
   */
  WHATSAPP_AUTO_REPLY_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
  /** Baileys: daily caps of a new number, day by day from its first send; then WHATSAPP_DAILY_CAP. */
  WHATSAPP_WARMUP: warmupSchedule,
  /** Baileys: the day the number started sending (YYYY-MM-DD, Jakarta), when not the first send stored. */
  WHATSAPP_WARMUP_START: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Baileys: show "typing…" before a message, for at most this long (0: no typing indicator). */
  WHATSAPP_TYPING_MAX_MS: z.coerce.number().int().min(0).max(15_000).default(3_000),
  /** Baileys: mark a person's message read (blue ticks) when the bot answers it. */
  WHATSAPP_READ_RECEIPTS: flag('1'),
  /**
   * Baileys: send broadcasts through the number at all (off: broadcast rows fail with the reason). On:
   * only to people who wrote first, after the warm-up, within half the daily cap.
   */
  WHATSAPP_BAILEYS_BROADCASTS: flag('0'),
  /** Baileys: pin the WhatsApp Web version (otherwise fetched at start, or Baileys' own). */
  WHATSAPP_WA_VERSION: waVersion,
  /** Baileys: fetch the current WhatsApp Web version at start when none is pinned. */
  WHATSAPP_WA_VERSION_FETCH: flag('1'),
  /** Baileys: /readyz fails when this process should hold the socket but it has not been open this long. */
  WHATSAPP_NOT_READY_MINUTES: z.coerce
    .number()
    .min(0.01)
    .max(24 * 60)
    .default(5),
  /** Cloud API: an approved template sent (at most once a day) when the 24-hour window is closed. */
  WA_CLOUD_TEMPLATE: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,512}$/, 'must be a template name (a-z, 0-9, _)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  WA_CLOUD_TEMPLATE_LANGUAGE: z.string().trim().min(2).max(10).default('id'),
  /** Cloud API: budget for sending replies inside a webhook request; the rest goes to the outbox. */
  WA_CLOUD_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2_500),
});

export type WhatsAppSettings = z.infer<typeof settingsSchema>;

export function whatsappSettings(env: Record<string, string | undefined> = process.env): WhatsAppSettings {
  const result = settingsSchema.safeParse(env);
  if (!result.success)
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  if (result.data.WHATSAPP_MAX_GAP_MS < result.data.WHATSAPP_MIN_GAP_MS)
    throw new ConfigError(['WHATSAPP_MAX_GAP_MS: must not be smaller than WHATSAPP_MIN_GAP_MS']);
  return result.data;
}
