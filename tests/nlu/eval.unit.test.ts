/**
 * The free-text evaluation: several hundred messages as young people type them, each labelled with
 * what the person means. Prints intent accuracy, exact-slot accuracy and every miss; fails when
 * fewer than 95 % are understood exactly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Slots, understand } from '../../src/nlu';

interface Query {
  text: string;
  intent: string;
  slots: Slots;
}

const queries: Query[] = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8'));

/** Keywords compare as a set; everything else exactly. */
function comparable(slots: Slots): Slots {
  const out: Slots = { ...slots };
  if (out.keywords) out.keywords = [...out.keywords].sort();
  return out;
}

describe('free-text evaluation set', () => {
  it('has at least 300 labelled queries', () => {
    expect(queries.length).toBeGreaterThanOrEqual(300);
  });

  it('understands at least 95 % of the queries exactly', () => {
    let intentHits = 0;
    let exactHits = 0;
    const misses: string[] = [];
    for (const q of queries) {
      const got = understand(q.text);
      const intentOk = got.intent === q.intent;
      const slotsOk = JSON.stringify(comparable(got.slots)) === JSON.stringify(comparable(q.slots));
      if (intentOk) intentHits++;
      if (intentOk && slotsOk) exactHits++;
      else {
        misses.push(
          `  ${JSON.stringify(q.text)}\n    want ${q.intent} ${JSON.stringify(q.slots)}\n    got  ${got.intent} ${JSON.stringify(got.slots)}`,
        );
      }
    }
    const pct = (n: number) => `${((100 * n) / queries.length).toFixed(1)} %`;
    console.log(
      `NLU evaluation: ${queries.length} queries — intent ${pct(intentHits)}, exact intent+slots ${pct(exactHits)}` +
        (misses.length ? `\nMisses (${misses.length}):\n${misses.join('\n')}` : ''),
    );
    expect(exactHits / queries.length).toBeGreaterThanOrEqual(0.95);
  });
});
