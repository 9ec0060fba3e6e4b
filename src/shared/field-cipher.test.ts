import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, KeyringError, maskNik, parseKeyring } from './field-cipher';

const key = () => randomBytes(32).toString('base64');

describe('field encryption', () => {
  it('round-trips, with a fresh IV every time', () => {
    const { keys, current } = parseKeyring(key());
    const cipher = createFieldCipher(keys, current);
    const a = cipher.encrypt('3578015708030001');
    const b = cipher.encrypt('3578015708030001');
    expect(a).not.toBe(b);
    expect(a).not.toContain('3578015708030001');
    expect(cipher.decrypt(a)).toBe('3578015708030001');
  });

  it('decrypts old values during a rotation and encrypts new ones with the new key', () => {
    const k1 = key();
    const old = createFieldCipher(parseKeyring(`k1=${k1}`).keys, 'k1').encrypt('rahasia');
    const ring = parseKeyring(`k2=${key()},k1=${k1}`);
    const cipher = createFieldCipher(ring.keys, ring.current);
    expect(cipher.decrypt(old)).toBe('rahasia');
    expect(cipher.encrypt('baru').startsWith('k2:')).toBe(true);
  });

  it('refuses tampered values and unknown keys', () => {
    const { keys, current } = parseKeyring(key());
    const cipher = createFieldCipher(keys, current);
    const value = cipher.encrypt('data');
    const parts = value.split(':');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
    expect(() => cipher.decrypt(`k9:${parts.slice(1).join(':')}`)).toThrow(KeyringError);
  });

  it('rejects keys of the wrong size', () => {
    expect(() => parseKeyring(Buffer.from('short').toString('base64'))).toThrow(KeyringError);
  });

  it('masks a NIK as 3578********0001', () => {
    expect(maskNik('3578015708030001')).toBe('3578********0001');
  });
});
