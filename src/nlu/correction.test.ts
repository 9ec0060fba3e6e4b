import { describe, expect, it } from 'vitest';
import { otherChoice, readCorrection } from './correction';

describe('corrections in words', () => {
  it.each([
    ['salah, maksudnya 170', undefined, '170'],
    ['lah salah itu maksudnya 170 cm bukan 17', 'height', '170'],
    ['eh bukan, umurku 24', 'birthDate', '24'],
    ['ganti nomor hp', 'phone', ''],
    ['nomor hp nya salah mau ganti', 'phone', ''],
    ['ubah alamat', 'address', ''],
    ['ubah profil', 'profile', ''],
    ['tadi salah ketik', undefined, ''],
    ['nama aku salah tulis, harusnya Siti Rahmawati', 'fullName', 'siti rahmawati'],
    ['eh salah, aku lulusan d3', 'education', 'd3'],
    ['oops i meant 170 cm', 'height', '170'],
    ['change my phone number', 'phone', ''],
    ['update my profile', 'profile', ''],
    ["sorry, I'm actually 24", 'birthDate', '24'],
    ['ganti nomor hp jadi 081234567890', 'phone', '081234567890'],
    ["no wait that was my brother, I'm 152", undefined, '152'],
  ])('%s → %s %s', (text, field, value) => {
    const c = readCorrection(text);
    expect(c).toBeDefined();
    expect(c?.field).toBe(field);
    expect(c?.value.replace(/ ?cm$/, '')).toBe(value);
  });

  it.each([
    'bukan penipuan kan?',
    'magang jepang',
    'umur 23 bisa?',
    'ganti aja deh',
    'nomor hp buat apa?',
    'salah pilih, aku maunya yg otomotif',
  ])('%s is no correction', (text) => {
    expect(readCorrection(text)).toBeUndefined();
  });

  it('reads a different programme meant as a new search', () => {
    expect(otherChoice('salah pilih, aku maunya yg otomotif')).toBe('otomotif');
    expect(otherChoice('umur 24')).toBeUndefined();
  });
});
