import { describe, expect, it } from 'vitest';
import { formatReference, formatWhen, parseWhen } from '../applications/format';
import { canChange, SEAT_HOLDING, WITHDRAWABLE } from './application-statuses';

describe('status lifecycle', () => {
  it('follows diajukan → diverifikasi → seleksi / wawancara → diterima / ditolak / cadangan', () => {
    expect(canChange('draft', 'diajukan')).toBe(true);
    expect(canChange('diajukan', 'diverifikasi')).toBe(true);
    expect(canChange('diverifikasi', 'wawancara')).toBe(true);
    expect(canChange('wawancara', 'wawancara')).toBe(true);
    expect(canChange('wawancara', 'diterima')).toBe(true);
    expect(canChange('cadangan', 'diajukan')).toBe(true);
    expect(canChange('ditolak', 'diterima')).toBe(false);
    expect(canChange('mundur', 'diajukan')).toBe(false);
    expect(canChange('draft', 'diterima')).toBe(false);
    expect(canChange('diterima', 'seleksi')).toBe(false);
  });

  it('knows who holds a seat and who may withdraw', () => {
    expect(SEAT_HOLDING.has('cadangan')).toBe(false);
    expect(SEAT_HOLDING.has('diterima')).toBe(true);
    expect(WITHDRAWABLE.has('cadangan')).toBe(true);
    expect(WITHDRAWABLE.has('draft')).toBe(false);
  });
});

describe('references and dates', () => {
  it('formats references', () => {
    expect(formatReference(2026, 123)).toBe('JMB-2026-000123');
  });

  it('reads interview times as Jakarta time and shows them back', () => {
    expect(parseWhen('2026-12-07 09:00')).toBe('2026-12-07T02:00:00.000Z');
    expect(parseWhen('2026-12-07T09.30')).toBe('2026-12-07T02:30:00.000Z');
    expect(parseWhen('2026-12-07')).toBe('2026-12-07');
    expect(parseWhen('2026-02-30')).toBeUndefined();
    expect(parseWhen('besok')).toBeUndefined();
    expect(formatWhen('2026-12-07T02:00:00.000Z', 'id')).toBe('Senin, 7 Desember 2026 pukul 09.00 WIB');
    expect(formatWhen('2026-12-07T02:00:00.000Z', 'en')).toBe('Monday, 7 December 2026 at 09:00 WIB');
    expect(formatWhen('2026-12-07', 'id')).toBe('Senin, 7 Desember 2026');
  });
});
