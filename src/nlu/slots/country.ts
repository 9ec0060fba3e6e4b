/** Destination countries (ISO 3166 alpha-2) by their Indonesian, English and nick names. */
import { claim, type Reading } from '../context';
import { PhraseTable } from '../phrases';

const COUNTRY_WORDS: Readonly<Record<string, readonly string[]>> = {
  JP: ['jepang', 'japan', 'jp', 'jpn', 'nihon', 'nippon', 'jepun', 'negeri sakura', 'jepan', 'jpang'],
  KR: ['korea', 'korsel', 'korea selatan', 'south korea', 'kr', 'negeri ginseng', 'korean'],
  TW: ['taiwan', 'tw'],
  QA: ['qatar', 'katar'],
  AU: ['australia', 'aussie', 'ostrali', 'australi', 'ostralia'],
  DE: ['jerman', 'germany', 'deutschland', 'german'],
  MY: ['malaysia', 'malay', 'negeri jiran'],
  SA: ['saudi', 'arab saudi', 'saudi arabia', 'arab', 'ksa'],
  AE: ['uea', 'uni emirat arab', 'emirat', 'uae', 'dubai', 'abu dhabi'],
  SG: ['singapura', 'singapore'],
  HK: ['hong kong', 'hongkong', 'hk'],
  GB: ['inggris', 'uk', 'england', 'britania', 'united kingdom'],
  NL: ['belanda', 'netherlands', 'holland'],
  TR: ['turki', 'turkey', 'turkiye'],
  US: ['amerika', 'usa', 'amerika serikat', 'america'],
  CA: ['kanada', 'canada'],
  NZ: ['selandia baru', 'new zealand'],
  CN: ['china', 'cina', 'tiongkok'],
  PL: ['polandia', 'poland'],
  IT: ['italia', 'italy'],
  FR: ['prancis', 'perancis', 'france'],
  BN: ['brunei'],
  KW: ['kuwait'],
  OM: ['oman'],
  TH: ['thailand'],
};

export const COUNTRY_TABLE = new PhraseTable(
  Object.entries(COUNTRY_WORDS).flatMap(([code, words]) => words.map((w) => [w, code] as const)),
);

export interface CountryCue {
  code: string;
  /** Said as a destination: "ke jepang", "di korea". */
  destination: boolean;
}

const TOWARDS = new Set(['ke', 'di', 'to', 'in']);

export function extractCountry(r: Reading): CountryCue | undefined {
  const hits = COUNTRY_TABLE.scan(r.tokens, r.claimed);
  const first = hits[0];
  if (!first) return undefined;
  for (const hit of hits) claim(r, hit.start, hit.end);
  return { code: first.value, destination: TOWARDS.has(r.tokens[first.start - 1] ?? '') };
}
