import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notifyAlerts } from '../../src/catalogue/alerts';
import { messages } from '../../src/db/schema';
import { daysFromNow, loadCatalogue, overseas, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';
import { buttonsOf, callbackUpdate, textUpdate } from '../helpers/telegram';

let h: Harness;
const rina = { id: 81_001, firstName: 'Rina' };
const budi = { id: 81_002, firstName: 'Budi' };

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, [programme('las-sby', { title: { id: 'Pelatihan Las Surabaya' } })]);
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.api.reset());

async function drain(): Promise<void> {
  // Make everything due now, then send it as the running server would.
  await h.runtime.db
    .update(messages)
    .set({ availableAt: new Date(0) })
    .where(eq(messages.status, 'pending'));
  while ((await h.runtime.dispatcher.drainOnce()) > 0) {}
}

describe('alerts for new programmes', () => {
  it('tells the person who asked, once, in their language, with a link to the card; not others', async () => {
    await h.post(textUpdate(rina, 'kabari aku kalau ada magang ke australia'));
    await h.post(textUpdate(budi, 'kabari aku kalau ada magang ke korea'));
    const [{ now } = { now: new Date() }] = await h.runtime.db
      .select({ now: sql<Date>`now()` })
      .from(sql`(select 1) as one`);
    await loadCatalogue(h.runtime.db, [
      overseas('au-kebun', 'AU', { title: { id: 'Magang Kebun Australia' }, field: 'pertanian' }),
    ]);
    expect(await notifyAlerts(h.runtime.db, new Date(now))).toBe(1);
    h.api.reset();
    await drain();
    const toRina = h.api.texts(rina.id);
    expect(toRina).toHaveLength(1);
    expect(toRina[0]).toContain('Magang Kebun Australia');
    expect(toRina[0]).toContain('https://t.me/jembatan_test_bot?start=p_au-kebun');
    expect(h.api.texts(budi.id)).toEqual([]);
    // A second run finds nothing new to say.
    expect(await notifyAlerts(h.runtime.db, new Date())).toBe(0);
  });

  it('respects /berhenti', async () => {
    const sari = { id: 81_003, firstName: 'Sari' };
    await h.post(textUpdate(sari, 'kabari aku kalau ada magang ke qatar'));
    await h.post(textUpdate(sari, '/berhenti'));
    const [{ now } = { now: new Date() }] = await h.runtime.db
      .select({ now: sql<Date>`now()` })
      .from(sql`(select 1) as one`);
    await loadCatalogue(h.runtime.db, [
      overseas('qa-hotel', 'QA', { title: { id: 'Magang Hotel Qatar' }, field: 'perhotelan' }),
    ]);
    expect(await notifyAlerts(h.runtime.db, new Date(now))).toBe(0);
  });
});

describe('saved programme reminders', () => {
  it('queues reminders for 3 and 1 days before closing, cancels them on unsave, and sends them when due', async () => {
    const p = { id: 81_010, firstName: 'Ayu' };
    await h.post(textUpdate(p, '/start p_las-sby'));
    const card = h.api.sent('sendMessage', p.id).at(-1)!;
    await h.post(callbackUpdate(p, buttonsOf(card.body).find((b) => b.text === '⭐ Simpan')!.data));
    const reminders = await h.runtime.db
      .select()
      .from(messages)
      .where(and(eq(messages.origin, 'reminder:las-sby'), eq(messages.status, 'pending')));
    expect(reminders).toHaveLength(2);
    // The fixture closes in 20 days; reminders go at 09:00 WIB (02:00 UTC) 3 days and 1 day before.
    const closes = new Date(`${daysFromNow(20)}T02:00:00Z`).getTime();
    const daysBefore = reminders.map((r) => (closes - r.availableAt.getTime()) / 86_400_000).sort();
    expect(daysBefore).toEqual([1, 3]);
    h.api.reset();
    await drain();
    const sent = h.api.texts(p.id);
    expect(sent.filter((t) => t.includes('Pengingat') && t.includes('Pelatihan Las Surabaya'))).toHaveLength(
      2,
    );
    expect(sent[0]).toContain('https://t.me/jembatan_test_bot?start=p_las-sby');
  });
});
