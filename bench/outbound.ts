// Outbound webhooks (issue #19) on the real Postgres: the real server (src/index.ts, its dispatcher loop)
// delivers events committed by this process to a local receiver that verifies every signature with the
// `standardwebhooks` package. Paced: 10,000 events at 600/s over 20 organisations' endpoints — events/s
// delivered and latency from commit to receipt (targets ≥ 500 events/s, p95 ≤ 2 s). Backlog: 5,000
// events committed while delivery is held back, then let go — how fast the dispatcher drains them. BENCH_ONLY=outbound runs it alone;
// BENCH_ALONGSIDE=webhook runs the Telegram webhook bench at the same time.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { type Database, openDatabase } from '../src/db/client';
import { rowsOf } from '../src/db/rows';
import { createOrganisation } from '../src/organisations/service';
import { fieldCipherFromConfig } from '../src/privacy/keyring';
import { createEndpoint } from '../src/webhooks/endpoints';
import { emitBuilt } from '../src/webhooks/events';
import { freshPostgres } from './postgres';
import { ms, summarise } from './stats';
import { benchWebhook } from './webhook';

const EVENTS = Number(process.env.BENCH_HOOK_EVENTS ?? 10_000);
const RATE = Number(process.env.BENCH_HOOK_RATE ?? 600);
const BACKLOG = Number(process.env.BENCH_HOOK_BACKLOG ?? 5_000);
const ENDPOINTS = Number(process.env.BENCH_HOOK_ENDPOINTS ?? 20);
/** Transactions in flight at once in this process (several "changes" committing side by side). */
const PRODUCERS = 8;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Receipt {
  at: number;
  verified: boolean;
}

/** The organisations' systems: one local server, one path per endpoint, every signature verified. */
class Receiver {
  readonly first = new Map<number, Receipt>();
  requests = 0;
  duplicates = 0;
  rejected = 0;
  private readonly verifiers = new Map<string, Webhook>();
  private server: Server | undefined;
  url = '';

  secret(path: string, secret: string): void {
    this.verifiers.set(path, new Webhook(secret));
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = performance.now();
        this.requests++;
        const body = Buffer.concat(chunks).toString('utf8');
        let seq: number | undefined;
        try {
          const payload = this.verifiers
            .get(req.url ?? '')!
            .verify(body, req.headers as Record<string, string>) as {
            data: { bench?: number };
          };
          seq = payload.data.bench;
        } catch {
          this.rejected++;
        }
        if (seq !== undefined) {
          if (this.first.has(seq)) this.duplicates++;
          else this.first.set(seq, { at, verified: true });
        }
        res.writeHead(200).end();
      });
    });
    this.server.keepAliveTimeout = 120_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

function startServer(env: Record<string, string>): {
  child: ChildProcess;
  url: string;
  logLines: () => number;
} {
  const port = 4100 + Math.floor(Math.random() * 400);
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof-outbound'] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/index.ts'], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let lines = 0;
  let shown = 0;
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim() || line.includes('no chat channel configured') || line.startsWith('To ')) continue;
      lines++;
      if (shown++ < 3) console.log('[server]', line.slice(0, 300));
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  return { child, url: `http://127.0.0.1:${port}`, logLines: () => lines };
}

async function ready(url: string, child: ChildProcess): Promise<void> {
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error('server exited while starting');
    const res = await fetch(`${url}/readyz`).catch(() => undefined);
    if (res?.status === 200) return;
    await sleep(200);
  }
  throw new Error('server not ready in 60 s');
}

/** Commits `count` events, one transaction each, at `rate` per second (0: as fast as it can). */
async function produce(
  database: Database,
  organisations: string[],
  from: number,
  count: number,
  rate: number,
  committed: Map<number, number>,
): Promise<number> {
  const started = performance.now();
  let next = from;
  await Promise.all(
    Array.from({ length: PRODUCERS }, async () => {
      for (let seq = next++; seq < from + count; seq = next++) {
        if (rate > 0) {
          const due = started + ((seq - from) * 1000) / rate;
          const wait = due - performance.now();
          if (wait > 1) await sleep(wait);
        }
        await database.db.transaction((tx) =>
          emitBuilt(tx, {
            type: 'target.reached',
            organisationId: organisations[seq % organisations.length]!,
            data: { bench: seq, target: { id: `bench-${seq}`, name: 'Angkatan uji' } },
          }),
        );
        committed.set(seq, performance.now());
      }
    }),
  );
  return performance.now() - started;
}

/** User + system CPU time of processes, in ms (Linux /proc; 0 elsewhere or for processes gone). */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks * 10;
}

/** The Postgres backends of the server's pool (not this process's). */
async function serverBackends(database: Database): Promise<number[]> {
  return rowsOf<{ pid: number }>(
    await database.db.execute(sql`
      select pid from pg_stat_activity where datname = current_database()
        and application_name = 'jembatan' and pid <> pg_backend_pid()`),
  ).map((r) => r.pid);
}

async function waitFor(receiver: Receiver, until: number, timeoutMs: number): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (receiver.first.size < until) {
    if (performance.now() > end) return false;
    await sleep(50);
  }
  return true;
}

function report(
  title: string,
  from: number,
  count: number,
  committed: Map<number, number>,
  receiver: Receiver,
): void {
  const latencies: number[] = [];
  let firstCommit = Number.POSITIVE_INFINITY;
  let lastReceipt = 0;
  for (let seq = from; seq < from + count; seq++) {
    const c = committed.get(seq);
    const r = receiver.first.get(seq);
    if (c === undefined || !r) continue;
    latencies.push(r.at - c);
    firstCommit = Math.min(firstCommit, c);
    lastReceipt = Math.max(lastReceipt, r.at);
  }
  const s = summarise(latencies);
  const seconds = (lastReceipt - firstCommit) / 1000;
  console.log(`\n### ${title}`);
  console.log(`delivered: ${latencies.length} of ${count} in ${seconds.toFixed(1)} s`);
  console.log(
    `events/s (first commit → last receipt): ${(latencies.length / seconds).toFixed(0)}   (target ≥ 500)`,
  );
  console.log(
    `commit → receipt p50: ${ms(s.p50)}   p95: ${ms(s.p95)}   p99: ${ms(s.p99)}   max: ${ms(s.max)}   (target p95 ≤ 2 s)`,
  );
}

export async function benchOutbound(): Promise<void> {
  const alongside = process.env.BENCH_ALONGSIDE === 'webhook' ? benchWebhook() : undefined;
  const db = await freshPostgres('jembatan_bench_outbound');
  const database = await openDatabase({ databaseUrl: db.url, pgliteDir: '', maxConnections: PRODUCERS + 2 });
  const key = randomBytes(32).toString('base64');
  const cipher = fieldCipherFromConfig({ DATA_ENCRYPTION_KEY: key });
  const receiver = await new Receiver().start();
  const organisations: string[] = [];
  for (let i = 0; i < ENDPOINTS; i++) {
    const org = await createOrganisation(database.db, { name: `LPK Bench ${i}`, slug: `lpk-bench-${i}` });
    const { secret } = await createEndpoint(
      database.db,
      cipher,
      org.id,
      { url: `${receiver.url}/o${i}`, events: ['target.reached'] },
      { production: false },
    );
    receiver.secret(`/o${i}`, secret);
    organisations.push(org.id);
  }
  const server = startServer({ DATABASE_URL: db.url, DATA_ENCRYPTION_KEY: key });
  await ready(server.url, server.child);

  const committed = new Map<number, number>();
  const pids = () => [server.child.pid!];
  const cpu = async () => ({
    server: cpuMs(pids()),
    postgres: cpuMs(await serverBackends(database)),
    bench: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  });
  const cpuBefore = await cpu();
  console.log(
    `\n## Outbound webhooks (real server's dispatcher, real Postgres, ${ENDPOINTS} endpoints on one local receiver that verifies every signature)`,
  );
  const producing = await produce(database, organisations, 0, EVENTS, RATE, committed);
  console.log(`committed ${EVENTS} events in ${(producing / 1000).toFixed(1)} s (offered ${RATE}/s)`);
  if (!(await waitFor(receiver, EVENTS, 120_000)))
    console.log('!! not every paced event arrived in 2 minutes');
  report(`paced: ${EVENTS} events at ${RATE}/s`, 0, EVENTS, committed, receiver);

  if (BACKLOG > 0) {
    // Held back (every endpoint backing off) while the backlog is committed, then let go at once: how
    // fast the dispatcher drains, apart from how fast this busy process can commit.
    await database.db.execute(sql`update webhook_endpoints set retry_at = now() + interval '1 hour'`);
    const burst = await produce(database, organisations, EVENTS, BACKLOG, 0, committed);
    console.log(`\ncommitted a backlog of ${BACKLOG} events in ${(burst / 1000).toFixed(1)} s, held back`);
    await database.db.execute(sql`update webhook_endpoints set retry_at = null`);
    const released = performance.now();
    if (!(await waitFor(receiver, EVENTS + BACKLOG, 120_000)))
      console.log('!! not every backlog event arrived in 2 minutes');
    let last = 0;
    for (let seq = EVENTS; seq < EVENTS + BACKLOG; seq++)
      last = Math.max(last, receiver.first.get(seq)?.at ?? 0);
    const seconds = (last - released) / 1000;
    console.log(`\n### backlog: ${BACKLOG} events let go at once`);
    console.log(
      `drained in ${seconds.toFixed(1)} s: ${(BACKLOG / seconds).toFixed(0)} events/s   (target ≥ 500)`,
    );
  }

  const cpuAfter = await cpu();
  const total = EVENTS + BACKLOG;
  console.log(
    `\nCPU per event: server ${((cpuAfter.server - cpuBefore.server) / total).toFixed(2)} ms, its Postgres backends ` +
      `${((cpuAfter.postgres - cpuBefore.postgres) / total).toFixed(2)} ms (backends alive at the end only), ` +
      `this process (producers + receiver) ${((cpuAfter.bench - cpuBefore.bench) / total).toFixed(2)} ms ` +
      `→ ~${Math.round((total / (cpuAfter.server - cpuBefore.server)) * 1000)} events/s per fully used core for the server`,
  );
  // The receiver can answer before the server marks the last batch: give it a moment.
  let left: { n: number | string } | undefined;
  for (let i = 0; i < 50; i++) {
    [left] = rowsOf<{ n: number | string }>(
      await database.db.execute(
        sql`select count(*) as n from webhook_deliveries where status <> 'delivered'`,
      ),
    );
    if (Number(left?.n ?? 0) === 0) break;
    await sleep(100);
  }
  console.log(
    `\nrequests: ${receiver.requests}, duplicates: ${receiver.duplicates}, signatures refused: ${receiver.rejected}, ` +
      `deliveries not marked delivered: ${Number(left?.n ?? 0)}, server log lines (warn and above): ${server.logLines()}`,
  );
  server.child.kill('SIGTERM');
  await once(server.child, 'exit');
  await receiver.stop();
  await database.close();
  await db.drop();
  await alongside;
}
