// Webhook throughput and latency: 50 concurrent Telegram users navigating the menu, real Postgres,
// replies going to a local Bot API stand-in. Target (issue #2): ≥ 800 updates/s, p99 ≤ 100 ms.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Update } from 'grammy/types';
import postgres from 'postgres';
import { BotApiStandIn } from '../tests/helpers/bot-api';
import { buttonsOf, callbackUpdate, textUpdate } from '../tests/helpers/telegram';
import { freshPostgres } from './postgres';
import { ms, summarise } from './stats';

const SECRET = 'bench_secret';
const SENDERS = 50;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const WARMUP_MS = 2000;
/** Server processes sharing the database (BENCH_PROCESSES=2: two processes, senders spread over them). */
const PROCESSES = Math.max(1, Number(process.env.BENCH_PROCESSES ?? 1));
let serverLogLines = 0;

export async function benchWebhook(): Promise<void> {
  const db = await freshPostgres('jembatan_bench_webhook');
  const api = await new BotApiStandIn().start();
  api.keepCalls = false;
  const base = 3900 + Math.floor(Math.random() * 80);
  const children = Array.from({ length: PROCESSES }, (_, n) => startServer(base + n));
  await Promise.all(children.map((c) => c.ready));

  function startServer(port: number) {
    const child = spawn(
      process.execPath,
      [
        ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
        '--import',
        'tsx',
        'bench/webhook-server.ts',
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: db.url,
          PORT: String(port),
          TELEGRAM_BOT_TOKEN: '1:bench',
          TELEGRAM_WEBHOOK_SECRET: SECRET,
          TELEGRAM_API_ROOT: api.url,
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const lines = createInterface({ input: child.stdout! });
    const ready = new Promise<void>((resolve, reject) => {
      let shown = 0;
      serverLogLines = 0;
      lines.on('line', (line) => {
        if (line === 'ready') resolve();
        else {
          serverLogLines++;
          if (shown++ < 3) console.log('[server]', line.slice(0, 400));
        }
      });
      child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    return { child, ready, url: `http://127.0.0.1:${port}/webhooks/telegram` };
  }

  const post = async (update: Update, url = children[0]!.url) => {
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

  // Each sender: /start once, then alternates "Pengaturan" (a callback) and "/menu".
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

  const s = summarise(latencies);
  const shape = PROCESSES > 1 ? `, ${PROCESSES} server processes` : '';
  console.log(`\n## Telegram webhook (menu navigation, real Postgres, 50 concurrent users${shape})`);
  console.log(`updates/s: ${(count / (elapsed / 1000)).toFixed(0)}   (target ≥ 800)`);
  console.log(
    `latency p50: ${ms(s.p50)}   p95: ${ms(s.p95)}   p99: ${ms(s.p99)}   max: ${ms(s.max)}   (target p99 ≤ 100 ms)`,
  );
  console.log(`replies received by the Bot API stand-in: ${api.count('sendMessage')}`);
  // Warnings cost CPU (and mean something went wrong): a clean run logs nothing at LOG_LEVEL=warn.
  console.log(`server log lines (warn and above): ${serverLogLines}`);
  if (serverCpu > 0)
    console.log(
      `CPU per update: server ${serverCpu.toFixed(2)} ms, Postgres ${postgresCpu.toFixed(2)} ms ` +
        `→ ~${Math.round(1000 / serverCpu)} updates/s per fully used core for the server`,
    );

  for (const { child } of children) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  await api.stop();
  await db.drop();
}

/** User + system CPU time of processes, in ms (Linux /proc; 0 elsewhere or for processes gone). */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** The Postgres backends serving the benchmark's database (the servers' connection pools). */
async function backendPids(url: string): Promise<number[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const rows = await sql<{ pid: number }[]>`
    select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
  await sql.end();
  return rows.map((r) => r.pid);
}
