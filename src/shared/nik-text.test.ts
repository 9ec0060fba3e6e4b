import { describe, expect, it } from 'vitest';
import { isNikShaped, maskNiksInText } from './nik-text';

describe('NIKs in free text', () => {
  it('masks a NIK typed whole, in groups, or inside a sentence', () => {
    expect(maskNiksInText('nik aku 3578015708030001 kak').text).toBe('nik aku 3578********0001 kak');
    expect(maskNiksInText('3578 0157 0803 0001').text).toBe('3578********0001');
    expect(maskNiksInText('NIK: 3578.0157.0803.0002, makasih').text).toBe('NIK: 3578********0002, makasih');
    expect(maskNiksInText('a 3578015708030001 b 3201014512990003').found).toBe(2);
  });

  it('leaves phone numbers, dates, amounts and other long numbers alone', () => {
    for (const text of [
      '081234567890',
      '+62 812-3456-7890',
      'lahir 17-08-2003',
      'uang saku Rp 3.500.000',
      'JMB-2026-000123',
      '12345678901234567', // 17 digits
      '9999015708030001', // no such province
      '3578013208030001', // day 32
      '3578011513030001', // month 13
    ])
      expect(maskNiksInText(text), text).toEqual({ text, found: 0 });
  });

  it('knows a woman’s NIK (birth day + 40) as a NIK, and no day past 71', () => {
    expect(isNikShaped('3578010108030001')).toBe(true); // 1 August 2003
    expect(isNikShaped('3578015708030001')).toBe(true); // 17 August, a woman
    expect(isNikShaped('3578017108030001')).toBe(true); // 31st, a woman
    expect(isNikShaped('3578017208030001')).toBe(false);
    expect(isNikShaped('3578013508030001')).toBe(false); // 35: neither
  });
});
