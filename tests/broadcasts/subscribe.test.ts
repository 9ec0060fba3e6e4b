import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consents, identities, subscriptions, users } from '../../src/db/schema';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';

/* Opting in to openings in the chat, and opting out from anywhere. */

let h: Harness;
let nextId = 40_000;
const someone = () => conversation(h, { id: nextId++, firstName: 'Rina' });

beforeAll(async () => {
  h = await startHarness();
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

async function topicsOf(chat: number) {
  return h.runtime.db
    .select({ kind: subscriptions.kind, field: subscriptions.field, province: subscriptions.province })
    .from(subscriptions)
    .where(eq(subscriptions.userId, await userOf(chat)));
}

describe('subscribing to openings', () => {
  it('asks kind, field and region, then records the opt-in and its consent', async () => {
    const rina = someone();
    await rina.say('/start');
    let reply = await rina.say('langganan');
    expect(reply.text).toContain('Mau dikabari info program apa?');
    reply = await rina.press(/Pelatihan/);
    expect(reply.text).toContain('Bidang apa');
    reply = await rina.say('las');
    expect(reply.text).toContain('Di daerah mana?');
    reply = await rina.press('Di mana saja');
    expect(reply.text).toContain('Siap! Aku akan mengabarimu info pelatihan · Pengelasan (las)');
    expect(await topicsOf(rina.person.id)).toEqual([{ kind: 'pelatihan', field: 'las', province: null }]);
    const [consent] = await h.runtime.db
      .select()
      .from(consents)
      .where(eq(consents.userId, await userOf(rina.person.id)));
    expect(consent).toMatchObject({ purpose: 'broadcasts', granted: true, channel: 'telegram' });
  });

  it('understands a whole topic typed at once', async () => {
    const budi = someone();
    await budi.say('/start');
    await budi.say('/langganan');
    const reply = await budi.say('magang las di jawa timur');
    expect(reply.text).toContain('Siap!');
    expect(await topicsOf(budi.person.id)).toEqual([{ kind: 'magang', field: 'las', province: '35' }]);
  });

  it('takes "semua" for any and "tidak" as a no', async () => {
    const sari = someone();
    await sari.say('/start');
    await sari.say('langganan');
    await sari.say('semua');
    await sari.say('semua bidang');
    const reply = await sari.say('di mana saja');
    expect(reply.text).toContain('semua program');
    expect(await topicsOf(sari.person.id)).toEqual([{ kind: null, field: null, province: null }]);
    const ayu = someone();
    await ayu.say('/start');
    await ayu.say('langganan');
    const no = await ayu.press('Tidak, terima kasih');
    expect(no.text).toContain('tidak apa-apa');
    expect(await topicsOf(ayu.person.id)).toEqual([]);
  });

  it('offers it once, under the first search results', async () => {
    const dewi = someone();
    await dewi.say('/start');
    const first = await dewi.say('pelatihan las di surabaya');
    expect(first.text).toContain('Pelatihan Las Surabaya');
    expect(first.text).toContain('"langganan"');
    expect(first.buttons.length).toBeGreaterThan(1); // the results keep their buttons
    const second = await dewi.say('pelatihan las di surabaya');
    expect(second.text).not.toContain('"langganan"');
  });

  it('/berhenti and "jangan kirim lagi" stop broadcasts from anywhere; /mulai resumes, asking topics if none', async () => {
    const eka = someone();
    await eka.say('/start');
    await eka.say('langganan'); // in the middle of the flow…
    let reply = await eka.say('jangan kirim lagi');
    expect(reply.text).toContain('tidak akan menerima info program');
    const [stopped] = await h.runtime.db
      .select({ stopped: users.broadcastsStopped })
      .from(users)
      .where(eq(users.id, await userOf(eka.person.id)));
    expect(stopped!.stopped).toBe(true);
    reply = await eka.say('/mulai');
    expect(eka.texts().at(-2)).toContain('menerima info program baru lagi');
    expect(reply.text).toContain('Mau dikabari info program apa?');
    await eka.press('Semua jenis');
    await eka.press('Semua bidang');
    await eka.press('Di mana saja');
    await eka.say('/berhenti');
    reply = await eka.say('/mulai');
    expect(reply.text).toContain('menerima info program baru lagi');
    expect(reply.text).not.toContain('Mau dikabari');
  });
});
