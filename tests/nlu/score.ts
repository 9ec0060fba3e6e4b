import { type Slots, understand } from '../../src/nlu';

/** A labelled message: what the person means. */
export interface Query {
  text: string;
  intent: string;
  slots: Slots;
}

/**
 * Runs `understand` over a labelled set: intent and exact (intent + slots, compared by `same`) hit rates,
 * the summary line both evaluations print, and every miss.
 */
export function score(
  queries: readonly Query[],
  same: (got: Slots, want: Slots) => boolean,
): { exact: number; report: (title: string, unit: string) => string } {
  let intentHits = 0;
  let exactHits = 0;
  const misses: string[] = [];
  for (const q of queries) {
    // Slots the sets do not label: what the person says of themselves, topics and field words (they rank).
    const {
      facts: _facts,
      topics: _topics,
      fieldWords: _words,
      rankBy: _rank,
      womenExclusive: _women,
      kindImplied: _implied,
      ...slots
    } = understand(q.text).slots;
    const got = { ...understand(q.text), slots };
    const intentOk = got.intent === q.intent;
    if (intentOk) intentHits++;
    if (intentOk && same(got.slots, q.slots)) exactHits++;
    else
      misses.push(
        `  ${JSON.stringify(q.text)}\n    want ${q.intent} ${JSON.stringify(q.slots)}\n    got  ${got.intent} ${JSON.stringify(got.slots)}`,
      );
  }
  const pct = (n: number) => `${((100 * n) / queries.length).toFixed(1)} %`;
  return {
    exact: exactHits / queries.length,
    report: (title, unit) =>
      `${title}: ${queries.length} ${unit} — intent ${pct(intentHits)}, exact intent+slots ${pct(exactHits)}` +
      (misses.length ? `\nMisses (${misses.length}):\n${misses.join('\n')}` : ''),
  };
}
