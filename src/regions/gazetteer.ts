/**
 * Finds provinces and regencies named inside a sentence: official names with or without
 * "Kabupaten"/"Kota", nicknames (Jatim, Sby, Jaksel), names written together or apart
 * ("gunungkidul"), and one typo in a name of 5+ letters (two from 9) — but never turns an ordinary
 * word into a place.
 */
import { TypoIndex } from '../shared/text/distance';
import { plainTokens } from '../shared/text/tokens';
import { isCommonWord } from '../shared/text/words';
import {
  AMBIGUOUS_NAMES,
  ISLAND_SHORT_NAMES,
  LEVEL_MARKERS,
  NOT_PLACES,
  PLACE_CONTEXT,
  REGION_ALIASES,
} from './aliases';
import { loadRegions, onRegionsReloaded, type Province, type Regency, type Region } from './data';
import placesData from './places.json';
import townsData from './towns.json';

export interface RegionMatch {
  type: 'province' | 'regency';
  /** One of several regions named together ("jabodetabek", "bekasi" for city and regency). */
  together?: true;
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
  /** Alias (space-separated tokens) → regions it may name (one of them is meant). */
  names: Map<string, Region[]>;
  /** Names that stand for several regions at once: areas, nicknames, towns (places.json, towns.json). */
  areas: Map<string, Region[]>;
  /** Areas and towns that are also ordinary words: only with a sign of a place around them. */
  areaNeedsContext: Set<string>;
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
  const areas = new Map<string, Region[]>();
  const addArea = (alias: string, codes: readonly string[]) => {
    const regions = codes.map((code) => {
      const region = data.byCode.get(code);
      if (!region) throw new Error(`regions: place ${alias} names unknown code ${code}`);
      return region;
    });
    areas.set(key(alias), regions);
  };
  const places = placesData as unknown as Record<string, Record<string, string[]> | string[]>;
  for (const group of ['nicknames', 'areas', 'towns'] as const)
    for (const [alias, codes] of Object.entries(places[group] as Record<string, string[]>))
      addArea(alias, codes);
  // Kecamatan from idn-area-data; a hand-made entry of the same name wins.
  for (const [alias, codes] of Object.entries(townsData.towns as Record<string, string[]>))
    if (!areas.has(alias)) addArea(alias, codes);
  const areaNeedsContext = new Set([...(places.needContext as string[]), ...townsData.needContext]);
  let maxTokens = 1;
  const tokens = new Set<string>();
  for (const alias of [...names.keys(), ...[...areas.keys()].filter((a) => !townsData.towns[a as never])]) {
    const parts = alias.split(' ');
    maxTokens = Math.max(maxTokens, parts.length);
    for (const part of parts) tokens.add(part);
  }
  // Typos are forgiven towards distinctive name words only, never towards "utara" or "baru".
  for (const alias of areas.keys()) maxTokens = Math.max(maxTokens, alias.split(' ').length);
  return {
    names,
    areas,
    areaNeedsContext,
    maxTokens,
    tokens,
    typos: new TypoIndex([...tokens].filter((t) => !isCommonWord(t))),
  };
}

function index(): Gazetteer {
  gazetteer ??= build();
  return gazetteer;
}

/** The city or regency of the same name in the same province ("Kota Malang" ↔ "Kabupaten Malang"). */
export function twinsOf(code: string): string[] {
  const region = loadRegions().byCode.get(code);
  if (region?.type !== 'regency') return [];
  return loadRegions()
    .regencies.filter(
      (r) => r.code !== code && r.provinceCode === region.provinceCode && r.baseName === region.baseName,
    )
    .map((r) => r.code);
}

let nicknameIndex: { names: Set<string>; longest: number } | undefined;

/**
 * Where a nickname of several words stands ("kota batik", "kota udang"): read before the fields, whose
 * words some nicknames use.
 */
export function nicknameSpans(words: readonly string[]): Array<{ start: number; end: number }> {
  if (!nicknameIndex) {
    const names = new Set(
      Object.keys((placesData as { nicknames: Record<string, string[]> }).nicknames)
        .map(key)
        .filter((n) => n.includes(' ')),
    );
    nicknameIndex = { names, longest: Math.max(...[...names].map((n) => n.split(' ').length)) };
  }
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < words.length; i++)
    for (let n = nicknameIndex.longest; n >= 2; n--)
      if (nicknameIndex.names.has(words.slice(i, i + n).join(' '))) {
        out.push({ start: i, end: i + n });
        i += n - 1;
        break;
      }
  return out;
}

/**
 * Where a place of several words stands after "di", "dari", "ke" ("di duren sawit", "dari tanah datar"):
 * read before the fields, whose words such a name may use ("sawit").
 */
export function namedPlaceSpans(words: readonly string[]): Array<{ start: number; end: number }> {
  const g = index();
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < words.length; i++) {
    // After "di", or opening a message that asks what is there ("duren sawit ada kursus jahit?").
    const opening = i === 0;
    if (!opening && !PLACE_CONTEXT.has(words[i - 1]!)) continue;
    for (let n = Math.min(g.maxTokens, words.length - i); n >= 2; n--) {
      const name = words.slice(i, i + n).join(' ');
      if (opening && !HAS.has(words[n] ?? '')) continue;
      if (g.names.has(name) || g.areas.has(name)) {
        out.push({ start: i, end: i + n });
        i += n - 1;
        break;
      }
    }
  }
  return out;
}

let townTokens: Set<string> | undefined;

/** Every word of a kecamatan name (towns.json): the normaliser must not take them for typos either. */
export function townNameTokens(): ReadonlySet<string> {
  townTokens ??= new Set(Object.keys(townsData.towns).flatMap((name) => name.split(' ')));
  return townTokens;
}

/**
 * The place names of several words (regencies, kecamatan, towns, areas) with one of these words in them,
 * each as its words: "pangkalan bun" for the forms of address, whose "bun" is no "bunda" there.
 */
export function multiWordNamesWith(words: ReadonlySet<string>): string[][] {
  const g = index();
  return [...g.names.keys(), ...g.areas.keys()]
    .map((name) => name.split(' '))
    .filter((parts) => parts.length > 1 && parts.some((w) => words.has(w)));
}

/** Every word that appears in a place name: the normaliser leaves these alone. */
export function placeNameTokens(): ReadonlySet<string> {
  return index().tokens;
}

const RANK: Record<string, number> = { province: 0, kota: 1, kabupaten: 2 };

function rank(region: Region): number {
  return region.type === 'province' ? RANK.province! : RANK[region.kind]!;
}

/**
 * Which of the regions sharing a name are meant: the level said; else a province over its cities; else
 * a city and the regency of the same name in the same province both ("bekasi" is Kota and Kabupaten
 * Bekasi, unless the person says "kota" or "kab").
 */
function picks(candidates: Region[], level: Level | undefined): Region[] {
  if (level) {
    const wanted = candidates.find((r) =>
      level === 'province' ? r.type === 'province' : r.type === 'regency' && r.kind === level,
    );
    if (wanted) return [wanted];
  }
  const best = candidates.reduce((b, r) => (rank(r) < rank(b) ? r : b));
  if (best.type === 'province') return [best];
  // Of the same name in another province too ("banjar": Kota Banjar in Jawa Barat and Kabupaten Banjar
  // in Kalimantan Selatan), unless the person said which.
  const twins = candidates.filter(
    (r) =>
      r !== best &&
      r.type === 'regency' &&
      (r.provinceCode === best.provinceCode ? r.kind !== best.kind : r.baseName === best.baseName),
  );
  return [best, ...twins];
}

function displayName(region: Region): string {
  return region.type === 'province' ? region.shortName : region.name.replace(' Administrasi', '');
}

interface Hit {
  region: Region;
  /** Several regions named at once (an area, a town in several regencies, a city and its regency). */
  together: boolean;
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
    // "kota hujan", "kota batik": a nickname that starts with a level word.
    const startsArea = Array.from({ length: g.maxTokens - 1 }, (_, k) =>
      tokens.slice(i, i + k + 2).join(' '),
    ).some((name) => g.areas.has(name) && !g.names.has(name));
    const marker = startsArea ? undefined : LEVEL_MARKERS.get(token);
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
      let found: Region[] | undefined;
      let fuzzy = false;
      // An area or a town named exactly ("jabodetabek", "papua", "cikarang"), unless a level is said
      // ("provinsi papua"); never by a forgiven typo, so a real kecamatan never turns into another place.
      // "tanjung pandan", "pekan baru", "bukit tinggi": a name of one word typed as two.
      const joined = n === 2 && !g.names.has(exact) && !g.areas.has(exact) ? window.join('') : undefined;
      const area = hasLevel ? undefined : (g.areas.get(exact) ?? (joined ? g.areas.get(joined) : undefined));
      const ordinary = n === 1 && isOrdinaryPhrase(tokens, i);
      if (area && !ordinary && (!g.areaNeedsContext.has(exact) || placeContext(tokens, i, n, g)))
        found = area;
      if (!found) {
        let candidates = g.names.get(exact);
        if (!candidates && joined && !hasLevel) {
          candidates = g.names.get(joined);
          if (candidates) name = joined;
        }
        if (!candidates) {
          const fixed = corrected.slice(i, i + n).join(' ');
          if (fixed !== exact && !g.areas.has(exact)) {
            candidates = g.names.get(fixed);
            name = fixed;
            fuzzy = true;
          }
        }
        if (!candidates) continue;
        if (AMBIGUOUS_NAMES.has(name) && !hasLevel && !placeContext(tokens, i, n, g)) continue;
        if (!hasLevel && n === 1 && isOrdinaryPhrase(tokens, i)) continue;
        const after = hasLevel ? undefined : LEVEL_MARKERS.get(tokens[i + n] ?? '');
        found = picks(candidates, hasLevel ? level : after);
      }
      const start = hasLevel ? levelAt : i;
      // The level may also follow the name, as people type it ("bekasi kab", "malang kota").
      const after = hasLevel ? undefined : LEVEL_MARKERS.get(tokens[i + n] ?? '');
      const end = i + n + (after && !area ? 1 : 0);
      for (const region of found)
        hits.push({
          region,
          together: found.length > 1,
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
      ...(hit.together ? { together: true as const } : {}),
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

/** "slawi ada apa", "wates ada pelatihan jahit": a message that opens by asking what a place has. */
const HAS = new Set(['ada', 'ana', 'ono', 'onok', 'ade', 'wonten', 'aya']);
/** "bima pelatihan pertanian", "batu magang hotel": a message opening with a place, then what is sought there. */
const OPENING_KINDS = new Set([
  'pelatihan',
  'kursus',
  'magang',
  'sertifikasi',
  'lowongan',
  'loker',
  'training',
  'bootcamp',
  'les',
  'kelas',
]);

/**
 * A name that is also a word needs a sign: "di batu", a province after it, the message opening with it
 * to ask what is there, or nothing else said.
 */
function placeContext(tokens: string[], i: number, n: number, g: Gazetteer): boolean {
  if (tokens.length === n) return true;
  // Opening the message and followed by what is sought ("bima pelatihan pertanian"), in words or as a
  // word another reader already took (an empty token: a kind, a field).
  if (
    i === 0 &&
    n < tokens.length &&
    (HAS.has(tokens[n]!) || OPENING_KINDS.has(tokens[n]!) || tokens[n] === '')
  )
    return true;
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
