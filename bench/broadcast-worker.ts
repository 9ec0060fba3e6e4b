// Child process of the broadcast benchmark: one outbox dispatcher on Postgres, sending to the Bot API
// stand-in of the parent (so the parent can kill -9 it mid-broadcast and start another).
import { Bot } from 'grammy';
import '../src/channels';
import { broadcastGate } from '../src/broadcasts/gate';
import { TelegramSender } from '../src/channels/telegram/sender';
import { openDatabase } from '../src/db/client';
import { createLogger } from '../src/logger';
import { OutboxCoordinator } from '../src/outbox/coordination';
import { Dispatcher } from '../src/outbox/dispatcher';
import { SenderRegistry } from '../src/outbox/sender';
import { parseQuietHours } from '../src/shared/jakarta-time';

const env = process.env;
const database = await openDatabase({
  databaseUrl: env.DATABASE_URL!,
  pgliteDir: '',
  maxConnections: 8,
  migrate: false,
});
const db = database.db;
const bot = new Bot(env.TELEGRAM_BOT_TOKEN ?? '1:bench', { client: { apiRoot: env.TELEGRAM_API_ROOT! } });
const telegram = new TelegramSender(bot.api);
const { monitorEventLoopDelay } = await import('node:perf_hooks');
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const sendTimes: number[] = [];
const senders = new SenderRegistry().add(
  env.BENCH_DEBUG
    ? {
        channel: 'telegram',
        send: (address, message, signal) => {
          sendTimes.push(performance.now());
          return telegram.send(address, message, signal);
        },
      }
    : telegram,
);
const dispatcher = new Dispatcher({
  db,
  senders,
  logger: createLogger('warn'),
  rates: { telegram: Number(env.RATE ?? 25) },
  concurrency: Number(env.CONCURRENCY ?? 16),
  batchSize: Number(env.BATCH ?? 200),
  leaseMs: Number(env.LEASE_MS ?? 30_000),
  idleMs: 200,
  gate: broadcastGate(db, parseQuietHours('21-7')),
  coordination: new OutboxCoordinator(db),
});
dispatcher.start();
process.stdout.write('ready\n');
process.on('SIGTERM', async () => {
  await dispatcher.stop();
  if (env.BENCH_DEBUG) {
    const gaps = sendTimes.slice(1).map((t, i) => t - sendTimes[i]!);
    const big = gaps.map((g, i) => [i, g] as const).filter(([, g]) => g > 45);
    process.stdout.write(
      `event loop delay p50 ${(loop.percentile(50) / 1e6).toFixed(1)} p99 ${(loop.percentile(99) / 1e6).toFixed(1)} max ${(loop.max / 1e6).toFixed(1)} ms\n`,
    );
    process.stdout.write(`child gaps > 45 ms: ${big.map(([i, g]) => `${i}:${g.toFixed(0)}`).join(' ')}\n`);
  }
  await database.close();
  process.exit(0);
});
