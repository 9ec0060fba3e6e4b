import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { rowsOf } from '../src/db/rows';
import { silentLogger } from '../src/logger';
import { createRuntime } from '../src/runtime';
import { AdminClient, createStaff } from '../tests/helpers/admin';
import { freshPostgres } from './postgres';
import { ms, summarise } from './stats';

/*
 * The staff dashboard on a busy organisation (real Postgres): 5,000 people who asked for staff (1,000
 * still waiting), 20 messages each (100,000 rows in the message log, plus everyone else's), one staff
 * member working the inbox. Each page is requested the way a browser does (cookie, full HTML), one at a
 * time; the figures are server time per page, with the live fragments polled every few seconds by
 * every open browser.
 */

const ORG = 'kopri-pb-pmii';
const PEOPLE = 5_000;
const WAITING = 1_000;
const MESSAGES_EACH = 20;
const ROUNDS = 60;

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
    await db.execute(sql`analyze`);
    const seeded = performance.now() - t0;
    const [sample] = rowsOf<{ id: string }>(
      await db.execute(sql`select id from handoffs where status = 'waiting' order by created_at limit 1`),
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
  } finally {
    await runtime.shutdown();
    await database.close();
    await pg.drop();
  }
}
