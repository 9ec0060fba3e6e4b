import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { identities, referralAttributions, users } from '../../src/db/schema';
import { call, organisation, submittedApplication, type TestOrganisation } from '../api/helpers';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';

/* Referral links through the webhook: first-touch attribution of new people and their applications. */

let h: Harness;
let kopri: TestOrganisation;
let blk: TestOrganisation;
let nextId = 30_000;

beforeAll(async () => {
  h = await startHarness({ API_RATE_BURST: '10000' });
  kopri = await organisation(h.runtime.db, 'KOPRI PB PMII', 'kopri-pb-pmii');
  blk = await organisation(h.runtime.db, 'BLK Surabaya', 'blk-sby');
  await loadCatalogue(h.runtime.db, [programme('las-sby', { title: { id: 'Pelatihan Las Surabaya' } })]);
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.api.reset());

async function userOf(chat: number): Promise<string> {
  const [row] = await h.runtime.db
    .select({ userId: identities.userId })
    .from(identities)
    .where(eq(identities.externalId, String(chat)));
  return row!.userId;
}

async function attribution(chat: number): Promise<string | undefined> {
  const [row] = await h.runtime.db
    .select({ link: referralAttributions.referralLinkId })
    .from(referralAttributions)
    .where(eq(referralAttributions.userId, await userOf(chat)));
  return row?.link;
}

describe('referral links', () => {
  it('gives t.me and wa.me links and attributes a new person who starts through one', async () => {
    const created = await call(h, kopri.token, 'POST', '/referral-links', {
      recruiter: 'Ani',
      label: 'Kampus UINSA',
    });
    expect(created.status).toBe(201);
    const link = created.json;
    expect(link.code).toMatch(/^[a-z0-9]{8}$/);
    expect(link.links.telegram).toBe(`https://t.me/jembatan_test_bot?start=r_${link.code}`);
    expect(link.payload).toBe(`r_${link.code}`);
    const rina = conversation(h, { id: nextId++, firstName: 'Rina' });
    const reply = await rina.say(`/start r_${link.code}`);
    expect(rina.texts()[0]).toContain('Halo, Rina!');
    expect(rina.texts().join('\n')).toContain('Kamu datang lewat tautan dari KOPRI PB PMII');
    expect(reply.text).toContain('Mau dikabari info program apa?');
    expect(await attribution(rina.person.id)).toBe(link.id);
    const stats = await call(h, kopri.token, 'GET', `/referral-links/${link.id}`);
    expect(stats.json).toMatchObject({ people: 1, applications: 0, recruiter: 'Ani' });
  });

  it("opens the link's programme card, and reads a code typed alone (a wa.me link pre-fills it)", async () => {
    const created = await call(h, kopri.token, 'POST', '/referral-links', {
      code: 'las-kampus',
      programme: 'las-sby',
    });
    const budi = conversation(h, { id: nextId++, firstName: 'Budi' });
    await budi.say('/start');
    const card = await budi.say('r_las-kampus');
    expect(card.text).toContain('Pelatihan Las Surabaya');
    expect(card.buttons.some((b) => b.text.includes('Daftar'))).toBe(true);
    expect(await attribution(budi.person.id)).toBe(created.json.id);
  });

  it('keeps the first touch, and does not attribute people who were here before', async () => {
    const first = await call(h, kopri.token, 'POST', '/referral-links', { code: 'pertama' });
    await call(h, blk.token, 'POST', '/referral-links', { code: 'kedua' });
    const sari = conversation(h, { id: nextId++ });
    await sari.say('/start r_pertama');
    await sari.say('/start r_kedua');
    expect(await attribution(sari.person.id)).toBe(first.json.id);
    const old = conversation(h, { id: nextId++ });
    await old.say('/start');
    await h.runtime.db
      .update(users)
      .set({ createdAt: sql`now() - interval '3 days'` })
      .where(eq(users.id, await userOf(old.person.id)));
    await old.say('/start r_kedua');
    expect(await attribution(old.person.id)).toBeUndefined();
    // An unknown or deactivated code is just a start.
    const dewi = conversation(h, { id: nextId++ });
    const menu = await dewi.say('/start r_tidak-ada');
    expect(menu.text).toContain('Mau mulai dari mana?');
    await call(h, kopri.token, 'DELETE', `/referral-links/${first.json.id}`);
    const eka = conversation(h, { id: nextId++ });
    await eka.say('/start r_pertama');
    expect(await attribution(eka.person.id)).toBeUndefined();
  });

  it("attributes the person's applications to the organisation's programmes (and shows the recruiter)", async () => {
    const created = await call(h, kopri.token, 'POST', '/referral-links', {
      code: 'rekrut-ani',
      recruiter: 'Ani',
    });
    const ayu = conversation(h, { id: nextId++ });
    await ayu.say('/start r_rekrut-ani');
    await submittedApplication(h.runtime.db, await userOf(ayu.person.id), 'las-sby', 'JMB-2026-000777');
    const stats = await call(h, kopri.token, 'GET', `/referral-links/${created.json.id}`);
    expect(stats.json).toMatchObject({ people: 1, applications: 1 });
    const apps = await call(h, kopri.token, 'GET', '/applications?referral=rekrut-ani');
    expect(apps.json.items).toHaveLength(1);
    expect(apps.json.items[0].referral).toEqual({ code: 'rekrut-ani', recruiter: 'Ani' });
    const target = await call(h, kopri.token, 'POST', '/targets', { name: 'Las', programme: 'las-sby' });
    expect(target.json.progress.by_referral).toEqual({ 'rekrut-ani': 1 });
    // A code is unique across organisations; another organisation cannot filter by it.
    expect((await call(h, blk.token, 'POST', '/referral-links', { code: 'rekrut-ani' })).status).toBe(409);
    expect((await call(h, blk.token, 'GET', '/applications?referral=rekrut-ani')).json.total).toBe(0);
  });
});
