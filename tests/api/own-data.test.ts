import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/db/schema';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { type Harness, startHarness } from '../helpers/harness';
import { call, handoff, organisation, person, submittedApplication, type TestOrganisation } from './helpers';

/* What an organisation does with its own data: edit drafts, targets, links, programmes and handoffs. */

let h: Harness;
let org: TestOrganisation;

beforeAll(async () => {
  h = await startHarness({ API_RATE_BURST: '10000' });
  org = await organisation(h.runtime.db, 'KOPRI PB PMII', 'kopri-pb-pmii');
  await loadCatalogue(h.runtime.db, [programme('las-sby'), programme('jahit-sby', { field: 'menjahit' })]);
});
afterAll(async () => {
  await h.close();
});

describe('an organisation managing its own data', () => {
  it('edits a draft, schedules it (Jakarta time), and edits it back to a draft', async () => {
    await person(h.runtime.db, 91_001, { profile: { gender: 'perempuan', domicileProvince: '35' } });
    await person(h.runtime.db, 91_002, { profile: { gender: 'perempuan', domicileProvince: '32' } });
    const created = await call(h, org.token, 'POST', '/broadcasts', { name: 'a', text: { id: 'x' } });
    expect((await call(h, org.token, 'GET', `/broadcasts/${created.json.id}/preview`)).json.recipients).toBe(
      2,
    );
    const patched = await call(h, org.token, 'PATCH', `/broadcasts/${created.json.id}`, {
      name: 'Jatim',
      audience: { provinces: ['35'] },
    });
    expect(patched.json).toMatchObject({ name: 'Jatim', audience: { provinces: ['35'] }, text: { id: 'x' } });
    expect((await call(h, org.token, 'GET', `/broadcasts/${created.json.id}/preview`)).json.recipients).toBe(
      1,
    );
    const scheduled = await call(h, org.token, 'POST', `/broadcasts/${created.json.id}/schedule`, {
      at: '2099-01-01T09:00',
    });
    expect(scheduled.json).toMatchObject({
      status: 'scheduled',
      scheduled_at: '2099-01-01T02:00:00.000Z',
      scheduled_at_wib: '2099-01-01T09:00:00+07:00',
    });
    const past = await call(h, org.token, 'POST', `/broadcasts/${created.json.id}/schedule`, {
      at: '2001-01-01T09:00',
    });
    expect(past.status).toBe(422);
    const back = await call(h, org.token, 'PATCH', `/broadcasts/${created.json.id}`, { urgent: true });
    expect(back.json).toMatchObject({ status: 'draft', scheduled_at: null, urgent: true, name: 'Jatim' });
    await call(h, org.token, 'POST', `/broadcasts/${created.json.id}/cancel`);
    expect((await call(h, org.token, 'PATCH', `/broadcasts/${created.json.id}`, { name: 'x' })).status).toBe(
      409,
    );
    expect((await call(h, org.token, 'POST', `/broadcasts/${created.json.id}/send`)).status).toBe(409);
  });

  it('refuses to broadcast about a closed programme', async () => {
    const closed = await call(h, org.token, 'POST', '/programmes/jahit-sby/close');
    expect(closed.json.status).toBe('closed');
    expect(closed.json.record.status).toBe('closed');
    const b = await call(h, org.token, 'POST', '/broadcasts', {
      name: 'b',
      text: { id: 'x' },
      programme: 'jahit-sby',
    });
    const sent = await call(h, org.token, 'POST', `/broadcasts/${b.json.id}/send`);
    expect(sent.status).toBe(409);
    expect(sent.json.error.message).toContain('closed');
  });

  it('creates and replaces a programme, keeping its slug', async () => {
    const record = programme('tik-sby', { field: 'tik', title: { id: 'TIK Surabaya' } });
    const { application: _a, ...withoutOrganisation } = record;
    const created = await call(h, org.token, 'POST', '/programmes', {
      ...withoutOrganisation,
      application: { mode: 'in_chat', documents: ['ktp'] },
    });
    expect(created.status).toBe(201);
    expect(created.json.record.application.organisation).toBe('kopri-pb-pmii');
    expect((await call(h, org.token, 'POST', '/programmes', record)).status).toBe(409);
    const replaced = await call(h, org.token, 'PUT', '/programmes/tik-sby', {
      ...record,
      title: { id: 'TIK Surabaya 2' },
    });
    expect(replaced.json.record.title.id).toBe('TIK Surabaya 2');
    const moved = await call(h, org.token, 'PUT', '/programmes/tik-sby', { ...record, slug: 'tik-lain' });
    expect(moved.status).toBe(409);
    const csvErrors = await call(h, org.token, 'POST', '/programmes/import', 'slug,kind\nx,y', 'text/csv');
    expect(csvErrors.json.invalid).toBe(1);
    expect(csvErrors.json.errors[0].message).toMatch(/Line 2|line 2/);
  });

  it('changes, lists and removes targets', async () => {
    const t = await call(h, org.token, 'POST', '/targets', {
      name: 'Las',
      programme: 'las-sby',
      participants: 100,
    });
    const patched = await call(h, org.token, 'PATCH', `/targets/${t.json.id}`, {
      women_percent: 50,
      statuses: ['diterima'],
    });
    expect(patched.json).toMatchObject({ participants: 100, women_percent: 50, statuses: ['diterima'] });
    expect((await call(h, org.token, 'POST', '/targets', { name: 'x', women_percent: 120 })).status).toBe(
      400,
    );
    expect((await call(h, org.token, 'DELETE', `/targets/${t.json.id}`)).status).toBe(204);
    expect((await call(h, org.token, 'GET', `/targets/${t.json.id}`)).status).toBe(404);
  });

  it('claims, reads, answers and closes a handoff', async () => {
    const sari = await person(h.runtime.db, 91_010);
    const id = await handoff(h.runtime.db, sari.userId, org.slug);
    expect(
      (await call(h, org.token, 'GET', '/handoffs')).json.items.map((x: { id: string }) => x.id),
    ).toEqual([id]);
    expect((await call(h, org.token, 'POST', `/handoffs/${id}/claim`)).json.status).toBe('active');
    expect(
      (await call(h, org.token, 'POST', `/handoffs/${id}/reply`, { text: 'Halo, saya Ani dari KOPRI.' }))
        .status,
    ).toBe(202);
    const log = await call(h, org.token, 'GET', `/handoffs/${id}/messages`);
    expect(log.json.items.at(-1)).toMatchObject({
      direction: 'out',
      origin: 'staff',
      text: 'Halo, saya Ani dari KOPRI.',
    });
    expect((await call(h, org.token, 'POST', `/handoffs/${id}/close`)).status).toBe(204);
    expect((await call(h, org.token, 'GET', '/handoffs?status=closed')).json.items[0].status).toBe('closed');
    const queued = await h.runtime.db
      .select()
      .from(messages)
      .where(and(eq(messages.userId, sari.userId), eq(messages.origin, 'staff')));
    expect(queued).toHaveLength(1);
  });

  it('filters applications and refuses a transition the rules do not allow', async () => {
    const ayu = await person(h.runtime.db, 91_020);
    await submittedApplication(h.runtime.db, ayu.userId, 'las-sby', 'JMB-2026-000050');
    expect((await call(h, org.token, 'GET', '/applications?status=diterima')).json.total).toBe(0);
    expect((await call(h, org.token, 'GET', '/applications?status=diajukan,seleksi')).json.total).toBe(1);
    expect((await call(h, org.token, 'GET', '/applications?status=nonsense')).status).toBe(400);
    expect((await call(h, org.token, 'GET', '/applications?since=2099-01-01')).json.total).toBe(0);
    const interview = await call(h, org.token, 'POST', '/applications/JMB-2026-000050/status', {
      status: 'wawancara',
    });
    expect(interview.status).toBe(422);
    const rejected = await call(h, org.token, 'POST', '/applications/JMB-2026-000050/status', {
      status: 'ditolak',
      reason: 'Kuota penuh',
    });
    expect(rejected.json).toMatchObject({ from: 'diajukan', to: 'ditolak' });
    const again = await call(h, org.token, 'POST', '/applications/JMB-2026-000050/status', {
      status: 'diterima',
    });
    expect(again.status).toBe(409);
  });
});
