import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH } from '../../organisations/accounts/passwords';
import { validateMember, validatePasswordChange, validateSla } from './forms';
import { oneTimePassword } from './one-time-password';

describe('settings forms', () => {
  it('checks a password change field by field', () => {
    expect(
      validatePasswordChange({
        current: 'lama-sekali',
        next: 'baru-dan-panjang',
        repeat: 'baru-dan-panjang',
      }),
    ).toEqual({});
    expect(validatePasswordChange({ current: '', next: 'pendek', repeat: 'pendek' })).toEqual({
      current: { key: 'currentMissing' },
      next: { key: 'tooShort', params: { min: MIN_PASSWORD_LENGTH } },
    });
    expect(
      validatePasswordChange({ current: 'x', next: 'baru-dan-panjang', repeat: 'baru-dan-panjng' }),
    ).toEqual({
      repeat: { key: 'mismatch' },
    });
    expect(
      validatePasswordChange({ current: 'x', next: 'a'.repeat(201), repeat: 'a'.repeat(201) }).next?.key,
    ).toBe('tooLong');
  });

  it('normalises a new member and names every problem', () => {
    expect(
      validateMember({ name: ' Siti Nurhaliza ', email: ' Siti@BLK-Serang.go.id ', role: 'viewer' }).input,
    ).toEqual({
      name: 'Siti Nurhaliza',
      email: 'siti@blk-serang.go.id',
      role: 'viewer',
    });
    const { input, errors } = validateMember({ name: '', email: 'siti at blk', role: 'admin' });
    expect(input).toBeUndefined();
    expect(Object.fromEntries(Object.entries(errors).map(([f, e]) => [f, e.key]))).toEqual({
      name: 'nameMissing',
      email: 'emailInvalid',
      role: 'roleInvalid',
    });
  });

  it('accepts an SLA of 1 to 1440 whole minutes', () => {
    expect(validateSla(' 30 ')).toEqual({ minutes: 30 });
    expect(validateSla('1440')).toEqual({ minutes: 1440 });
    for (const [typed, key] of [
      ['', 'slaMissing'],
      ['0', 'slaRange'],
      ['1441', 'slaRange'],
      ['-5', 'slaNotNumber'],
      ['2,5', 'slaNotNumber'],
      ['tiga puluh', 'slaNotNumber'],
    ])
      expect(validateSla(typed!)).toMatchObject({ error: { key } });
  });

  it('makes one-time passwords of 16 unambiguous random characters in groups of four', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = oneTimePassword();
      expect(password).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });
});
