/**
 * Development aid: every miss of a paraphrase set with its likely cause, for tuning the knowledge base
 * (`npx tsx scripts/kb-misses.ts paraphrases-d.json [--half tune|held]`). Causes: `route` (the gate sent
 * the message elsewhere: a search, eligibility…), `wrong` (another entry took it), `discount` (the gate
 * counted the words a search accounts for as nothing, and without that the entry is found), `gap` (the
 * entry scores below the threshold; the message's meanings are listed: a vocabulary or slang/typo gap),
 * `taken` (a negative answered). `--half`: set D's split — per entry, the first ⌊n/2⌋ items (and the first
 * half of the negatives) are tuning material, the rest measure generalisation.
 */
import { readFileSync } from 'node:fs';
import { knowledgeGate } from '../src/features/questions/gate';
import { globalEntries, MATCH_THRESHOLD, matchable } from '../src/knowledge/entries';
import { buildIndex, explainMatch, matchQuestion } from '../src/knowledge/match';
import { understand } from '../src/nlu';

interface Item {
  text: string;
  key: string | null;
}

const args = process.argv.slice(2);
const at = args.indexOf('--half');
const half = at >= 0 ? args.splice(at, 2)[1] : undefined;
const file = args[0] ?? 'paraphrases-d.json';
const items: Item[] = JSON.parse(readFileSync(`tests/knowledge/${file}`, 'utf8')).items;

/** Set D's split: which items are tuning material. */
export function tuningHalf(all: Item[]): Set<Item> {
  const byKey = new Map<string | null, Item[]>();
  for (const i of all) byKey.set(i.key, [...(byKey.get(i.key) ?? []), i]);
  const tune = new Set<Item>();
  for (const group of byKey.values())
    for (const i of group.slice(0, Math.floor(group.length / 2))) tune.add(i);
  return tune;
}

const tune = tuningHalf(items);
const chosen =
  half === 'tune'
    ? items.filter((i) => tune.has(i))
    : half === 'held'
      ? items.filter((i) => !tune.has(i))
      : items;
const index = buildIndex(globalEntries().map((e) => matchable(e)));
const counts: Record<string, number> = {};
let right = 0;
let positives = 0;
for (const item of chosen) {
  const u = understand(item.text);
  const gate = knowledgeGate(u, item.text);
  const matches = gate.ask ? matchQuestion(index, item.text, gate.options) : [];
  const best = matches[0] && matches[0].score >= MATCH_THRESHOLD ? matches[0].ref.replace('seed:', '') : null;
  if (item.key) positives++;
  if (best === item.key) {
    if (item.key) right++;
    continue;
  }
  let cause: string;
  if (!item.key) cause = 'taken';
  else if (!gate.ask) cause = 'route';
  else if (best) cause = 'wrong';
  else {
    // Would the entry be found if the gate had discounted nothing? Then the routing read it as a search.
    const [free] = matchQuestion(index, item.text, {});
    cause = free && free.score >= MATCH_THRESHOLD && free.ref === `seed:${item.key}` ? 'discount' : 'gap';
  }
  counts[cause] = (counts[cause] ?? 0) + 1;
  const mine = matches.find((m) => m.ref === `seed:${item.key}`);
  console.log(
    `${cause.padEnd(5)} ${JSON.stringify(item.text)} → ${best ?? '-'} (want ${item.key}, ${mine?.score.toFixed(2) ?? 0})`,
  );
  console.log(`      intent ${u.intent} ${JSON.stringify(u.slots)}`);
  if (item.key && gate.ask)
    console.log(`      ${explainMatch(index, item.text, `seed:${item.key}`, gate.options)}`);
}
console.log(`${file}${half ? ` (${half})` : ''}: ${right}/${positives}`, counts);
