import { describe, expect, it } from 'vitest';
import { formatPhone, parsePhone } from './phone';

describe('parsePhone', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['(0812) 3456 7890', '+6281234567890'],
    ['+81 90-1234-5678', '+819012345678'],
    ['nomor hp aku 0812 3456 7890', '+6281234567890'],
    ['wa ku +62 812-3456-7890 kak', '+6281234567890'],
  ])('normalises %s to E.164', (raw, phone) => {
    expect(parsePhone(raw)).toEqual({ ok: true, phone });
  });

  it.each([
    ['0812', 'short'],
    ['0812345678901234567', 'long'],
    ['nomorku 0812', 'format'],
    ['0812 3456 7890 atau 0857 1111 2222', 'format'],
    ['031 5551234', 'notMobile'],
    ['+62 999 1234 5678', 'invalid'],
  ])('refuses %s (%s)', (raw, name) => {
    expect(parsePhone(raw)).toEqual({ ok: false, error: { key: `applications:phone.${name}` } });
  });

  it('formats for showing back', () => {
    expect(formatPhone('+6281234567890')).toBe('+62 812 3456 7890');
  });
});
