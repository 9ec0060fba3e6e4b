import { describe, expect, it } from 'vitest';
import { completedYears, formatDateId, jakartaDay, parseIsoDate, toCalendarDate, yearsBefore } from './dates';

const d = (iso: string) => parseIsoDate(iso)!;

describe('completedYears', () => {
  it.each([
    ['2000-08-17', '2026-08-16', 25, 'the day before the birthday'],
    ['2000-08-17', '2026-08-17', 26, 'on the birthday itself'],
    ['2000-08-17', '2026-08-18', 26, 'the day after the birthday'],
    ['2000-12-31', '2027-01-01', 26, 'across new year'],
    ['2000-01-01', '2026-12-31', 26, 'last day of the year'],
    // 29 February convention: the birthday falls on 1 March in non-leap years.
    ['2004-02-29', '2027-02-28', 22, 'leapling on 28 Feb of a non-leap year has not turned'],
    ['2004-02-29', '2027-03-01', 23, 'leapling turns on 1 March in a non-leap year'],
    ['2004-02-29', '2028-02-28', 23, 'leapling on 28 Feb of a leap year has not turned'],
    ['2004-02-29', '2028-02-29', 24, 'leapling turns on 29 Feb in a leap year'],
    ['2004-03-01', '2027-02-28', 22, 'born 1 March, 28 Feb'],
    ['2004-02-28', '2027-02-28', 23, 'born 28 Feb turns on 28 Feb'],
    ['2010-05-05', '2010-05-05', 0, 'day of birth'],
  ])('born %s, on %s → %i (%s)', (birth, on, years) => {
    expect(completedYears(d(birth), d(on))).toBe(years);
  });
});

describe('parseIsoDate', () => {
  it.each([
    ['2003-08-17', { year: 2003, month: 8, day: 17 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2023-02-29', undefined],
    ['2003-13-01', undefined],
    ['2003-04-31', undefined],
    ['2003-8-17', undefined],
    ['17-08-2003', undefined],
    ['', undefined],
  ])('%s', (iso, expected) => {
    expect(parseIsoDate(iso)).toEqual(expected);
  });
});

describe('yearsBefore', () => {
  it('keeps the day, and moves 29 February to the 28th in a non-leap year', () => {
    expect(yearsBefore(d('2026-11-23'), 22)).toEqual(d('2004-11-23'));
    expect(yearsBefore(d('2028-02-29'), 1)).toEqual(d('2027-02-28'));
  });
});

describe('today in Jakarta', () => {
  it('is already tomorrow there at 18:00 UTC', () => {
    expect(jakartaDay(new Date('2026-11-23T18:00:00Z'))).toEqual(d('2026-11-24'));
    expect(jakartaDay(new Date('2026-11-23T16:59:59Z'))).toEqual(d('2026-11-23'));
  });
  it('accepts an ISO day and rejects a malformed one', () => {
    expect(toCalendarDate('2026-11-23')).toEqual(d('2026-11-23'));
    expect(() => toCalendarDate('23-11-2026')).toThrow(RangeError);
  });
});

describe('formatDateId', () => {
  it.each([
    ['2027-01-15', 'id', '15 Januari 2027'],
    ['2027-01-15', 'en', '15 January 2027'],
    ['2026-08-17', 'id', '17 Agustus 2026'],
    ['2026-12-01', 'id', '1 Desember 2026'],
    ['2028-02-29', 'id', '29 Februari 2028'],
    ['not a date', 'id', 'not a date'],
  ] as const)('%s (%s) → %s', (iso, locale, text) => {
    expect(formatDateId(iso, locale)).toBe(text);
  });
});
