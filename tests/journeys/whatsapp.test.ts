import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { type BaileysHarness, startBaileysHarness } from '../helpers/whatsapp';
import { type Turn, whatsappPerson } from './transcript';

/* The same people on WhatsApp (Baileys): choices arrive as numbered lines, answers are numbers or words. */
let h: BaileysHarness;
const transcripts: Array<() => string> = [];
const SURABAYA = { province: '35', regency: '35.78', mode: 'luring' };

beforeAll(async () => {
  h = await startBaileysHarness();
  await loadCatalogue(h.runtime.db, [
    programme('las-surabaya', { title: { id: 'Pelatihan Las Surabaya' }, location: SURABAYA }),
    programme('komputer-bandung', {
      title: { id: 'Pelatihan Komputer Bandung' },
      field: 'tik',
      location: { province: '32', regency: '32.73', mode: 'luring' },
    }),
  ]);
});
afterAll(() => h.close());
afterEach((test) => {
  if (test.task.result?.state === 'fail') for (const t of transcripts) console.log(t());
  transcripts.length = 0;
});

const shown = (turn: Turn) => turn.replies.map((r) => r.text).join('\n');

describe('journeys on WhatsApp (Baileys)', () => {
  it('Rian: voice note, sticker, "apa ini", then a person — every answer says what to type next', async () => {
    const rian = whatsappPerson(h, { pn: '6281277770001', name: 'Rian' });
    transcripts.push(rian.transcript);
    await rian.say('p');
    let turn = await rian.voice();
    expect(shown(turn)).toContain('pesan suara');
    expect(shown(turn)).toContain('Balas dengan angka 1–5');
    turn = await rian.sticker();
    expect(shown(turn)).toContain('Stiker');
    turn = await rian.say('apa ini');
    // No "tap the button" on a channel without buttons, and no slash commands to learn.
    expect(shown(turn)).not.toContain('Ketuk');
    expect(shown(turn)).not.toMatch(/\/(data_saya|hapus_data|petugas)/);
    expect(shown(turn)).toContain('petugas — bicara dengan petugas');
    turn = await rian.say('4');
    expect(shown(turn)).toContain('antrean petugas');
  });

  it('Siti types numbers and words, changes her mind at the consent, and lands on Surabaya', async () => {
    const siti = whatsappPerson(h, { pn: '6281277770002', name: 'Siti' });
    transcripts.push(siti.transcript);
    await siti.say('pelatihan komputer di bandung ada ga kak');
    let turn = await siti.say('1');
    expect(shown(turn)).toContain('Pelatihan Komputer Bandung');
    expect(shown(turn)).toMatch(/\d+\. ✅ Cek kelayakan/);
    turn = await siti.say('cek kelayakan');
    expect(shown(turn)).toContain('Apakah kamu setuju?');
    turn = await siti.say('eh gajadi, yg di surabaya aja');
    expect(shown(turn)).toContain('ganti rencana');
    expect(shown(turn)).toContain('Pelatihan Las Surabaya');
    expect(shown(turn)).not.toContain('Apakah kamu setuju');
    // Every numbered screen ends with how to answer, and offers Menu and Petugas.
    expect(shown(turn)).toMatch(/\d+\. 🏠 Menu\n\d+\. 🙋 Petugas\nBalas dengan angka 1–\d+\./);
  });
});
