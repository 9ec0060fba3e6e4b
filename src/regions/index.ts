/**
 * Indonesian provinces and regencies/cities (idn-area-data, Kemendagri codes as in the NIK):
 * lookups by code, display labels, and places named in free text.
 */
import { loadRegions, type Province, type Regency, type Region } from './data';
import { regionDisplayName } from './gazetteer';

export type { Province, Regency, Region, RegionRows } from './data';
export { loadRegions } from './data';
export { findRegions, findRegionsInTokens, placeNameTokens, type RegionMatch } from './gazetteer';

export function getProvince(code: string): Province | undefined {
  const region = loadRegions().byCode.get(code.trim());
  return region?.type === 'province' ? region : undefined;
}

export function getRegency(code: string): Regency | undefined {
  const region = loadRegions().byCode.get(code.trim());
  return region?.type === 'regency' ? region : undefined;
}

export function getRegion(code: string): Region | undefined {
  return loadRegions().byCode.get(code.trim());
}

export function listProvinces(): readonly Province[] {
  return loadRegions().provinces;
}

/** All regencies/cities, or those of one province. */
export function listRegencies(provinceCode?: string): readonly Regency[] {
  const all = loadRegions().regencies;
  return provinceCode ? all.filter((r) => r.provinceCode === provinceCode) : all;
}

/** A province ("35") or regency ("35.78") code that exists. */
export function isValidRegionCode(code: string): boolean {
  return loadRegions().byCode.has(code);
}

/** "Kota Surabaya, Jawa Timur" for a regency, "Jawa Timur" for a province, undefined for an unknown code. */
export function regionLabel(code: string): string | undefined {
  const region = getRegion(code);
  if (!region) return undefined;
  if (region.type === 'province') return region.shortName;
  const province = getProvince(region.provinceCode);
  return province ? `${regionDisplayName(region)}, ${province.shortName}` : regionDisplayName(region);
}
