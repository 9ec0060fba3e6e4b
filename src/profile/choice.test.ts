import { describe, expect, it } from 'vitest';
import { parseChoice } from './choice';

const jlpt = ['belum', 'N5', 'N4', 'N3'];
const courses = ['Bahasa Jepang', 'Bahasa Korea', 'Perawat Lansia'];

describe('parseChoice', () => {
  it.each([
    ['N4', jlpt, 'N4'],
    ['n4', jlpt, 'N4'],
    ['N 4', jlpt, 'N4'],
    ['BELUM', jlpt, 'belum'],
    ['1', jlpt, 'belum'],
    ['4', jlpt, 'N3'],
    ['no 2', jlpt, 'N5'],
    ['nomor 3', jlpt, 'N4'],
    ['yang kedua', jlpt, 'N5'],
    ['pertama', jlpt, 'belum'],
    ['yg terakhir', jlpt, 'N3'],
    ['saya sudah N4', jlpt, 'N4'],
    ['blum', jlpt, 'belum'],
    ['bahasa korea', courses, 'Bahasa Korea'],
    ['bahasa jepnag', courses, 'Bahasa Jepang'],
    ['perawat lansai', courses, 'Perawat Lansia'],
    ['pilih 3', courses, 'Perawat Lansia'],
    ['mau ikut perawat lansia kak', courses, 'Perawat Lansia'],
    ['2021', ['2020', '2021', '2022'], '2021'],
    ['2', ['2020', '2021', '2022'], '2021'],
    ['1', ['3', '2', '1'], '1'], // an option's own text before its position
  ])('%s in %j → %s', (input, options, value) => {
    const result = parseChoice(input, options);
    expect(result).toEqual({ ok: true, value: { value, index: options.indexOf(value) } });
  });

  it.each([
    ['5', jlpt, 'unknown'],
    ['0', jlpt, 'unknown'],
    ['N1', jlpt, 'unknown'],
    ['N2', jlpt, 'unknown'],
    ['bahasa', courses, 'unknown'],
    ['N4 atau N3', jlpt, 'ambiguous'],
    ['bahasa jepang atau korea', ['Jepang', 'Korea'], 'ambiguous'],
    ['', jlpt, 'unknown'],
  ])('%j in %j → %s', (input, options, reason) => {
    const result = parseChoice(input, options);
    expect(result.ok || result.error.key).toBe(`profile:parse.choice.${reason}`);
  });

  it('lists the options in the error', () => {
    const result = parseChoice('x', jlpt);
    expect(result.ok || result.error.vars).toEqual({ count: 4, options: '1. belum, 2. N5, 3. N4, 4. N3' });
  });
});
