import type { Db } from '../db/client';
import { errorSummary } from '../engine/engine';
import type { Logger } from '../logger';
import { purgeExpiredSessions } from '../organisations/accounts/sessions';
import type { FieldCipher } from '../shared/field-cipher';
import type { DocumentStorage } from '../storage';
import { finishErasures } from './erasure';
import { type PurgeResult, purgeExpired } from './retention';
import { sealTypedNiks } from './seal-niks';

export interface PrivacyJobsOptions {
  db: Db;
  logger: Logger;
  retentionDays: number;
  messageRetentionDays: number;
  /** Files staff sent, deleted with their expired messages. */
  storage?: DocumentStorage;
  /** Seals NIKs typed as text in messages older than their masking (with the purge). */
  cipher?: Pick<FieldCipher, 'encrypt'>;
  /** The clock (tests pass a fake one). */
  clock?: () => Date;
  /** How often erasures begun in conversations are completed. */
  tickMs?: number;
  /** How often the retention purge runs. */
  purgeEveryMs?: number;
}

export interface TickResult {
  /** Erasures completed in this tick. */
  finished: number;
  /** The purge's counts, when it ran in this tick. */
  purged?: PurgeResult;
  /** Expired staff sessions deleted with the purge (the dashboard never reads them again). */
  staffSessions?: number;
}

/**
 * Background privacy work in the Node process: every few seconds it completes erasures begun in
 * conversations (once the confirmation was delivered); once a day it runs the retention purge. On
 * Workers the Cron Trigger calls `runPrivacyMaintenance` instead; `npm run privacy:purge` runs the
 * purge by hand. Several processes may run it at once: every step is idempotent.
 */
export class PrivacyJobs {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;
  private lastPurge: number | undefined;

  constructor(private readonly options: PrivacyJobsOptions) {}

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }

  /** One round: complete erasures, and purge when a day has passed since the last purge. */
  async tick(): Promise<TickResult> {
    const { db, logger } = this.options;
    const now = this.now();
    const finished = await finishErasures(db, { now });
    if (finished > 0) logger.info({ finished }, 'erasures completed');
    const every = this.options.purgeEveryMs ?? 86_400_000;
    if (this.lastPurge !== undefined && now.getTime() - this.lastPurge < every) return { finished };
    this.lastPurge = now.getTime();
    const purged = await purgeExpired(db, {
      now,
      retentionDays: this.options.retentionDays,
      messageRetentionDays: this.options.messageRetentionDays,
      ...(this.options.storage ? { storage: this.options.storage } : {}),
    });
    const staffSessions = await purgeExpiredSessions(db, now);
    logger.info({ ...purged, staffSessions }, 'retention purge done');
    if (this.options.cipher) {
      const sealed = await sealTypedNiks(db, this.options.cipher);
      if (sealed > 0) logger.info({ sealed }, 'NIKs typed as text masked in older messages');
    }
    return { finished, purged, staffSessions };
  }

  start(): void {
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.tick().catch((error: unknown) =>
        this.options.logger.error({ err: errorSummary(error) }, 'privacy job failed'),
      );
      await this.running;
      if (!this.stopped) this.timer = setTimeout(loop, this.options.tickMs ?? 5_000);
    };
    this.timer = setTimeout(loop, this.options.tickMs ?? 5_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}

/** One maintenance run (Workers' Cron Trigger, the CLI): complete erasures, then purge (expired staff
 * sessions too). */
export async function runPrivacyMaintenance(
  db: Db,
  options: {
    retentionDays: number;
    messageRetentionDays: number;
    now?: Date;
    dryRun?: boolean;
    storage?: DocumentStorage;
    cipher?: Pick<FieldCipher, 'encrypt'>;
  },
): Promise<TickResult> {
  const now = options.now ?? new Date();
  const finished = options.dryRun ? 0 : await finishErasures(db, { now });
  const purged = await purgeExpired(db, { ...options, now });
  if (options.dryRun) return { finished, purged };
  if (options.cipher) await sealTypedNiks(db, options.cipher);
  return { finished, purged, staffSessions: await purgeExpiredSessions(db, now) };
}
