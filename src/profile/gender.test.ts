import { describe, expect, it } from 'vitest';
import { parseGender } from './gender';

describe('parseGender', () => {
  it.each([
    ['perempuan', 'perempuan'],
    ['Perempuan', 'perempuan'],
    ['cewek', 'perempuan'],
    ['cewekk', 'perempuan'],
    ['cewe', 'perempuan'],
    ['wanita', 'perempuan'],
    ['P', 'perempuan'],
    ['p.', 'perempuan'],
    ['saya perempuan kak', 'perempuan'],
    ['female', 'perempuan'],
    ['laki-laki', 'laki_laki'],
    ['laki laki', 'laki_laki'],
    ['Laki2', 'laki_laki'],
    ['cowok', 'laki_laki'],
    ['cowo', 'laki_laki'],
    ['pria', 'laki_laki'],
    ['L', 'laki_laki'],
    ['lk', 'laki_laki'],
    ['jenis kelamin: L', 'laki_laki'],
    ['male', 'laki_laki'],
    ['gue laki', 'laki_laki'],
    ['lanang', 'laki_laki'],
    ['lalaki', 'laki_laki'],
    ['wedok', 'perempuan'],
    ['awewe', 'perempuan'],
  ])('%s → %s', (input, gender) => {
    expect(parseGender(input)).toEqual({ ok: true, value: gender });
  });

  it.each([[''], ['x'], ['rahasia'], ['perempuan dan laki-laki'], ['2']])('%j is asked again', (input) => {
    expect(parseGender(input)).toEqual({
      ok: false,
      error: { key: 'profile:parse.gender.unknown', vars: {} },
    });
  });
});
