/**
 * Scores the English evaluation set the way the chat routes a message: the knowledge base first (through
 * its gate), then the intent and the slots the item names; on a card, the attributes asked about.
 */
import { readFileSync } from 'node:fs';
import { cardQuestion, understand } from '../../../src/nlu';
import { knowledgeAnswer } from '../../helpers/knowledge';

export interface Item {
  text: string;
  intent?: string;
  slots?: Record<string, unknown>;
  kb?: string;
  card?: string[];
}

export const items: Item[] = JSON.parse(
  readFileSync(new URL('./messages.json', import.meta.url), 'utf8'),
).items;

/** The knowledge-base entry the chat would answer with, or null. */
export const answerFor = knowledgeAnswer;

/** Every key the item names has the same value (objects: every key they name, recursively). */
function covers(got: unknown, want: unknown): boolean {
  if (want && typeof want === 'object' && !Array.isArray(want)) {
    if (!got || typeof got !== 'object') return false;
    return Object.entries(want).every(([k, v]) => covers((got as Record<string, unknown>)[k], v));
  }
  return JSON.stringify(got) === JSON.stringify(want);
}

/** Why an item is missed, or undefined when the chat does what it labels. */
export function miss(item: Item): string | undefined {
  if (item.card) {
    const got = cardQuestion(item.text)?.attributes ?? [];
    return JSON.stringify(got) === JSON.stringify(item.card) ? undefined : `card ${JSON.stringify(got)}`;
  }
  const kb = answerFor(item.text);
  if (item.kb) return kb === item.kb ? undefined : `kb ${kb ?? '(none)'}`;
  if (kb) return `kb ${kb} took it`;
  const u = understand(item.text);
  if (u.intent !== item.intent) return `intent ${u.intent} ${JSON.stringify(u.slots)}`;
  if (!covers(u.slots, item.slots ?? {})) return `slots ${JSON.stringify(u.slots)}`;
  return undefined;
}

export function scoreAll(): { right: number; total: number; misses: string[] } {
  const misses: string[] = [];
  for (const item of items) {
    const why = miss(item);
    if (why)
      misses.push(
        `  ${JSON.stringify(item.text)}: want ${item.kb ?? item.intent ?? item.card?.join('+')} — ${why}`,
      );
  }
  return { right: items.length - misses.length, total: items.length, misses };
}
