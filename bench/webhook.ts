// Webhook throughput and latency: 50 concurrent Telegram users navigating the menu, real Postgres,
// replies going to a local Bot API stand-in. Target (issue #2): ≥ 800 updates/s, p99 ≤ 100 ms.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Update } from 'grammy/types';
import { BotApiStandIn } from '../tests/helpers/bot-api';
import { buttonsOf, callbackUpdate, textUpdate } from '../tests/helpers/telegram';
import { freshPostgres } from './postgres';
import { ms, summarise } from './stats';

const SECRET = 'bench_secret';
const SENDERS = 50;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const WARMUP_MS = 2000;

export async function benchWebhook(): Promise<void> {
  const db = await freshPostgres('jembatan_bench_webhook');
  const api = await new BotApiStandIn().start();
  api.keepCalls = false;
  const port = 3900 + Math.floor(Math.random() * 90);
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
  await new Promise<void>((resolve, reject) => {
    let shown = 0;
    lines.on('line', (line) => {
      if (line === 'ready') resolve();
      else if (shown++ < 3) console.log('[server]', line.slice(0, 400));
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });

  const url = `http://127.0.0.1:${port}/webhooks/telegram`;
  const post = async (update: Update) => {
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
    await post(textUpdate(person, '/start'));
    while (!stop) {
      const menu = api.lastTo(person.id);
      const settings = menu ? buttonsOf(menu.body).find((b) => b.text.includes('Pengaturan')) : undefined;
      const update = settings ? callbackUpdate(person, settings.data) : textUpdate(person, '/menu');
      const took = await post(update);
      if (measuring) {
        latencies.push(took);
        count++;
      }
      const again = await post(textUpdate(person, '/menu'));
      if (measuring) {
        latencies.push(again);
        count++;
      }
    }
  };
  const running = Array.from({ length: SENDERS }, (_, i) => sender(i));
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  measuring = true;
  const started = performance.now();
  await new Promise((r) => setTimeout(r, DURATION_MS));
  measuring = false;
  const elapsed = performance.now() - started;
  stop = true;
  await Promise.all(running);

  const s = summarise(latencies);
  console.log('\n## Telegram webhook (menu navigation, real Postgres, 50 concurrent users)');
  console.log(`updates/s: ${(count / (elapsed / 1000)).toFixed(0)}   (target ≥ 800)`);
  console.log(
    `latency p50: ${ms(s.p50)}   p95: ${ms(s.p95)}   p99: ${ms(s.p99)}   max: ${ms(s.max)}   (target p99 ≤ 100 ms)`,
  );
  console.log(`replies received by the Bot API stand-in: ${api.count('sendMessage')}`);

  child.kill('SIGTERM');
  await once(child, 'exit');
  await api.stop();
  await db.drop();
}
