// Outbound webhooks across real server processes on one Postgres (issue #19): a server killed with
// SIGKILL while it delivers (the receiver has the request, no answer yet), and events committed while
// no server runs, lose nothing — the next server takes the endpoint once the dead one's lease ends and
// delivers every event, in order, with the same event ids.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/rows';
import { createOrganisation } from '../../src/organisations/service';
import { fieldCipherFromConfig } from '../../src/privacy/keyring';
import { createEndpoint } from '../../src/webhooks/endpoints';
import { emitBuilt } from '../../src/webhooks/events';
import { WebhookReceiver } from '../helpers/webhook-receiver';
import { postgresOnly, type SharedDatabase, sharedDatabase } from './postgres';
import { ServerProcess } from './processes';

const enabled = postgresOnly('scale/webhooks');
const KEY = randomBytes(32).toString('base64');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 45_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe.skipIf(!enabled)('webhooks survive a killed server', () => {
  let shared: SharedDatabase;
  let receiver: WebhookReceiver;
  const servers: ServerProcess[] = [];
  const env = () => ({
    DATABASE_URL: shared.url,
    DATA_ENCRYPTION_KEY: KEY,
    // A short timeout makes the lease short (3 × timeout + 5 s = 8 s): the test waits that out once.
    WEBHOOK_TIMEOUT_MS: '1000',
    LOG_LEVEL: 'warn',
    SHUTDOWN_TIMEOUT_MS: '2000',
  });

  beforeAll(async () => {
    shared = await sharedDatabase('jembatan_wh');
    receiver = await new WebhookReceiver().start();
  }, 60_000);
  afterAll(async () => {
    for (const server of servers) await server.stop('SIGKILL');
    await receiver?.stop();
    await shared?.drop();
  });

  it('kill -9 between commit and delivery loses nothing; the next server delivers all, in order', async () => {
    const db = shared.database.db;
    const organisation = await createOrganisation(db, { name: 'LPK Tahan Banting', slug: 'lpk-tahan' });
    const { secret } = await createEndpoint(
      db,
      fieldCipherFromConfig({ DATA_ENCRYPTION_KEY: KEY }),
      organisation.id,
      { url: `${receiver.url}/hook`, events: ['target.reached'] },
      { production: false },
    );
    receiver.secret('/hook', secret);
    // The first request gets no answer before the server dies (it is mid-delivery); later ones 200.
    receiver.answer('/hook', (_r, n) => (n === 1 ? { status: 200, delayMs: 600_000 } : { status: 200 }));
    const emit = (n: number) =>
      db.transaction((tx) =>
        emitBuilt(tx, {
          type: 'target.reached',
          organisationId: organisation.id,
          data: { target: { id: `t${n}`, name: `Target ${n}` } },
        }),
      );

    const a = await ServerProcess.start('webhooks-a', env());
    servers.push(a);
    await emit(1);
    await emit(2);
    await until('the first delivery to be in flight', () => receiver.received.length >= 1);
    expect(await a.stop('SIGKILL')).toBeNull();
    // Committed while no server runs at all.
    await emit(3);

    const b = await ServerProcess.start('webhooks-b', env());
    servers.push(b);
    const accepted = () => receiver.verified('/hook').slice(1);
    await until('every event delivered by the second server', () => accepted().length >= 3);
    await sleep(1_500);
    const names = accepted().map((r) => (r.payload!.data.target as { name: string }).name);
    expect(names).toEqual(['Target 1', 'Target 2', 'Target 3']);
    // The interrupted attempt and its retry carry the same event id.
    expect(receiver.verified('/hook')[0]!.headers['webhook-id']).toBe(accepted()[0]!.headers['webhook-id']);
    const rows = rowsOf<{ status: string; n: number | string }>(
      await db.execute(sql`select status, count(*) as n from webhook_deliveries group by status`),
    );
    expect(rows.map((r) => `${r.status}:${r.n}`)).toEqual(['delivered:3']);
    await b.stop();
  }, 120_000);
});
