import { describe, expect, it } from 'vitest';
import { matchChoice } from './choice';

const MENU = [
  '🔍 Cari program',
  '✅ Cek kelayakan',
  '📋 Lamaran saya',
  '🌐 Ganti bahasa',
  '🙋 Bicara dengan petugas',
];

describe('matchChoice', () => {
  it('picks by number, however it is written', () => {
    for (const text of [
      '2',
      '2.',
      'no 2',
      'No. 2',
      'nomor 2',
      'dua',
      'yang kedua',
      'ke-2',
      'pilih 2',
      'yg ke 2',
      'nomer dua',
    ]) {
      expect(matchChoice(text, MENU), text).toBe(1);
    }
    expect(matchChoice('1', MENU)).toBe(0);
    expect(matchChoice('5', MENU)).toBe(4);
  });

  it('picks nothing for a number that is not on screen', () => {
    expect(matchChoice('6', MENU)).toBeUndefined();
    expect(matchChoice('0', MENU)).toBeUndefined();
  });

  it("picks by the option's own words, with a typo forgiven", () => {
    expect(matchChoice('cari program', MENU)).toBe(0);
    expect(matchChoice('Cari Program dong kak', MENU)).toBe(0);
    expect(matchChoice('bahasa', MENU)).toBe(3);
    expect(matchChoice('lamaran', MENU)).toBe(2);
    expect(matchChoice('kelayakan', MENU)).toBe(1);
    expect(matchChoice('bahsa', MENU)).toBe(3);
    expect(matchChoice('saya mau bicara dengan petugas sekarang', MENU)).toBe(4);
  });

  it('picks a control by meaning when the words differ', () => {
    expect(matchChoice('mau ngomong sama admin', MENU)).toBe(4);
    expect(matchChoice('iya', ['Ya', 'Tidak'])).toBe(0);
    expect(matchChoice('gak', ['Ya', 'Tidak'])).toBe(1);
    expect(matchChoice('ok', ['Ya, lanjut', 'Tidak'])).toBe(0);
  });

  it('does not guess', () => {
    expect(matchChoice('kembali', MENU)).toBeUndefined();
    expect(matchChoice('menu', MENU)).toBeUndefined();
    expect(matchChoice('program', ['Cari program', 'Program saya'])).toBeUndefined();
    expect(matchChoice('asdfgh', MENU)).toBeUndefined();
    expect(matchChoice('', MENU)).toBeUndefined();
    expect(matchChoice('kembali', ['Kembali', 'Menu'])).toBe(0);
    expect(matchChoice('menu', ['Kembali', 'Menu'])).toBe(1);
  });

  it('finds a programme by its title words', () => {
    const titles = [
      'Magang Perawat Lansia di Jepang',
      'Pelatihan Las SMAW — BPVP Bekasi',
      'Kursus Barista Jogja',
    ];
    expect(matchChoice('yang jepang', titles)).toBe(0);
    expect(matchChoice('las', titles)).toBe(1);
    expect(matchChoice('barista', titles)).toBe(2);
  });
});

describe('a feeling said with a request', () => {
  const MENU = ['🔎 Cari program', '✅ Cek kelayakan', '📄 Lamaran saya', '🙋 Bicara dengan petugas'];
  it('is not a tap on a button by meaning (the feeling is answered first)', () => {
    expect(matchChoice('aku capek bgt kak, udah daftar kemana2 ga ada yg nerima 😭', MENU)).toBeUndefined();
    expect(matchChoice('udah daftar kemana2 ga ada yg nerima', MENU)).toBeUndefined();
    expect(matchChoice('status lamaran saya gimana', MENU)).toBe(2);
  });
});
