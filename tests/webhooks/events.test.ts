// The events, end to end (issue #19): what people do in the chat and what staff do reaches the
// organisation's own system as signed events — an application submitted through the Telegram webhook
// once, its status changes and withdrawal, a handoff from waiting to rated, a new person through a
// referral link, a finished broadcast, a target reached, a programme closing soon — and nothing of it
// reaches another organisation. The person's data export says what was shared; their erasure sends
// person.erased and leaves nothing of them in the events.
import { rmSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApplicationsCli } from '../../src/applications/cli';
import { createBroadcast, runDueBroadcasts, sendBroadcastNow } from '../../src/broadcasts/service';
import { rowsOf } from '../../src/db/rows';
import { handoffs, webhookEvents } from '../../src/db/schema';
import { closeHandoff } from '../../src/handoff/service';
import { createReferralLink } from '../../src/organisations/referrals';
import { createTarget } from '../../src/organisations/targets';
import { finishErasures } from '../../src/privacy/erasure';
import { emitClosingSoon } from '../../src/webhooks/jobs';
import { person as dbPerson } from '../api/helpers';
import {
  applicant,
  bornAgo,
  drainOutbox,
  fillApplication,
  nikFor,
  tempUploads,
  userIdOf,
} from '../applications/helpers';
import { daysFromNow, loadCatalogue, programme } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';
import { WebhookReceiver } from '../helpers/webhook-receiver';
import { documentOf, findEverywhere } from '../privacy/helpers';
import { dataOf, drainWebhooks, endpointAt, organisationNamed } from './helpers';

/** Days after Jakarta's today (days_left counts from it: after 17:00 UTC it is tomorrow there). */
const jakartaDaysFromNow = (days: number) =>
  new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

let h: Harness;
let receiver: WebhookReceiver;
let uploads: string;

const CATALOGUE = [
  programme('las-kopri', {
    title: { id: 'Pelatihan Las KOPRI' },
    seats: { total: 20 },
    application: { mode: 'in_chat', documents: ['ktp'], organisation: 'kopri-pb-pmii' },
  }),
  programme('jahit-lain', {
    title: { id: 'Pelatihan Jahit LPK Lain' },
    field: 'menjahit',
    application: { mode: 'in_chat', documents: ['ktp'], organisation: 'lpk-lain' },
  }),
  programme('tutup-segera', {
    title: { id: 'Magang Tutup Segera' },
    dates: {
      registration_opens: daysFromNow(-10),
      registration_closes: jakartaDaysFromNow(2),
      starts: daysFromNow(30),
      ends: daysFromNow(90),
    },
    application: { mode: 'in_chat', documents: ['ktp'], organisation: 'kopri-pb-pmii' },
  }),
];

const born = bornAgo(22, 30);
const SARI = { id: 96_001, firstName: 'Sari' };
const NAME = 'Sari Wulandari Kusuma';
const NIK = nikFor(born.date, true, '0042');
const PHONE = '6281298765432';
let reference = '';
let personId = '';

beforeAll(async () => {
  uploads = tempUploads();
  process.env.UPLOADS_DIR = uploads;
  receiver = await new WebhookReceiver().start();
  h = await startHarness({ DEFAULT_ORGANISATION: 'kopri-pb-pmii' });
  await loadCatalogue(h.runtime.db, CATALOGUE);
  await endpointAt(h.runtime, receiver, 'kopri-pb-pmii', '/kopri');
  await endpointAt(h.runtime, receiver, 'lpk-lain', '/lain');
});
afterAll(async () => {
  await h.close();
  await receiver.stop();
  rmSync(uploads, { recursive: true, force: true });
});

const of = (path: string, type: string) => receiver.verified(path).filter((r) => r.payload!.type === type);

describe('events from the chat and the dashboard', () => {
  it('an application submitted through the Telegram webhook reaches its organisation once (with a target it completes), never another organisation, with no personal details', async () => {
    const kopri = await organisationNamed(h.runtime.db, 'kopri-pb-pmii');
    await createTarget(h.runtime.db, kopri, {
      name: 'Angkatan pertama',
      participants: 1,
      programme: 'las-kopri',
    });
    const sari = applicant(h, SARI);
    let reply = await fillApplication(sari, {
      slug: 'las-kopri',
      profile: {
        birth: born.text,
        gender: 'perempuan',
        place: 'Kota Surabaya',
        education: 'SMK',
        graduation: String(new Date().getUTCFullYear() - 3),
      },
      name: NAME,
      nik: NIK,
      phone: PHONE,
    });
    reply = await sari.press('✅ Kirim lamaran', reply);
    reference = /JMB-\d{4}-\d{6}/.exec(sari.texts().find((t) => t.includes('sudah terkirim'))!)![0];

    await drainWebhooks(h.runtime);
    await drainWebhooks(h.runtime);
    const submitted = of('/kopri', 'application.submitted');
    expect(submitted).toHaveLength(1);
    const data = dataOf(submitted[0]!) as {
      application: { reference: string; status: string; programme: { slug: string } };
      person: { id: string };
    };
    expect(data.application).toMatchObject({
      reference,
      status: 'diajukan',
      programme: { slug: 'las-kopri', title: 'Pelatihan Las KOPRI' },
    });
    personId = data.person.id;
    expect(personId).toMatch(/^psn_[0-9a-f]{24}$/);
    // The event says who by a pseudonym only: no name, NIK, phone or platform id.
    for (const secret of [NAME, 'Wulandari', NIK, NIK.slice(6, 12), PHONE, PHONE.slice(2), String(SARI.id)])
      expect(submitted[0]!.body).not.toContain(secret);
    const [reached] = of('/kopri', 'target.reached');
    expect(dataOf(reached!)).toMatchObject({
      target: { name: 'Angkatan pertama', progress: { participants: 1 } },
    });
    // The other organisation's system heard nothing.
    expect(receiver.received.filter((r) => r.path === '/lain')).toEqual([]);
  });

  it('status changes by staff and the withdrawal in the chat follow, in order, under the same person id', async () => {
    const out: string[] = [];
    await runApplicationsCli(
      h.runtime.db,
      ['set-status', reference, 'wawancara', '--date', '2026-12-07 09:00', '--place', 'BLK Surabaya'],
      (line) => out.push(line),
    );
    const sari = applicant(h, SARI);
    let reply = await sari.say('/menu');
    reply = await sari.press('📄 Lamaran saya', reply);
    reply = await sari.press('1', reply);
    reply = await sari.press('↩️ Tarik lamaran', reply);
    await sari.press('Ya, tarik lamaran', reply);

    await drainWebhooks(h.runtime);
    const types = receiver.types('/kopri');
    expect(types.slice(-2)).toEqual(['application.status_changed', 'application.withdrawn']);
    const [changed] = of('/kopri', 'application.status_changed');
    expect(dataOf(changed!)).toMatchObject({
      application: { reference, status: 'wawancara' },
      previous_status: 'diajukan',
      changed_by: 'staff',
      interview: { place: 'BLK Surabaya' },
      person: { id: personId },
    });
    const [withdrawn] = of('/kopri', 'application.withdrawn');
    expect(dataOf(withdrawn!)).toMatchObject({
      application: { reference, status: 'mundur', seat: null },
      previous_status: 'wawancara',
      changed_by: 'person',
      person: { id: personId },
    });
  });

  it('a handoff: waiting when she asks for a person, closed by staff, then her rating', async () => {
    const sari = conversation(h, SARI);
    await sari.say('bicara dengan petugas');
    const [open] = await h.runtime.db.select().from(handoffs).where(eq(handoffs.status, 'waiting'));
    await closeHandoff(h.runtime.db, open!.id, 'kopri-pb-pmii');
    await drainOutbox(h);
    await sari.press('5 😊');
    await drainWebhooks(h.runtime);
    const [waiting] = of('/kopri', 'handoff.waiting');
    expect(dataOf(waiting!)).toMatchObject({
      handoff: { id: open!.id, status: 'waiting', reason: 'asked' },
      person: { id: personId },
    });
    const [closed] = of('/kopri', 'handoff.closed');
    expect(dataOf(closed!)).toMatchObject({
      handoff: { id: open!.id, status: 'closed' },
      closed_by: 'staff',
    });
    const [rated] = of('/kopri', 'handoff.rated');
    expect(dataOf(rated!)).toMatchObject({ handoff: { id: open!.id }, rating: 5, person: { id: personId } });
    expect(receiver.types('/kopri').filter((t) => t.startsWith('handoff.'))).toEqual([
      'handoff.waiting',
      'handoff.closed',
      'handoff.rated',
    ]);
  });

  it('a new person through a referral link, a finished broadcast with its counts, a programme closing soon (once)', async () => {
    const kopri = await organisationNamed(h.runtime.db, 'kopri-pb-pmii');
    const link = await createReferralLink(h.runtime.db, kopri, {
      code: 'kopri-sby',
      label: 'KOPRI Surabaya',
    });
    await conversation(h, { id: 96_002, firstName: 'Dimas' }).say('/start r_kopri-sby');
    await drainWebhooks(h.runtime);
    const [joined] = of('/kopri', 'subscriber.joined');
    expect(dataOf(joined!)).toMatchObject({
      referral: { id: link.id, code: 'kopri-sby', label: 'KOPRI Surabaya' },
      channel: 'telegram',
    });
    expect((dataOf(joined!).person as { id: string }).id).not.toBe(personId);

    await dbPerson(h.runtime.db, 96_003);
    const broadcast = await createBroadcast(h.runtime.db, kopri, {
      name: 'Info las',
      text: { id: 'Ada pelatihan las baru.' },
      audience: {},
      urgent: true,
    });
    await sendBroadcastNow(h.runtime.db, h.runtime.broadcasts, kopri, broadcast.id);
    await drainOutbox(h);
    await runDueBroadcasts(h.runtime.db, h.runtime.broadcasts);
    await drainWebhooks(h.runtime);
    const [finished] = of('/kopri', 'broadcast.finished');
    expect(dataOf(finished!)).toMatchObject({
      broadcast: { id: broadcast.id, name: 'Info las', status: 'sent', counts: { queued: 0 } },
    });
    const counts = dataOf(finished!).broadcast as { recipients: number; counts: { sent: number } };
    expect(counts.counts.sent).toBe(counts.recipients);
    expect(counts.recipients).toBeGreaterThanOrEqual(1);

    // The dispatcher's periodic job (run above by every drain of the outbox) found it already: once.
    await emitClosingSoon(h.runtime.db);
    expect(await emitClosingSoon(h.runtime.db)).toBe(0);
    await drainWebhooks(h.runtime);
    const closing = of('/kopri', 'programme.closing_soon');
    expect(closing).toHaveLength(1);
    expect(dataOf(closing[0]!)).toMatchObject({
      programme: { slug: 'tutup-segera', days_left: 2, registration_closes: jakartaDaysFromNow(2) },
    });
    expect(receiver.received.filter((r) => r.path === '/lain')).toEqual([]);
  });

  it('her data export says what was shared with which organisation and when; erasure tells the receiver and leaves nothing of her', async () => {
    const sari = conversation(h, SARI);
    h.api.reset();
    await sari.say('/data_saya');
    const summary = sari.texts().find((t) => t.startsWith('📋'))!;
    expect(summary).toMatch(/🔗 Dibagikan ke sistem organisasi \(\d+ kabar\):/);
    expect(summary).toContain('• KOPRI-PB-PMII — Penilaian layanan petugas (1–5),');
    const [json] = h.api.sent('sendDocument', SARI.id).map(documentOf);
    const shared = JSON.parse(json!.content).data.sharedWithOrganisations as Array<Record<string, unknown>>;
    expect(shared.map((s) => s.event)).toEqual(
      expect.arrayContaining(['application.submitted', 'application.withdrawn', 'handoff.rated']),
    );
    expect(
      shared.every((s) => s.organisation === 'KOPRI-PB-PMII' && s.status === 'shared' && s.sharedAt),
    ).toBe(true);

    const userId = await userIdOf(h, SARI.id);
    await sari.say('/hapus_data');
    await sari.say('ya hapus');
    await drainOutbox(h);
    await finishErasures(h.runtime.db, { graceMs: 0 });
    await drainWebhooks(h.runtime);
    const erased = of('/kopri', 'person.erased');
    expect(erased).toHaveLength(1);
    expect(dataOf(erased[0]!)).toEqual({ organisation: 'kopri-pb-pmii', person: { id: personId } });
    expect(of('/lain', 'person.erased')).toEqual([]);
    // Her events are emptied and no longer point at her; nothing of her is anywhere.
    const leftovers = rowsOf(
      await h.runtime.db.execute(sql`select 1 from webhook_events where data::text like ${`%${reference}%`}`),
    );
    expect(leftovers).toEqual([]);
    expect(await h.runtime.db.select().from(webhookEvents).where(eq(webhookEvents.userId, userId))).toEqual(
      [],
    );
    expect(await findEverywhere(h.runtime.db, [NAME, NIK, PHONE.slice(2), String(SARI.id), userId])).toEqual(
      [],
    );
  });
});

describe('another organisation', () => {
  it('an applicant to another organisation’s programme reaches only that organisation’s system', async () => {
    const budi = applicant(h, { id: 96_010, firstName: 'Budi' });
    const before = receiver.received.filter((r) => r.path === '/kopri').length;
    const born24 = bornAgo(24);
    const filled = await fillApplication(budi, {
      slug: 'jahit-lain',
      profile: {
        birth: born24.text,
        gender: 'laki-laki',
        place: 'Kota Surabaya',
        education: 'SMA',
        graduation: String(new Date().getUTCFullYear() - 5),
      },
      name: 'Budi Santoso',
      nik: nikFor(born24.date, false, '0077'),
      phone: '6281311112222',
    });
    await budi.press('✅ Kirim lamaran', filled);
    await drainWebhooks(h.runtime);
    expect(of('/lain', 'application.submitted')).toHaveLength(1);
    expect(receiver.received.filter((r) => r.path === '/kopri')).toHaveLength(before);
  });
});
