import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import type { Logger } from '../logger';
import type { FieldCipher } from '../shared/field-cipher';
import { eventBody } from './catalogue';
import { EndpointError, getEndpoint } from './endpoints';
import { fetchPost, type WebhookPost } from './post';

/*
 * Delivery, like the outbox: after the commit, by the dispatcher (Node: its loop; Workers: the cron),
 * never on a conversation's path. One sender per endpoint at a time (a lease on the endpoint row,
 * claimed FOR UPDATE SKIP LOCKED, so any number of processes can run), its queue in event-time order:
 * a failure stops the endpoint's queue and the endpoint backs off exponentially, so a later event never
 * overtakes an earlier one. At least once: a crash after a send but before its mark sends it again, with
 * the same `webhook-id`. An endpoint failing for a day is disabled (its queue marked failed) and its
 * owners are told in the dashboard; a 410 Gone disables it at once.
 */

export type DeliveryOutcome = 'delivered' | 'rejected' | 'timeout' | 'unreachable' | 'gave_up';

export interface DeliverySettings {
  /** Per request. */
  timeoutMs: number;
  /** Endpoints served at once by one process. */
  concurrency: number;
  /** Deliveries read per claim of an endpoint. */
  batchSize?: number;
  /** Wait after the n-th failure in a row (default 5 s doubling to 1 h, ±20 %). */
  backoffMs?: (failures: number) => number;
  /** Failing this long disables an endpoint (default a day). */
  giveUpMs?: number;
  /** The HTTP client: fetch by default, node:http from the Node entry (./post.ts). */
  post?: WebhookPost;
  /** Every attempt's outcome, for /metrics. */
  onOutcome?: (outcome: DeliveryOutcome, count?: number) => void;
}

export const DEFAULT_DELIVERY: Required<Pick<DeliverySettings, 'timeoutMs' | 'concurrency' | 'batchSize'>> = {
  timeoutMs: 10_000,
  concurrency: 8,
  batchSize: 100,
};
const DAY_MS = 24 * 3_600_000;
/** What is kept of a receiver's answer in the last error (its start, enough to recognise it). */
const ERROR_TEXT = 200;

export function defaultBackoff(failures: number): number {
  const base = Math.min(5_000 * 2 ** Math.max(0, failures - 1), 3_600_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

interface Claimed {
  id: string;
  url: string;
  secret_cipher: string;
  /** Failures in a row so far (the backoff grows with them). */
  failures: number | string;
}

interface Queued {
  id: number | string;
  event_id: string;
  type: string;
  data: Record<string, unknown>;
  occurred_at: Date | string;
}

export interface AttemptResult {
  ok: boolean;
  /** HTTP status, null without an answer. */
  status: number | null;
  ms: number;
  error: string | null;
  outcome: Exclude<DeliveryOutcome, 'gave_up'>;
  /** The receiver said the endpoint is gone (410): stop sending there. */
  gone: boolean;
  /** Aborted because this process stops: not an attempt. */
  stopped: boolean;
}

interface Done {
  id: number;
  ms: number;
  status: number;
  at: Date;
}

const pgArray = (values: ReadonlyArray<string | number>) =>
  `{${values.map((v) => `"${String(v).replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;

export class WebhookDeliverer {
  private stopped = false;
  private readonly inFlight = new Set<AbortController>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly settings: Required<Omit<DeliverySettings, 'onOutcome'>> &
    Pick<DeliverySettings, 'onOutcome'>;

  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
    private readonly logger: Logger,
    settings: Partial<DeliverySettings> = {},
  ) {
    this.settings = {
      ...DEFAULT_DELIVERY,
      backoffMs: defaultBackoff,
      giveUpMs: DAY_MS,
      post: fetchPost,
      ...settings,
    } as typeof this.settings;
  }

  /** A claimed endpoint is this process's until then; a crashed process's endpoints come back after it. */
  get leaseMs(): number {
    return 3 * this.settings.timeoutMs + 5_000;
  }

  /**
   * Sends what is due, several endpoints at once, until nothing is due or `budgetMs` has passed.
   * Returns how many deliveries succeeded.
   */
  async drain(options: { budgetMs: number }): Promise<number> {
    if (this.stopped) return 0;
    const work = this.lanes(Date.now() + options.budgetMs);
    this.running.add(work);
    try {
      return await work;
    } finally {
      this.running.delete(work);
    }
  }

  /** Stops claiming, aborts requests in flight (they stay queued) and waits for the lanes to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const controller of this.inFlight) controller.abort();
    await Promise.allSettled([...this.running]);
  }

  /**
   * One lane to begin with (an idle look costs one query); each lane that finds work starts another, up
   * to the concurrency, so a busy queue is served several endpoints at once.
   */
  private async lanes(end: number): Promise<number> {
    let delivered = 0;
    const running: Promise<void>[] = [];
    const lane = async (): Promise<void> => {
      while (!this.stopped && Date.now() < end) {
        const endpoint = await this.claim();
        if (!endpoint) return;
        if (running.length < this.settings.concurrency) running.push(lane());
        try {
          delivered += await this.serve(endpoint, end);
        } catch (error) {
          this.logger.error({ err: summary(error), endpoint: endpoint.id }, 'webhook delivery failed');
          await this.release(endpoint.id).catch(() => {});
          return;
        }
      }
    };
    running.push(lane());
    for (let i = 0; i < running.length; i++) await running[i];
    return delivered;
  }

  /**
   * The endpoint served longest ago that has something due, leased to this process, with the head of its
   * queue in event order — one round trip.
   */
  private async claim(): Promise<(Claimed & { queue: Queued[] }) | undefined> {
    const [row] = rowsOf<Claimed & { queue: Queued[] | string | null }>(
      await this.db.execute(sql`
        with claimed as (
          update webhook_endpoints set lease_until = now() + make_interval(secs => ${this.leaseMs / 1000})
          where id = (
            select e.id from webhook_endpoints e
            where e.enabled and (e.lease_until is null or e.lease_until < now())
              and (e.retry_at is null or e.retry_at <= now())
              and exists (select 1 from webhook_deliveries d where d.endpoint_id = e.id and d.status = 'pending')
            order by e.lease_until nulls first, e.id
            limit 1 for update skip locked)
          returning id, url, secret_cipher, failures
        )
        select c.id, c.url, c.secret_cipher, c.failures,
          (select json_agg(q) from (
             select d.id, d.event_id, e.type, e.data, e.occurred_at
             from webhook_deliveries d join webhook_events e on e.id = d.event_id
             where d.endpoint_id = c.id and d.status = 'pending'
             order by d.occurred_at, d.id limit ${this.settings.batchSize}) q) as queue
        from claimed c`),
    );
    if (!row) return undefined;
    const queue = typeof row.queue === 'string' ? (JSON.parse(row.queue) as Queued[]) : (row.queue ?? []);
    return { ...row, queue };
  }

  private async release(endpointId: string): Promise<void> {
    await this.db.execute(
      sql`update webhook_endpoints set lease_until = now() where id = ${endpointId}::uuid`,
    );
  }

  /** Sends the endpoint's queue in order until a failure, the batch's time or the end; marks what went. */
  private async serve(endpoint: Claimed & { queue: Queued[] }, end: number): Promise<number> {
    const signer = new Webhook(this.cipher.decrypt(endpoint.secret_cipher));
    // A batch must end well inside the lease, or another process would take the endpoint meanwhile.
    const stopAt = Math.min(end, Date.now() + 2 * this.settings.timeoutMs);
    const done: Done[] = [];
    let failed: { delivery: Queued; result: AttemptResult } | undefined;
    for (const delivery of endpoint.queue) {
      if (this.stopped || Date.now() >= stopAt) break;
      const at = new Date();
      const result = await this.attempt(endpoint.url, signer, delivery, at);
      if (result.stopped) break;
      if (!result.ok) {
        failed = { delivery, result };
        break;
      }
      done.push({ id: Number(delivery.id), ms: result.ms, status: result.status!, at });
    }
    // After a failure the lease is kept until the backoff is set (recordFailure releases it).
    await this.markDelivered(endpoint.id, done, !failed);
    // Failures in a row so far: none if something went through before this one.
    if (failed) await this.recordFailure(endpoint.id, done.length ? 0 : Number(endpoint.failures), failed);
    if (done.length) this.settings.onOutcome?.('delivered', done.length);
    return done.length;
  }

  /** Marks the deliveries that went and (unless a failure follows) releases the endpoint: one round trip. */
  private async markDelivered(endpointId: string, done: Done[], release: boolean): Promise<void> {
    if (!done.length) {
      if (release) await this.release(endpointId);
      return;
    }
    await this.db.execute(sql`
      with marked as (
        update webhook_deliveries d set status = 'delivered', attempts = d.attempts + 1,
          last_attempt_at = x.at, delivered_at = x.at, last_status = x.status, last_duration_ms = x.ms,
          last_error = null
        from unnest(${pgArray(done.map((d) => d.id))}::bigint[], ${pgArray(done.map((d) => d.ms))}::int[],
                    ${pgArray(done.map((d) => d.status))}::int[],
                    ${pgArray(done.map((d) => d.at.toISOString()))}::timestamptz[]) as x(id, ms, status, at)
        where d.id = x.id and d.status = 'pending'
        returning 1
      )
      update webhook_endpoints set failures = 0, failing_since = null, retry_at = null, last_error = null,
        last_success_at = now(), lease_until = case when ${release} then now() else lease_until end
      where id = ${endpointId}::uuid`);
  }

  /**
   * The head of the queue failed: it stays first and the endpoint waits (retry_at is set while the lease
   * is still held, so no other lane can send it again in between); a day of this disables it.
   */
  private async recordFailure(
    endpointId: string,
    failuresBefore: number,
    { delivery, result }: { delivery: Queued; result: AttemptResult },
  ): Promise<void> {
    this.settings.onOutcome?.(result.outcome);
    const wait = this.settings.backoffMs(failuresBefore + 1);
    const [state] = rowsOf<{ failing_ms: number | string }>(
      await this.db.execute(sql`
        with attempt as (
          update webhook_deliveries set attempts = attempts + 1, last_attempt_at = now(),
            last_status = ${result.status}, last_error = ${result.error}, last_duration_ms = ${Math.round(result.ms)}
          where id = ${Number(delivery.id)}
        )
        update webhook_endpoints set failures = failures + 1, failing_since = coalesce(failing_since, now()),
          last_error = ${result.error}, retry_at = now() + make_interval(secs => ${wait / 1000})
        where id = ${endpointId}::uuid
        returning extract(epoch from now() - failing_since) * 1000 as failing_ms`),
    );
    if (result.gone || Number(state?.failing_ms ?? 0) >= this.settings.giveUpMs)
      await this.disable(endpointId, result.gone ? 'gone' : 'failing');
    else await this.release(endpointId);
  }

  private async disable(endpointId: string, reason: 'gone' | 'failing'): Promise<void> {
    const given = rowsOf(
      await this.db.execute(sql`
        with off as (
          update webhook_endpoints set enabled = false, disabled_at = now(), disabled_reason = ${reason},
            disabled_notice = true, lease_until = now(), retry_at = null
          where id = ${endpointId}::uuid
        )
        update webhook_deliveries set status = 'failed'
        where endpoint_id = ${endpointId}::uuid and status = 'pending'
        returning 1`),
    );
    this.settings.onOutcome?.('gave_up', given.length);
    this.logger.warn({ endpoint: endpointId, reason, gaveUp: given.length }, 'webhook endpoint disabled');
  }

  /** One signed POST; never throws. */
  async attempt(url: string, signer: Webhook, delivery: Queued, at: Date): Promise<AttemptResult> {
    const body = eventBody(delivery.type, delivery.occurred_at, delivery.data);
    // One controller per attempt, fired by a plain timer or by stop(): far cheaper than
    // AbortSignal.timeout + AbortSignal.any per request at hundreds of requests a second.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.settings.timeoutMs);
    this.inFlight.add(controller);
    const started = performance.now();
    const result = (fields: Omit<AttemptResult, 'ms' | 'gone' | 'stopped'> & Partial<AttemptResult>) => ({
      gone: false,
      stopped: false,
      ...fields,
      ms: Math.round(performance.now() - started),
    });
    try {
      const answer = await this.settings.post({
        url,
        body,
        signal: controller.signal,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Jembatan-Webhooks/1.0',
          'webhook-id': delivery.event_id,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': signer.sign(delivery.event_id, at, body),
        },
      });
      if (answer.status >= 200 && answer.status < 300)
        return result({ ok: true, status: answer.status, error: null, outcome: 'delivered' });
      const said = answer.text.replace(/\s+/g, ' ').trim().slice(0, ERROR_TEXT);
      const redirect = answer.status >= 300 && answer.status < 400 ? ' (redirects are not followed)' : '';
      return result({
        ok: false,
        status: answer.status,
        error: `HTTP ${answer.status}${redirect}${said ? `: ${said}` : ''}`,
        outcome: 'rejected',
        gone: answer.status === 410,
      });
    } catch (error) {
      if (timedOut)
        return result({
          ok: false,
          status: null,
          error: `no answer within ${this.settings.timeoutMs / 1000} s`,
          outcome: 'timeout',
        });
      if (controller.signal.aborted)
        return result({ ok: false, status: null, error: null, outcome: 'unreachable', stopped: true });
      return result({
        ok: false,
        status: null,
        error: `unreachable: ${networkReason(error)}`,
        outcome: 'unreachable',
      });
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
  }

  /**
   * "Kirim tes": a `webhook.test` event sent to one endpoint now, from the request (on or off, whatever
   * it subscribed to), and recorded among its deliveries. Not retried. A success counts as the endpoint's
   * last success and lets a backing-off endpoint try its queue at once.
   */
  async sendTest(
    organisation: { id: string; slug: string },
    endpointId: string,
    message: string,
  ): Promise<AttemptResult & { eventId: string }> {
    const endpoint = await getEndpoint(this.db, organisation.id, endpointId);
    if (!endpoint) throw new EndpointError('not_found');
    const eventId = randomUUID();
    const at = new Date();
    const data = { organisation: organisation.slug, endpoint: { id: endpoint.id }, message };
    const signer = new Webhook(this.cipher.decrypt(endpoint.secretCipher));
    const result = await this.attempt(
      endpoint.url,
      signer,
      { id: 0, event_id: eventId, type: 'webhook.test', data, occurred_at: at },
      at,
    );
    this.settings.onOutcome?.(result.outcome);
    await this.db.execute(sql`
      with ev as (
        insert into webhook_events (id, organisation_id, type, data, occurred_at)
        values (${eventId}::uuid, ${organisation.id}::uuid, 'webhook.test', ${JSON.stringify(data)}::jsonb, ${at.toISOString()}::timestamptz)
        returning id, occurred_at
      ), del as (
        insert into webhook_deliveries (event_id, endpoint_id, occurred_at, status, attempts, last_attempt_at,
          last_status, last_error, last_duration_ms, delivered_at)
        select ev.id, ${endpoint.id}::uuid, ev.occurred_at, ${result.ok ? 'delivered' : 'failed'}, 1, now(),
          ${result.status}, ${result.error}, ${Math.round(result.ms)}, ${result.ok ? sql`now()` : null}
        from ev
      )
      update webhook_endpoints set last_success_at = now(),
        retry_at = case when enabled and retry_at > now() then null else retry_at end
      where id = ${endpoint.id}::uuid and ${result.ok}`);
    return { ...result, eventId };
  }
}

/** A network failure's reason without the URL or anything the receiver said (ECONNREFUSED, ENOTFOUND …). */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (error instanceof Error && error.name) return error.name;
  return 'network error';
}

function summary(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message.slice(0, 200) }
    : { name: 'Error', message: String(error).slice(0, 200) };
}
