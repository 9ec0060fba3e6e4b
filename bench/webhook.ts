// Webhook throughput and latency (issue #15): 50 concurrent Telegram users navigating the menu, real
// Postgres, replies going to a local Bot API stand-in — Jembatan's server and a bare handler doing only
// the essential work (bench/bare-server.ts), measured in the same run so the goal does not depend on
// the machine. Targets: Jembatan ≥ 0.5× the bare handler's updates/s, p99 ≤ 3× the bare handler's p99.
// BENCH_ROUNDS=2 alternates bare/Jembatan twice (the machine's load drifts; each figure is the sum or
// the worst over the rounds). BENCH_PROFILE=DIR writes CPU profiles of both servers there (DIR/bare, DIR/jembatan).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Update } from 'grammy/types';
import { BotApiStandIn } from '../tests/helpers/bot-api';
import { buttonsOf, callbackUpdate, textUpdate } from '../tests/helpers/telegram';
import { nodeArgs } from './compiled';
import { backendPids, cpuMs } from './cpu';
import { freshPostgres } from './postgres';
import { ms, summarise } from './stats';
import { webhookQueries } from './webhook-queries';

const SECRET = 'bench_secret';
const SENDERS = 50;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const WARMUP_MS = 2000;
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
/** Server processes sharing the database (BENCH_PROCESSES=2: two processes, senders spread over them). */
const PROCESSES = Math.max(1, Number(process.env.BENCH_PROCESSES ?? 1));

export interface LoadResult {
  count: number;
  seconds: number;
  latencies: number[];
  replies: number;
  logLines: number;
  /** CPU per update (ms) of the server processes and of their Postgres backends. */
  serverCpu: number;
  postgresCpu: number;
}

export async function benchWebhook(): Promise<void> {
  // BENCH_WEBHOOK=sql: only the SQL count per update (quick, independent of the machine's load).
  if (process.env.BENCH_WEBHOOK !== 'sql') await webhookLoad();
  await webhookQueries();
}

async function webhookLoad(): Promise<void> {
  const totals = { bare: [] as LoadResult[], real: [] as LoadResult[] };
  for (let round = 0; round < ROUNDS; round++) {
    const profile = process.env.BENCH_PROFILE;
    totals.bare.push(
      await underLoad('bench/bare-server.ts', 'jembatan_bench_bare', profile && `${profile}/bare`),
    );
    totals.real.push(
      await underLoad('bench/webhook-server.ts', 'jembatan_bench_webhook', profile && `${profile}/jembatan`),
    );
  }
  const figures = (results: LoadResult[]) => {
    const count = results.reduce((n, r) => n + r.count, 0);
    const seconds = results.reduce((n, r) => n + r.seconds, 0);
    return {
      rate: count / seconds,
      s: summarise(results.flatMap((r) => r.latencies)),
      replies: results.reduce((n, r) => n + r.replies, 0),
      logLines: results.reduce((n, r) => n + r.logLines, 0),
      serverCpu: results.reduce((n, r) => n + r.serverCpu * r.count, 0) / count,
      postgresCpu: results.reduce((n, r) => n + r.postgresCpu * r.count, 0) / count,
    };
  };
  const bare = figures(totals.bare);
  const real = figures(totals.real);
  const shape = PROCESSES > 1 ? `, ${PROCESSES} server processes` : '';
  const rounds = ROUNDS > 1 ? `, ${ROUNDS} alternating rounds of ${DURATION_MS / 1000} s` : '';
  console.log(`\n## Telegram webhook (menu navigation, real Postgres, 50 concurrent users${shape}${rounds})`);
  for (const [name, f] of [
    ['bare handler', bare],
    ['Jembatan', real],
  ] as const) {
    console.log(
      `${name.padEnd(12)} ${f.rate.toFixed(0).padStart(5)} updates/s   p50 ${ms(f.s.p50)}   p95 ${ms(f.s.p95)}   ` +
        `p99 ${ms(f.s.p99)}   max ${ms(f.s.max)}   CPU/update: server ${f.serverCpu.toFixed(2)} ms, ` +
        `Postgres ${f.postgresCpu.toFixed(2)} ms`,
    );
  }
  const ratio = real.rate / bare.rate;
  const p99Ratio = real.s.p99 / bare.s.p99;
  console.log(
    `throughput: Jembatan ${ratio.toFixed(2)}× the bare handler   (target ≥ 0.50×) ${mark(ratio >= 0.5)}`,
  );
  console.log(
    `p99: Jembatan ${p99Ratio.toFixed(2)}× the bare handler's (${ms(real.s.p99)} vs ${ms(bare.s.p99)}; ` +
      `target ≤ 3×, ${ms(3 * bare.s.p99)}) ${mark(p99Ratio <= 3)}`,
  );
  console.log(
    `CPU per update: Jembatan's server ${(real.serverCpu / bare.serverCpu).toFixed(2)}× the bare handler's ` +
      `(~${Math.round(1000 / real.serverCpu)} updates/s per fully used core); ` +
      `its Postgres ${(real.postgresCpu / bare.postgresCpu).toFixed(2)}×`,
  );
  console.log(`replies received by the Bot API stand-in: bare ${bare.replies}, Jembatan ${real.replies}`);
  // Warnings cost CPU (and mean something went wrong): a clean run logs nothing at LOG_LEVEL=warn.
  console.log(`Jembatan's server log lines (warn and above): ${real.logLines}`);
}

const mark = (ok: boolean) => (ok ? '✓' : '✗ not met');

/**
 * 50 senders against the server `entry` (compiled, in child processes) on a fresh database: each sends
 * /start once, then alternates the menu's "Pengaturan" button (a callback) and "/menu".
 */
export async function underLoad(entry: string, database: string, profileDir?: string): Promise<LoadResult> {
  const db = await freshPostgres(database);
  const api = await new BotApiStandIn().start();
  api.keepCalls = false;
  const base = 3900 + Math.floor(Math.random() * 80);
  let logLines = 0;
  const args = await nodeArgs(entry, profileDir);
  const children = Array.from({ length: PROCESSES }, (_, n) => startServer(base + n));
  await Promise.all(children.map((c) => c.ready));

  function startServer(port: number) {
    const child = spawn(process.execPath, args, {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        PORT: String(port),
        TELEGRAM_BOT_TOKEN: '1:bench',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_API_ROOT: api.url,
        // warn: a clean run logs nothing; BENCH_LOG_LEVEL=info measures with the access log on.
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout! });
    const ready = new Promise<void>((resolve, reject) => {
      let shown = 0;
      lines.on('line', (line) => {
        if (line === 'ready') resolve();
        else {
          logLines++;
          if (shown++ < 3) console.log('[server]', line.slice(0, 400));
        }
      });
      child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    return { child, ready, url: `http://127.0.0.1:${port}/webhooks/telegram` };
  }

  const post = async (update: Update, url: string) => {
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
      body: JSON.stringify(update),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    return performance.now() - started;
  };

  const latencies: number[] = [];
  let measuring = false;
  let stop = false;
  let count = 0;
  const sender = async (i: number) => {
    const person = { id: 500_000 + i, firstName: `User${i}` };
    api.capture(person.id);
    const url = children[i % children.length]!.url;
    await post(textUpdate(person, '/start'), url);
    while (!stop) {
      const menu = api.lastTo(person.id);
      const settings = menu ? buttonsOf(menu.body).find((b) => b.text.includes('Pengaturan')) : undefined;
      const update = settings ? callbackUpdate(person, settings.data) : textUpdate(person, '/menu');
      const took = await post(update, url);
      if (measuring) {
        latencies.push(took);
        count++;
      }
      const again = await post(textUpdate(person, '/menu'), url);
      if (measuring) {
        latencies.push(again);
        count++;
      }
    }
  };
  const running = Array.from({ length: SENDERS }, (_, i) => sender(i));
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  // CPU used per update by the server processes and by their Postgres backends: unlike updates/s, this
  // barely depends on what else the machine is doing, so it gives capacity on dedicated cores.
  const backends = await backendPids(db.url);
  const serverPids = children.map((c) => c.child.pid!);
  const cpuBefore = [cpuMs(serverPids), cpuMs(backends)];
  measuring = true;
  const started = performance.now();
  await new Promise((r) => setTimeout(r, DURATION_MS));
  measuring = false;
  const elapsed = performance.now() - started;
  const serverCpu = (cpuMs(serverPids) - cpuBefore[0]!) / count;
  const postgresCpu = (cpuMs(backends) - cpuBefore[1]!) / count;
  stop = true;
  await Promise.all(running);
  const replies = api.count('sendMessage');

  for (const { child } of children) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  await api.stop();
  await db.drop();
  return { count, seconds: elapsed / 1000, latencies, replies, logLines, serverCpu, postgresCpu };
}
