import { describe, expect, it } from 'vitest';
import { parseActivity } from './activity';

describe('parseActivity', () => {
  it.each([
    ['kerja', 'bekerja'],
    ['bekerja', 'bekerja'],
    ['karyawan pabrik', 'bekerja'],
    ['jualan online', 'bekerja'],
    ['kerja serabutan', 'bekerja'],
    ['ngojek', 'bekerja'],
    ['gak ngapa2in', 'tidak_bekerja'],
    ['nganggur', 'tidak_bekerja'],
    ['pengangguran kak', 'tidak_bekerja'],
    ['belum kerja', 'tidak_bekerja'],
    ['gak kerja', 'tidak_bekerja'],
    ['tidak bekerja', 'tidak_bekerja'],
    ['lagi cari kerja', 'tidak_bekerja'],
    ['di rumah aja', 'tidak_bekerja'],
    ['kena PHK', 'tidak_bekerja'],
    ['kuliah', 'mahasiswa'],
    ['mahasiswa semester 3', 'mahasiswa'],
    ['sekolah', 'pelajar'],
    ['masih SMA', 'pelajar'],
    ['santri', 'pelajar'],
    ['kelas 12', 'pelajar'],
    ['baru lulus', 'lulusan_baru'],
    ['baru lulus SMK', 'lulusan_baru'],
    ['fresh graduate', 'lulusan_baru'],
    ['baru lulus, belum kerja', 'lulusan_baru'],
    ['lulus SMA, nganggur', 'tidak_bekerja'],
    ['putus sekolah, sekarang kerja', 'bekerja'],
  ])('%s → %s', (input, status) => {
    expect(parseActivity(input)).toEqual({ ok: true, value: status });
  });

  it.each([
    ['kuliah sambil kerja', 'several'],
    ['sekolah dan kerja', 'several'],
    ['lulus SMA', 'unknown'],
    ['putus sekolah', 'unknown'],
    ['entahlah', 'unknown'],
    ['', 'unknown'],
  ])('%s → %s', (input, reason) => {
    const result = parseActivity(input);
    expect(result.ok || result.error.key).toBe(`profile:parse.activity.${reason}`);
  });
});
