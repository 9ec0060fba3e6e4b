import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { SendError } from '../outbox/sender';
import { drainFor } from '../platform/cron.worker';
import { NoStorage, R2Storage } from '../platform/storage.worker';
import { type R2Bucket, stringVars } from '../platform/workers';
import type { Outbound } from '../shared/conversation';
import { currentRequestId, requestIdFor, withRequestId } from '../shared/request-context';
import { routeGroup } from './http';
import { Lifecycle } from './lifecycle';
import { Counter, createMetrics, Histogram, ObservedSenderRegistry, renderMetrics } from './metrics';
import { Readiness } from './readiness';

describe('metrics', () => {
  it('renders counters and cumulative histograms in the Prometheus text format', () => {
    const counter = new Counter('x_total', 'Things.');
    counter.inc({ channel: 'telegram', outcome: 'handled' });
    counter.inc({ outcome: 'handled', channel: 'telegram' }, 2); // label order does not matter
    counter.inc({ channel: 'wa"x\\' });
    expect(counter.render()).toEqual([
      '# HELP x_total Things.',
      '# TYPE x_total counter',
      'x_total{channel="telegram",outcome="handled"} 3',
      'x_total{channel="wa\\"x\\\\"} 1',
    ]);
    const histogram = new Histogram('t_seconds', 'Time.', [0.1, 1]);
    histogram.observe({ route: 'a' }, 0.05);
    histogram.observe({ route: 'a' }, 0.5);
    histogram.observe({ route: 'a' }, 3);
    expect(histogram.render().slice(2)).toEqual([
      't_seconds_bucket{route="a",le="0.1"} 1',
      't_seconds_bucket{route="a",le="1"} 2',
      't_seconds_bucket{route="a",le="+Inf"} 3',
      't_seconds_sum{route="a"} 3.55',
      't_seconds_count{route="a"} 3',
    ]);
  });

  it('every line of the exposition is a comment or `name{labels} value`', () => {
    const metrics = createMetrics();
    metrics.updates.inc({ channel: 'telegram', outcome: 'handled' });
    metrics.updateSeconds.observe({ channel: 'telegram' }, 0.012);
    const text = renderMetrics(metrics, [
      { name: 'g', help: 'G.', values: [{ labels: { s: 'x' }, value: 2 }] },
    ]);
    for (const line of text.trimEnd().split('\n'))
      expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|[a-z_]+(\{[^}]*\})? [-+\d.eInf]+)$/);
    expect(text).toContain('g{s="x"} 2');
  });

  it('counts sends and failed sends by kind, passing results and errors through', async () => {
    const metrics = createMetrics();
    const registry = new ObservedSenderRegistry(metrics);
    const outcomes: Array<() => Promise<{ platformMessageId: string }>> = [
      async () => ({ platformMessageId: '1' }),
      async () => {
        throw new SendError({ kind: 'blocked' }, 'blocked');
      },
      async () => {
        throw new Error('network');
      },
    ];
    registry.add({ channel: 'telegram', send: () => outcomes.shift()!() });
    const sender = registry.get('telegram')!;
    const message: Outbound = { type: 'text', text: 'x' };
    expect(await sender.send('1', message)).toEqual({ platformMessageId: '1' });
    await expect(sender.send('1', message)).rejects.toBeInstanceOf(SendError);
    await expect(sender.send('1', message)).rejects.toThrow('network');
    expect(metrics.sends.get({ channel: 'telegram' })).toBe(1);
    expect(metrics.sendErrors.get({ channel: 'telegram', kind: 'blocked' })).toBe(1);
    expect(metrics.sendErrors.get({ channel: 'telegram', kind: 'transient' })).toBe(1);
  });

  it('labels paths by route group, never by the path itself', () => {
    expect(routeGroup('/webhooks/telegram')).toBe('/webhooks/telegram');
    expect(routeGroup('/api/v1/programmes/abc-123')).toBe('/api/v1');
    expect(routeGroup('/admin')).toBe('/admin');
    expect(routeGroup('/readyz')).toBe('/readyz');
    expect(routeGroup('/api/v10')).toBe('other');
    expect(routeGroup('/wp-login.php')).toBe('other');
  });
});

describe('request ids', () => {
  it("honours a caller's id that looks like one, else Cloudflare's ray, else a new one", () => {
    expect(requestIdFor(new Headers({ 'X-Request-Id': 'abc-123' }))).toBe('abc-123');
    expect(requestIdFor(new Headers({ 'cf-ray': '8f1e2d3c4b5a6978-SIN' }))).toBe('8f1e2d3c4b5a6978-SIN');
    const fresh = requestIdFor(new Headers({ 'X-Request-Id': 'has spaces and <b>' }));
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor(new Headers({ 'X-Request-Id': 'x'.repeat(200) }))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is visible to code running for the request, across awaits, and only there', async () => {
    expect(currentRequestId()).toBeUndefined();
    const seen = await withRequestId('r-1', async () => {
      await new Promise((r) => setTimeout(r, 5));
      return currentRequestId();
    });
    expect(seen).toBe('r-1');
    expect(currentRequestId()).toBeUndefined();
  });
});

describe('lifecycle and readiness', () => {
  it('drain waits for the requests in flight, or gives up at the timeout', async () => {
    const lifecycle = new Lifecycle();
    expect(await lifecycle.drain(10)).toBe(true);
    const busy = new Lifecycle();
    busy.enter();
    busy.enter();
    setTimeout(() => busy.leave(), 20);
    setTimeout(() => busy.leave(), 40);
    const started = Date.now();
    expect(await busy.drain(2_000)).toBe(true);
    expect(busy.draining).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(30);
    const stuck = new Lifecycle();
    stuck.enter();
    expect(await stuck.drain(30)).toBe(false);
  });

  it('is ready only when every check passes; a throwing or hanging check fails', async () => {
    const ok = await new Readiness().add('a', () => ({ ok: true, status: 'up' })).report();
    expect(ok).toEqual({ ok: true, checks: { a: { ok: true, status: 'up' } } });
    const report = await new Readiness()
      .add('a', () => ({ ok: true, status: 'up' }))
      .add('b', () => {
        throw new Error('no');
      })
      .add('c', () => new Promise(() => {}))
      .report(30);
    expect(report).toEqual({
      ok: false,
      checks: {
        a: { ok: true, status: 'up' },
        b: { ok: false, status: 'down' },
        c: { ok: false, status: 'timeout' },
      },
    });
  });

  it('asked about traffic only, leaves out the checks that do not decide it', async () => {
    const readiness = new Readiness()
      .add('database', () => ({ ok: true, status: 'up' }))
      .add('socket', () => ({ ok: false, status: 'waiting', reason: 'not open for 6 min' }), {
        traffic: false,
      });
    expect((await readiness.report()).ok).toBe(false);
    expect(await readiness.report(2_000, { trafficOnly: true })).toEqual({
      ok: true,
      checks: { database: { ok: true, status: 'up' } },
    });
  });
});

describe('Workers platform pieces', () => {
  it('drainFor drains until the outbox is empty or the time is up', async () => {
    const batches = [50, 50, 7, 0, 50];
    const dispatcher = { drainOnce: async () => batches.shift() ?? 0 };
    expect(await drainFor(dispatcher, 10_000)).toBe(107);
    expect(batches).toEqual([50]); // stopped at the empty batch
    let calls = 0;
    const slow = {
      drainOnce: async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 20));
        return 50;
      },
    };
    expect(await drainFor(slow, 50)).toBe(calls * 50);
    expect(calls).toBeLessThanOrEqual(4);
  });

  it('reads only string variables from the Worker environment', () => {
    expect(stringVars({ A: 'x', HYPERDRIVE: { connectionString: 'postgres://' }, N: 3 })).toEqual({ A: 'x' });
  });

  it('keeps documents in R2, deleting a prefix page by page', async () => {
    const objects = new Map<string, Uint8Array>();
    const bucket: R2Bucket = {
      put: async (key, value) => void objects.set(key, value),
      get: async (key) => {
        const value = objects.get(key);
        return value ? { arrayBuffer: async () => value.slice().buffer } : null;
      },
      delete: async (keys) => {
        for (const key of Array.isArray(keys) ? keys : [keys]) objects.delete(key);
      },
      list: async ({ prefix = '', cursor } = {}) => {
        const all = [...objects.keys()].filter((k) => k.startsWith(prefix)).sort();
        const start = cursor ? Number(cursor) : 0;
        const page = all.slice(start, start + 2);
        const truncated = start + 2 < all.length;
        return {
          objects: page.map((key) => ({ key })),
          truncated,
          ...(truncated ? { cursor: String(start + 2) } : {}),
        };
      },
    };
    const storage = new R2Storage(bucket);
    for (const name of ['a.jpg', 'b.jpg', 'c.pdf', 'd.pdf', 'e.png'])
      await storage.put(`app1/${name}`, new Uint8Array([1, 2, 3]), 'image/jpeg');
    await storage.put('app2/ktp.jpg', new Uint8Array([9]), 'image/jpeg');
    expect(await storage.get('app1/c.pdf')).toEqual(new Uint8Array([1, 2, 3]));
    expect(await storage.get('app1/none.pdf')).toBeUndefined();
    await storage.deletePrefix('app1/');
    expect([...objects.keys()]).toEqual(['app2/ktp.jpg']);
    await expect(storage.put('../escape', new Uint8Array(), 'x')).rejects.toThrow('unsafe');
    await expect(new NoStorage().put()).rejects.toThrow('R2');
  });
});

describe('configuration for operations', () => {
  const base = { TELEGRAM_BOT_TOKEN: '123456:abc', TELEGRAM_WEBHOOK_SECRET: 's' };
  it('reads TELEGRAM_BOT_INFO as getMe JSON, and refuses JSON of another bot or not JSON', () => {
    const info = { id: 123456, is_bot: true, first_name: 'J', username: 'jb', can_join_groups: false };
    expect(loadConfig({ ...base, TELEGRAM_BOT_INFO: JSON.stringify(info) }).TELEGRAM_BOT_INFO).toEqual(info);
    expect(() => loadConfig({ ...base, TELEGRAM_BOT_INFO: '{id: 1' })).toThrow(
      /TELEGRAM_BOT_INFO: must be the JSON/,
    );
    expect(() => loadConfig({ ...base, TELEGRAM_BOT_INFO: JSON.stringify({ ...info, id: 999 }) })).toThrow(
      /another bot/,
    );
    expect(() => loadConfig({ ...base, TELEGRAM_BOT_INFO: '{"id":123456}' })).toThrow(/TELEGRAM_BOT_INFO/);
  });

  it('has defaults for shutdown and the cron drain, and a token-shaped METRICS_TOKEN', () => {
    const config = loadConfig({});
    expect(config.SHUTDOWN_TIMEOUT_MS).toBe(25_000);
    expect(config.OUTBOX_DRAIN_SECONDS).toBe(50);
    expect(config.METRICS_TOKEN).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'abc_DEF-123' }).METRICS_TOKEN).toBe('abc_DEF-123');
    expect(() => loadConfig({ METRICS_TOKEN: 'has space' })).toThrow(/METRICS_TOKEN/);
  });
});
