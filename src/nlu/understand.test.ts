import { describe, expect, it } from 'vitest';
import { understand } from './understand';

describe('understand', () => {
  it('reads the examples of the brief', () => {
    expect(understand('lulusan smp bisa ikut pelatihan apa?')).toMatchObject({
      intent: 'search',
      slots: { kind: 'pelatihan', education: 'SMP' },
    });
    expect(understand('ada magang ke jepang gak kak?')).toMatchObject({
      intent: 'search',
      slots: { kind: 'magang_luar_negeri', country: 'JP' },
    });
    expect(understand('pelatihan las di sby').slots).toEqual({
      kind: 'pelatihan',
      fields: ['las'],
      fieldWords: ['las'],
      province: '35',
      regency: '35.78',
    });
    expect(understand('plthan komputer gratis dmn ya').slots).toEqual({
      kind: 'pelatihan',
      fields: ['tik'],
      fieldWords: ['komputer'],
      constraints: { free: true },
    });
    expect(understand('magang luar negri yg buat cewe').slots).toEqual({
      kind: 'magang_luar_negeri',
      constraints: { womenOnly: true },
    });
    expect(understand('kak aku mau daftar').intent).toBe('apply');
    expect(understand('status lamaranku gmn').intent).toBe('status');
    expect(understand('program apa yang cocok untukku').intent).toBe('match');
    expect(understand('kabari aku kalau ada magang jepang')).toMatchObject({
      intent: 'subscribe',
      slots: { kind: 'magang_luar_negeri', country: 'JP' },
    });
  });

  it('tells the conversation controls apart', () => {
    const cases: Array<[string, string]> = [
      ['/berhenti', 'stop'],
      ['stop', 'stop'],
      ['jangan kirim lagi', 'stop'],
      ['/mulai', 'resume'],
      ['bicara dengan petugas', 'handoff'],
      ['mau tanya admin', 'handoff'],
      ['kak ada orangnya?', 'handoff'],
      ['batal', 'cancel'],
      ['kembali', 'back'],
      ['lanjut', 'next'],
      ['sebelumnya', 'prev'],
      ['menu', 'menu'],
      ['ganti bahasa', 'language'],
      ['english please', 'language'],
      ['/data_saya', 'privacy_export'],
      ['data saya apa aja', 'privacy_export'],
      ['hapus data saya', 'privacy_delete'],
      ['iya kak', 'yes'],
      ['gak', 'no'],
      ['makasih kak', 'thanks'],
      ['halo', 'greeting'],
      ['asdfgh', 'unknown'],
    ];
    for (const [text, intent] of cases) expect(understand(text).intent, text).toBe(intent);
  });

  it('keeps education distinct from the words that look like it', () => {
    expect(understand('tamat SMA').slots.education).toBe('SMA');
    expect(understand('lulusan smk').slots.education).toBe('SMA');
    expect(understand('lulusan MA').slots.education).toBe('SMA');
    expect(understand('sarjana S1').slots.education).toBe('S1');
    expect(understand('masih SMA kelas 12').slots.education).toBeUndefined();
    expect(understand('makasih ma').slots.education).toBeUndefined();
  });

  it('keeps a language course apart from a trip abroad', () => {
    expect(understand('pelatihan bahasa jepang').slots).toMatchObject({
      kind: 'pelatihan',
      fields: ['bahasa'],
    });
    expect(understand('pelatihan bahasa jepang').slots.country).toBeUndefined();
    expect(understand('magang jepang').slots).toEqual({ kind: 'magang_luar_negeri', country: 'JP' });
    expect(understand('kerja ke korea lewat magang').slots).toEqual({
      kind: 'magang_luar_negeri',
      country: 'KR',
    });
    expect(understand('magang abroad ada?').slots).toEqual({ kind: 'magang_luar_negeri' });
  });

  it('reads IT only as the field when it is meant', () => {
    expect(understand('pelatihan IT').slots.fields).toEqual(['tik']);
    expect(understand('magang it support').slots.fields).toEqual(['tik']);
    expect(understand('is it free?').slots.fields).toBeUndefined();
  });

  it('picks list items', () => {
    expect(understand('yang kedua')).toMatchObject({ intent: 'details', slots: { ordinal: 2 } });
    expect(understand('no 3').slots.ordinal).toBe(3);
    expect(understand('nomor dua').slots.ordinal).toBe(2);
    expect(understand('2').slots.ordinal).toBe(2);
    expect(understand('pelatihan 3 bulan').slots.ordinal).toBeUndefined();
  });

  it('leaves unclaimed meaningful words as keywords', () => {
    expect(understand('pelatihan drone di jogja').slots).toEqual({
      kind: 'pelatihan',
      province: '34',
      keywords: ['drone'],
    });
    // "3G" is a welding position: a topic of las, which ranks the programmes that say it first.
    expect(understand('pelatihan las 3G di cilegon').slots.topics?.[0]?.[0]).toBe('3g');
    expect(understand('halo kak').slots.keywords).toBeUndefined();
  });

  it('mixes Indonesian and English', () => {
    expect(understand('training welding in surabaya').slots).toEqual({
      kind: 'pelatihan',
      fields: ['las'],
      fieldWords: ['welding'],
      province: '35',
      regency: '35.78',
    });
    expect(understand('free computer course in jakarta').slots).toEqual({
      kind: 'pelatihan',
      fields: ['tik'],
      fieldWords: ['computer'],
      province: '31',
      constraints: { free: true },
    });
  });

  it('never throws on odd input', () => {
    for (const text of [
      '',
      '   ',
      'constructor',
      '__proto__ toString',
      '////',
      '🤖'.repeat(300),
      'a'.repeat(5000),
      'ＳＭＡ',
    ]) {
      expect(() => understand(text)).not.toThrow();
    }
    expect(understand('').intent).toBe('unknown');
    expect(understand('ＳＭＡ').slots.education).toBe('SMA');
  });
});
