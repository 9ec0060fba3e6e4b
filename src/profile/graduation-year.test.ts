import { describe, expect, it } from 'vitest';
import { parseGraduationYear } from './graduation-year';

const today = '2026-11-23';

describe('parseGraduationYear', () => {
  it.each([
    ['2021', 2021],
    ['lulus 2021', 2021],
    ['tahun 2021 kak', 2021],
    ['masuk 2018 lulus 2021', 2021],
    ['2026', 2026],
    ['2027', 2027],
    ["'21", 2021],
    ['th 20', 2020],
    ['tahun lalu', 2025],
    ['tahun ini', 2026],
  ])('%s → %i', (input, year) => {
    expect(parseGraduationYear(input, { today })).toEqual({ ok: true, value: year });
  });

  it.each([
    ['2028', {}, 'future', { year: 2028 }],
    ['2035', {}, 'future', { year: 2035 }],
    ['2l', {}, 'format', { example: 2024 }],
    ['lulus', {}, 'format', {}],
    ['belum lulus', {}, 'not_graduated', { example: 2027 }],
    ['masih sekolah', {}, 'not_graduated', {}],
    ['1900', {}, 'format', {}],
    ['2012', { birthDate: '2003-08-17' }, 'before_birth', { year: 2012, birthYear: 2003 }],
  ])('%s %j → %s', (input, extra, reason, vars) => {
    const result = parseGraduationYear(input, { today, ...extra });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.key).toBe(`profile:parse.graduationYear.${reason}`);
    expect(result.error.vars).toMatchObject(vars);
  });

  it('accepts the year of the tenth birthday', () => {
    expect(parseGraduationYear('2013', { today, birthDate: '2003-08-17' })).toEqual({
      ok: true,
      value: 2013,
    });
  });
});
