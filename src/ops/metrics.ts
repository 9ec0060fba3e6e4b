/**
 * Prometheus-style metrics without a dependency (prom-client needs Node; this runs on Workers too):
 * counters and histograms kept in memory per process (per isolate on Workers), gauges read at scrape
 * time (outbox depth from the database). Labels are low-cardinality by construction: channel, outcome,
 * route group, failure kind — never an address, a user id or a path with an id in it.
 */
import type { Engine } from '../engine/engine';
import { type ChannelSender, failureOf, SendError, SenderRegistry } from '../outbox/sender';
import type { Channel } from '../shared/conversation';

type Labels = Record<string, string>;

/** Rendered label sets by their raw names and values: a webhook update counts and times itself about
 * six times, and sorting and escaping each time showed in its profile (issue #15). Labels are
 * low-cardinality, so this stays small; past 10,000 sets it simply stops remembering. */
const labelKeys = new Map<string, string>();

function labelKey(labels: Labels): string {
  let raw = '';
  for (const k in labels) raw += `${k}\u0000${labels[k]}\u0001`;
  let key = labelKeys.get(raw);
  if (key === undefined) {
    key = Object.keys(labels)
      .sort()
      .map((k) => `${k}="${escapeLabel(labels[k]!)}"`)
      .join(',');
    if (labelKeys.size < 10_000) labelKeys.set(raw, key);
  }
  return key;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function formatNumber(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

function series(name: string, key: string, value: number): string {
  return `${name}${key ? `{${key}}` : ''} ${formatNumber(value)}`;
}

interface Metric {
  readonly name: string;
  render(): string[];
}

export class Counter implements Metric {
  private readonly values = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  /** The current value of one series (tests). */
  get(labels: Labels = {}): number {
    return this.values.get(labelKey(labels)) ?? 0;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [key, value] of this.values) lines.push(series(this.name, key, value));
    return lines;
  }
}

/** Seconds; the default buckets suit webhook turns (a few ms on a warm database) up to slow sends. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class Histogram implements Metric {
  private readonly values = new Map<string, { counts: number[]; sum: number; count: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[] = LATENCY_BUCKETS,
  ) {}

  observe(labels: Labels, value: number): void {
    const key = labelKey(labels);
    let entry = this.values.get(key);
    if (!entry) {
      entry = { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.values.set(key, entry);
    }
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) entry.counts[i]!++;
    entry.sum += value;
    entry.count++;
  }

  /** Observations of one series (tests). */
  count(labels: Labels = {}): number {
    return this.values.get(labelKey(labels))?.count ?? 0;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [key, entry] of this.values) {
      const sep = key ? ',' : '';
      this.buckets.forEach((le, i) => {
        lines.push(`${this.name}_bucket{${key}${sep}le="${formatNumber(le)}"} ${entry.counts[i]}`);
      });
      lines.push(`${this.name}_bucket{${key}${sep}le="+Inf"} ${entry.count}`);
      lines.push(series(`${this.name}_sum`, key, entry.sum));
      lines.push(series(`${this.name}_count`, key, entry.count));
    }
    return lines;
  }
}

/** A gauge sample read at scrape time. */
export interface GaugeSample {
  name: string;
  help: string;
  values: Array<{ labels?: Labels; value: number }>;
}

export function renderGauge(gauge: GaugeSample): string[] {
  const lines = [`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} gauge`];
  for (const { labels, value } of gauge.values) lines.push(series(gauge.name, labelKey(labels ?? {}), value));
  return lines;
}

/** The application's metrics. One instance per process (Node) or per isolate (Workers). */
export function createMetrics() {
  return {
    updates: new Counter(
      'jembatan_updates_total',
      'Inbound platform events handled by the engine, by channel and outcome (handled, duplicate, error).',
    ),
    updateSeconds: new Histogram(
      'jembatan_update_duration_seconds',
      'Time the engine took for one inbound event (lock, flow, write), by channel.',
    ),
    requests: new Counter(
      'jembatan_http_requests_total',
      'HTTP requests by route group, method and status class.',
    ),
    requestSeconds: new Histogram(
      'jembatan_http_request_duration_seconds',
      'HTTP request latency by route group (webhooks include sending the replies).',
    ),
    sends: new Counter('jembatan_sends_total', 'Messages sent to a platform, by channel.'),
    sendErrors: new Counter(
      'jembatan_send_errors_total',
      'Failed sends by channel and kind (rate_limited, blocked, transient, permanent).',
    ),
    sendUnknown: new Counter(
      'jembatan_send_unknown_total',
      'Sends whose outcome is unknown (the request went out, no answer came back): recorded, never retried.',
    ),
    sendSeconds: new Histogram(
      'jembatan_send_duration_seconds',
      'How long the platform took to answer a send, by channel (slow answers finish in the background).',
      [...LATENCY_BUCKETS, 20, 30],
    ),
    webhookDeliveries: new Counter(
      'jembatan_webhook_deliveries_total',
      'Outbound webhook attempts by outcome (delivered, rejected, timeout, unreachable), and deliveries given up when an endpoint was disabled (gave_up).',
    ),
    /** Requests being served right now (Node: what graceful shutdown waits for). */
    inFlight: { value: 0 },
    startedAt: Date.now(),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Renders every metric; `gauges` are read now (database queries, process figures). */
export function renderMetrics(metrics: Metrics, gauges: GaugeSample[] = []): string {
  const lines: string[] = [];
  for (const metric of [
    metrics.updates,
    metrics.updateSeconds,
    metrics.requests,
    metrics.requestSeconds,
    metrics.sends,
    metrics.sendErrors,
    metrics.sendUnknown,
    metrics.sendSeconds,
    metrics.webhookDeliveries,
  ])
    lines.push(...metric.render());
  lines.push(
    ...renderGauge({
      name: 'jembatan_http_requests_in_flight',
      help: 'HTTP requests being served.',
      values: [{ value: metrics.inFlight.value }],
    }),
    ...renderGauge({
      name: 'jembatan_uptime_seconds',
      help: 'Seconds since this process (or isolate) started.',
      values: [{ value: Math.round((Date.now() - metrics.startedAt) / 1000) }],
    }),
  );
  for (const gauge of gauges) lines.push(...renderGauge(gauge));
  return `${lines.join('\n')}\n`;
}

/** Counts sends and failed sends by kind, for every sender registered (channels add their own). */
export class ObservedSenderRegistry extends SenderRegistry {
  constructor(private readonly metrics: Metrics) {
    super();
  }

  override add(sender: ChannelSender): this {
    const metrics = this.metrics;
    const observed: ChannelSender = {
      channel: sender.channel,
      ...(sender.available ? { available: () => sender.available!() } : {}),
      async send(address, message, signal, context) {
        const started = performance.now();
        try {
          const ok = await sender.send(address, message, signal, context);
          metrics.sends.inc({ channel: sender.channel });
          return ok;
        } catch (error) {
          const failure = failureOf(error, signal);
          if (failure.kind === 'unknown') {
            metrics.sendUnknown.inc({ channel: sender.channel });
            throw error instanceof SendError && error.failure.kind === 'unknown'
              ? error
              : new SendError(failure, error instanceof Error ? error.message : String(error));
          }
          metrics.sendErrors.inc({ channel: sender.channel, kind: failure.kind });
          throw error;
        } finally {
          metrics.sendSeconds.observe({ channel: sender.channel }, (performance.now() - started) / 1000);
        }
      },
    };
    return super.add(observed);
  }
}

/** Counts and times every engine turn (webhooks, the Baileys socket, the simulator alike). */
export function observeEngine(engine: Engine, metrics: Metrics): void {
  const handle = engine.handle.bind(engine);
  engine.handle = async (inbound) => {
    const started = performance.now();
    const channel: Channel = inbound.channel;
    try {
      const result = await handle(inbound);
      metrics.updates.inc({ channel, outcome: result.duplicate ? 'duplicate' : 'handled' });
      return result;
    } catch (error) {
      metrics.updates.inc({ channel, outcome: 'error' });
      throw error;
    } finally {
      metrics.updateSeconds.observe({ channel }, (performance.now() - started) / 1000);
    }
  };
}
