import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitApplication } from '../../src/applications/status';
import { openDraft } from '../../src/applications/store';
import { runDueBroadcasts } from '../../src/broadcasts/service';
import { broadcasts, identities, programmes } from '../../src/db/schema';
import { formatJakarta } from '../../src/shared/jakarta-time';
import { call, organisation, type TestOrganisation } from '../api/helpers';
import { programme } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';
import { drainDue, quietElsewhere } from './helpers';

/*
 * Issue #7, "Done when": an organisation, using only the API, imports openings, previews and schedules
 * a broadcast to women in Jawa Timur who qualify for a programme, watches it deliver at the platform's
 * pace, sees applications come in attributed to its referral link, and its target's progress — and
 * cannot see another organisation's anything. (People talk to the bot through the Telegram webhook;
 * their profiles are written directly, as the profile flow would, and applications go through the
 * applications module's own submit.)
 */

let h: Harness;
let kopri: TestOrganisation;
let blk: TestOrganisation;

function born(age: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - age);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  h = await startHarness({
    API_RATE_BURST: '10000',
    BROADCAST_QUIET_HOURS: quietElsewhere(),
    TELEGRAM_RATE_PER_SECOND: '5', // slow enough to watch it go
  });
  kopri = await organisation(h.runtime.db, 'KOPRI PB PMII', 'kopri-pb-pmii');
  blk = await organisation(h.runtime.db, 'BLK Surabaya', 'blk-sby');
});
afterAll(async () => {
  await h.close();
});

const CAREGIVER = programme('perawat-lansia-jatim', {
  kind: 'pelatihan',
  field: 'perawatan',
  title: { id: 'Pelatihan Perawat Lansia Jawa Timur', en: 'Elderly-care training, East Java' },
  location: { province: '35', regency: '35.78', mode: 'luring' },
  seats: { total: 30, women: 20 },
  eligibility: {
    gender: 'perempuan',
    age: { min: 18, max: 26 },
    education: { min: 'SMA' },
    domicile: ['35'],
  },
  application: { mode: 'in_chat', documents: ['ktp'] },
});
const CSV = [
  'slug,kind,title_id,summary_id,field,provider_name,provider_type,location_regency,location_mode,dates_registration_opens,dates_registration_closes,seats_total,costs_fee_idr,benefits,application_mode,application_documents,application_organisation,sources,verified_at,status',
  `jahit-sidoarjo,pelatihan,Pelatihan Menjahit Sidoarjo,Menjahit untuk pemula.,menjahit,KOPRI PB PMII,organisasi,35.15,luring,${(CAREGIVER.dates as { registration_opens: string }).registration_opens},${(CAREGIVER.dates as { registration_closes: string }).registration_closes},20,0,sertifikat_pelatihan,in_chat,ktp,kopri-pb-pmii,https://example.org/jahit,${CAREGIVER.verified_at as string},open`,
].join('\n');

describe('an organisation recruiting through Jembatan, by API only', () => {
  const chats = { ani: 20_001, bunga: 20_002, citra: 20_003, dewi: 20_004, eko: 20_005, fitri: 20_006 };
  let linkCode = '';
  let broadcastId = '';
  let cardPayload = '';

  it('imports its openings (JSON and CSV)', async () => {
    const json = await call(h, kopri.token, 'POST', '/programmes/import', [CAREGIVER]);
    expect(json.json).toMatchObject({ created: 1, invalid: 0, rejected: [] });
    const csv = await call(h, kopri.token, 'POST', '/programmes/import', CSV, 'text/csv');
    expect(csv.json, JSON.stringify(csv.json.errors)).toMatchObject({ created: 1, invalid: 0 });
    const again = await call(h, kopri.token, 'POST', '/programmes/import', [CAREGIVER]);
    expect(again.json).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const list = await call(h, kopri.token, 'GET', '/programmes');
    expect(list.json.items.map((p: { slug: string }) => p.slug)).toEqual([
      'jahit-sidoarjo',
      'perawat-lansia-jatim',
    ]);
  });

  it('makes a referral link for a recruiter, and people arrive through it and opt in', async () => {
    const link = await call(h, kopri.token, 'POST', '/referral-links', { recruiter: 'Ani (KOPRI Surabaya)' });
    linkCode = link.json.code;
    const profiles: Record<string, Record<string, unknown>> = {
      ani: {
        gender: 'perempuan',
        domicileProvince: '35',
        domicileRegency: '35.78',
        birthDate: born(21),
        education: { level: 'SMA' },
      },
      bunga: {
        gender: 'perempuan',
        domicileProvince: '35',
        domicileRegency: '35.15',
        birthDate: born(24),
        education: { level: 'D3' },
      },
      citra: {
        gender: 'perempuan',
        domicileProvince: '35',
        birthDate: born(19),
        education: { level: 'SMA' },
      },
      dewi: { gender: 'perempuan', domicileProvince: '35', birthDate: born(34), education: { level: 'SMA' } }, // too old
      eko: { gender: 'laki_laki', domicileProvince: '35', birthDate: born(22), education: { level: 'SMA' } },
      fitri: {
        gender: 'perempuan',
        domicileProvince: '32',
        birthDate: born(22),
        education: { level: 'SMA' },
      }, // Jawa Barat
    };
    for (const [name, chat] of Object.entries(chats)) {
      const p = conversation(h, { id: chat, firstName: name });
      const ask = await p.say(`/start r_${linkCode}`);
      expect(ask.text).toContain('Mau dikabari info program apa?');
      await p.press('Semua jenis');
      await p.press('Semua bidang');
      const done = await p.press('Di mana saja');
      expect(done.text).toContain('Siap!');
      const [identity] = await h.runtime.db
        .select({ userId: identities.userId })
        .from(identities)
        .where(eq(identities.externalId, String(chat)));
      await h.runtime.db.execute(
        sql`insert into profiles (user_id, data) values (${identity!.userId}, ${JSON.stringify(profiles[name])}::jsonb)`,
      );
    }
    const stats = await call(h, kopri.token, 'GET', '/referral-links');
    expect(stats.json.items[0]).toMatchObject({ code: linkCode, people: 6, applications: 0 });
    // Someone who came through the other organisation's link is not KOPRI's.
    const blkLink = await call(h, blk.token, 'POST', '/referral-links', { code: 'blk-pasar' });
    const other = conversation(h, { id: 20_099 });
    await other.say(`/start ${blkLink.json.payload}`);
    expect((await call(h, kopri.token, 'GET', '/referral-links')).json.items[0].people).toBe(6);
  });

  it('sets a target, previews and schedules a broadcast to women in Jawa Timur who qualify', async () => {
    const target = await call(h, kopri.token, 'POST', '/targets', {
      name: 'Angkatan 1',
      programme: 'perawat-lansia-jatim',
      participants: 2,
      women_percent: 50,
      disability_percent: 5,
    });
    expect(target.status).toBe(201);
    expect(target.json.progress.participants).toEqual({ count: 0, goal: 2, met: false });
    const audience = { provinces: ['35'], gender: 'perempuan', eligible_for: 'perawat-lansia-jatim' };
    const preview = await call(h, kopri.token, 'POST', '/broadcasts/preview', { audience });
    expect(preview.json).toMatchObject({ recipients: 3, by_channel: { telegram: 3 }, ineligible: 1 });
    const created = await call(h, kopri.token, 'POST', '/broadcasts', {
      name: 'Perawat lansia — Jatim',
      text: {
        id: 'Ada pelatihan perawat lansia GRATIS untuk perempuan di Jawa Timur, ada uang saku!',
        en: 'Free elderly-care training for women in East Java, with a stipend!',
      },
      programme: 'perawat-lansia-jatim',
      audience,
    });
    broadcastId = created.json.id;
    cardPayload = created.json.card_payload;
    // An hour ahead (Jakarta time, no offset): the next test moves the time, not the machine's clock.
    const at = formatJakarta(new Date(Date.now() + 3_600_000)).slice(0, 19);
    const scheduled = await call(h, kopri.token, 'POST', `/broadcasts/${broadcastId}/schedule`, { at });
    expect(scheduled.json).toMatchObject({ status: 'scheduled', scheduled_at_wib: `${at}+07:00` });
  });

  it('watches it deliver at the platform’s pace', async () => {
    h.api.reset();
    expect(await h.runtime.dispatcher.drainOnce()).toBe(0); // not due yet
    // The hour has passed (the database's clock decides what is due): the dispatcher's task starts it.
    await h.runtime.db
      .update(broadcasts)
      .set({ scheduledAt: sql`now()` })
      .where(eq(broadcasts.id, broadcastId));
    expect(await runDueBroadcasts(h.runtime.db, h.runtime.broadcasts)).toBe(1);
    const midway = await call(h, kopri.token, 'GET', `/broadcasts/${broadcastId}/stats`);
    expect(midway.json.broadcast.status).toBe('sending');
    expect(midway.json.progress).toMatchObject({ recipients: 3, queued: 3, sent: 0 });
    const started = performance.now();
    await drainDue(h);
    await h.runtime.dispatcher.drainOnce();
    const done = await call(h, kopri.token, 'GET', `/broadcasts/${broadcastId}/stats`);
    expect(done.json.broadcast.status).toBe('sent');
    expect(done.json.progress).toMatchObject({ sent: 3, queued: 0, failed: 0, blocked: 0 });
    const got = [...h.api.deliveredTo.keys()].sort();
    expect(got).toEqual([chats.ani, chats.bunga, chats.citra].map(String).sort());
    // 5 per second: the second went out at least 200 ms after sending began, the third 400 ms. (Measured
    // from the start, not between arrivals: a loaded machine delays any one send, which can bring the
    // next arrival closer to it, but never makes a send go before its slot.)
    const at = h.api.acceptedAt;
    expect(at).toHaveLength(3);
    expect(at[1]! - started).toBeGreaterThanOrEqual(180);
    expect(at[2]! - started).toBeGreaterThanOrEqual(380);
    expect(h.api.texts(chats.ani)[0]).toContain(`https://t.me/jembatan_test_bot?start=${cardPayload}`);
  });

  it('sees people open the card, check, apply — attributed to the broadcast and the referral link', async () => {
    const ani = conversation(h, { id: chats.ani });
    const card = await ani.say(`/start ${cardPayload}`);
    expect(card.text).toContain('Pelatihan Perawat Lansia Jawa Timur');
    await ani.press(/Cek kelayakan/);
    const bunga = conversation(h, { id: chats.bunga });
    await bunga.say(`/start ${cardPayload}`);
    const [caregiver] = await h.runtime.db
      .select({ id: programmes.id })
      .from(programmes)
      .where(eq(programmes.slug, 'perawat-lansia-jatim'));
    for (const chat of [chats.ani, chats.bunga]) {
      const [identity] = await h.runtime.db
        .select({ userId: identities.userId })
        .from(identities)
        .where(eq(identities.externalId, String(chat)));
      const draft = await openDraft(h.runtime.db, identity!.userId, caregiver!.id, 'telegram');
      await h.runtime.db.transaction((tx) =>
        submitApplication(tx, {
          applicationId: draft.id,
          programmeId: caregiver!.id,
          applicant: { gender: 'perempuan', domicileProvince: '35' },
          stats: { gender: 'perempuan', educationLevel: 'SMA', province: '35', age: 21 },
        }),
      );
    }
    const stats = await call(h, kopri.token, 'GET', `/broadcasts/${broadcastId}/stats`);
    expect(stats.json.outcomes).toEqual({
      opened_card: 2,
      checked_eligibility: 1,
      applied: 2,
      attribution_days: 7,
    });
    const apps = await call(h, kopri.token, 'GET', '/applications?programme=perawat-lansia-jatim');
    expect(apps.json.total).toBe(2);
    for (const a of apps.json.items) {
      expect(a.referral).toEqual({ code: linkCode, recruiter: 'Ani (KOPRI Surabaya)' });
      expect(a.reference).toMatch(/^JMB-\d{4}-\d{6}$/);
    }
    const csv = await call(h, kopri.token, 'GET', `/applications/export.csv?referral=${linkCode}`);
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect((await call(h, kopri.token, 'GET', '/referral-links')).json.items[0]).toMatchObject({
      people: 6,
      applications: 2,
    });
    // A status change goes through the applications module and tells the person.
    const reference = apps.json.items[0].reference;
    const changed = await call(h, kopri.token, 'POST', `/applications/${reference}/status`, {
      status: 'diverifikasi',
    });
    expect(changed.json).toMatchObject({ from: 'diajukan', to: 'diverifikasi', notified: true });
  });

  it("shows the target's progress", async () => {
    const targets = await call(h, kopri.token, 'GET', '/targets');
    const progress = targets.json.items[0].progress;
    expect(progress.participants).toEqual({ count: 2, goal: 2, met: true });
    expect(progress.women).toEqual({ count: 2, percent: 100, goal: 50, met: true });
    // Neither participant was asked about a disability: the API says so instead of a bare 0 % (#20 point 12).
    expect(progress.disability).toEqual({ count: 0, unknown: 2, percent: 0, goal: 5, met: false });
    expect(progress.by_referral).toEqual({ [linkCode]: 2 });
    expect(progress.met).toBe(false);
  });

  it('and the other organisation sees none of it', async () => {
    expect((await call(h, blk.token, 'GET', '/programmes')).json.total).toBe(0);
    expect((await call(h, blk.token, 'GET', '/broadcasts')).json.items).toEqual([]);
    expect((await call(h, blk.token, 'GET', `/broadcasts/${broadcastId}/stats`)).status).toBe(404);
    expect((await call(h, blk.token, 'GET', '/applications')).json.total).toBe(0);
    expect((await call(h, blk.token, 'GET', '/targets')).json.items).toEqual([]);
    const links = (await call(h, blk.token, 'GET', '/referral-links')).json.items;
    expect(links.map((l: { code: string }) => l.code)).toEqual(['blk-pasar']);
    expect(links[0].people).toBe(1);
  });
});
