/** What the slot extractors share while reading one message. */
export interface Reading {
  /** Normalised tokens. */
  tokens: string[];
  /** Whether each token was written in capitals ("IT", "AC"). */
  caps: boolean[];
  /** Tokens already taken by a slot, so later extractors and the keywords skip them. */
  claimed: boolean[];
  /**
   * Words that say what the person studied ("lulusan smk tkj", "jurusan akuntansi"): a fact about them,
   * not a wish, so a field said there ranks and does not filter (set by the facts reader).
   */
  background?: Array<{ start: number; end: number }>;
}

export function claim(reading: Reading, start: number, end: number): void {
  for (let i = start; i < end; i++) reading.claimed[i] = true;
}
