import { describe, expect, it } from 'vitest';
import { renderMessage } from '../eligibility/message';
import { parseBirthDate } from './birth-date';

const today = '2026-11-23';

describe('parseBirthDate: dates', () => {
  it.each([
    ['17-08-2003', '2003-08-17'],
    ['17/8/03', '2003-08-17'],
    ['17/8/2003', '2003-08-17'],
    ['17.08.2003', '2003-08-17'],
    ['17 08 2003', '2003-08-17'],
    ['2003-08-17', '2003-08-17'],
    ['2003/8/17', '2003-08-17'],
    ['17 agustus 2003', '2003-08-17'],
    ['tanggal 5 bulan 1 tahun 2001', '2001-01-05'],
    ['tanggal dua agustus 2003', '2003-08-02'],
    ['17 Agustus 2003', '2003-08-17'],
    ['17 Agt 2003', '2003-08-17'],
    ['17 agu 2003', '2003-08-17'],
    ['17 ags. 2003', '2003-08-17'],
    ['17-agustus-2003', '2003-08-17'],
    ['17 August 2003', '2003-08-17'],
    ['17 agutus 2003', '2003-08-17'],
    ['1 jan 2000', '2000-01-01'],
    ['5 Mei 99', '1999-05-05'],
    ['3 Des 1998', '1998-12-03'],
    ['29 februari 2004', '2004-02-29'],
    ['29-2-2008', '2008-02-29'],
    ['17082003', '2003-08-17'],
    ['tgl lahir: 17-08-2003', '2003-08-17'],
    ['saya lahir di Surabaya, 17 Agustus 2003', '2003-08-17'],
    ['  17 - 08 - 2003  ', '2003-08-17'],
    ["17 agustus '03", '2003-08-17'],
    ['1/1/00', '2000-01-01'],
    ['1/1/16', '2016-01-01'],
  ])('%s → %s', (input, iso) => {
    expect(parseBirthDate(input, { today })).toEqual({
      ok: true,
      value: { birthDate: iso, approximate: false },
    });
  });
});

describe('parseBirthDate: ages', () => {
  it.each([
    ['umur 22', 22, '2004-11-23'],
    ['22 tahun', 22, '2004-11-23'],
    ['22', 22, '2004-11-23'],
    ['Umur saya 22 thn', 22, '2004-11-23'],
    ['usia 18', 18, '2008-11-23'],
    ['umurku 30 kak', 30, '1996-11-23'],
    ['10', 10, '2016-11-23'],
    ['80 tahun', 80, '1946-11-23'],
  ])('%s → approximately %i', (input, age, iso) => {
    expect(parseBirthDate(input, { today })).toEqual({
      ok: true,
      value: { birthDate: iso, approximate: true, age },
    });
  });

  it('keeps 29 February sensible when the age is stated on it', () => {
    expect(parseBirthDate('umur 21', { today: '2028-02-29' })).toEqual({
      ok: true,
      value: { birthDate: '2007-02-28', approximate: true, age: 21 },
    });
  });
});

describe('parseBirthDate: refusals', () => {
  it.each([
    ['31-02-2003', 'impossible', { date: '31-02-2003' }],
    ['29-02-2003', 'impossible', { date: '29-02-2003' }],
    ['31 april 2003', 'impossible', { date: '31 april 2003' }],
    ['17-13-2003', 'impossible', { date: '17-13-2003' }],
    ['08/17/2003', 'impossible', { date: '08/17/2003' }],
    ['00-08-2003', 'impossible', {}],
    ['17-08-2030', 'future', { date: '17-08-2030' }],
    ['24-11-2026', 'future', {}],
    ['17-08-2020', 'too_young', { age: 6 }],
    ['17-08-1940', 'too_old', { age: 86 }],
    ['1/1/27', 'too_old', { age: 99 }], // two digits above this year's 26 are 19xx
    ['1/1/26', 'too_young', { age: 0 }], // this year's own two digits are 20xx
    ['umur 5', 'age_range', { age: 5 }],
    ['umur 9', 'age_range', { age: 9 }],
    ['81', 'age_range', { age: 81 }],
    ['umur 120', 'age_range', { age: 120 }],
    ['2003', 'year_only', { year: '2003' }],
    ['tahun 2003', 'year_only', { year: '2003' }],
    ['17 agustus', 'no_year', {}],
    ['17-08', 'no_year', {}],
    ['kemarin', 'format', {}],
    ['', 'format', {}],
    ['17 blabla 2003', 'format', {}],
    ['agustus 2003', 'format', {}],
  ])('%s → %s', (input, reason, vars) => {
    const result = parseBirthDate(input, { today });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.key).toBe(`profile:parse.birthDate.${reason}`);
    expect(result.error.vars).toMatchObject(vars);
  });

  it('accepts the tenth birthday on the day and refuses the day before', () => {
    expect(parseBirthDate('23-11-2016', { today }).ok).toBe(true);
    expect(parseBirthDate('24-11-2016', { today }).ok).toBe(false);
  });

  it('tells what to write, with an example', () => {
    const result = parseBirthDate('31-02-2003', { today });
    expect(result.ok || renderMessage(result.error)).toBe(
      'Tanggal 31-02-2003 tidak ada di kalender. Periksa lagi tanggal dan bulannya (tanggal dulu, lalu bulan), misalnya 17-08-2003.',
    );
    const format = parseBirthDate('kemarin', { today });
    expect(format.ok || renderMessage(format.error)).toContain('misalnya 17-08-2003');
  });
});

describe('parseBirthDate with the age in words', () => {
  it.each([
    ['dua puluh tahun', 20],
    ['umur sembilan belas', 19],
    ['umur dua puluh satu tahun', 21],
  ])('%s → about %i', (input, age) => {
    const result = parseBirthDate(input, { today: '2026-11-23' });
    expect(result).toMatchObject({ ok: true, value: { approximate: true, age } });
  });
});
