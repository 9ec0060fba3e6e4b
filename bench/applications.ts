// Applications (issue #5). Two parts, both on the real Postgres:
//  1. A full application through the Telegram webhook — card, Daftar, consent, profile, name, NIK,
//     contact, email, address, major, a KTP photo and a PDF ijazah (downloaded from a local Bot API
//     stand-in through getFile), review, Kirim — by 50 people at once. The server runs in a child
//     process (bench/webhook-server.ts), as in the webhook benchmark. Target: every step p99 ≤ 150 ms.
//  2. The last-seat race, run in-process on the services: two people submit at the same moment for
//     a programme's last seat, 1,000 times. Target: 0 over-bookings.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { eq, sql } from 'drizzle-orm';
import type { Update } from 'grammy/types';
import { submitApplication } from '../src/applications/status';
import { importProgrammes } from '../src/catalogue';
import { openDatabase } from '../src/db/client';
import { applications, programmeSeats, programmes, users } from '../src/db/schema';
import { BotApiStandIn } from '../tests/helpers/bot-api';
import { programme } from '../tests/helpers/catalogue';
import { buttonsOf, callbackUpdate, messageUpdate, textUpdate } from '../tests/helpers/telegram';
import { applicationQueries } from './application-queries';
import { nodeArgs } from './compiled';
import { backendPids, cpuMs } from './cpu';
import { freshPostgres } from './postgres';
import { ms, summarise } from './stats';

const SECRET = 'bench_secret';
const PEOPLE = Number(process.env.BENCH_APPLICANTS ?? 50);
const RACES = Number(process.env.BENCH_RACES ?? 1000);
/**
 * BENCH_THINK_MS=N: each applicant pauses 0.5–1.5 × N ms before each measured step, as a person reads
 * the question and types (default 0: a closed loop, every applicant answering the moment the previous
 * answer arrives, where a step's latency is mostly its queue behind the 49 others' CPU).
 */
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 0);

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(60_000).fill(7)]);
const PDF = new TextEncoder().encode(`%PDF-1.4\n${'0'.repeat(120_000)}\n%%EOF\n`);

const CATALOGUE = [
  programme('bench-magang', {
    kind: 'magang',
    title: { id: 'Magang Benchmark' },
    seats: { total: 10_000, women: 3_000 },
    eligibility: { age: { min: 18, max: 35 }, education: { min: 'SMP' } },
    application: { mode: 'in_chat', documents: ['ktp', 'ijazah'], organisation: 'kopri-pb-pmii' },
  }),
  programme('bench-race', { title: { id: 'Rebutan Kursi Terakhir' }, seats: { total: 1 } }),
];

export async function benchApplications(): Promise<void> {
  const pg = await freshPostgres('jembatan_bench_applications');
  const uploads = mkdtempSync(join(tmpdir(), 'jembatan-bench-uploads-'));
  const database = await openDatabase({ databaseUrl: pg.url, pgliteDir: '', maxConnections: 12 });
  try {
    const imported = await importProgrammes(database.db, JSON.stringify(CATALOGUE), { strict: true });
    if (imported.invalid) throw new Error('bench catalogue invalid');
    // BENCH_APPLICATIONS=sql: only the SQL count per step (quick, and independent of the machine's load);
    // =form: the form and the SQL count, without the last-seat race.
    const part = process.env.BENCH_APPLICATIONS;
    if (part !== 'sql') await fullApplications(pg.url, uploads);
    await applicationQueries(pg.url, uploads, 9_000);
    if (part !== 'sql' && part !== 'form') await lastSeatRace(database.db);
  } finally {
    await database.close();
    await pg.drop();
    rmSync(uploads, { recursive: true, force: true });
  }
}

/** A name without digits (names with digits are refused): 0 → "Aa", 27 → "Bb". */
function nameOf(i: number): string {
  return `${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}`;
}

async function fullApplications(url: string, uploads: string): Promise<void> {
  const api = await new BotApiStandIn().start();
  // BENCH_DEBUG=1 keeps every call, to print what a stuck applicant was told.
  api.keepCalls = process.env.BENCH_DEBUG === '1';
  const port = 3990 + Math.floor(Math.random() * 9);
  const profile = process.env.BENCH_PROFILE ? '/tmp/prof-applications' : undefined;
  // The server compiled, as `npm start` runs it (bench/compiled.ts).
  const child = spawn(process.execPath, await nodeArgs('bench/webhook-server.ts', profile), {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      TELEGRAM_BOT_TOKEN: '1:bench',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: api.url,
      UPLOADS_DIR: uploads,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      // BENCH_LOG_LEVEL=info: the server's log lines too (e.g. sends that outlived the webhook's wait).
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  await new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'ready') resolve();
      else console.log('[server]', line.slice(0, 300));
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });

  try {
    await runApplicants(api, port, url, child.pid!);
  } finally {
    // Also on failure: never leave the server behind.
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
    await api.stop();
  }
}

async function runApplicants(api: BotApiStandIn, port: number, url: string, pid: number): Promise<void> {
  const endpoint = `http://127.0.0.1:${port}/webhooks/telegram`;
  const post = async (update: Update) => {
    const started = performance.now();
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
      body: JSON.stringify(update),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    return performance.now() - started;
  };

  const perStep = new Map<string, number[]>();
  const record = (step: string, took: number) => {
    const list = perStep.get(step) ?? [];
    list.push(took);
    perStep.set(step, list);
  };
  let completed = 0;

  let measuring = false;
  const think = () =>
    measuring && THINK_MS > 0
      ? new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())))
      : undefined;
  const applicantRun = async (i: number) => {
    await fillForm(api, i, async (name, update) => {
      await think();
      const took = await post(update);
      if (measuring) record(name, took);
    });
    if (measuring) completed++;
  };

  // Warm-up (not measured): JIT, prepared statements, connection pool, as a running server would be.
  await Promise.all(Array.from({ length: 10 }, (_, i) => applicantRun(5_000 + i)));
  const backends = await backendPids(url);
  const cpuBefore = [cpuMs([pid]), cpuMs(backends)];
  measuring = true;
  const started = performance.now();
  await Promise.all(Array.from({ length: PEOPLE }, (_, i) => applicantRun(i)));
  const elapsed = performance.now() - started;
  const steps = [...perStep.values()].reduce((n, list) => n + list.length, 0);
  const serverCpu = (cpuMs([pid]) - cpuBefore[0]!) / steps;
  const postgresCpu = (cpuMs(backends) - cpuBefore[1]!) / steps;

  const pace =
    THINK_MS > 0 ? `, each pausing 0.5–1.5 × ${THINK_MS} ms before a step` : ', no pause between steps';
  console.log(
    `\n## Applications: full form through the webhook, ${PEOPLE} people at once${pace} (real Postgres)`,
  );
  console.log(
    `completed: ${completed}/${PEOPLE} in ${(elapsed / 1000).toFixed(1)} s   (target: every step p99 ≤ 150 ms)`,
  );
  const all: number[] = [];
  for (const [name, samples] of perStep) {
    const s = summarise(samples);
    all.push(...samples);
    const flag = s.p99 > 150 ? '  ⚠ over target' : '';
    console.log(
      `  ${name.padEnd(34)} n=${String(s.n).padStart(3)}  p50 ${ms(s.p50).padStart(10)}  p99 ${ms(s.p99).padStart(10)}${flag}`,
    );
  }
  const total = summarise(all);
  console.log(
    `  ${'all steps'.padEnd(34)} n=${String(total.n).padStart(3)}  p50 ${ms(total.p50).padStart(10)}  p99 ${ms(total.p99).padStart(10)}`,
  );
  console.log(`  files downloaded from the stand-in: ${api.fileDownloads}`);
  console.log(
    `  CPU per step: server ${serverCpu.toFixed(2)} ms, Postgres ${postgresCpu.toFixed(2)} ms (less noisy than latency on a shared machine)`,
  );
}

/** What each of the form's questions says (fillForm answers by these). */
const QUESTIONS = [
  'Dokumen 1 dari 2',
  'Dokumen 2 dari 2',
  'Apakah kamu setuju',
  'tanggal lahirmu',
  'jenis kelaminmu',
  'kabupaten/kota mana',
  'pendidikan terakhir',
  'Tahun berapa kamu lulus',
  'nama lengkapmu',
  'Berapa NIK-mu',
  'Nomor HP/WhatsApp',
  'Alamat email',
  'Alamat tempat tinggalmu',
  'jurusanmu',
  'Periksa lagi lamaranmu',
];

/**
 * One applicant (number i) through the whole form, from the programme's card to Kirim: reads each
 * question from the stand-in and answers it through `step` (which posts the update).
 */
export async function fillForm(
  api: BotApiStandIn,
  i: number,
  post: (name: string, update: Update) => Promise<void>,
): Promise<void> {
  const person = { id: 700_000 + i, firstName: `Peserta${i}` };
  const female = i % 2 === 0;
  const nik = `3578${String(i % 100).padStart(2, '0')}${String(14 + (female ? 40 : 0))}0301${String(i + 1).padStart(4, '0')}`;
  api.capture(person.id);
  api.addFile(`ktp-${i}`, JPEG, `photos/ktp-${i}.jpg`);
  api.addFile(`ijazah-${i}`, PDF, `documents/ijazah-${i}.pdf`);
  const last = () => {
    const call = api.lastTo(person.id);
    return { text: String(call?.body.text ?? ''), buttons: call ? buttonsOf(call.body) : [] };
  };
  // On a busy machine the webhook may answer before its replies reach the stand-in (a send past its
  // budget goes on in the background), and a step may have more than one reply (a welcome, then the
  // card): wait for a reply after each step, and for the next question to be what is last.
  const delivered = () => api.deliveredTo.get(String(person.id)) ?? 0;
  const waitFor = async (ready: () => boolean) => {
    const until = performance.now() + 15_000;
    while (!ready() && performance.now() < until) await new Promise((r) => setTimeout(r, 5));
  };
  const step = async (name: string, update: Update) => {
    const before = delivered();
    await post(name, update);
    await waitFor(() => delivered() > before);
  };
  const press = async (label: string) => {
    await waitFor(() => last().buttons.some((b) => b.text === label));
    const button = last().buttons.find((b) => b.text === label);
    if (!button) throw new Error(`no button ${label} in "${last().text.slice(0, 80)}"`);
    return callbackUpdate(person, button.data);
  };
  await step('card (/start p_…)', textUpdate(person, '/start p_bench-magang'));
  await step('Daftar', await press('📝 Daftar'));
  for (let turn = 0; turn < 30; turn++) {
    await waitFor(() => QUESTIONS.some((q) => last().text.includes(q)));
    const text = last().text;
    // Document prompts first: the ijazah hint mentions "pendidikan terakhir".
    if (text.includes('Dokumen 1 dari 2'))
      await step(
        'KTP photo (getFile + download)',
        messageUpdate(person, {
          photo: [
            {
              file_id: `ktp-${i}`,
              file_unique_id: `k${i}`,
              width: 800,
              height: 500,
              file_size: JPEG.length,
            },
          ],
        }),
      );
    else if (text.includes('Dokumen 2 dari 2'))
      await step(
        'ijazah PDF (getFile + download)',
        messageUpdate(person, {
          document: {
            file_id: `ijazah-${i}`,
            file_unique_id: `i${i}`,
            file_name: 'ijazah.pdf',
            mime_type: 'application/pdf',
            file_size: PDF.length,
          },
        }),
      );
    else if (text.includes('Apakah kamu setuju')) await step('consent', await press('✅ Setuju'));
    else if (text.includes('tanggal lahirmu')) await step('birth date', textUpdate(person, '14-03-2001'));
    else if (text.includes('jenis kelaminmu'))
      await step('gender', textUpdate(person, female ? 'perempuan' : 'laki-laki'));
    else if (text.includes('kabupaten/kota mana'))
      await step('domicile', textUpdate(person, 'Kota Surabaya'));
    else if (text.includes('pendidikan terakhir')) await step('education', textUpdate(person, 'SMK'));
    else if (text.includes('Tahun berapa kamu lulus'))
      await step('graduation year', textUpdate(person, '2019'));
    else if (text.includes('nama lengkapmu'))
      await step('full name', textUpdate(person, `Peserta ${nameOf(i)}`));
    else if (text.includes('Berapa NIK-mu')) await step('NIK', textUpdate(person, nik));
    else if (text.includes('Nomor HP/WhatsApp'))
      await step(
        'phone (contact)',
        messageUpdate(person, {
          contact: { phone_number: `62812${String(10_000_000 + i)}`, first_name: 'P', user_id: person.id },
        }),
      );
    else if (text.includes('Alamat email')) await step('email (skip)', await press('Lewati'));
    else if (text.includes('Alamat tempat tinggalmu'))
      await step('address', textUpdate(person, `Jl. Benchmark No. ${i} RT 01/RW 02, Surabaya`));
    else if (text.includes('jurusanmu')) await step('major', textUpdate(person, 'Teknik Pengelasan'));
    else if (text.includes('Periksa lagi lamaranmu')) {
      await step('Kirim (seat + reference)', await press('✅ Kirim lamaran'));
      return;
    } else throw new Error(`unexpected question: ${text.slice(0, 120)}`);
  }
  if (api.keepCalls) console.log(api.texts(person.id).slice(-6));
  throw new Error(`the form did not end: ${last().text.slice(0, 300)}`);
}

async function lastSeatRace(db: Awaited<ReturnType<typeof openDatabase>>['db']): Promise<void> {
  const [race] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.slug, 'bench-race'));
  const people = await db
    .insert(users)
    .values([{ locale: 'id' }, { locale: 'id' }])
    .returning({ id: users.id });
  let overBooked = 0;
  let nobody = 0;
  const times: number[] = [];
  for (let round = 0; round < RACES; round++) {
    await db.delete(applications).where(eq(applications.programmeId, race!.id));
    await db.delete(programmeSeats).where(eq(programmeSeats.programmeId, race!.id));
    const drafts = await db
      .insert(applications)
      .values(people.map((p) => ({ userId: p.id, programmeId: race!.id })))
      .returning({ id: applications.id });
    const started = performance.now();
    const results = await Promise.all(
      drafts.map((d, i) =>
        db.transaction((tx) =>
          submitApplication(tx, {
            applicationId: d.id,
            programmeId: race!.id,
            applicant: {},
            stats: { gender: i ? 'perempuan' : 'laki_laki' },
          }),
        ),
      ),
    );
    times.push(performance.now() - started);
    const seated = results.filter((r) => r.status === 'diajukan').length;
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(applications)
      .where(sql`${applications.programmeId} = ${race!.id} and ${applications.seat} is not null`);
    if (seated > 1 || Number(row?.n) > 1) overBooked++;
    if (seated === 0) nobody++;
  }
  const s = summarise(times);
  console.log(
    `\n## Applications: the last-seat race, ${RACES} rounds of 2 concurrent submissions (real Postgres)`,
  );
  console.log(`over-bookings: ${overBooked}   (target 0)   rounds where nobody got the seat: ${nobody}`);
  console.log(`race round p50: ${ms(s.p50)}   p99: ${ms(s.p99)}`);
}

// `npx tsx bench/applications.ts` runs this section alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  await benchApplications();
  process.exit(0);
}
