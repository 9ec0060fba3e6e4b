/** Development probe: card and requirement questions read from a message. */
import { cardQuestion, requirementQuestion, understand } from '../src/nlu';

for (const t of process.argv.slice(2)) {
  const u = understand(t);
  console.log(
    t,
    '\n  card',
    JSON.stringify(cardQuestion(t)),
    'req',
    JSON.stringify(requirementQuestion(t)),
    'intent',
    u.intent,
    JSON.stringify(u.slots),
  );
}
