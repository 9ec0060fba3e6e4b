import { describe, expect, it } from 'vitest';
import { formatDuration, formatWib } from '../../src/admin/inbox/format';
import { checkCanned } from '../../src/handoff/canned';
import { checkNote } from '../../src/handoff/notes';
import { checkReply } from '../../src/handoff/reply';
import { tFor } from '../../src/i18n';

const MIN = 60_000;

describe('inbox durations and times', () => {
  const id = tFor('id');
  const en = tFor('en');

  it('says waiting and response times the way staff say them', () => {
    expect(formatDuration(id, 20_000)).toBe('kurang dari 1 menit');
    expect(formatDuration(id, 3 * MIN + 59_000)).toBe('3 menit');
    expect(formatDuration(id, 60 * MIN)).toBe('1 jam');
    expect(formatDuration(id, 65 * MIN)).toBe('1 jam 5 menit');
    expect(formatDuration(id, (2 * 24 * 60 + 3 * 60 + 17) * MIN)).toBe('2 hari 3 jam');
    expect(formatDuration(id, -5 * MIN)).toBe('kurang dari 1 menit');
    expect(formatDuration(en, 65 * MIN)).toBe('1 hour 5 minutes');
    expect(formatDuration(en, 121 * MIN)).toBe('2 hours 1 minute');
  });

  it('shows times in WIB, with the date only when it is not today', () => {
    const now = new Date('2026-12-03T05:00:00Z'); // 12.00 WIB
    expect(formatWib(new Date('2026-12-03T02:05:00Z'), 'id', now)).toBe('09.05 WIB');
    // 23.30 UTC on the 2nd is 06.30 WIB on the 3rd: still today in Jakarta.
    expect(formatWib(new Date('2026-12-02T23:30:00Z'), 'id', now)).toBe('06.30 WIB');
    expect(formatWib(new Date('2026-12-01T10:00:00Z'), 'id', now)).toMatch(/^1 Des 2026.*17\.00 WIB$/);
  });
});

describe('inbox input checks', () => {
  it('refuses empty and over-long replies and notes, trimming what is sent', () => {
    expect(checkReply('  Halo kak  ')).toEqual({ text: 'Halo kak' });
    expect(checkReply(' \n ').problem).toEqual({ key: 'empty' });
    expect(checkReply('a'.repeat(4001)).problem).toEqual({ key: 'tooLong', length: 4001, max: 4000 });
    expect(checkReply('a'.repeat(4000)).problem).toBeUndefined();
    expect(checkNote('').problem).toEqual({ key: 'required' });
    expect(checkNote('b'.repeat(2001)).problem).toMatchObject({ key: 'tooLong' });
  });

  it('lists every problem of a canned response at once', () => {
    expect(checkCanned({ title: ' ', body: '' }).problems).toEqual([
      { field: 'title', key: 'required' },
      { field: 'body', key: 'required' },
    ]);
    expect(checkCanned({ title: 'x'.repeat(81), body: 'ok' }).problems).toEqual([
      { field: 'title', key: 'tooLong', length: 81, max: 80 },
    ]);
    expect(checkCanned({ title: ' Salam ', body: ' Halo ' })).toEqual({
      value: { title: 'Salam', body: 'Halo' },
      problems: [],
    });
  });
});
