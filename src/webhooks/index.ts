import type { Db } from '../db/client';
import type { Logger } from '../logger';
import type { FieldCipher } from '../shared/field-cipher';
import { type DeliverySettings, WebhookDeliverer } from './deliver';
import type { EndpointPolicy } from './endpoints';
import { emitClosingSoon, purgeOldEvents } from './jobs';

export { EVENT_DATA, EVENT_DESCRIPTIONS, EVENT_EXAMPLES, SUBSCRIBABLE_EVENTS } from './catalogue';
export type { DeliveryOutcome, DeliverySettings } from './deliver';
export type { EndpointPolicy } from './endpoints';

/** Time-driven jobs (closing soon, retention) run at most this often per process. */
const JOBS_EVERY_MS = 5 * 60_000;

export interface WebhookOptions {
  db: Db;
  /** The field cipher: signing secrets are stored encrypted with it. */
  cipher: FieldCipher;
  logger: Logger;
  policy: EndpointPolicy;
  delivery?: Partial<DeliverySettings>;
  /** Days the delivery log is kept (MESSAGE_RETENTION_DAYS). */
  retentionDays: number;
}

/**
 * The runtime's webhook service (src/runtime.ts builds one): the deliverer the dispatcher runs, and what
 * the dashboard and the API need (cipher, URL policy, the test send). Events themselves are written by
 * the domain services through ./events.ts, inside their own transactions.
 */
export class Webhooks {
  readonly deliverer: WebhookDeliverer;
  readonly cipher: FieldCipher;
  readonly policy: EndpointPolicy;
  private jobsAt = 0;

  constructor(private readonly options: WebhookOptions) {
    this.cipher = options.cipher;
    this.policy = options.policy;
    this.deliverer = new WebhookDeliverer(options.db, options.cipher, options.logger, options.delivery);
  }

  /** The dispatcher's task: the time-driven events now and then, then every delivery that is due. */
  async run(budgetMs: number): Promise<number> {
    const now = Date.now();
    if (now - this.jobsAt >= JOBS_EVERY_MS) {
      this.jobsAt = now;
      await emitClosingSoon(this.options.db);
      await purgeOldEvents(this.options.db, this.options.retentionDays);
    }
    return this.deliverer.drain({ budgetMs });
  }

  stop(): Promise<void> {
    return this.deliverer.stop();
  }
}
