/**
 * The free-text evaluation: several hundred messages as young people type them, each labelled with
 * what the person means. Prints intent accuracy, exact-slot accuracy and every miss; fails when
 * fewer than 95 % are understood exactly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Slots } from '../../src/nlu';
import { type Query, score } from './score';

const queries: Query[] = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8'));

/** Keywords compare as a set, object keys in any order; everything else exactly. */
function comparable(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return key === 'keywords' ? [...value].sort() : value.map((v) => comparable(v));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, comparable((value as Record<string, unknown>)[k], k)]),
    );
  return value;
}

const sameSlots = (a: Slots, b: Slots) => JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));

describe('free-text evaluation set', () => {
  it('has at least 300 labelled queries', () => {
    expect(queries.length).toBeGreaterThanOrEqual(300);
  });

  it('understands at least 95 % of the queries exactly', () => {
    const result = score(queries, sameSlots);
    console.log(result.report('NLU evaluation', 'queries'));
    expect(result.exact).toBeGreaterThanOrEqual(0.95);
  });
});
