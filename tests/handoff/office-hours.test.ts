import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversation } from '../helpers/conversation';
import { type Harness, startHarness } from '../helpers/harness';
import { t } from '../helpers/i18n';

/*
 * Outside working hours (Monday–Friday 08.00–16.00 WIB), the queue notice says when staff reply as a
 * person would: "hari ini pukul 08.00" before opening, "besok pukul 08.00" in the evening, the weekday
 * over a weekend. The conversations' clock is moved, not waited for.
 */
let h: Harness;
let at = new Date();
let next = 31_900_000;

beforeAll(async () => {
  h = await startHarness({}, { clock: () => at });
});
afterAll(async () => {
  await h?.close();
});

async function noticeAt(iso: string): Promise<string> {
  at = new Date(iso);
  const p = conversation(h, { id: next++, firstName: 'Nia' });
  await p.say('/start');
  return (await p.say('petugas')).text;
}

describe('when staff will reply, outside working hours', () => {
  it('says "today" before opening, "tomorrow" in the evening and the weekday over a weekend', async () => {
    // Tuesday 8 December 2026, 06.25 WIB.
    expect(await noticeAt('2026-12-07T23:25:00Z')).toContain(
      `mulai ${t('handoff.nextToday', { time: '08.00' })} WIB`,
    );
    // Monday 7 December 2026, 20.00 WIB.
    expect(await noticeAt('2026-12-07T13:00:00Z')).toContain(
      `mulai ${t('handoff.nextTomorrow', { time: '08.00' })} WIB`,
    );
    // Friday 11 December 2026, 17.00 WIB: Monday.
    expect(await noticeAt('2026-12-11T10:00:00Z')).toMatch(/mulai Senin,? 08\.00 WIB/);
  });
});
