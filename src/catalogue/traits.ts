/**
 * A programme's own yes/no questions answered by what the person said of themselves ("gk punya sim",
 * "buta warna"; lexicons/traits.json): which questions a trait answers, read from the question's id and
 * the organisers' wording alike, both in the search (SQL) and in the chat's explanation (JavaScript).
 */
import { TRAITS } from '../nlu/lexicons';
import type { Answer, ProgrammeQuestion } from '../shared/profile';

const PATTERNS: ReadonlyMap<string, string> = new Map(TRAITS.map((t) => [t.id, t.asks]));

/** A jsonpath string literal (the same escaping as JSON). */
const literal = (text: string) => JSON.stringify(text);

/** Questions whose id or wording matches a pattern (jsonpath, over a programme's `eligibility`). */
export function questionsMatching(pattern: string): string {
  const re = literal(pattern);
  return `$.questions[*] ? (@.id like_regex ${re} flag "i" || @.ask.id like_regex ${re} flag "i")`;
}

/**
 * The jsonpath that finds a question the person fails by having (or lacking) the trait: a yes/no
 * question that wants the other answer, or — when they lack it — a number of years or months of it.
 */
export function failedTraitPath(trait: string, has: boolean): string | undefined {
  const pattern = PATTERNS.get(trait);
  if (!pattern) return undefined;
  const wants = `(@.type == "yes_no" && @.require == ${!has})`;
  const amount = has ? '' : ' || (@.type == "number" && @.require.min > 0)';
  return `${questionsMatching(pattern)} ? (${wants}${amount})`;
}

/** The answers the person's traits give to a programme's questions (for the rules engine's explanation). */
export function traitAnswers(
  questions: readonly ProgrammeQuestion[] | undefined,
  traits: Readonly<Record<string, boolean>> | undefined,
): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  if (!questions || !traits) return out;
  for (const [trait, has] of Object.entries(traits)) {
    const pattern = PATTERNS.get(trait);
    if (!pattern) continue;
    const re = new RegExp(pattern, 'i');
    for (const q of questions) {
      if (!re.test(q.id) && !re.test(q.ask.id)) continue;
      if (q.type === 'yes_no') out[q.id] = has;
      else if (q.type === 'number' && !has) out[q.id] = 0;
    }
  }
  return out;
}
