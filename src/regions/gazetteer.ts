/**
 * Finds provinces and regencies named inside a sentence: official names with or without
 * "Kabupaten"/"Kota", nicknames (Jatim, Sby, Jaksel), names written together or apart
 * ("gunungkidul"), and one typo in a name of 5+ letters (two from 9) — but never turns an ordinary
 * word into a place.
 */
import { TypoIndex } from '../nlu/distance';
import { plainTokens } from '../nlu/text';
import { isCommonWord } from '../nlu/words';
import {
  AMBIGUOUS_NAMES,
  ISLAND_SHORT_NAMES,
  LEVEL_MARKERS,
  NOT_PLACES,
  PLACE_CONTEXT,
  REGION_ALIASES,
} from './aliases';
import { loadRegions, onRegionsReloaded, type Province, type Regency, type Region } from './data';

export interface RegionMatch {
  type: 'province' | 'regency';
  code: string;
  provinceCode: string;
  /** Display name: "Kota Surabaya", "Jawa Timur". */
  name: string;
  /** The words of the message that named it, as written after folding ("kab malang", "sby"). */
  matched: string;
  /** True when a typo was forgiven. */
  fuzzy: boolean;
}

type Level = 'kota' | 'kabupaten' | 'province';

interface Gazetteer {
  /** Alias (space-separated tokens) → regions it may name. */
  names: Map<string, Region[]>;
  maxTokens: number;
  /** Every token of every alias: what typos are corrected towards. */
  tokens: Set<string>;
  typos: TypoIndex;
}

let gazetteer: Gazetteer | undefined;
onRegionsReloaded(() => {
  gazetteer = undefined;
});

function key(text: string): string {
  return plainTokens(text).join(' ');
}

function variants(name: string): string[] {
  const base = key(name);
  const out = [base];
  if (base.includes(' ')) out.push(base.replace(/ /g, ''));
  if (base.includes('sumatera')) out.push(base.replace('sumatera', 'sumatra'));
  return out;
}

function build(): Gazetteer {
  const data = loadRegions();
  const names = new Map<string, Region[]>();
  const add = (alias: string, region: Region) => {
    const list = names.get(alias);
    if (!list) names.set(alias, [region]);
    else if (!list.includes(region)) list.push(region);
  };
  for (const province of data.provinces) {
    for (const v of variants(province.name)) add(v, province);
    for (const v of variants(province.shortName)) add(v, province);
  }
  for (const regency of data.regencies) {
    for (const v of variants(regency.baseName)) add(v, regency);
    for (const island of ISLAND_SHORT_NAMES)
      if (key(regency.baseName) === `kepulauan ${island}`) add(island, regency);
  }
  for (const [code, aliases] of Object.entries(REGION_ALIASES)) {
    const region = data.byCode.get(code);
    if (!region) throw new Error(`regions: alias for unknown code ${code}`);
    for (const alias of aliases) add(key(alias), region);
  }
  let maxTokens = 1;
  const tokens = new Set<string>();
  for (const alias of names.keys()) {
    const parts = alias.split(' ');
    maxTokens = Math.max(maxTokens, parts.length);
    for (const part of parts) tokens.add(part);
  }
  // Typos are forgiven towards distinctive name words only, never towards "utara" or "baru".
  return { names, maxTokens, tokens, typos: new TypoIndex([...tokens].filter((t) => !isCommonWord(t))) };
}

function index(): Gazetteer {
  gazetteer ??= build();
  return gazetteer;
}

/** Every word that appears in a place name: the normaliser leaves these alone. */
export function placeNameTokens(): ReadonlySet<string> {
  return index().tokens;
}

const RANK: Record<string, number> = { province: 0, kota: 1, kabupaten: 2 };

function rank(region: Region): number {
  return region.type === 'province' ? RANK.province! : RANK[region.kind]!;
}

/** Which of the regions sharing a name is meant: the level said, else province > kota > kabupaten. */
function pick(candidates: Region[], level: Level | undefined): Region {
  if (level) {
    const wanted = candidates.find((r) =>
      level === 'province' ? r.type === 'province' : r.type === 'regency' && r.kind === level,
    );
    if (wanted) return wanted;
  }
  return candidates.reduce((best, r) => (rank(r) < rank(best) ? r : best));
}

function displayName(region: Region): string {
  return region.type === 'province' ? region.shortName : region.name.replace(' Administrasi', '');
}

interface Hit {
  region: Region;
  matched: string;
  fuzzy: boolean;
  length: number;
  position: number;
}

/** Regions named in the text, best first: exact before forgiven typos, regencies before provinces, longer names first. */
export function findRegions(text: string): RegionMatch[] {
  return findRegionsInTokens(plainTokens(text));
}

/**
 * The same over words already split and lower-cased (hyphenated words are split here). An empty
 * string stands for a word to ignore: names never run across it.
 */
export function findRegionsInTokens(words: readonly string[]): RegionMatch[] {
  const g = index();
  const tokens = words.flatMap((w) => (w.includes('-') ? w.split('-').filter(Boolean) : [w]));
  const corrected = tokens.map((t) =>
    !t || g.tokens.has(t) || isCommonWord(t) || LEVEL_MARKERS.has(t) ? t : (g.typos.correct(t) ?? t),
  );
  const hits: Hit[] = [];
  let level: Level | undefined;
  let levelAt = -1;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    const marker = LEVEL_MARKERS.get(token);
    if (marker) {
      level = marker;
      levelAt = i;
      i += tokens[i + 1] === 'administrasi' || tokens[i + 1] === 'adm' ? 2 : 1;
      continue;
    }
    const hasLevel = level !== undefined && levelAt >= i - 2;
    let advanced = false;
    if (!token) {
      i++;
      continue;
    }
    for (let n = Math.min(g.maxTokens, tokens.length - i); n >= 1; n--) {
      const window = tokens.slice(i, i + n);
      if (window.includes('')) continue;
      const exact = window.join(' ');
      let name = exact;
      let candidates = g.names.get(exact);
      let fuzzy = false;
      if (!candidates) {
        const fixed = corrected.slice(i, i + n).join(' ');
        if (fixed !== exact) {
          candidates = g.names.get(fixed);
          name = fixed;
          fuzzy = true;
        }
      }
      if (!candidates) continue;
      if (AMBIGUOUS_NAMES.has(name) && !hasLevel && !placeContext(tokens, i, n, g)) continue;
      if (!hasLevel && n === 1 && isOrdinaryPhrase(tokens, i)) continue;
      const start = hasLevel ? levelAt : i;
      // The level may also follow the name, as people type it ("bekasi kab", "malang kota").
      const after = hasLevel ? undefined : LEVEL_MARKERS.get(tokens[i + n] ?? '');
      const end = i + n + (after ? 1 : 0);
      hits.push({
        region: pick(candidates, hasLevel ? level : after),
        matched: tokens.slice(start, end).join(' '),
        fuzzy,
        length: n,
        position: i,
      });
      i = end;
      advanced = true;
      break;
    }
    if (!advanced) i++;
    if (levelAt < i - 2) level = undefined;
  }
  hits.sort(
    (a, b) =>
      Number(a.fuzzy) - Number(b.fuzzy) ||
      (a.region.type === 'regency' ? 0 : 1) - (b.region.type === 'regency' ? 0 : 1) ||
      b.length - a.length ||
      a.position - b.position,
  );
  const seen = new Set<string>();
  const out: RegionMatch[] = [];
  for (const hit of hits) {
    if (seen.has(hit.region.code)) continue;
    seen.add(hit.region.code);
    out.push({
      type: hit.region.type,
      code: hit.region.code,
      provinceCode: hit.region.type === 'province' ? hit.region.code : hit.region.provinceCode,
      name: displayName(hit.region),
      matched: hit.matched,
      fuzzy: hit.fuzzy,
    });
  }
  return out;
}

/** "nasi padang", "rumah makan padang", "padang rumput": the name inside an ordinary phrase. */
function isOrdinaryPhrase(tokens: readonly string[], i: number): boolean {
  const at = (from: number, to: number) => tokens.slice(Math.max(0, from), to).join(' ');
  return (
    NOT_PLACES.has(at(i - 1, i + 1)) ||
    NOT_PLACES.has(at(i, i + 2)) ||
    NOT_PLACES.has(at(i - 2, i + 1)) ||
    NOT_PLACES.has(at(i, i + 3))
  );
}

/** A name that is also a word needs a sign: "di batu", a province after it, or nothing else said. */
function placeContext(tokens: string[], i: number, n: number, g: Gazetteer): boolean {
  if (tokens.length === n) return true;
  const before = tokens[i - 1];
  if (before && PLACE_CONTEXT.has(before)) return true;
  const after = tokens[i + n];
  if (after) {
    const next = g.names.get(after) ?? g.names.get(`${after} ${tokens[i + n + 1] ?? ''}`.trim());
    if (next?.some((r) => r.type === 'province')) return true;
  }
  return false;
}

export function regionDisplayName(region: Province | Regency): string {
  return displayName(region);
}
