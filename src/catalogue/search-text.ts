/**
 * The words a programme can be found by (the `search_text` column) and the same normalisation for
 * what people type, so both sides meet: lower case, no accents, letters and digits only.
 */
import { tFor } from '../i18n';
import type { Programme } from '../shared/programme';
import type { RegionLookup } from '../shared/programme-regions';
import { normaliseText } from '../shared/text/normalise';

/**
 * Bump when buildSearchText (or the labels it uses) changes: the version is part of the content
 * hash, so the next import rewrites every row instead of skipping unchanged ones.
 */
export const SEARCH_TEXT_VERSION = 3;

const countryNamesId = new Intl.DisplayNames(['id'], { type: 'region', fallback: 'code' });
const countryNamesEn = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** Country names people type: Indonesian and English ("Jepang", "Japan"; "Korea Selatan", "Korea"). */
export function countryNames(code: string): string[] {
  return [countryNamesId.of(code) ?? code, countryNamesEn.of(code) ?? code];
}

/** "Kota Surabaya" → also "surabaya"; "Kabupaten Bekasi" → also "bekasi". */
function placeWords(name: string | undefined): string[] {
  if (!name) return [];
  return [name, name.replace(/^(Kabupaten|Kota|Kab\.?|Provinsi)\s+/i, '')];
}

export function buildSearchText(p: Programme, regions: RegionLookup): string {
  const id = tFor('id', 'catalogue');
  const en = tFor('en', 'catalogue');
  const parts: string[] = [
    p.title.id,
    p.title.en ?? '',
    p.summary.id,
    p.provider.name,
    p.provider.type,
    id(`provider_type.${p.provider.type}`),
    ...(p.tags ?? []),
    id(`kind.${p.kind}`),
    en(`kind.${p.kind}`),
    id(`field.${p.field}`),
    en(`field.${p.field}`),
    p.field.replaceAll('_', ' '),
    id(`mode.${p.location.mode}`),
    ...(p.benefits ?? []).map((b) => id(`benefit.${b}`)),
    ...placeWords(p.location.regency ? regions.name(p.location.regency) : undefined),
    ...placeWords(p.location.province ? regions.name(p.location.province) : undefined),
    ...(p.destination_country ? countryNames(p.destination_country) : []),
    // What a person may ask about: "bahasa isyarat", "kelas malam", "Braille".
    p.inclusion?.accommodations?.id ?? '',
    p.dates.schedule_note?.id ?? '',
    p.costs.fee_idr === 0 ? 'gratis' : '',
    p.location.mode === 'daring' ? 'online' : '',
  ];
  // A space at both ends: `like '% las%'` is "a word starting with las", `like '% las %'` "the word las".
  return ` ${searchWords(parts.join(' ')).join(' ')} `;
}

/** The distinct words of a text, in order of first appearance. */
export function searchWords(text: string): string[] {
  return [...new Set(normaliseText(text).split(' ').filter(Boolean))];
}
