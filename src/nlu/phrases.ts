/**
 * Phrase lookup over normalised tokens, compiled once: each table maps word sequences to a value and
 * finds the longest sequence at each position, left to right, skipping words already claimed.
 */

export interface PhraseHit<V> {
  value: V;
  start: number;
  /** Exclusive. */
  end: number;
}

interface Entry<V> {
  words: readonly string[];
  value: V;
}

export class PhraseTable<V> {
  private readonly byFirst = new Map<string, Entry<V>[]>();
  readonly vocabulary = new Set<string>();
  /** Phrases of one word. */
  readonly singles = new Set<string>();

  /** Entries as [phrase, value]; a phrase is lower-case words separated by spaces. */
  constructor(entries: Iterable<readonly [string, V]>) {
    for (const [phrase, value] of entries) {
      const words = phrase.split(' ').filter(Boolean);
      const first = words[0];
      if (!first) continue;
      for (const w of words) this.vocabulary.add(w);
      if (words.length === 1) this.singles.add(first);
      const list = this.byFirst.get(first);
      if (list) list.push({ words, value });
      else this.byFirst.set(first, [{ words, value }]);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** The longest phrase starting at `start`, if any. */
  matchAt(tokens: readonly string[], start: number, claimed?: readonly boolean[]): PhraseHit<V> | undefined {
    const candidates = this.byFirst.get(tokens[start]!);
    if (!candidates) return undefined;
    outer: for (const entry of candidates) {
      const end = start + entry.words.length;
      if (end > tokens.length) continue;
      for (let k = 0; k < entry.words.length; k++) {
        if (tokens[start + k] !== entry.words[k] || claimed?.[start + k]) continue outer;
      }
      return { value: entry.value, start, end };
    }
    return undefined;
  }

  /** Every non-overlapping hit, left to right. */
  scan(tokens: readonly string[], claimed?: readonly boolean[]): PhraseHit<V>[] {
    const hits: PhraseHit<V>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const hit = claimed?.[i] ? undefined : this.matchAt(tokens, i, claimed);
      if (hit) {
        hits.push(hit);
        i = hit.end;
      } else i++;
    }
    return hits;
  }

  /** True when any phrase of the table occurs. */
  test(tokens: readonly string[], claimed?: readonly boolean[]): boolean {
    for (let i = 0; i < tokens.length; i++)
      if (!claimed?.[i] && this.matchAt(tokens, i, claimed)) return true;
    return false;
  }
}

/** Builds table entries from a record of value → phrases. */
export function entriesOf<V extends string>(
  groups: Readonly<Record<V, readonly string[]>>,
): Array<[string, V]> {
  const out: Array<[string, V]> = [];
  for (const value of Object.keys(groups) as V[])
    for (const phrase of groups[value]) out.push([phrase, value]);
  return out;
}
