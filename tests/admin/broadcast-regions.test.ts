import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAudience } from '../../src/broadcasts/audience';
import { person } from '../api/helpers';
import { createStaff, loggedInClient } from '../helpers/admin';
import { type Harness, startHarness } from '../helpers/harness';

/*
 * The broadcast audience by region (issue #20, point 11): a person counts for a province where they live
 * or whose news they subscribed to, and the count says how many subscribers no region filter can reach
 * because nothing says where they are.
 */

let h: Harness;
const fragment = { 'x-requested-with': 'fetch' };

beforeAll(async () => {
  h = await startHarness();
  const db = h.runtime.db;
  await createStaff(db, { organisation: 'kopri-pb-pmii', email: 'sari@kopri.or.id', name: 'Sari' });
  await person(db, 72_001, { profile: { domicileProvince: '35', domicileRegency: '35.78' } }); // lives in Surabaya
  await person(db, 72_002, { profile: { domicileProvince: '32' } }); // lives in West Java
  // Lives in Bekasi but asked for news of East Java.
  const bekasi = await person(db, 72_003, { profile: { domicileProvince: '32', domicileRegency: '32.75' } });
  await db.execute(sql`insert into subscriptions (user_id, province) values (${bekasi.userId}, '35')`);
  // No profile, subscribed to news of East Java only.
  const noProfile = await person(db, 72_004, { subscribed: false });
  await db.execute(sql`insert into subscriptions (user_id, province) values (${noProfile.userId}, '35')`);
  // Nothing says where these two are.
  await person(db, 72_005);
  await person(db, 72_006, { profile: { gender: 'perempuan' } });
});
afterAll(() => h.close());

describe('broadcast audience by region', () => {
  it('counts subscribed provinces as well as domicile, and says who no region filter reaches', async () => {
    const count = await countAudience(h.runtime.db, { provinces: ['35'] }, {});
    expect(count.recipients).toBe(3);
    expect(count.noPlace).toBe(2);
    // Without a region filter nobody is "left out" for want of a place.
    expect((await countAudience(h.runtime.db, {}, {})).noPlace).toBeUndefined();
    // A regency is where someone lives: the subscription names only a province.
    expect((await countAudience(h.runtime.db, { regencies: ['35.78'] }, {})).recipients).toBe(1);

    const client = await loggedInClient(h.runtime.app, 'sari@kopri.or.id');
    const res = await client.get('/admin/broadcasts/audience?province=35', fragment);
    const html = await res.text();
    expect(html).toContain('data-count="3"');
    expect(html).toContain('2 pelanggan lain belum mengisi domisili dan tidak berlangganan wilayah mana pun');
    const all = await (await client.get('/admin/broadcasts/audience', fragment)).text();
    expect(all).toContain('data-count="6"');
    expect(all).not.toContain('belum mengisi domisili');
  });
});
