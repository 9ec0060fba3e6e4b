/**
 * The held-out free-text evaluation: messages written after the NLU was built, by someone who had not
 * read queries.json, in the ways young people type on a phone (slang, typos, regional words, English,
 * emoji, run-ons, off-topic and rude messages). Prints intent accuracy, exact-slot accuracy and every
 * miss; fails under 90 % exact (a margin below the 95 % target, since the set is new).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Slots } from '../../src/nlu';
import { type Query, score } from './score';

const queries: Query[] = JSON.parse(readFileSync(new URL('./heldout.json', import.meta.url), 'utf8'));

/** Lists that are sets (fields, keywords) sorted, object keys sorted: order carries no meaning here. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return [...value].map(canonical).sort();
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

const same = (a: Slots, b: Slots) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

describe('held-out free-text evaluation', () => {
  it('has at least 250 labelled messages', () => {
    expect(queries.length).toBeGreaterThanOrEqual(250);
  });

  it('understands at least 90 % of the held-out messages exactly', () => {
    const result = score(queries, same);
    console.log(result.report('NLU held-out evaluation', 'messages'));
    expect(result.exact).toBeGreaterThanOrEqual(0.9);
  });
});
