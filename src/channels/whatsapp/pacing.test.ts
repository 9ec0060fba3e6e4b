import { describe, expect, it } from 'vitest';
import { msUntilJakartaMidnight } from './pacing';

describe('daily cap reset', () => {
  it('is midnight in Jakarta (UTC+7)', () => {
    expect(msUntilJakartaMidnight(Date.UTC(2026, 10, 23, 16, 0, 0))).toBe(60 * 60_000); // 23:00 WIB
    expect(msUntilJakartaMidnight(Date.UTC(2026, 10, 23, 17, 0, 0))).toBe(86_400_000); // 00:00 WIB
    expect(msUntilJakartaMidnight(Date.UTC(2026, 10, 23, 0, 0, 1))).toBe(17 * 3_600_000 - 1_000);
  });
});
