import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { type CloudHarness, startCloudHarness } from '../helpers/whatsapp';
import { messageBody } from '../helpers/whatsapp-cloud';
import { bornAgo, JPEG, nikFor, tempUploads } from './helpers';

let h: CloudHarness;

let uploads = '';

beforeAll(async () => {
  uploads = tempUploads();
  process.env.UPLOADS_DIR = uploads;
  h = await startCloudHarness();
  await loadCatalogue(h.runtime.db, [
    programme('wa-las', {
      title: { id: 'Pelatihan Las WhatsApp' },
      application: { mode: 'in_chat', documents: ['ktp'], organisation: 'kopri-pb-pmii' },
    }),
  ]);
  // The Graph API stand-in serves a real JPEG for the photo the person sends.
  h.api.behaviour = (call) =>
    call.path === '/v21.0/files/media-in-ktp' ? { status: 200, body: Buffer.from(JPEG) } : undefined;
});
afterAll(async () => {
  await h.close();
  rmSync(uploads, { recursive: true, force: true });
});

describe('applying on WhatsApp (Cloud API)', () => {
  it('offers the person’s own number, takes a photo through the Graph API, and submits', async () => {
    const waId = '6281377778888';
    const last = () => h.texts(waId).at(-1) ?? '';
    const born = bornAgo(22, 3);
    await h.say(waId, '/start p_wa-las');
    expect(last()).toContain('📌 Pelatihan Las WhatsApp');
    await h.say(waId, 'daftar');
    for (let turn = 0; turn < 10 && !last().includes('nama lengkapmu'); turn++) {
      const text = last();
      if (text.includes('Apakah kamu setuju')) await h.say(waId, 'setuju');
      else if (text.includes('tanggal lahirmu')) await h.say(waId, born.text);
      else if (text.includes('jenis kelaminmu')) await h.say(waId, 'laki-laki');
      else if (text.includes('kabupaten/kota mana')) await h.say(waId, 'Kota Bandung');
      else if (text.includes('pendidikan terakhir')) await h.say(waId, 'SMP');
      else if (text.includes('Tahun berapa kamu lulus'))
        await h.say(waId, String(new Date().getUTCFullYear() - 6));
      else throw new Error(`unexpected: ${text}`);
    }
    await h.say(waId, 'Joko Susilo');
    await h.say(waId, nikFor(born.date, false));
    expect(last()).toContain('Pakai nomor ini (+62 813 7777 8888)');
    await h.say(waId, '1');
    expect(h.texts(waId).at(-2)).toContain('✓ Nomor HP: +62 813 7777 8888');
    await h.say(waId, 'lewati');
    await h.say(waId, 'Jl. Braga No. 10 RT 01/RW 05, Sumur Bandung, Kota Bandung');
    // SMP: no major is asked; straight to the KTP.
    expect(last()).toContain('Dokumen 1 dari 1');
    await h.post(
      messageBody({ waId }, { type: 'image', image: { id: 'media-in-ktp', mime_type: 'image/jpeg' } }),
    );
    expect(h.texts(waId).at(-2)).toContain('✓ KTP diterima (foto)');
    expect(last()).toContain('Periksa lagi lamaranmu');
    expect(last()).toContain('No. HP: +62 813 7777 8888');
    await h.say(waId, 'kirim');
    expect(h.texts(waId).join('\n')).toMatch(/Nomor pendaftaran: JMB-\d{4}-\d{6}/);
  });
});
