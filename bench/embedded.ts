// The embedded path (issue #15): `npm run chat`'s answers on PGlite — the terminal's own code path
// (engine.handle, then deliver to the simulator's sender), one person typing after another, as people
// testing the bot locally do. Targets: p50 ≤ 100 ms, p99 ≤ 300 ms per answer.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulatorSender } from '../src/channels/simulator/sender';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { silentLogger } from '../src/logger';
import { deliver } from '../src/outbox/delivery';
import { createRuntime, prepareData } from '../src/runtime';
import type { InboundPayload } from '../src/shared/conversation';
import { ms, summarise } from './stats';

const PEOPLE = Number(process.env.BENCH_EMBEDDED_PEOPLE ?? 20);

/** What a person types: menu numbers, commands, questions and searches in everyday Indonesian. */
const SCRIPT = [
  '/start',
  '1',
  'menu',
  '2',
  'pelatihan menjahit di surabaya',
  'ada magang gratis buat lulusan sma?',
  'menu',
  '3',
  'bantuan',
  'kursus komputer kediri',
  'berapa lama pelatihannya?',
  '/menu',
];

export async function benchEmbedded(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jembatan-bench-embedded-'));
  const database = await openDatabase({ pgliteDir: join(dir, 'db') });
  try {
    const config = loadConfig({ PGLITE_DIR: join(dir, 'db') });
    await prepareData(database, silentLogger, { staffOrganisation: config.DEFAULT_ORGANISATION });
    let printed = 0;
    const runtime = createRuntime({
      config,
      database,
      logger: silentLogger,
      senders: [new SimulatorSender(() => void printed++)],
    });
    const answer = async (person: string, payload: InboundPayload) => {
      const started = performance.now();
      const result = await runtime.engine.handle({
        channel: 'simulator',
        eventId: randomUUID(),
        user: { externalId: person, displayName: person, languageCode: 'id' },
        payload,
      });
      await deliver(result.deliveries, { db: runtime.db, senders: runtime.senders, logger: silentLogger });
      return performance.now() - started;
    };
    // Warm-up: one person through the script (the first search loads the lexicons, say).
    for (const text of SCRIPT) await answer('warmup', { type: 'text', text });
    const took: number[] = [];
    for (let i = 0; i < PEOPLE; i++)
      for (const text of SCRIPT) took.push(await answer(`orang-${i}`, { type: 'text', text }));
    await runtime.shutdown();
    const s = summarise(took);
    console.log(`\n## Embedded path (terminal chat on PGlite, ${PEOPLE} people × ${SCRIPT.length} messages)`);
    console.log(
      `per answer: p50 ${ms(s.p50)} (target ≤ 100 ms) ${s.p50 <= 100 ? '✓' : '✗ not met'}   ` +
        `p99 ${ms(s.p99)} (target ≤ 300 ms) ${s.p99 <= 300 ? '✓' : '✗ not met'}   max ${ms(s.max)}   ` +
        `(${s.n} answers, ${printed} messages printed)`,
    );
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
