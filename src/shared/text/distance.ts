/**
 * Damerau-Levenshtein (optimal string alignment) with a ceiling, and an index that finds the one
 * word of a vocabulary within typo distance of a token. Used only on whole tokens.
 */

let prev2 = new Int32Array(32);
let prev = new Int32Array(32);
let curr = new Int32Array(32);

/** Edit distance between a and b counting a swap of neighbours as one; any value > max means "too far". */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (prev.length <= n) {
    prev2 = new Int32Array(n + 1);
    prev = new Int32Array(n + 1);
    curr = new Int32Array(n + 1);
  }
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        d = Math.min(d, prev2[j - 2]! + 1);
      curr[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, curr] = [prev, curr, prev2];
  }
  return prev[n]!;
}

/**
 * The single candidate closest to a word within the typos a candidate of its length may carry
 * (`typoAllowance`: none up to 3 letters, 1 up to 6, then 2); undefined if none or a tie. For short
 * option lists (a question's options, education levels, month names); a large vocabulary uses TypoIndex.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance > typoAllowance(candidate.length)) continue;
    if (distance < bestDistance) {
      [best, bestDistance, tie] = [candidate, distance, false];
    } else if (distance === bestDistance && candidate !== best) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

/** How many typos a short-list word of this length may carry and still be recognised (`closest`). */
export function typoAllowance(length: number): number {
  return length <= 3 ? 0 : length <= 6 ? 1 : 2;
}

/** Typos allowed for a vocabulary word of this length: none under 5 letters, 1 from 5, 2 from 9. */
export function typoBudget(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * Finds the closest vocabulary word to a token: same first letter (people rarely mistype it), within
 * the budget of the vocabulary word's length, and only when one word is closest (a tie is no answer).
 */
export class TypoIndex {
  private readonly buckets = new Map<string, string[]>();
  private readonly cache = new Map<string, string | null>();

  /** @param budget typos allowed for a vocabulary word of a given length. */
  constructor(
    words: Iterable<string>,
    private readonly budget: (length: number) => number = typoBudget,
  ) {
    for (const word of words) {
      if (word.length < 5) continue;
      const key = word[0]!;
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(word);
      else this.buckets.set(key, [word]);
    }
  }

  correct(token: string): string | undefined {
    if (token.length < 5) return undefined;
    const cached = this.cache.get(token);
    if (cached !== undefined) return cached ?? undefined;
    let best: string | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    let tie = false;
    for (const word of this.buckets.get(token[0]!) ?? []) {
      const budget = this.budget(word.length);
      if (Math.abs(word.length - token.length) > budget) continue;
      const d = editDistance(token, word, Math.min(budget, bestDistance));
      if (d > budget || d > bestDistance) continue;
      if (d < bestDistance) {
        best = word;
        bestDistance = d;
        tie = false;
      } else if (word !== best) tie = true;
    }
    const result = best !== undefined && !tie && bestDistance > 0 ? best : undefined;
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(token, result ?? null);
    return result;
  }
}
