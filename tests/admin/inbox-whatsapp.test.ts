import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffs, identities, messages } from '../../src/db/schema';
import type { Runtime } from '../../src/runtime';
import { AdminClient, createStaff } from '../helpers/admin';
import {
  type BaileysHarness,
  type CloudHarness,
  startBaileysHarness,
  startCloudHarness,
} from '../helpers/whatsapp';
import { pnOf } from '../helpers/whatsapp-messages';
import { waitUntil } from '../helpers/whatsapp-socket';

/*
 * The staff inbox answering people on WhatsApp, both transports: what staff type in the browser reaches
 * the person's phone through the same outbox as on Telegram; closing brings the bot back.
 */

async function drain(runtime: Runtime): Promise<void> {
  await runtime.db
    .update(messages)
    .set({ availableAt: new Date(0) })
    .where(eq(messages.status, 'pending'));
  while ((await runtime.dispatcher.drainOnce()) > 0) {}
}

/** The newest handoff of a person on WhatsApp (one person per harness here). */
async function latestWhatsAppHandoff(runtime: Runtime) {
  const [row] = await runtime.db
    .select({ id: handoffs.id, organisation: handoffs.organisation })
    .from(handoffs)
    .innerJoin(identities, eq(identities.userId, handoffs.userId))
    .where(eq(identities.channel, 'whatsapp'))
    .orderBy(desc(handoffs.createdAt));
  if (!row) throw new Error('no handoff from WhatsApp');
  return row;
}

async function staffAnswers(runtime: Runtime, handoffId: string, answer: string) {
  const staff = new AdminClient(runtime.app);
  expect((await staff.login('wulan@jembatan.id')).status).toBe(303);
  expect((await staff.get(`/admin/inbox/${handoffId}`)).status).toBe(200);
  expect(staff.lastHtml).toContain('WhatsApp');
  expect((await staff.post(`/admin/inbox/${handoffId}/reply`, { text: answer })).status).toBe(303);
  await drain(runtime);
  return staff;
}

describe('inbox answering a person on WhatsApp (Baileys)', () => {
  let h: BaileysHarness;
  beforeAll(async () => {
    h = await startBaileysHarness();
    await createStaff(h.runtime.db, { organisation: 'jembatan', email: 'wulan@jembatan.id', name: 'Wulan' });
  });
  afterAll(() => h.close());

  it('relays the reply to the phone, and the bot resumes after close', async () => {
    const person = { pn: '6281399001122', name: 'Rahma' };
    await h.say(person, 'halo');
    await h.say(person, 'bisa ngobrol sama admin ga kak');
    expect(h.texts(pnOf(person)).at(-1)).toMatch(/petugas/i);
    const handoff = await latestWhatsAppHandoff(h.runtime);

    const answer = 'Halo Rahma, saya Wulan dari Jembatan. Ada yang bisa dibantu soal magang?';
    const staff = await staffAnswers(h.runtime, handoff.id, answer);
    await waitUntil(() => h.texts(pnOf(person)).includes(answer));

    // While handed off the bot stays silent; the person's words go to the inbox.
    const before = h.texts(pnOf(person)).length;
    await h.say(person, 'mau tanya magang ke korea kak');
    expect(h.texts(pnOf(person))).toHaveLength(before);
    const log = await staff.get(`/admin/inbox/${handoff.id}/log`, { 'x-requested-with': 'fetch' });
    expect(await log.text()).toContain('mau tanya magang ke korea kak');

    expect((await staff.post(`/admin/inbox/${handoff.id}/close`)).status).toBe(303);
    await drain(h.runtime);
    await waitUntil(() => h.texts(pnOf(person)).some((t) => t.includes('Seberapa puas')));
    await h.say(person, '5');
    expect(h.texts(pnOf(person)).at(-1)).toContain('Terima kasih atas penilaianmu');
  });
});

describe('inbox answering a person on WhatsApp (Cloud API)', () => {
  let h: CloudHarness;
  beforeAll(async () => {
    h = await startCloudHarness();
    await createStaff(h.runtime.db, { organisation: 'jembatan', email: 'wulan@jembatan.id', name: 'Wulan' });
  });
  afterAll(() => h.close());

  it('relays the reply through the Graph API, and the bot resumes after close', async () => {
    const waId = '6285266778899';
    await h.say(waId, 'permisi');
    await h.say(waId, 'saya mau bicara dengan petugas');
    const handoff = await latestWhatsAppHandoff(h.runtime);
    const answer = 'Selamat siang, kami bantu ya. Boleh tahu domisili kamu?';
    await staffAnswers(h.runtime, handoff.id, answer);
    expect(h.texts(waId)).toContain(answer);

    const staff = new AdminClient(h.runtime.app);
    await staff.login('wulan@jembatan.id');
    await staff.get(`/admin/inbox/${handoff.id}`);
    expect((await staff.post(`/admin/inbox/${handoff.id}/close`)).status).toBe(303);
    await drain(h.runtime);
    expect(h.texts(waId).some((t) => t.includes('Seberapa puas'))).toBe(true);
    await h.say(waId, '4');
    expect(h.texts(waId).at(-1)).toContain('Terima kasih atas penilaianmu');
  });
});
