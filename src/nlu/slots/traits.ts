/**
 * What a person says they lack or have that programmes ask in their own yes/no questions: "gk punya
 * sim", "sa son bisa berenang", "belum pernah ngelas", "saya buta warna" (lexicons/traits.json). Read for
 * the search at hand, like the other stated facts: a programme whose question the person thereby fails
 * is not listed, and the reply says why.
 */
import { claim, type Reading } from '../context';
import { TRAIT_NEGATIONS, TRAITS, type TraitEntry } from '../lexicons';

/** How many words may stand between a negation and the trait ("belum pernah bisa ngelas"). */
const MAX_BETWEEN = 3;

function saysAt(tokens: readonly string[], i: number, trait: TraitEntry): number {
  for (const words of trait.say) if (words.every((w, k) => tokens[i + k] === w)) return words.length;
  return 0;
}

/** Each trait said, true (has it) or false (lacks it); undefined when none was said. */
export function readTraits(r: Reading): Record<string, boolean> | undefined {
  const { tokens } = r;
  const out: Record<string, boolean> = {};
  for (const trait of TRAITS) {
    for (let i = 0; i < tokens.length; i++) {
      const length = saysAt(tokens, i, trait);
      if (!length) continue;
      let j = i - 1;
      while (j >= 0 && i - j <= MAX_BETWEEN && trait.after.has(tokens[j]!)) j--;
      // "gaada" reaches here as "tidak ada": the negation is the word before "ada".
      if (tokens[j] === 'ada' && TRAIT_NEGATIONS.has(tokens[j - 1] ?? '')) j--;
      // The first said counts; a second "yg sonde perlu renang" is still no search word.
      if (j >= 0 && TRAIT_NEGATIONS.has(tokens[j]!)) {
        out[trait.id] ??= false;
        // Not a subject to search for ("ga bisa renang" asks for no swimming course) — except where a
        // programme answering it says the word ("laptop disediakan"): then it stays, to rank.
        const end = trait.ranks ? i : i + length;
        if (!r.claimed.slice(j, end).some(Boolean)) claim(r, j, end);
      } else if (trait.stated) {
        out[trait.id] ??= true;
        if (!r.claimed.slice(i, i + length).some(Boolean)) claim(r, i, i + length);
      }
    }
  }
  return Object.keys(out).length ? out : undefined;
}
