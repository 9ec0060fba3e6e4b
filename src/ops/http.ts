/**
 * Operations on the HTTP surface, for every runtime: a request id on every request (honoured from
 * `X-Request-Id`, returned in the response, on every log line written meanwhile), an access log line,
 * latency metrics, refusal while draining; and the routes `/healthz`, `/readyz` and `/metrics`.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import type { Db } from '../db/client';
import { safeEqual } from '../lib/safe-equal';
import type { Logger } from '../logger';
import { requestIdFor, withRequestId } from '../shared/request-context';
import type { Lifecycle } from './lifecycle';
import { type GaugeSample, type Metrics, renderMetrics } from './metrics';
import { outboxGauges } from './outbox';
import type { Readiness } from './readiness';
import { webhookGauges } from './webhooks';

export interface OpsDeps {
  metrics: Metrics;
  readiness: Readiness;
  lifecycle: Lifecycle;
  /** Bearer token for `/metrics`; without one the route answers 404. */
  metricsToken?: string | undefined;
  /** Gauges of the process itself (the Node entry adds memory); read at scrape time. */
  processGauges?: () => GaugeSample[];
}

const OPS_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);
const ROUTE_GROUPS = ['/webhooks/telegram', '/webhooks/whatsapp', '/api/v1', '/admin'];

/** A low-cardinality label for a path: its route group, never the path itself (ids live there). */
export function routeGroup(path: string): string {
  if (OPS_ROUTES.has(path)) return path;
  for (const group of ROUTE_GROUPS) if (path === group || path.startsWith(`${group}/`)) return group;
  return 'other';
}

export function opsMiddleware(ops: OpsDeps, logger: Logger): MiddlewareHandler {
  return (c, next) => {
    const requestId = requestIdFor(c.req.raw.headers);
    // Everything below, and every log line written while serving, carries the id (see src/logger.ts).
    return withRequestId(requestId, async () => {
      const group = routeGroup(c.req.path);
      const isOps = OPS_ROUTES.has(group);
      if (ops.lifecycle.draining && !isOps) {
        c.header('X-Request-Id', requestId);
        c.header('Retry-After', '5');
        c.header('Connection', 'close');
        return c.json({ ok: false, error: 'shutting down' }, 503);
      }
      const started = performance.now();
      ops.lifecycle.enter();
      ops.metrics.inFlight.value = ops.lifecycle.inFlight;
      try {
        await next();
      } finally {
        ops.lifecycle.leave();
        ops.metrics.inFlight.value = ops.lifecycle.inFlight;
      }
      const seconds = (performance.now() - started) / 1000;
      const status = c.res.status;
      c.res.headers.set('X-Request-Id', requestId);
      ops.metrics.requests.inc({
        route: group,
        method: c.req.method,
        status: `${Math.floor(status / 100)}xx`,
      });
      if (!isOps) {
        ops.metrics.requestSeconds.observe({ route: group }, seconds);
        // The path without its query (tokens may travel there); ids in paths are not personal data.
        logger.info(
          { method: c.req.method, path: c.req.path, status, ms: Math.round(seconds * 1000) },
          'request',
        );
      }
    });
  };
}

export function opsRoutes(ops: OpsDeps, db: Db, logger: Logger): Hono {
  const app = new Hono();

  // Liveness: the process answers. Cheap on purpose (no database): a restart does not fix Postgres.
  app.get('/healthz', (c) => c.json({ ok: true }));

  // Readiness: the database answers and the configured channels are up. `?traffic`: only what decides
  // whether this instance should get requests (for a load balancer; a broken WhatsApp socket does not).
  app.get('/readyz', async (c) => {
    if (ops.lifecycle.draining) return c.json({ ok: false, draining: true }, 503);
    const report = await ops.readiness.report(undefined, {
      trafficOnly: c.req.query('traffic') !== undefined,
    });
    if (!report.ok) logger.warn({ checks: report.checks }, 'not ready');
    return c.json(report, report.ok ? 200 : 503);
  });

  app.get('/metrics', async (c) => {
    if (!ops.metricsToken) return c.json({ ok: false, error: 'metrics are off (set METRICS_TOKEN)' }, 404);
    const header = c.req.header('Authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!safeEqual(given, ops.metricsToken)) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json({ ok: false }, 401);
    }
    const gauges: GaugeSample[] = [...(ops.processGauges?.() ?? [])];
    try {
      gauges.push(...(await outboxGauges(db)), ...(await webhookGauges(db)));
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'outbox gauges unavailable');
      gauges.push({ name: 'jembatan_database_up', help: 'The database answered.', values: [{ value: 0 }] });
    }
    return c.body(renderMetrics(ops.metrics, gauges), 200, {
      'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
    });
  });
  return app;
}
