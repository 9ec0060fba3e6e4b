import { describe, expect, it } from 'vitest';
import { capForAge, msUntilJakartaMidnight, typingDelayMs } from './pacing';

describe('daily cap reset', () => {
  it('is midnight in Jakarta (UTC+7)', () => {
    expect(msUntilJakartaMidnight(Date.UTC(2026, 10, 23, 16, 0, 0))).toBe(60 * 60_000); // 23:00 WIB
    expect(msUntilJakartaMidnight(Date.UTC(2026, 10, 23, 17, 0, 0))).toBe(86_400_000); // 00:00 WIB
    expect(msUntilJakartaMidnight(Date.UTC(2026, 10, 23, 0, 0, 1))).toBe(17 * 3_600_000 - 1_000);
  });
});

describe('warm-up of a new number', () => {
  it('starts low and grows day by day, never above the daily cap', () => {
    const warmup = [40, 60, 100];
    expect(capForAge(0, warmup, 1000)).toBe(40);
    expect(capForAge(2, warmup, 1000)).toBe(100);
    expect(capForAge(3, warmup, 1000)).toBe(1000);
    expect(capForAge(0, warmup, 30)).toBe(30);
    expect(capForAge(0, [], 1000)).toBe(1000);
  });
});

describe('typing before a message', () => {
  it('takes longer for longer texts, within bounds', () => {
    expect(typingDelayMs({ type: 'text', text: 'ok' }, 3000)).toBe(650);
    expect(typingDelayMs({ type: 'text', text: 'x'.repeat(1000) }, 3000)).toBe(3000);
    expect(typingDelayMs({ type: 'text', text: 'ok' }, 0)).toBe(0);
  });
});
