/**
 * The knowledge base's matcher on labelled paraphrases, as the chat routes them (src/features/questions/
 * gate.ts decides which words count). Set A was written before any keyword existed; set B after the
 * keywords were tuned on set A; set C, like A, was written without seeing any keyword (for the entries
 * added later). Prints every miss; README "Knowledge base" records the figures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { globalEntries } from '../../src/knowledge/entries';
import { knowledgeAnswer } from '../helpers/knowledge';

interface Item {
  text: string;
  key: string | null;
}

const load = (name: string): Item[] =>
  JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')).items;

const answerFor = knowledgeAnswer;

/**
 * Set D's split (branch kb7): per entry its first ⌊n/2⌋ items, and the first half of the negatives, are
 * tuning material; the rest measures whether a change generalises.
 */
function tuningHalf(items: Item[]): Set<Item> {
  const byKey = new Map<string | null, Item[]>();
  for (const i of items) byKey.set(i.key, [...(byKey.get(i.key) ?? []), i]);
  const tune = new Set<Item>();
  for (const group of byKey.values())
    for (const i of group.slice(0, Math.floor(group.length / 2))) tune.add(i);
  return tune;
}

function evaluate(items: Item[]) {
  const misses: string[] = [];
  let right = 0;
  let positives = 0;
  let falsePositives = 0;
  for (const item of items) {
    const got = answerFor(item.text);
    if (item.key) {
      positives++;
      if (got === item.key) right++;
      else misses.push(`  miss  ${JSON.stringify(item.text)} → ${got ?? '(none)'}, want ${item.key}`);
    } else if (got) {
      falsePositives++;
      misses.push(`  wrong ${JSON.stringify(item.text)} → ${got}, want none`);
    }
  }
  return {
    accuracy: right / positives,
    right,
    positives,
    falsePositives,
    negatives: items.length - positives,
    misses,
  };
}

describe('knowledge-base matcher', () => {
  it('covers every entry in a set written without seeing the keywords (A, or C for later entries)', () => {
    const keys = new Set([...load('paraphrases.json'), ...load('paraphrases-c.json')].map((i) => i.key));
    for (const e of globalEntries()) expect(keys, e.key).toContain(e.key);
    expect(globalEntries().length).toBeGreaterThanOrEqual(40);
  });

  // [set, least share right, most searches or small talk taken (0 unless said)]
  for (const [name, floor, taken = 0] of [
    // Branch kb6 (2026-12-07, BM25F over question, keywords and answer; routing): A 136 → 139/149
    // (91.3 → 93.3 %), B 57 → 59/63 (90.5 → 93.7 %).
    // Branch kb7 (2026-12-07, synonym lexicon as concepts, phrases found by meaning, routing of questions
    // that name a kind, field or status): A 139 → 144/149 (93.3 → 96.6 %), B 59 → 61/63 (93.7 → 96.8 %).
    ['paraphrases.json', 0.96],
    ['paraphrases-b.json', 0.95],
    // Set C (2026-12-07): the entries of session 6, paraphrased by a helper who saw only each question.
    // Measured untuned: 21/40 = 52.5 %, 0/6 searches taken (the new entries' keywords do not generalise yet).
    // With the second channel (each entry's own question and answer words, synonyms as data; no keyword
    // added): 25/40 = 62.5 %, 0/6 searches taken (A and B unchanged: 91.3 %, 90.5 %).
    // Branch kb6: 31/40 = 77.5 %, 0/6 searches taken, with no keyword added — but C's misses were read
    // while the retrieval, the synonym groups and the routing were changed, so C is no longer a set
    // written apart; the lead's set D is.
    // Branch kb7: 38/40 = 95.0 %, 0/6 taken (C's misses were read again: they are tuning material).
    ['paraphrases-c.json', 0.95],
    // Set D (2026-12-07, session 8): 170 questions for all 69 entries and 42 that no entry answers,
    // written by a helper who saw only each entry's question, kept outside the repository while the
    // matcher was changed and never tuned on. Session 8's starting code (a8272bb): 92/170 = 54.1 %, 3/42
    // taken; after every branch of the session (kb6's BM25F included): 96/170 = 56.5 %, 1/42 taken —
    // matching still does not generalise; D's misses are the next session's material.
    // Branch kb7 tuned on D's first half (per entry the first ⌊n/2⌋ items and the first 21 negatives,
    // `tuningHalf` below) and measured on the rest: tuning half 42 → 65/69 (60.9 → 94.2 %), held half
    // 54 → 71/101 (53.5 → 70.3 %), 1 → 0/42 taken; whole set 96 → 136/170 = 80.0 %. The held half's
    // texts had been printed once by this test before the split was made, so it is not fully blind: the
    // lead's set E is the honest figure.
    ['paraphrases-d.json', 0.78, 0],
    // Set E (2026-12-07, session 9): 183 questions for all 69 entries (2–3 each, 20 % English: Javanese,
    // Sundanese, Madurese, Sasak, Kupang/Ambon, Betawi voices, parents, former migrant workers) and 48 that
    // no entry answers, written by a helper who saw only each entry's question, kept outside the
    // repository while five branches worked and never tuned on (its misses never printed). Session 9's
    // starting code (fa0f63c): 132/183 = 72.1 %, 4/48 taken; after every branch (kb7 above) 146/183 =
    // 79.8 %, 4/48 taken. The four negatives taken are the next session's material, with E's misses.
    ['paraphrases-e.json', 0.78, 4],
  ] as const) {
    it(`answers ${name} with the right entry and leaves searches alone`, () => {
      const r = evaluate(load(name));
      console.log(
        `knowledge ${name}: ${r.right}/${r.positives} right (${(100 * r.accuracy).toFixed(1)} %), ` +
          `${r.falsePositives}/${r.negatives} searches or small talk taken\n${r.misses.join('\n')}`,
      );
      if (name === 'paraphrases-d.json') {
        const all = load(name);
        const tune = tuningHalf(all);
        const [a, b] = [all.filter((i) => tune.has(i)), all.filter((i) => !tune.has(i))].map(evaluate);
        console.log(
          `  tuning half ${a!.right}/${a!.positives}, held half ${b!.right}/${b!.positives} ` +
            `(${(100 * b!.accuracy).toFixed(1)} %), taken ${a!.falsePositives} + ${b!.falsePositives}`,
        );
      }
      expect(r.accuracy).toBeGreaterThanOrEqual(floor);
      expect(r.falsePositives).toBeLessThanOrEqual(taken);
    });
  }

  it('leaves the NLU evaluation set to the rest of the bot, but for a few questions it answers', () => {
    const queries: Array<{ text: string }> = JSON.parse(
      readFileSync(new URL('../nlu/queries.json', import.meta.url), 'utf8'),
    );
    const taken = queries.filter((q) => answerFor(q.text));
    console.log(
      `knowledge: ${taken.length}/${queries.length} NLU-set messages answered from the knowledge base\n` +
        taken.map((q) => `  ${JSON.stringify(q.text)} → ${answerFor(q.text)}`).join('\n'),
    );
    expect(taken.length).toBeLessThanOrEqual(30);
  });
});
