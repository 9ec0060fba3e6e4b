/**
 * Development probe: how a message is understood and which knowledge entries it matches.
 * `npx tsx scripts/kb-probe.ts "message" …`; with `--entry KEY`, how each message reads against that entry.
 */

import { knowledgeGate } from '../src/features/questions/gate';
import { globalEntries, matchable } from '../src/knowledge/entries';
import { buildIndex, explainMatch, matchQuestion } from '../src/knowledge/match';
import { understand } from '../src/nlu';

const args = process.argv.slice(2);
const at = args.indexOf('--entry');
const entry = at >= 0 ? args.splice(at, 2)[1] : undefined;
const index = buildIndex(globalEntries().map((e) => matchable(e)));
for (const text of args) {
  const u = understand(text);
  const gate = knowledgeGate(u, text);
  const options = gate.ask ? gate.options : {};
  const m = matchQuestion(index, text, options).slice(0, 3);
  console.log(
    text,
    '\n  intent',
    u.intent,
    JSON.stringify(u.slots),
    '\n  gate',
    gate.ask,
    '\n  ',
    m.map((x) => `${x.ref} ${x.score.toFixed(2)}`).join(' | '),
  );
  if (entry) console.log(`  ${entry}: ${explainMatch(index, text, `seed:${entry}`, options)}`);
}
