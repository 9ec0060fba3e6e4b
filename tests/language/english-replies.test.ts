/**
 * No Indonesian in English replies (issue #14, point 6): an English speaker goes through many flows —
 * greeting, search, a card and its follow-ups, eligibility with the profile questions, matching, the
 * knowledge base, feelings, privacy, help, a person — and every reply is scanned for Indonesian words
 * that should have been translated. Place names, programme names and commands are not translated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tFor } from '../../src/i18n';
import { loadCatalogue, programme } from '../helpers/catalogue';
import { conversation, type Reply } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';

const en = tFor('en');
let h: Harness;
let next = 620_000;
const person = () => conversation(h, { id: next++, firstName: 'Maya', languageCode: 'en' });

/** Indonesian words a translation would never keep (place names such as "Jawa Timur" are left alone). */
const INDONESIAN = new Set(
  `yang dan untuk dengan tidak ada atau dari ini itu adalah akan sudah belum bisa boleh harus kalau karena
  juga saja lagi masih sama tapi kamu saya aku kami kita mereka apa siapa kapan dimana berapa bagaimana
  pelatihan magang sertifikasi lowongan kerja petugas lamaran daftar mendaftar syarat persyaratan kelayakan
  cek cari pilih lanjut batal kembali simpan bagikan saring hasil halaman hari bulan tahun minggu lagi
  tutup buka gratis biaya uang saku asrama makan kursi kuota umum khusus perempuan laki wanita pria
  lulusan umur usia tinggi badan tanggal lahir pendidikan domisili kegiatan sekolah kuliah bekerja
  sumber dicek belum ya tolong maaf terima kasih halo selamat sampai mulai selesai program-program
  luring daring tatap muka`.split(/\s+/),
);

/** Words of the reply that are Indonesian, outside commands ("/data_saya") and quoted catalogue titles. */
function indonesianWords(text: string): string[] {
  const plain = text
    .replace(/\/\w+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/Kota |Kabupaten |Kab\. /g, ' ');
  const words = plain.toLowerCase().match(/\p{L}+/gu) ?? [];
  return [...new Set(words.filter((w) => INDONESIAN.has(w)))];
}

const seen: Array<{ said: string; reply: Reply }> = [];
async function walk(said: string, act: () => Promise<Reply>): Promise<Reply> {
  const reply = await act();
  seen.push({ said, reply });
  return reply;
}

beforeAll(async () => {
  h = await startHarness();
  await loadCatalogue(h.runtime.db, [
    programme('las-sby', {
      title: { id: 'Pelatihan Las Surabaya', en: 'Welding Training Surabaya' },
      summary: { id: 'Pelatihan las dasar.', en: 'Basic welding training.' },
      benefits: ['uang_saku', 'asrama'],
      costs: { fee_idr: 0, stipend_idr: 900_000, stipend_period: 'bulan' },
      seats: { total: 20, women: 5 },
      eligibility: { age: { min: 18, max: 24 }, education: { min: 'SMA' } },
    }),
    programme('jahit-sby', {
      title: { id: 'Pelatihan Menjahit Surabaya', en: 'Sewing Training Surabaya' },
      summary: { id: 'Menjahit.', en: 'Sewing.' },
      field: 'menjahit',
    }),
  ]);
});
afterAll(() => h?.close());

describe('English replies', () => {
  it('are scanned by a check that finds Indonesian words', () => {
    expect(indonesianWords('Ketemu 1 program untuk: Pelatihan las · tutup 20 hari lagi')).toEqual(
      expect.arrayContaining(['untuk', 'pelatihan', 'tutup', 'hari', 'lagi']),
    );
    expect(indonesianWords('Found 1 programme in Kota Surabaya, Jawa Timur; see /data_saya')).toEqual([]);
  });

  it('carry no Indonesian words across the main flows', async () => {
    const p = person();
    const say = (text: string) => walk(text, () => p.say(text));
    const press = (label: string | RegExp) => walk(`[${label}]`, () => p.press(label));
    await say('hello, I need some help please');
    await say('any welding training in surabaya?');
    await press('1');
    await say('is there a dorm');
    await say('what is the age limit');
    await say('how much does it cost');
    await say('do I get a certificate at the end');
    await press(/Check eligibility/);
    await press(/I agree/);
    // The profile questions, answered as they come.
    const answers: Record<string, string> = {
      birthDate: '17 August 1995',
      gender: 'female',
      domicile: 'I live in Surabaya',
      education: 'I finished senior high school',
      activity: 'not working',
    };
    const answerAll = async () => {
      for (let i = 0; i < 6; i++) {
        const asked = Object.keys(answers).find((k) => p.last().text.includes(en(`profile:ask.${k}`)));
        if (!asked) break;
        await say(answers[asked]!);
      }
    };
    await answerAll();
    expect(p.last().text).toContain(
      en('eligibility:flow.outcome.ineligible', { title: 'Welding Training Surabaya' }),
    );
    await say('how can I tell if an LPK is legit?');
    await say('what documents do I need?');
    await say('is this safe? my friend got scammed by an agency');
    await say('I lost my diploma, can I still apply?');
    await say('do you have a programme about deep sea diving for cats?');
    await say('😭😭😭🙏');
    await say('thank you so much');
    await say('what programs suit me?');
    await answerAll();
    await say('sorry for all the questions');
    await say('what data do you keep about me');
    await say('how does this bot work?');
    await say('I want to talk to a human');

    const leaks = seen
      .map(({ said, reply }) => ({ said, words: indonesianWords(reply.text), text: reply.text }))
      .filter((l) => l.words.length);
    // The whole conversation is the failure message: where a word leaked is then plain to see.
    const transcript = seen
      .map((s) => `>> ${s.said}\n${s.reply.text}\n  [${s.reply.buttons.map((b) => b.text).join(' | ')}]`)
      .join('\n');
    expect(
      leaks.map((l) => `${l.said}: ${l.words.join(', ')}`),
      transcript,
    ).toEqual([]);
    const buttonLeaks = seen.flatMap((s) => s.reply.buttons.flatMap((b) => indonesianWords(b.text)));
    expect(buttonLeaks, transcript).toEqual([]);
  });
});
