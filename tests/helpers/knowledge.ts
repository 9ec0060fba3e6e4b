/**
 * The knowledge-base entry the chat would answer a message with — the router's gate, then the matcher
 * over the shipped entries — or null. One definition for every evaluation of the matcher.
 */
import { knowledgeGate } from '../../src/features/questions/gate';
import { globalEntries, MATCH_THRESHOLD, matchable } from '../../src/knowledge/entries';
import { buildIndex, matchQuestion } from '../../src/knowledge/match';
import { understand } from '../../src/nlu';

const index = buildIndex(globalEntries().map((e) => ({ ...matchable(e), ref: e.key })));

export function knowledgeAnswer(text: string): string | null {
  const gate = knowledgeGate(understand(text), text);
  if (!gate.ask) return null;
  const [best] = matchQuestion(index, text, gate.options);
  return best && best.score >= MATCH_THRESHOLD ? best.ref : null;
}
