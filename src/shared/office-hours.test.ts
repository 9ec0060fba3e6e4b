import { describe, expect, it } from 'vitest';
import { isOpen, nextOpening, parseOfficeHours } from './office-hours';

const hours = parseOfficeHours('1-5 08:00-16:00');
// WIB = UTC+7: 08:00 WIB is 01:00 UTC.
const at = (iso: string) => new Date(iso);

describe('office hours (WIB)', () => {
  it.each([
    ['2026-11-23T01:00:00Z', true], // Monday 08:00 WIB
    ['2026-11-23T00:59:00Z', false], // Monday 07:59 WIB
    ['2026-11-23T08:59:00Z', true], // Monday 15:59 WIB
    ['2026-11-23T09:00:00Z', false], // Monday 16:00 WIB
    ['2026-11-28T03:00:00Z', false], // Saturday 10:00 WIB
    ['2026-11-22T20:00:00Z', false], // Monday 03:00 WIB (Sunday 20:00 UTC)
  ])('%s open: %s', (iso, open) => {
    expect(isOpen(hours, at(iso))).toBe(open);
  });

  it('says when the desk opens next', () => {
    expect(nextOpening(hours, at('2026-11-23T12:00:00Z')).toISOString()).toBe('2026-11-24T01:00:00.000Z'); // Mon 19:00 → Tue 08:00
    expect(nextOpening(hours, at('2026-11-27T10:00:00Z')).toISOString()).toBe('2026-11-30T01:00:00.000Z'); // Fri 17:00 → Mon
    expect(nextOpening(hours, at('2026-11-22T20:00:00Z')).toISOString()).toBe('2026-11-23T01:00:00.000Z'); // Mon 03:00 → 08:00
  });

  it('rejects nonsense', () => {
    expect(() => parseOfficeHours('weekdays')).toThrow();
    expect(() => parseOfficeHours('1-5 16:00-08:00')).toThrow();
  });
});
