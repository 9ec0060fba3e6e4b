/**
 * Destination countries (ISO 3166 alpha-2) by their Indonesian, English and nick names, and regions of
 * the world ("eropa", "timur tengah") by their members (lexicons/countries.json).
 */
import { claim, type Reading } from '../context';
import { COUNTRY_NAMES, WORLD_REGIONS } from '../lexicons';
import { PhraseTable } from '../phrases';

export const COUNTRY_TABLE = new PhraseTable<readonly string[]>([
  ...Object.entries(COUNTRY_NAMES).flatMap(([code, words]) => words.map((w) => [w, [code]] as const)),
  ...WORLD_REGIONS.flatMap((region) => region.say.map((w) => [w, region.countries] as const)),
]);

export interface CountryHit {
  start: number;
  end: number;
  codes: readonly string[];
}

export interface CountryCue {
  /** Every country named, in order (a region of the world adds all its members). */
  codes: string[];
  /** Said as a destination: "ke jepang", "di korea". */
  destination: boolean;
  hits: CountryHit[];
}

const TOWARDS = new Set(['ke', 'di', 'to', 'in']);

export function extractCountry(r: Reading): CountryCue | undefined {
  const found = COUNTRY_TABLE.scan(r.tokens, r.claimed);
  const first = found[0];
  if (!first) return undefined;
  const codes: string[] = [];
  for (const hit of found) {
    claim(r, hit.start, hit.end);
    for (const code of hit.value) if (!codes.includes(code)) codes.push(code);
  }
  return {
    codes,
    destination: TOWARDS.has(r.tokens[first.start - 1] ?? ''),
    hits: found.map((h) => ({ start: h.start, end: h.end, codes: h.value })),
  };
}
