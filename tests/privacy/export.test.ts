import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { personalDataLog } from '../../src/db/schema';
import { subjectHash } from '../../src/privacy/log';
import { loadCatalogue } from '../helpers/catalogue';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';
import { messageUpdate } from '../helpers/telegram';
import { bornAgo, CATALOGUE, documentOf, personWithProfile, userIdOf } from './helpers';

let h: Harness;
let nextPerson = 7_310_000_000;
const person = () => ({ id: nextPerson++, firstName: 'Kirana' });

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, CATALOGUE);
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.api.reset());

describe('/data_saya through the Telegram webhook', () => {
  it('shows a summary and sends a JSON and a text file that hold what the person told the bot', async () => {
    const p = person();
    const chat = conversation(h, p);
    const birth = bornAgo(22, 40);
    await personWithProfile(h, chat, birth);
    await h.post(
      messageUpdate(p, { contact: { phone_number: '+6281234567890', first_name: 'Kirana', user_id: p.id } }),
    );
    await chat.say('nik saya 3578014505030001');
    h.api.reset();

    const next = await chat.say('/data_saya');
    const texts = chat.texts();
    const summary = texts.find((t) => t.startsWith('📋 Data yang kami simpan tentang kamu'))!;
    expect(summary).toBeDefined();
    expect(summary).toContain('👤 Akun: Kirana');
    expect(summary).toContain('📱 Terhubung lewat: Telegram');
    expect(summary).toMatch(/• Data pribadi: setuju — .+ \(versi pemberitahuan 2026-11-v1\)/);
    expect(summary).toContain(`• Tanggal lahir: ${birth}`);
    expect(summary).toContain('• Jenis kelamin: Perempuan');
    expect(summary).toContain('Kota Surabaya');
    expect(summary).toContain('⭐ Program disimpan (1): Pelatihan Las Privasi');
    expect(summary).toContain('🔔 Pemberitahuan program baru (1): Magang luar negeri · Jepang');
    expect(summary).toMatch(/💬 Riwayat pesan: \d+ pesan sejak/);
    expect(summary.length).toBeLessThan(4096);
    expect(next.text).toBe('Mau apa lagi dengan datamu?');
    expect(next.buttons.map((b) => b.text)).toContain('🗑️ Hapus data saya');

    const documents = h.api.sent('sendDocument', p.id).map(documentOf);
    expect(documents.map((d) => d.fileName)).toEqual([
      expect.stringMatching(/^data-jembatan-\d{4}-\d{2}-\d{2}\.json$/),
      expect.stringMatching(/^data-jembatan-\d{4}-\d{2}-\d{2}\.txt$/),
    ]);
    const json = JSON.parse(documents[0]!.content);
    expect(json.format).toBe('jembatan-personal-data');
    const iso = birth.split('-').reverse().join('-');
    expect(json.data.profile.data).toMatchObject({
      birthDate: iso,
      gender: 'perempuan',
      domicileRegency: '35.78',
      education: { level: 'SMA' },
      activity: 'tidak_bekerja',
    });
    expect(json.data.account).toMatchObject({ displayName: 'Kirana', locale: 'id' });
    expect(json.data.account.channels).toEqual([
      expect.objectContaining({ channel: 'telegram', externalId: String(p.id), address: String(p.id) }),
    ]);
    expect(json.data.consents).toEqual([
      expect.objectContaining({ purpose: 'personal_data', granted: true, noticeVersion: '2026-11-v1' }),
    ]);
    expect(json.data.savedProgrammes).toEqual([
      expect.objectContaining({ slug: 'las-privasi', title: { id: 'Pelatihan Las Privasi' } }),
    ]);
    expect(json.data.alerts).toHaveLength(1);
    const inbound = json.data.messages.items.filter((m: { direction: string }) => m.direction === 'in');
    expect(inbound.map((m: { body: { text?: string } }) => m.body.text)).toEqual(
      expect.arrayContaining([birth, 'surabaya', 'nik saya 3578014505030001']),
    );
    expect(inbound).toContainEqual(
      expect.objectContaining({
        body: expect.objectContaining({ type: 'contact', phone: '+6281234567890' }),
      }),
    );
    expect(json.data.messages.total).toBe(json.data.messages.items.length);

    const text = documents[1]!.content;
    expect(text).toContain('DATA PRIBADI KAMU DI JEMBATAN');
    expect(text).toContain('Nama: Kirana');
    expect(text).toContain(`• Tanggal lahir: ${birth}`);
    expect(text).toContain('• Pelatihan Las Privasi (disimpan');
    expect(text).toMatch(/\] Kamu: nik saya 3578014505030001/);
    expect(text).toContain('(membagikan kontak: +6281234567890)');
    expect(text).toMatch(/\] Jembatan: /);
    expect(text).toContain('paling lama 730 hari');

    // The processing log: an export by the person themself.
    const userId = await userIdOf(h, p.id);
    const log = await h.runtime.db
      .select()
      .from(personalDataLog)
      .where(eq(personalDataLog.subjectUserId, userId));
    expect(log).toEqual([
      expect.objectContaining({ actor: 'user', action: 'export', subjectHash: subjectHash(userId) }),
    ]);
    expect(JSON.stringify(log[0]!.detail)).not.toMatch(/Kirana|3578|6281/);
  });

  it('lists an earlier export by name without copying its contents, and works in English', async () => {
    const p = { ...person(), languageCode: 'en' };
    const chat = conversation(h, p);
    await chat.say('/start');
    await chat.say('/data_saya');
    h.api.reset();
    await chat.say('/data_saya');
    const summary = chat.texts().find((t) => t.startsWith('📋 The data we keep about you'))!;
    expect(summary).toContain('✅ Consent: never given');
    expect(summary).toContain('🧾 Profile: empty');
    // The first export is in the processing log, and the person sees it.
    expect(summary).toContain('🔎 Processing log: 1 entry');
    const [json, text] = h.api.sent('sendDocument', p.id).map(documentOf);
    expect(JSON.parse(json!.content).data.processingLog).toEqual([
      { action: 'export', actor: 'user', at: expect.any(String) },
    ]);
    expect(text!.content).toMatch(
      /== PROCESSING LOG \(who saw or changed your data\) ==\n• .+ — downloaded by you/,
    );
    const files = JSON.parse(json!.content).data.messages.items.filter(
      (m: { body: { type: string } }) => m.body.type === 'document',
    );
    expect(files.length).toBe(2);
    for (const file of files) {
      expect(file.body.fileName).toMatch(/^data-jembatan-/);
      expect(file.body.data).toBeUndefined();
    }
  });

  it('opens from Pengaturan & privasi', async () => {
    const p = person();
    const chat = conversation(h, p);
    await chat.say('/pengaturan');
    await chat.press('📋 Lihat data saya');
    expect(h.api.sent('sendDocument', p.id)).toHaveLength(2);
  });
});
