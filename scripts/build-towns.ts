/**
 * Builds src/regions/towns.json from idn-area-data's kecamatan (districts.csv): each kecamatan name
 * people may type ("cikarang", "singosari", "ungaran" for Ungaran Barat/Timur) → the regency or
 * regencies it lies in. Left out: names that are a regency or province already (those win), ordinary
 * words, words of the lexicons, and names shared by more than three regencies. Short or word-like names
 * are marked as needing a sign that a place is meant ("di koja", "domisili merak").
 *
 *   npx tsx scripts/build-towns.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { INTENT_VOCABULARY } from '../src/nlu/intent';
import { ADDRESS_TERMS, PROTECTED, SLANG_MAP } from '../src/nlu/lexicon';
import { DIALECT_MAP, DIALECT_STOPWORDS } from '../src/nlu/lexicons';
import { CONSTRAINT_TABLE } from '../src/nlu/slots/constraints';
import { COUNTRY_TABLE } from '../src/nlu/slots/country';
import { EDUCATION_TABLE } from '../src/nlu/slots/education';
import { FIELD_TABLE } from '../src/nlu/slots/fields';
import { KIND_TABLE } from '../src/nlu/slots/kind';
import { NUMBER_WORDS, ORDINAL_WORDS } from '../src/nlu/slots/ordinal';
import { REGION_ALIASES } from '../src/regions/aliases';
import { loadRegions, parseCsv } from '../src/regions/data';
import placesData from '../src/regions/places.json';
import { plainTokens } from '../src/shared/text/tokens';
import { isCommonWord } from '../src/shared/text/words';

const DIRECTIONS = new Set([
  'barat',
  'timur',
  'utara',
  'selatan',
  'tengah',
  'kota',
  'hilir',
  'hulu',
  'ilir',
  'ulu',
]);
const MAX_REGENCIES = 3;
const LEVEL_WORDS = new Set(['kota', 'kab', 'kabupaten', 'provinsi']);

const dataDir = join(dirname(createRequire(import.meta.url).resolve('idn-area-data')), '..', 'data');
const districts = parseCsv(readFileSync(join(dataDir, 'districts.csv'), 'utf8'));

const byName = new Map<string, Set<string>>();
const add = (name: string, regency: string) => {
  if (!byName.has(name)) byName.set(name, new Set());
  byName.get(name)!.add(regency);
};
for (const row of districts) {
  const tokens = plainTokens(row.name ?? '');
  const regency = row.regency_code ?? '';
  if (!tokens.length || !regency) continue;
  add(tokens.join(' '), regency);
  // "Ungaran Barat", "Ungaran Timur" → "ungaran".
  let base = tokens;
  while (base.length > 1 && DIRECTIONS.has(base.at(-1)!)) base = base.slice(0, -1);
  if (base.length !== tokens.length) add(base.join(' '), regency);
}

const lexical = (w: string) =>
  isCommonWord(w) ||
  FIELD_TABLE.vocabulary.has(w) ||
  COUNTRY_TABLE.vocabulary.has(w) ||
  DIALECT_MAP.has(w) ||
  DIALECT_STOPWORDS.has(w) ||
  PROTECTED.has(w) ||
  SLANG_MAP.has(w) ||
  KIND_TABLE.vocabulary.has(w) ||
  CONSTRAINT_TABLE.vocabulary.has(w) ||
  EDUCATION_TABLE.vocabulary.has(w) ||
  INTENT_VOCABULARY.has(w) ||
  NUMBER_WORDS.has(w) ||
  ORDINAL_WORDS.has(w);

/** Words another reader takes first (a field, a kind, a country, a number…): a name with one is left out. */
const taken = (w: string) =>
  /\d/.test(w) ||
  FIELD_TABLE.vocabulary.has(w) ||
  COUNTRY_TABLE.vocabulary.has(w) ||
  DIALECT_MAP.has(w) ||
  KIND_TABLE.vocabulary.has(w) ||
  CONSTRAINT_TABLE.vocabulary.has(w) ||
  EDUCATION_TABLE.vocabulary.has(w) ||
  NUMBER_WORDS.has(w) ||
  ORDINAL_WORDS.has(w) ||
  SLANG_MAP.has(w) ||
  ADDRESS_TERMS.has(w);

// Names the gazetteer already knows: official names (with or without Kota/Kabupaten), aliases, places.json.
const key = (text: string) => plainTokens(text).join(' ');
const known = new Set<string>();
const regions = loadRegions();
for (const p of regions.provinces) for (const n of [p.name, p.shortName]) known.add(key(n));
for (const r of regions.regencies) for (const n of [r.name, r.baseName]) known.add(key(n));
for (const aliases of Object.values(REGION_ALIASES)) for (const a of aliases) known.add(key(a));
const places = placesData as unknown as Record<string, Record<string, string[]> | string[]>;
for (const group of ['nicknames', 'areas', 'towns'])
  for (const name of Object.keys(places[group] as Record<string, string[]>)) known.add(key(name));

const towns: Record<string, string[]> = {};
const needContext: string[] = [];
for (const [name, regencies] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
  if (regencies.size > MAX_REGENCIES) continue;
  const words = name.split(' ');
  // A name of several words with a word of its own ("duren sawit", "tanah abang") is kept even when one
  // of them is another reader's word: the gazetteer reads it before the fields after "di" or opening a
  // message (namedPlaceSpans). A single taken word, or words all ordinary, are no place by themselves.
  // Not when the normaliser rewrites one of its words ("wis", "aye") or a word is a level ("biak kota")
  // or a mere letter pair ("ra as"): the name would never be read as written.
  const rewritten = (w: string) =>
    w.length <= 2 || DIALECT_MAP.has(w) || SLANG_MAP.has(w) || LEVEL_WORDS.has(w);
  const ownWord = (w: string) => !lexical(w) && !taken(w);
  if (words.every(lexical)) continue;
  if (words.some(taken) && (words.length === 1 || !words.some(ownWord) || words.some(rewritten))) continue;
  if (name.replace(/ /g, '').length < 4) continue;
  // A regency, province or known alias of that name is meant, not the kecamatan.
  if (known.has(name) || known.has(name.replace(/ /g, ''))) continue;
  towns[name] = [...regencies].sort();
  if ((words.length === 1 && name.length <= 5) || words.some(lexical)) needContext.push(name);
}

const out = {
  _about:
    'Generated by scripts/build-towns.ts from idn-area-data (districts.csv, ODbL): kecamatan name → regency codes. Do not edit by hand; add hand-made towns to places.json.',
  needContext,
  towns,
};
writeFileSync(new URL('../src/regions/towns.json', import.meta.url), `${JSON.stringify(out)}\n`);
console.log(`${Object.keys(towns).length} towns, ${needContext.length} need a sign of a place`);
