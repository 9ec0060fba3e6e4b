// CPU time per webhook request in workerd (issue #15, point 7): the Worker under `wrangler dev`
// (tests/workers/wrangler-dev.ts) on the machine's Postgres through the Hyperdrive binding's local
// connection string, replies to a local Bot API stand-in. 10 people navigate the menu as in the webhook
// section (a button, then /menu) after a warm-up; the figure is the CPU used by the processes of
// wrangler's process group over the measured updates, divided by their number: workerd (the Worker
// and wrangler's proxy in front of it) apart from wrangler's own Node process. Production's Workers
// bill only the Worker's own CPU, so workerd's figure is an upper bound for it. BENCH_ONLY=workerd.
import { readdirSync, readFileSync } from 'node:fs';
import type { Update } from 'grammy/types';
import { openDatabase } from '../src/db/client';
import { BotApiStandIn } from '../tests/helpers/bot-api';
import { buttonsOf, callbackUpdate, textUpdate } from '../tests/helpers/telegram';
import { startWorkerDev } from '../tests/workers/wrangler-dev';
import { backendPids, cpuMs } from './cpu';
import { freshPostgres } from './postgres';
import { ms, summarise } from './stats';

const SECRET = 'bench_secret';
const PEOPLE = Number(process.env.BENCH_WORKERD_PEOPLE ?? 10);
const UPDATES = Number(process.env.BENCH_WORKERD_UPDATES ?? 400);
const BOT_INFO = { id: 1, is_bot: true, first_name: 'Bench', username: 'bench_bot' };

/** Processes in the process group `pgid`, with their command names (Linux /proc). */
function group(pgid: number): Array<{ pid: number; name: string }> {
  const found: Array<{ pid: number; name: string }> = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) found.push({ pid: Number(entry), name });
    } catch {}
  }
  return found;
}

export async function benchWorkerd(): Promise<void> {
  const db = await freshPostgres('jembatan_bench_workerd');
  const migrated = await openDatabase({ databaseUrl: db.url, pgliteDir: '', maxConnections: 2 });
  await migrated.close();
  const api = await new BotApiStandIn().start();
  api.keepCalls = false;
  let dev: Awaited<ReturnType<typeof startWorkerDev>>;
  try {
    dev = await startWorkerDev({
      databaseUrl: db.url,
      timeoutMs: 180_000,
      vars: {
        NODE_ENV: 'development',
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
        TELEGRAM_BOT_TOKEN: '1:bench',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_API_ROOT: api.url,
        TELEGRAM_BOT_INFO: JSON.stringify(BOT_INFO),
        TELEGRAM_SEND_TIMEOUT_MS: '5000',
      },
    });
  } catch (error) {
    // Said, not thrown: the other sections' figures still count where workerd cannot run.
    console.log(
      `\n## The Worker in workerd: wrangler dev could not start here (${(error as Error).message.split('\n')[0]})`,
    );
    await api.stop();
    await db.drop();
    return;
  }
  try {
    const post = async (update: Update) => {
      const started = performance.now();
      const res = await fetch(`${dev.url}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
        body: JSON.stringify(update),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`the Worker answered ${res.status}`);
      return performance.now() - started;
    };
    let measuring = false;
    let remaining = 0;
    const latencies: number[] = [];
    const person = async (i: number, updates: number) => {
      const who = { id: 600_000 + i, firstName: `Worker${i}` };
      api.capture(who.id);
      for (let n = 0; n < updates; n++) {
        const menu = api.lastTo(who.id);
        const settings = menu ? buttonsOf(menu.body).find((b) => b.text.includes('Pengaturan')) : undefined;
        const update =
          n === 0
            ? textUpdate(who, '/start')
            : settings && n % 2
              ? callbackUpdate(who, settings.data)
              : textUpdate(who, '/menu');
        const took = await post(update);
        if (measuring && remaining-- > 0) latencies.push(took);
      }
    };
    // Warm-up: the isolate, its runtime, the connections, the prepared statements.
    await Promise.all(Array.from({ length: PEOPLE }, (_, i) => person(i, 6)));
    const processes = group(dev.pid);
    const workerd = processes.filter((p) => p.name.startsWith('workerd')).map((p) => p.pid);
    const others = processes.filter((p) => !p.name.startsWith('workerd')).map((p) => p.pid);
    const backends = await backendPids(db.url);
    const before = [cpuMs(workerd), cpuMs(others), cpuMs(backends)];
    measuring = true;
    remaining = UPDATES;
    const started = performance.now();
    await Promise.all(Array.from({ length: PEOPLE }, (_, i) => person(i, Math.ceil(UPDATES / PEOPLE) + 1)));
    const seconds = (performance.now() - started) / 1000;
    const count = latencies.length;
    const [workerdCpu, wranglerCpu, postgresCpu] = [cpuMs(workerd), cpuMs(others), cpuMs(backends)].map(
      (after, i) => (after - before[i]!) / count,
    );
    const s = summarise(latencies);
    console.log(
      `\n## The Worker in workerd (wrangler dev, Postgres through Hyperdrive's local string, ${PEOPLE} people)`,
    );
    console.log(
      `${count} updates in ${seconds.toFixed(1)} s (${(count / seconds).toFixed(0)}/s)   p50 ${ms(s.p50)}   p99 ${ms(s.p99)}`,
    );
    // Locally each request opens its own Postgres connection (Workers share no socket between requests;
    // in production Hyperdrive pools them), so its backend has ended before it could be measured.
    const pg = postgresCpu! > 0 ? `, Postgres ${postgresCpu!.toFixed(2)} ms` : '';
    console.log(
      `CPU per webhook request: workerd ${workerdCpu!.toFixed(2)} ms (the Worker and wrangler's proxy; an upper bound ` +
        `for the Worker's own), wrangler's Node process ${wranglerCpu!.toFixed(2)} ms${pg}`,
    );
    console.log(`replies received by the Bot API stand-in: ${api.count('sendMessage')}`);
  } finally {
    await dev.stop();
    await api.stop();
    await db.drop();
  }
}
