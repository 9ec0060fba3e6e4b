// Broadcasts (issue #7) on the real Postgres: enqueue 100,000 recipients (target ≤ 10 s); pacing against
// a Bot API stand-in that answers 429 above 30 msg/s (target ≥ 97 % of the limit, no 429 after the
// first, no duplicates); dispatcher throughput with the limit lifted (target ≥ 1,000 msg/s); kill -9
// of the dispatcher mid-broadcast and a restart (target: every recipient gets exactly one message).
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { type BroadcastSettings, createBroadcast, sendBroadcastNow } from '../src/broadcasts/service';
import { importProgrammes } from '../src/catalogue';
import { type Database, openDatabase } from '../src/db/client';
import { rowsOf } from '../src/db/rows';
import { createOrganisation } from '../src/organisations/service';
import { loadRegions } from '../src/regions';
import type { AudienceFilter } from '../src/shared/audience';
import { parseQuietHours } from '../src/shared/jakarta-time';
import { BotApiStandIn } from '../tests/helpers/bot-api';
import { programme } from '../tests/helpers/catalogue';
import { nodeArgs } from './compiled';
import { freshPostgres } from './postgres';
import { benchWebhook } from './webhook';

const PEOPLE = Number(process.env.BENCH_BROADCAST_PEOPLE ?? 100_000);
const PACED = Number(process.env.BENCH_PACED ?? 1_500);
const KILLED = Number(process.env.BENCH_KILLED ?? 600);
const FAST = Number(process.env.BENCH_FAST ?? 20_000);
const LIMIT = 30;
/** The dispatcher's configured pace against the 30/s stand-in: 2 % under the limit, for scheduling and network jitter. */
const PACE = Number(process.env.BENCH_PACE ?? 29.4);

/** Sections to run (all by default): enqueue,paced,pace,learn,throughput,kill. */
const SECTIONS = new Set(
  (process.env.BENCH_BROADCAST_SECTIONS ?? 'enqueue,paced,pace,learn,throughput,kill').split(','),
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** People: every one a woman in Jawa Timur, subscribed, of varied ages and schooling; regencies split the groups below. */
async function seedPeople(database: Database): Promise<void> {
  const uid = sql.raw(`md5('bench-' || g)::uuid`);
  const groups = sql.raw(`case when g < ${PACED} then '35.78' when g < ${PACED + KILLED} then '35.15'
    when g < ${PACED + KILLED + FAST} then '35.07' else '35.73' end`);
  await database.db.execute(
    sql`insert into users (id, locale) select ${uid}, 'id' from generate_series(0, ${PEOPLE - 1}) g`,
  );
  await database.db.execute(sql`
    insert into identities (user_id, channel, external_id, address)
    select ${uid}, 'telegram', (10000000 + g)::text, (10000000 + g)::text from generate_series(0, ${PEOPLE - 1}) g`);
  await database.db.execute(
    sql`insert into subscriptions (user_id) select ${uid} from generate_series(0, ${PEOPLE - 1}) g`,
  );
  await database.db.execute(sql`
    insert into profiles (user_id, data)
    select ${uid}, jsonb_build_object('gender', 'perempuan', 'domicileProvince', '35', 'domicileRegency', ${groups},
      'birthDate', to_char(date '1996-01-01' + (g % 4000), 'YYYY-MM-DD'),
      'education', jsonb_build_object('level', (array['SMP', 'SMA', 'SMA', 'D3', 'S1'])[1 + g % 5]))
    from generate_series(0, ${PEOPLE - 1}) g`);
  await database.db.execute(sql`analyze users, identities, subscriptions, profiles`);
}

async function enqueue(
  database: Database,
  org: { id: string; slug: string },
  settings: BroadcastSettings,
  audience: AudienceFilter,
): Promise<{ id: string; recipients: number; ms: number }> {
  const b = await createBroadcast(database.db, org, {
    name: 'bench',
    text: { id: 'Ada pelatihan perawat lansia gratis untuk perempuan di Jawa Timur!' },
    audience,
    programme: 'bench-perawat',
    urgent: true, // the benchmark runs at any hour
  });
  const started = performance.now();
  const sent = await sendBroadcastNow(database.db, settings, org, b.id);
  return { id: b.id, recipients: sent.recipients ?? 0, ms: performance.now() - started };
}

async function cancelRows(database: Database, id: string): Promise<void> {
  await database.db.execute(
    sql`update messages set status = 'cancelled' where broadcast_id = ${id} and status = 'pending'`,
  );
}

async function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const flags = process.env.BENCH_WORKER_FLAGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...flags, ...(await nodeArgs('bench/broadcast-worker.ts'))], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  await new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'ready') resolve();
      else if (!process.env.BENCH_QUIET_WORKER) console.log('[dispatcher]', line.slice(0, 300));
    });
    child.once('exit', (code) => reject(new Error(`dispatcher exited ${code}`)));
  });
  return child;
}

async function stopWorker(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await once(child, 'exit');
}

function delivered(api: BotApiStandIn, from: number, count: number) {
  let once = 0;
  let twice = 0;
  let missing = 0;
  for (let i = from; i < from + count; i++) {
    const n = api.deliveredTo.get(String(10_000_000 + i)) ?? 0;
    if (n === 1) once++;
    else if (n === 0) missing++;
    else twice++;
  }
  return { once, duplicates: twice, missing };
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) return false;
    await sleep(50);
  }
  return true;
}

export async function benchBroadcasts(): Promise<void> {
  loadRegions();
  const pg = await freshPostgres('jembatan_bench_broadcasts');
  const database = await openDatabase({ databaseUrl: pg.url, pgliteDir: '', maxConnections: 8 });
  const api = await new BotApiStandIn().start();
  api.keepCalls = false;
  const workers: ChildProcess[] = [];
  try {
    console.log(`\n## Broadcasts (real Postgres, ${PEOPLE.toLocaleString('en')} subscribed people)`);
    const org = await createOrganisation(database.db, { name: 'KOPRI PB PMII', slug: 'kopri-pb-pmii' });
    await importProgrammes(
      database.db,
      JSON.stringify([
        programme('bench-perawat', {
          location: { province: '35', regency: '35.78', mode: 'luring' },
          eligibility: {
            gender: 'perempuan',
            age: { min: 18, max: 26 },
            education: { min: 'SMA' },
            domicile: ['35'],
          },
        }),
      ]),
      { strict: true },
    );
    const started = performance.now();
    await seedPeople(database);
    console.log(`(seeded in ${((performance.now() - started) / 1000).toFixed(1)} s)`);

    const plan = (telegram: number): BroadcastSettings => ({
      rates: { telegram, whatsapp: 1, simulator: 1000 },
      quiet: parseQuietHours('21-7'),
      attributionDays: 7,
    });
    // 1. Enqueue: one INSERT … SELECT for the audience, planned at the channel's pace.
    if (SECTIONS.has('enqueue')) {
      const all = await enqueue(database, org, plan(25), { provinces: ['35'], gender: 'perempuan' });
      console.log(
        `enqueue ${all.recipients.toLocaleString('en')} recipients (women in Jawa Timur): ${(all.ms / 1000).toFixed(2)} s   (target ≤ 10 s)`,
      );
      await cancelRows(database, all.id);
      const eligible = await enqueue(database, org, plan(25), { eligible_for: 'bench-perawat' });
      console.log(
        `enqueue ${eligible.recipients.toLocaleString('en')} recipients "eligible for programme X" (rules engine over every profile): ${(eligible.ms / 1000).toFixed(2)} s`,
      );
      await cancelRows(database, eligible.id);
    }

    // 2. Pacing against a stand-in that answers 429 above 30 msg/s (any sliding second).
    const workerEnv = (rate: number, extra: Record<string, string> = {}) => ({
      DATABASE_URL: pg.url,
      TELEGRAM_API_ROOT: api.url,
      RATE: String(rate),
      ...extra,
    });
    let worker: ChildProcess;
    if (SECTIONS.has('paced')) {
      api.reset();
      api.keepCalls = false;
      api.rateLimit = { perSecond: LIMIT, retryAfter: 1 };
      const paced = await enqueue(database, org, plan(PACE), { regencies: ['35.78'] });
      worker = await startWorker(workerEnv(PACE));
      workers.push(worker);
      await waitFor(() => api.acceptedAt.length >= paced.recipients, 600_000);
      await stopWorker(worker);
      const at = api.acceptedAt;
      const rate = (at.length - 1) / ((at.at(-1)! - at[0]!) / 1000);
      const first429 = api.tooManyRequests[0];
      const after = first429 === undefined ? 0 : api.tooManyRequests.filter((t) => t > first429 + 1).length;
      const pacedCount = delivered(api, 0, PACED);
      console.log(
        `paced: ${paced.recipients} messages at ${rate.toFixed(2)} msg/s = ${((rate / LIMIT) * 100).toFixed(1)} % of the 30/s limit   (target ≥ 97 %)`,
      );
      if (process.env.BENCH_DEBUG) {
        const gaps = at.slice(1).map((t, i) => t - at[i]!);
        const big = gaps.map((g, i) => [i, g] as const).filter(([, g]) => g > 45);
        console.log(
          'gaps > 45 ms:',
          big.length,
          'lost ms:',
          big.reduce((a, [, g]) => a + g - 33.7, 0).toFixed(0),
          big
            .slice(0, 40)
            .map(([i, g]) => `${i}:${g.toFixed(0)}`)
            .join(' '),
        );
        const sorted = [...gaps].sort((a, b) => a - b);
        console.log(
          'interval p1/p50/p99:',
          sorted[Math.floor(sorted.length * 0.01)]?.toFixed(1),
          sorted[Math.floor(sorted.length / 2)]?.toFixed(1),
          sorted[Math.floor(sorted.length * 0.99)]?.toFixed(1),
        );
      }
      // How close the platform saw 31 messages come (under 1,000 ms would be a 429 at 30/s).
      let closest = Number.POSITIVE_INFINITY;
      for (let i = 0; i + LIMIT < at.length; i++) closest = Math.min(closest, at[i + LIMIT]! - at[i]!);
      console.log(
        `  closest ${LIMIT + 1} consecutive arrivals: ${closest.toFixed(1)} ms apart (configured pace ${PACE}/s)`,
      );
      console.log(
        `  429 answers: ${api.tooManyRequests.length} (after the first: ${after})   duplicates: ${pacedCount.duplicates}   missing: ${pacedCount.missing}   (targets: 0 after the first, 0, 0)`,
      );
    }

    // 2a. Issue #15: configured at N msg/s against a stand-in that allows N in any sliding second, while
    // the webhook bench runs beside it (always, as issue #15 asks, unless BENCH_ALONGSIDE=none;
    // BENCH_SECONDS=25 makes it last about as long). Targets: ≥ 97 % of N, never more than N in any
    // one-second window (both at the stand-in).
    if (SECTIONS.has('pace')) {
      const n = Number(process.env.BENCH_PACE_N ?? 25);
      // The stand-in in a process of its own (bench/pace-stand-in.ts), as Telegram is not in the load
      // generator's; BENCH_PACE_STAND_IN=here keeps it in this process, as before.
      const standIn = process.env.BENCH_PACE_STAND_IN === 'here' ? undefined : await paceStandIn(n);
      api.reset();
      api.keepCalls = false;
      api.rateLimit = { perSecond: n, retryAfter: 1 };
      const alongside = process.env.BENCH_ALONGSIDE === 'none' ? undefined : benchWebhook();
      const paced = await enqueue(database, org, plan(n), { regencies: ['35.78'] });
      worker = await startWorker({ ...workerEnv(n), ...(standIn ? { TELEGRAM_API_ROOT: standIn.url } : {}) });
      workers.push(worker);
      await waitFor(
        () => (standIn ? standIn.accepted() : api.acceptedAt.length) >= paced.recipients,
        600_000,
      );
      await stopWorker(worker);
      const counted = standIn ? await standIn.report() : api;
      const at = [...counted.acceptedAt];
      const rate = (at.length - 1) / ((at.at(-1)! - at[0]!) / 1000);
      let most = 0;
      for (let end = 0, start = 0; end < at.length; end++) {
        while (at[start]! <= at[end]! - 1000) start++;
        most = Math.max(most, end - start + 1);
      }
      const beside = alongside ? ' with the webhook bench running beside it' : '';
      console.log(
        `pace: ${paced.recipients} messages configured at ${n}/s${beside}: ${rate.toFixed(2)} msg/s = ` +
          `${((rate / n) * 100).toFixed(1)} % of ${n}   (target ≥ 97 %) ${rate >= 0.97 * n ? '✓' : '✗ not met'}`,
      );
      console.log(
        `  most in any one-second window at the stand-in: ${most}   (target ≤ ${n}) ${most <= n ? '✓' : '✗ not met'}` +
          `   429 answers: ${counted.tooManyRequests.length}` +
          (standIn ? '   (stand-in in its own process)' : '   (stand-in in the load generator)'),
      );
      await alongside;
    }

    // 2b. Configured above the platform's limit (32/s against 30/s): one 429 teaches the dispatcher.
    if (SECTIONS.has('learn')) {
      api.reset();
      api.keepCalls = false;
      api.rateLimit = { perSecond: LIMIT, retryAfter: 1 };
      const over = await enqueue(database, org, plan(32), { regencies: ['35.78'] });
      worker = await startWorker(workerEnv(32));
      workers.push(worker);
      await waitFor(() => api.acceptedAt.length >= over.recipients, 600_000);
      await stopWorker(worker);
      const at = api.acceptedAt;
      const first = api.tooManyRequests[0];
      const later = first === undefined ? 0 : api.tooManyRequests.filter((t) => t > first + 1).length;
      const afterFirst = first === undefined ? at : at.filter((t) => t > first + 1000);
      const steady = (afterFirst.length - 1) / ((afterFirst.at(-1)! - afterFirst[0]!) / 1000);
      const counted = delivered(api, 0, PACED);
      console.log(
        `configured at 32/s against the 30/s limit: 429 answers ${api.tooManyRequests.length} (after the first: ${later}); then ${steady.toFixed(2)} msg/s = ${((steady / LIMIT) * 100).toFixed(1)} % of the limit; duplicates ${counted.duplicates}, missing ${counted.missing}   (targets: 0 after the first, ≥ 97 %)`,
      );
    }

    // 3. Throughput with the limit lifted.
    if (SECTIONS.has('throughput')) {
      api.reset();
      api.keepCalls = false;
      const fast = await enqueue(database, org, plan(100_000), { regencies: ['35.07'] });
      worker = await startWorker(workerEnv(100_000, { CONCURRENCY: '64', BATCH: '1000' }));
      workers.push(worker);
      await waitFor(() => api.acceptedAt.length >= Math.min(500, fast.recipients), 60_000);
      const from = api.acceptedAt.length;
      const t0 = performance.now();
      await waitFor(() => api.acceptedAt.length >= fast.recipients, 600_000);
      const t1 = performance.now();
      await stopWorker(worker);
      const fastCount = delivered(api, PACED + KILLED, FAST);
      const throughput = (api.acceptedAt.length - from) / ((t1 - t0) / 1000);
      console.log(
        `dispatcher throughput, limit lifted: ${Math.round(throughput).toLocaleString('en')} msg/s over ${fast.recipients.toLocaleString('en')} messages (duplicates ${fastCount.duplicates}, missing ${fastCount.missing})   (target ≥ 1,000 msg/s)`,
      );
    }

    // 4. kill -9 mid-broadcast, restart, three times: every recipient exactly once.
    if (SECTIONS.has('kill')) {
      api.reset();
      api.keepCalls = false;
      api.rateLimit = { perSecond: LIMIT, retryAfter: 1 };
      const killed = await enqueue(database, org, plan(PACE), { regencies: ['35.15'] });
      const leaseEnv = { LEASE_MS: '5000' };
      let kills = 0;
      for (const share of [0.25, 0.5, 0.75]) {
        worker = await startWorker(workerEnv(PACE, leaseEnv));
        workers.push(worker);
        await waitFor(() => api.acceptedAt.length >= killed.recipients * share, 120_000);
        await sleep(Math.random() * 200);
        await stopWorker(worker, 'SIGKILL');
        kills++;
      }
      worker = await startWorker(workerEnv(PACE, leaseEnv));
      workers.push(worker);
      await waitFor(() => api.acceptedAt.length >= killed.recipients, 180_000);
      await sleep(6_000); // anything still leased by a killed process comes back and would show as a duplicate
      await stopWorker(worker);
      const killedCount = delivered(api, PACED, KILLED);
      const [left] = rowsOf<{ n: number | string }>(
        await database.db.execute(
          sql`select count(*) as n from messages where broadcast_id = ${killed.id} and status <> 'sent'`,
        ),
      );
      console.log(
        `kill -9 of the dispatcher ${kills}× mid-broadcast, then a restart: ${killedCount.once}/${killed.recipients} recipients got exactly one message, ${killedCount.duplicates} duplicates, ${killedCount.missing} missing, ${Number(left?.n ?? 0)} rows not marked sent   (target: all exactly once)`,
      );
    }
  } finally {
    for (const w of workers) await stopWorker(w, 'SIGKILL').catch(() => {});
    await api.stop();
    await database.close();
    await pg.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchBroadcasts();
  process.exit(0);
}

/** The pace section's Bot API stand-in in its own process (bench/pace-stand-in.ts). */
async function paceStandIn(perSecond: number) {
  const child = spawn(process.execPath, await nodeArgs('bench/pace-stand-in.ts'), {
    env: { ...process.env, PER_SECOND: String(perSecond) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let accepted = 0;
  let report: ((value: { acceptedAt: number[]; tooManyRequests: number[] }) => void) | undefined;
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line.startsWith('url ')) resolve(line.slice(4));
      else if (line.startsWith('accepted ')) accepted = Number(line.slice(9));
      else if (line.startsWith('{')) report?.(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`pace stand-in exited ${code}`)));
  });
  return {
    url,
    accepted: () => accepted,
    report: () =>
      new Promise<{ acceptedAt: number[]; tooManyRequests: number[] }>((resolve) => {
        report = resolve;
        child.stdin!.write('report\n');
      }),
  };
}
