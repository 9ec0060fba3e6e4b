import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities, users } from '../../src/db/schema';
import { call, organisation, person, type TestOrganisation } from '../api/helpers';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';

/*
 * Who a broadcast reaches: opted in, not stopped, reachable, once (on the channel used last), matching
 * the filters on the profile, and — with eligible_for — qualifying for the programme.
 */

let h: Harness;
let org: TestOrganisation;

function born(age: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - age);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 10);
}

const woman = (regency: string, age: number, level: string, extra: Record<string, unknown> = {}) => ({
  gender: 'perempuan',
  domicileProvince: regency.slice(0, 2),
  ...(regency.length > 2 ? { domicileRegency: regency } : {}),
  birthDate: born(age),
  education: { level },
  ...extra,
});

beforeAll(async () => {
  h = await startHarness({ API_RATE_BURST: '10000' });
  const db = h.runtime.db;
  org = await organisation(db, 'KOPRI PB PMII', 'kopri-pb-pmii');
  await loadCatalogue(db, [
    programme('las-jatim', {
      location: { province: '35', regency: '35.78', mode: 'luring' },
      eligibility: {
        gender: 'perempuan',
        age: { min: 18, max: 25 },
        education: { min: 'SMA' },
        domicile: ['35'],
      },
    }),
    programme('tik-daring', { field: 'tik', location: { mode: 'daring' } }),
  ]);
  let chat = 60_000;
  const add = (profile?: Record<string, unknown>, subscribed = true) =>
    person(db, chat++, { ...(profile ? { profile } : {}), subscribed });
  const ani = await add(
    woman('35.78', 22, 'SMA', {
      interests: { types: ['I'], fieldsRecommended: ['tik'], takenAt: '2026-01-01' },
    }),
  );
  const budi = await add({ ...woman('35.78', 22, 'SMA'), gender: 'laki_laki' });
  await add(woman('32.73', 22, 'SMA'));
  await add(woman('35', 40, 'S1'));
  await add(woman('35.15', 19, 'SMP'));
  await add(woman('35.78', 22, 'SMA'), false); // never opted in
  const gita = await add(woman('35.78', 22, 'SMA'));
  await db.update(users).set({ broadcastsStopped: true }).where(eq(users.id, gita.userId));
  const hana = await add(woman('35.78', 22, 'SMA'));
  await db.update(identities).set({ unreachable: true }).where(eq(identities.id, hana.identityId));
  // Indah is on two channels and wrote last on the simulator: counted once, there.
  const indah = await add(woman('35.78', 22, 'SMA'));
  await db
    .update(identities)
    .set({ lastSeenAt: new Date(Date.now() - 86_400_000) })
    .where(eq(identities.id, indah.identityId));
  await db
    .insert(identities)
    .values({ userId: indah.userId, channel: 'simulator', externalId: 'indah', address: 'indah' });
  await add(); // subscribed, no profile yet
  // Topics: Budi also follows "tik"; Jaka only magang; Kiki only TIK in Jawa Barat.
  await db.execute(sql`insert into subscriptions (user_id, field) values (${budi.userId}, 'tik')`);
  const jaka = await add(undefined, false);
  await db.execute(sql`insert into subscriptions (user_id, kind) values (${jaka.userId}, 'magang')`);
  const kiki = await add(undefined, false);
  await db.execute(
    sql`insert into subscriptions (user_id, field, province) values (${kiki.userId}, 'tik', '32')`,
  );
  void ani;
});
afterAll(async () => {
  await h.close();
});

async function preview(body: Record<string, unknown>) {
  const res = await call(h, org.token, 'POST', '/broadcasts/preview', body);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json as {
    recipients: number;
    by_channel: Record<string, number>;
    incomplete?: number;
    ineligible?: number;
  };
}

describe('broadcast audience', () => {
  it('is everyone opted in, active and reachable — once each, on the channel used last', async () => {
    const all = await preview({});
    // ani budi citra dewi eka indah (simulator) no-profile jaka kiki; not: never subscribed, stopped, unreachable.
    expect(all.recipients).toBe(9);
    expect(all.by_channel).toEqual({ telegram: 8, simulator: 1 });
  });

  it('filters by province, regency, gender, age, education, interests and channel', async () => {
    expect((await preview({ audience: { provinces: ['35'] } })).recipients).toBe(5);
    expect((await preview({ audience: { provinces: ['35'], gender: 'perempuan' } })).recipients).toBe(4);
    expect((await preview({ audience: { regencies: ['35.78'] } })).recipients).toBe(3);
    // Kiki lives nowhere known but subscribed to Jawa Barat's news: a province filter reaches her too (#20 point 11).
    expect((await preview({ audience: { provinces: ['32'], regencies: ['35.15'] } })).recipients).toBe(3);
    expect((await preview({ audience: { age: { min: 20, max: 30 } } })).recipients).toBe(4);
    expect((await preview({ audience: { age: { min: 35 } } })).recipients).toBe(1);
    expect((await preview({ audience: { education: { min: 'SMA' } } })).recipients).toBe(5);
    expect((await preview({ audience: { education: { max: 'SMP' } } })).recipients).toBe(1);
    expect((await preview({ audience: { interests: ['tik'] } })).recipients).toBe(3); // ani (quiz), budi, kiki
    expect((await preview({ audience: { channels: ['simulator'] } })).by_channel).toEqual({ simulator: 1 });
    expect((await preview({ audience: { channels: ['telegram'] } })).recipients).toBe(9);
  });

  it('keeps only people whose profile qualifies for a programme (eligible_for)', async () => {
    const eligible = await preview({ audience: { eligible_for: 'las-jatim' } });
    expect(eligible.recipients).toBe(2); // ani, indah
    expect(eligible.ineligible).toBe(4); // budi (man), citra (Jawa Barat), dewi (40), eka (SMP)
    expect(eligible.incomplete).toBe(3); // no profile yet: the no-profile person, jaka, kiki
    const withIncomplete = await preview({
      audience: { eligible_for: 'las-jatim', include_incomplete: true },
    });
    expect(withIncomplete.recipients).toBe(5);
    const womenInJatim = await preview({
      audience: { eligible_for: 'las-jatim', provinces: ['35'], gender: 'perempuan' },
    });
    expect(womenInJatim.recipients).toBe(2);
  });

  it("reaches subscribers whose topics fit the broadcast's programme", async () => {
    // las-jatim: pelatihan · las · Jawa Timur. Jaka follows only magang, Kiki only TIK in Jawa Barat.
    expect((await preview({ programme: 'las-jatim' })).recipients).toBe(7);
    // tik-daring (online, no province): Kiki's TIK topic fits, whatever her province.
    expect((await preview({ programme: 'tik-daring' })).recipients).toBe(8);
  });

  it('shows what people will read, in both languages', async () => {
    const created = await call(h, org.token, 'POST', '/broadcasts', {
      name: 'Las Jatim',
      text: { id: 'Ada pelatihan las gratis!', en: 'Free welding course!' },
      programme: 'las-jatim',
      audience: { provinces: ['35'] },
    });
    const res = await call(h, org.token, 'GET', `/broadcasts/${created.json.id}/preview`);
    expect(res.json.recipients).toBe(5);
    expect(res.json.sample.id).toContain('Ada pelatihan las gratis!');
    expect(res.json.sample.id).toContain(`https://t.me/jembatan_test_bot?start=${created.json.card_payload}`);
    expect(res.json.sample.id).toContain('/berhenti');
    expect(res.json.sample.en).toContain('Free welding course!');
  });
});
