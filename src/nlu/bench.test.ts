import { describe, expect, it } from 'vitest';
import { benchUnderstand } from './bench';

describe('benchUnderstand', () => {
  it('understands a message well within 2 ms at the 95th percentile', () => {
    const result = benchUnderstand(3);
    expect(result.p50Ms).toBeLessThanOrEqual(result.p95Ms);
    expect(result.p95Ms).toBeLessThan(2);
    expect(result.perSecond).toBeGreaterThan(500);
  });
});
