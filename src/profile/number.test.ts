import { describe, expect, it } from 'vitest';
import { type NumberOptions, parseNumber } from './number';

describe('parseNumber', () => {
  it.each([
    ['160', {}, 160],
    ['160 cm', {}, 160],
    ['tinggi saya 160cm', {}, 160],
    ['160', { unit: 'cm' }, 160],
    ['1,60 m', { unit: 'cm' }, 160],
    ['1.6 meter', { unit: 'cm' }, 160],
    ['1,6', { unit: 'cm' }, 160],
    ['1600 mm', { unit: 'cm' }, 160],
    ['160 cm', { unit: 'm' }, 1.6],
    ['55 kg', { unit: 'kg' }, 55],
    ['55,5', { unit: 'kg' }, 55.5],
    ['1.500.000', {}, 1_500_000],
    ['Rp 1.500.000', { unit: 'rupiah' }, 1_500_000],
    ['1,5 juta', {}, 1_500_000],
    ['2 jt', {}, 2_000_000],
    ['500rb', {}, 500_000],
    ['1,000,000', {}, 1_000_000],
    ['0', {}, 0],
    ['160 cm, ya 160', {}, 160],
    ['170an', { unit: 'cm' }, 170],
    ['1,70 m', { unit: 'cm' }, 170],
    ['seratus tujuh puluh', { unit: 'cm' }, 170],
    ['seratus enam puluh lima cm', { unit: 'cm' }, 165],
    ['dua ratus ribu', {}, 200_000],
    ['maksudnya 170 cm bukan 17', { unit: 'cm' }, 170],
  ] as [string, NumberOptions, number][])('%s %j → %d', (input, options, value) => {
    expect(parseNumber(input, options)).toEqual({ ok: true, value });
  });

  it.each([
    ['', {}, 'format', { example: '5' }],
    ['tinggi', { unit: 'cm' }, 'format', { example: '160' }],
    ['160 atau 165', { unit: 'cm' }, 'several', {}],
    ['1600', { unit: 'cm', min: 100, max: 250 }, 'range', { value: 1600 }],
    ['50', { unit: 'cm', min: 100, max: 250, example: '165' }, 'range', { example: '165' }],
  ] as [string, NumberOptions, string, object][])('%j %j → %s', (input, options, reason, vars) => {
    const result = parseNumber(input, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.key).toBe(`profile:parse.number.${reason}`);
    expect(result.error.vars).toMatchObject(vars);
  });
});
