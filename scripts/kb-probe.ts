/** Development probe: how a message is understood and which knowledge entries it matches. */

import { knowledgeGate } from '../src/features/questions/gate';
import { globalEntries, matchable } from '../src/knowledge/entries';
import { buildIndex, matchQuestion } from '../src/knowledge/match';
import { understand } from '../src/nlu';

const index = buildIndex(globalEntries().map((e) => matchable(e)));
for (const text of process.argv.slice(2)) {
  const u = understand(text);
  const gate = knowledgeGate(u, text);
  const m = matchQuestion(index, text, gate.ask ? gate.options : {}).slice(0, 3);
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
}
