import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consents, identities, profiles } from '../../src/db/schema';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.api.reset());

const say = (p: { id: number }, text: string) => conversation(h, p).say(text);
const press = (p: { id: number }, label: string | RegExp) => conversation(h, p).press(label);

async function userIdOf(p: { id: number }): Promise<string> {
  const [row] = await h.runtime.db
    .select()
    .from(identities)
    .where(eq(identities.externalId, String(p.id)));
  return row!.userId;
}

describe('profile through the Telegram webhook', () => {
  it('asks nothing personal before consent, and stores nothing when consent is refused', async () => {
    const p = { id: 95_001 };
    await say(p, '/pengaturan');
    await press(p, '👤 Profil saya');
    let reply = await press(p, 'Ubah tanggal lahir');
    expect(reply.text).toContain('Apakah kamu setuju?');
    reply = await press(p, 'Tidak setuju');
    expect(reply.text).toContain('kami tidak menyimpan data pribadimu');
    expect(
      await h.runtime.db
        .select()
        .from(profiles)
        .where(eq(profiles.userId, await userIdOf(p))),
    ).toEqual([]);
  });

  it('validates each answer with a helpful message, keeps it, and shows it for review and editing', async () => {
    const p = { id: 95_002 };
    await say(p, '/pengaturan');
    await press(p, '👤 Profil saya');
    await press(p, 'Ubah domisili');
    await press(p, '✅ Setuju');
    let reply = await say(p, 'planet mars');
    expect(reply.text).toContain('kabupaten/kota');
    expect(h.api.texts(p.id).at(-2)).toContain('belum aku kenali');
    reply = await say(p, 'jatim');
    expect(reply.text).toContain('Di kabupaten/kota mana di Jawa Timur?');
    reply = await say(p, 'malang');
    expect(reply.text).toContain('Domisili: Kota Malang, Jawa Timur');
    reply = await press(p, 'Ubah domisili');
    reply = await say(p, 'kab. bandung');
    expect(reply.text).toContain('Domisili: Kabupaten Bandung, Jawa Barat');
  });

  it('asks disability needs only with a separate consent, and removes them on request', async () => {
    const p = { id: 95_003 };
    await say(p, '/pengaturan');
    await press(p, '👤 Profil saya');
    let reply = await press(p, '♿ Kebutuhan disabilitas (opsional)');
    expect(reply.text).toContain('Apakah kamu setuju?'); // the general notice first
    reply = await press(p, '✅ Setuju');
    expect(reply.text).toContain('persetujuan terpisah');
    reply = await press(p, '✅ Setuju');
    reply = await press(p, 'Ya');
    reply = await say(p, 'tuli, butuh juru bahasa isyarat');
    expect(reply.text).toContain('Kebutuhan disabilitas: tuli, butuh juru bahasa isyarat');
    const userId = await userIdOf(p);
    const purposes = (await h.runtime.db.select().from(consents).where(eq(consents.userId, userId))).map(
      (c) => `${c.purpose}:${c.granted}`,
    );
    expect(purposes.sort()).toEqual(['personal_data:true', 'specific_data:true']);
    await press(p, '♿ Kebutuhan disabilitas (opsional)');
    reply = await press(p, 'Hapus data ini');
    expect(h.api.texts(p.id).at(-2)).toContain('sudah dihapus');
    const [row] = await h.runtime.db.select().from(profiles).where(eq(profiles.userId, userId));
    expect(row?.data.disability).toBeUndefined();
  });
});
