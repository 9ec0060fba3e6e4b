import { describe, expect, it } from 'vitest';
import { parseEducation } from './education';

describe('parseEducation', () => {
  it.each([
    ['SMA', { level: 'SMA' }],
    ['smk', { level: 'SMA', variant: 'SMK' }],
    ['MA', { level: 'SMA', variant: 'MA' }],
    ['aliyah', { level: 'SMA', variant: 'MA' }],
    ['madrasah aliyah', { level: 'SMA', variant: 'MA' }],
    ['STM', { level: 'SMA', variant: 'SMK' }],
    ['SLTA', { level: 'SMA' }],
    ['Paket C', { level: 'SMA', variant: 'Paket C' }],
    ['tamat SMP', { level: 'SMP' }],
    ['MTs', { level: 'SMP', variant: 'MTs' }],
    ['SD', { level: 'SD' }],
    ['lulusan S1', { level: 'S1' }],
    ['S-1', { level: 'S1' }],
    ['strata satu', { level: 'S1' }],
    ['sarjana', { level: 'S1' }],
    ['sarjanah', { level: 'S1' }],
    ['D4', { level: 'S1', variant: 'D4' }],
    ['D-IV', { level: 'S1', variant: 'D4' }],
    ['sarjana terapan', { level: 'S1', variant: 'D4' }],
    // Answered in English.
    ['high school', { level: 'SMA' }],
    ['vocational high school', { level: 'SMA', variant: 'SMK' }],
    ['junior high school', { level: 'SMP' }],
    ["bachelor's degree", { level: 'S1' }],
    ['D3', { level: 'D3' }],
    ['D-III', { level: 'D3' }],
    ['diploma 3', { level: 'D3' }],
    ['diploma tiga', { level: 'D3' }],
    ['D1', { level: 'D1' }],
    ['D2', { level: 'D2' }],
    ['S2', { level: 'S2' }],
    ['magister', { level: 'S2' }],
    ['S3', { level: 'S3' }],
    ['tidak tamat SMA', { level: 'SMP' }],
    ['SMA tidak lulus', { level: 'SMP' }],
    ['putus kuliah', { level: 'SMA' }],
    ['SMP tapi tidak lulus', { level: 'SD' }],
    ['kuliah S1 tapi DO', { level: 'SMA' }],
  ])('%s → %j', (input, value) => {
    expect(parseEducation(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['kuliah belum lulus', { level: 'SMA', activityHint: 'mahasiswa' }],
    ['kuliah', { level: 'SMA', activityHint: 'mahasiswa' }],
    ['masih kuliah', { level: 'SMA', activityHint: 'mahasiswa' }],
    ['mahasiswa', { level: 'SMA', activityHint: 'mahasiswa' }],
    ['S1 semester 5', { level: 'SMA', activityHint: 'mahasiswa' }],
    ['kuliah D3 belum lulus', { level: 'SMA', activityHint: 'mahasiswa' }],
    ['sedang S2', { level: 'S1', activityHint: 'mahasiswa' }],
    ['masih SMA', { level: 'SMP', activityHint: 'pelajar' }],
    ['belum lulus SMA', { level: 'SMP', activityHint: 'pelajar' }],
    ['D3 tapi belum lulus', { level: 'SMA', activityHint: 'mahasiswa' }],
    ['kelas 3 SMK', { level: 'SMP', activityHint: 'pelajar' }],
    ['kelas 12', { level: 'SMP', activityHint: 'pelajar' }],
    ['kelas 8', { level: 'SD', activityHint: 'pelajar' }],
    ['lulus SMK, sekarang kuliah', { level: 'SMA', variant: 'SMK', activityHint: 'mahasiswa' }],
  ])('still studying: %s → %j', (input, value) => {
    expect(parseEducation(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['SMK jurusan TKJ', { level: 'SMA', variant: 'SMK', major: 'TKJ' }],
    ['S1 prodi Teknik Sipil.', { level: 'S1', major: 'Teknik Sipil' }],
    ['D3 jurusan: Akuntansi', { level: 'D3', major: 'Akuntansi' }],
  ])('with a major: %s → %j', (input, value) => {
    expect(parseEducation(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['lulus kuliah', 'which_college'],
    ['tidak sekolah', 'none'],
    ['tidak tamat SD', 'none'],
    ['masih SD', 'none'],
    ['kelas 5', 'none'],
    ['sekolah', 'unknown'],
    ['pinter', 'unknown'],
    ['', 'unknown'],
    ['di rumah', 'unknown'],
  ])('%s → %s', (input, reason) => {
    const result = parseEducation(input);
    expect(result.ok).toBe(false);
    expect(result.ok || result.error.key).toBe(`profile:parse.education.${reason}`);
  });
});
