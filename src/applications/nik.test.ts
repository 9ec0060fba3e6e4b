import { describe, expect, it } from 'vitest';
import { birthDateFromNik, nikFacts, parseNik } from './nik';

const woman = { birthDate: '2003-08-17', gender: 'perempuan' as const };
const man = { birthDate: '2003-08-17', gender: 'laki_laki' as const };

describe('parseNik', () => {
  it.each([
    ['3578015708030001', '3578015708030001'],
    ['3578 0157 0803 0001', '3578015708030001'],
    ['3578.0157.0803.0001', '3578015708030001'],
    ['  3578-015708-030001 ', '3578015708030001'],
  ])('reads %s', (raw, nik) => {
    expect(parseNik(raw, woman)).toEqual({ ok: true, nik });
  });

  it('adds 40 to the day for women and not for men', () => {
    expect(parseNik('3578011708030001', man).ok).toBe(true);
    expect(parseNik('3578011708030001', woman)).toEqual({
      ok: false,
      error: { key: 'applications:nik.genderFemale', vars: {} },
    });
    expect(parseNik('3578015708030001', man)).toEqual({
      ok: false,
      error: { key: 'applications:nik.genderMale', vars: {} },
    });
    expect(nikFacts('3578015708030001')).toEqual({ province: '35', day: 17, month: 8, yy: 3, female: true });
  });

  it('explains a birth date that is not the profile’s', () => {
    expect(parseNik('3578015808030001', woman)).toEqual({
      ok: false,
      error: {
        key: 'applications:nik.birthMismatch',
        vars: { nikDate: '18-08-03', birthDate: '17-08-2003' },
      },
    });
  });

  it('says nothing about the date when the profile only has an age', () => {
    expect(parseNik('3578015808030001', { ...woman, birthDateApproximate: true }).ok).toBe(true);
    expect(parseNik('3578015808030001', {}).ok).toBe(true);
  });

  it.each([
    ['12345678', 'length', { count: 8 }],
    ['35780157080300011', 'length', { count: 17 }],
    ['3578O15708030001', 'notDigits', {}],
    ['9978015708030001', 'province', { code: '99' }],
    ['3578017713030001', 'birthDate', { nikDate: '77-13-03' }],
    ['3578013102030001', 'birthDate', { nikDate: '31-02-03' }],
    ['3578015708030000', 'serial', {}],
  ])('refuses %s (%s)', (raw, name, vars) => {
    expect(parseNik(raw, {})).toEqual({ ok: false, error: { key: `applications:nik.${name}`, vars } });
  });

  it('accepts 29 February of a leap year', () => {
    expect(parseNik('3578016902040001', { birthDate: '2004-02-29', gender: 'perempuan' }).ok).toBe(true);
  });
});

describe('birthDateFromNik', () => {
  it('reads the day (women: + 40) and picks the century nearest the age said', () => {
    expect(birthDateFromNik('3204015508030002', 2026, 2003)).toBe('2003-08-15');
    expect(birthDateFromNik('3578011708990001', 2026, 1999)).toBe('1999-08-17');
    expect(birthDateFromNik('3578011708990001', 2026)).toBe('1999-08-17');
    expect(birthDateFromNik('3578011708050001', 2026)).toBe('2005-08-17');
  });
});
