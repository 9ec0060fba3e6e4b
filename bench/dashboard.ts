import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { rowsOf } from '../src/db/rows';
import { silentLogger } from '../src/logger';
import { createRuntime } from '../src/runtime';
import { AdminClient, createStaff } from '../tests/helpers/admin';
import { loadCatalogue, programme } from '../tests/helpers/catalogue';
import { freshPostgres } from './postgres';
import { ms, summarise } from './stats';

/*
 * The staff dashboard on a busy organisation (real Postgres): 5,000 people who asked for staff (1,000
 * still waiting), 20 messages each (100,000 rows in the message log, plus everyone else's), one staff
 * member working the inbox. Each page is requested the way a browser does (cookie, full HTML), one at a
 * time; the figures are server time per page, with the live fragments polled every few seconds by
 * every open browser. The same people hold 20,000 applications to the organisation's four programmes,
 * for the applicant list, its filters, a detail page and the full CSV export.
 */

const ORG = 'kopri-pb-pmii';
const PEOPLE = 5_000;
const WAITING = 1_000;
const MESSAGES_EACH = 20;
const ROUNDS = 60;
const PROGRAMMES = ['las', 'menjahit', 'tik', 'tata_boga'] as const;
const STATUSES = ['diajukan', 'diverifikasi', 'seleksi', 'wawancara', 'diterima', 'ditolak', 'cadangan'];
const EXPORT_ROUNDS = 8;

export async function benchDashboard(): Promise<void> {
  const pg = await freshPostgres('jembatan_bench_dashboard');
  const database = await openDatabase({ databaseUrl: pg.url, pgliteDir: '' });
  const runtime = createRuntime({ config: loadConfig({}), database, logger: silentLogger });
  const db = database.db;
  try {
    await createStaff(db, { organisation: ORG, email: 'rina@kopri.or.id', name: 'Rina' });
    const t0 = performance.now();
    // People, their Telegram identities, their handoffs and their messages, written set-wise.
    await db.execute(sql`
      insert into users (display_name) select 'Peserta ' || g from generate_series(1, ${PEOPLE}) g`);
    await db.execute(sql`
      insert into identities (user_id, channel, external_id, address)
      select id, 'telegram', (800000000 + row_number() over ())::text, (800000000 + row_number() over ())::text
      from users`);
    await db.execute(sql`
      insert into handoffs (user_id, organisation, status, reason, created_at, closed_at)
      select u.id, ${ORG}, case when n <= ${WAITING} then 'waiting' else 'closed' end, 'asked',
        now() - (n || ' minutes')::interval, case when n <= ${WAITING} then null else now() end
      from (select id, row_number() over () as n from users) u`);
    await db.execute(sql`
      insert into messages (user_id, identity_id, channel, direction, origin, body, status, created_at)
      select i.user_id, i.id, 'telegram', case when m % 2 = 0 then 'in' else 'out' end, 'bot',
        jsonb_build_object('type', 'text', 'text', 'Pesan nomor ' || m || ': ada magang ke jepang gak kak?'),
        case when m % 2 = 0 then 'received' else 'sent' end, now() - ((${MESSAGES_EACH} - m) || ' seconds')::interval
      from identities i, generate_series(1, ${MESSAGES_EACH}) m`);
    await loadCatalogue(
      db,
      PROGRAMMES.map((field) =>
        programme(`bench-${field.replace('_', '-')}`, {
          field,
          seats: { total: 2_000, women: 800 },
          application: { mode: 'in_chat', documents: ['ktp'], organisation: ORG },
        }),
      ),
    );
    await db.execute(sql`
      insert into applications (reference, user_id, programme_id, status, full_name, phone, gender,
        education_level, province, age_at_submission, channel, submitted_at, created_at, status_details)
      select 'JMB-2026-' || lpad((row_number() over ())::text, 6, '0'), u.id, p.id,
        (${sql.raw(`array['${STATUSES.join("','")}']`)})[1 + (abs(hashtext(u.id::text || p.id::text)) % ${STATUSES.length})],
        u.display_name, '+6281' || lpad((abs(hashtext(u.id::text)) % 100000000)::text, 9, '0'),
        case when abs(hashtext(u.id::text)) % 5 < 3 then 'perempuan' else 'laki_laki' end,
        'SMK', (array['35','32','33','31','34'])[1 + abs(hashtext(u.id::text)) % 5],
        18 + abs(hashtext(u.id::text)) % 12, 'telegram',
        now() - (abs(hashtext(u.id::text || p.id::text)) % 60 || ' days')::interval, now(),
        jsonb_build_object('reason', 'Catatan uji')
      from users u, programmes p where p.organisation = ${ORG}`);
    await db.execute(sql`analyze`);
    const seeded = performance.now() - t0;
    const [sample] = rowsOf<{ id: string }>(
      await db.execute(sql`select id from handoffs where status = 'waiting' order by created_at limit 1`),
    );
    const [application] = rowsOf<{ id: string; n: number }>(
      await db.execute(
        sql`select id, (select count(*)::int from applications) as n from applications limit 1`,
      ),
    );

    const staff = new AdminClient(runtime.app);
    const login = await staff.login('rina@kopri.or.id');
    if (login.status !== 303) throw new Error(`login failed: ${login.status}`);

    const pages: [string, string, Record<string, string>?][] = [
      ['inbox: waiting list, first page', '/admin/inbox'],
      ['inbox: closed', '/admin/inbox?tab=closed'],
      ['inbox: queue fragment (polled)', '/admin/inbox/queue?tab=waiting', { 'x-requested-with': 'fetch' }],
      ['conversation page', `/admin/inbox/${sample!.id}`],
      [
        'conversation log fragment (polled)',
        `/admin/inbox/${sample!.id}/log`,
        { 'x-requested-with': 'fetch' },
      ],
      ['targets overview (funnel, breakdowns)', '/admin/targets'],
      ['applicants: list, first page', '/admin/applicants'],
      [
        'applicants: women, diajukan, Jawa Timur',
        '/admin/applicants?gender=perempuan&status=diajukan&province=35',
      ],
      ['applicant detail', `/admin/applicants/${application!.id}`],
    ];
    console.log(
      `\n## Staff dashboard (real Postgres; ${PEOPLE.toLocaleString('en')} handoffs, ${WAITING.toLocaleString('en')} waiting, ` +
        `${(PEOPLE * MESSAGES_EACH).toLocaleString('en')} messages; seeded in ${(seeded / 1000).toFixed(1)} s)`,
    );
    for (const [label, path, headers] of pages) {
      const samples: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const start = performance.now();
        const res = await staff.get(path, headers);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        samples.push(performance.now() - start);
      }
      const s = summarise(samples.slice(5)); // the first requests warm the caches
      console.log(`  ${label.padEnd(40)} p50 ${ms(s.p50).padStart(10)}  p95 ${ms(s.p95).padStart(10)}`);
    }
    // The whole export, as one download: time, size, and what it adds to the process's memory.
    const exportSamples: number[] = [];
    let bytes = 0;
    let peakRss = 0;
    const rssBefore = process.memoryUsage().rss;
    for (let i = 0; i < EXPORT_ROUNDS; i++) {
      const start = performance.now();
      const res = await staff.get('/admin/applicants/export.csv');
      bytes = (await res.arrayBuffer()).byteLength;
      if (res.status !== 200) throw new Error(`export: ${res.status}`);
      exportSamples.push(performance.now() - start);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    const e = summarise(exportSamples.slice(1));
    console.log(
      `  ${`CSV export, all ${application!.n.toLocaleString('en')} applications`.padEnd(40)} p50 ${ms(e.p50).padStart(10)}  p95 ${ms(e.p95).padStart(10)}` +
        `  (${(bytes / 1024 / 1024).toFixed(1)} MiB; RSS +${Math.max(0, (peakRss - rssBefore) / 1024 / 1024).toFixed(0)} MiB)`,
    );
  } finally {
    await runtime.shutdown();
    await database.close();
    await pg.drop();
  }
}
