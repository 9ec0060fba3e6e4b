import { z } from 'zod';
import { ConfigError } from '../../config';

/*
 * The WhatsApp knobs beyond design.md §2 (the transports themselves are enabled by WHATSAPP_BAILEYS and
 * WA_CLOUD_* in src/config.ts). Validated the same way: one line per wrong variable, never a value.
 */
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
