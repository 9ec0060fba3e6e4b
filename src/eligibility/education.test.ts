import { describe, expect, it } from 'vitest';
import { canonicalEducationLevel, educationRank } from './education';

describe('canonicalEducationLevel', () => {
  it.each([
    ['SMA', 'SMA'],
    ['SMK', 'SMA'],
    ['MA', 'SMA'],
    ['smk', 'SMA'],
    ['D4', 'S1'],
    ['S1', 'S1'],
    [' d3 ', 'D3'],
    ['S3', 'S3'],
    ['SLTA', undefined],
    ['', undefined],
  ])('%s → %s', (input, level) => {
    expect(canonicalEducationLevel(input)).toBe(level);
  });
});

describe('educationRank', () => {
  it('orders SD < SMP < SMA < D1 < D2 < D3 < S1 < S2 < S3', () => {
    const order = ['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'S1', 'S2', 'S3'] as const;
    order.forEach((level, i) => {
      expect(educationRank(level)).toBe(i);
    });
  });
});
