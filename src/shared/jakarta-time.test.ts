import { describe, expect, it } from 'vitest';
import {
  formatJakarta,
  isQuiet,
  jakartaHour,
  nextSendable,
  parseJakartaTime,
  parseQuietHours,
  sendingWindow,
} from './jakarta-time';

const wib = (local: string) => new Date(`${local}+07:00`);

describe('quiet hours (WIB)', () => {
  it('are 21:00–07:00 by default', () => {
    expect(isQuiet(wib('2026-12-01T20:59:59'))).toBe(false);
    expect(isQuiet(wib('2026-12-01T21:00:00'))).toBe(true);
    expect(isQuiet(wib('2026-12-02T03:00:00'))).toBe(true);
    expect(isQuiet(wib('2026-12-02T06:59:59'))).toBe(true);
    expect(isQuiet(wib('2026-12-02T07:00:00'))).toBe(false);
    expect(jakartaHour(new Date('2026-12-01T00:30:00Z'))).toBe(7.5);
  });

  it('move a send to 07:00 the same or the next morning', () => {
    expect(nextSendable(wib('2026-12-01T22:15:00')).toISOString()).toBe(
      wib('2026-12-02T07:00:00').toISOString(),
    );
    expect(nextSendable(wib('2026-12-02T05:00:00')).toISOString()).toBe(
      wib('2026-12-02T07:00:00').toISOString(),
    );
    const day = wib('2026-12-02T10:00:00');
    expect(nextSendable(day)).toBe(day);
  });

  it('give the sending window a time falls in', () => {
    const w = sendingWindow(wib('2026-12-01T08:30:00'));
    expect(w.opened.toISOString()).toBe(wib('2026-12-01T07:00:00').toISOString());
    expect(w.offsetSecs).toBe(5400);
    expect(w.lengthSecs).toBe(14 * 3600);
    const daytimeQuiet = parseQuietHours('1-5');
    expect(sendingWindow(wib('2026-12-01T00:30:00'), daytimeQuiet)).toMatchObject({ lengthSecs: 20 * 3600 });
  });

  it('parse "21-7" and refuse nonsense', () => {
    expect(parseQuietHours('22-6')).toEqual({ start: 22, end: 6 });
    expect(() => parseQuietHours('7-7')).toThrow();
    expect(() => parseQuietHours('malam')).toThrow();
  });
});

describe('times organisations write', () => {
  it('read a time without offset as Jakarta time, and keep an explicit offset', () => {
    expect(parseJakartaTime('2026-12-01T09:00')?.toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(parseJakartaTime('2026-12-01 09:00:30')?.toISOString()).toBe('2026-12-01T02:00:30.000Z');
    expect(parseJakartaTime('2026-12-01T09:00:00Z')?.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(parseJakartaTime('2026-12-01T09:00:00+08:00')?.toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(parseJakartaTime('2026-02-30T09:00')).toBeUndefined();
    expect(parseJakartaTime('besok jam 9')).toBeUndefined();
    expect(formatJakarta(new Date('2026-12-01T02:00:00Z'))).toBe('2026-12-01T09:00:00+07:00');
  });
});
