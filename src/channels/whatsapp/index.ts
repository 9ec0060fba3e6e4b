// WhatsApp (issue #6). This file never imports Baileys: the Cloud API path also runs on Workers, and
// the Baileys socket is started from the Node entry (src/index.ts) through ./baileys.
import { type Config, ConfigError } from '../../config';
import type { Db } from '../../db/client';
import type { Engine } from '../../engine/engine';
import type { Logger } from '../../logger';
import type { BackgroundSends, SentMarker } from '../../outbox/delivery';
import type { SenderRegistry } from '../../outbox/sender';
import type { StoredFileReader } from '../../storage/stored-files';
import { WhatsAppCloudChannel } from './cloud/channel';
import { graphApiBase } from './cloud/graph-api';
import type { WhatsAppSettings } from './settings';

export { isChatPausedByPhone, isPausedByPhone, resumeFromPhone } from './pauses';
export { forgetWhatsAppPerson } from './privacy';
export { type WhatsAppSettings, whatsappSettings } from './settings';

/**
 * Which transport carries channel `whatsapp`. Both speak for a number on the same channel (one
 * identity per person, one sender in the registry), so exactly one may be configured.
 */
export function whatsappTransport(config: Config): 'baileys' | 'cloud' | undefined {
  const baileys = config.WHATSAPP_BAILEYS === '1';
  const cloud = !!(config.WA_CLOUD_ACCESS_TOKEN || config.WA_CLOUD_PHONE_NUMBER_ID);
  const problems: string[] = [];
  if (baileys && cloud)
    problems.push('WHATSAPP_BAILEYS: choose one WhatsApp transport — Baileys or the Cloud API (WA_CLOUD_*)');
  if (cloud) {
    for (const name of ['WA_CLOUD_ACCESS_TOKEN', 'WA_CLOUD_PHONE_NUMBER_ID', 'WA_CLOUD_APP_SECRET'] as const)
      if (!config[name]) problems.push(`${name}: is required for the WhatsApp Cloud API`);
    try {
      graphApiBase(config.WA_CLOUD_API_ROOT, config.WA_CLOUD_API_VERSION);
    } catch {
      problems.push('WA_CLOUD_API_VERSION: differs from the version at the end of WA_CLOUD_API_ROOT');
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return baileys ? 'baileys' : cloud ? 'cloud' : undefined;
}

export interface CloudWiring {
  config: Config;
  settings: WhatsAppSettings;
  engine: Engine;
  db: Db;
  senders: SenderRegistry;
  logger: Logger;
  marker?: SentMarker;
  background?: BackgroundSends;
  /** The document storage, for files staff send. */
  files?: StoredFileReader;
  /** The clock the webhook's send budget runs on (default `performance.now`). */
  budgetClock?: (() => number) | undefined;
}

/** The Cloud API channel when WA_CLOUD_* are set (its sender is registered for channel `whatsapp`). */
export function createWhatsAppCloud(w: CloudWiring): WhatsAppCloudChannel | undefined {
  if (whatsappTransport(w.config) !== 'cloud') return undefined;
  const { config, settings } = w;
  return new WhatsAppCloudChannel({
    accessToken: config.WA_CLOUD_ACCESS_TOKEN!,
    phoneNumberId: config.WA_CLOUD_PHONE_NUMBER_ID!,
    appSecret: config.WA_CLOUD_APP_SECRET!,
    verifyToken: config.WA_CLOUD_VERIFY_TOKEN,
    apiRoot: graphApiBase(config.WA_CLOUD_API_ROOT, config.WA_CLOUD_API_VERSION),
    engine: w.engine,
    db: w.db,
    senders: w.senders,
    logger: w.logger,
    sendTimeoutMs: settings.WA_CLOUD_SEND_TIMEOUT_MS,
    budgetClock: w.budgetClock,
    ...(w.marker ? { marker: w.marker } : {}),
    ...(w.background ? { background: w.background } : {}),
    ...(w.files ? { files: w.files } : {}),
    template: settings.WA_CLOUD_TEMPLATE
      ? { name: settings.WA_CLOUD_TEMPLATE, language: settings.WA_CLOUD_TEMPLATE_LANGUAGE }
      : undefined,
  });
}
