/**
 * Province and regency codes (Kemendagri, as in the NIK) for validating and describing programmes.
 *
 * Backed by the shared region data of src/regions (idn-area-data: code MIT, data ODbL); the catalogue
 * only needs "is this a province/regency code" and the names, behind `RegionLookup`.
 */
import { loadRegions as loadRegionData } from '../regions/data';

export interface RegionLookup {
  isProvince(code: string): boolean;
  isRegency(code: string): boolean;
  /** The official name ("Jawa Timur", "Kota Surabaya"), or undefined for an unknown code. */
  name(code: string): string | undefined;
}

/** `35.78` → `35`; a province code is its own province. */
export function provinceOf(code: string): string {
  return code.split('.')[0] ?? code;
}

export function isRegencyCodeShape(code: string): boolean {
  return /^\d{2}\.\d{2}$/.test(code);
}

export function isProvinceCodeShape(code: string): boolean {
  return /^\d{2}$/.test(code);
}

export function regionLookupFrom(
  provinces: Iterable<[string, string]>,
  regencies: Iterable<[string, string]>,
): RegionLookup {
  const provinceNames = new Map(provinces);
  const regencyNames = new Map(regencies);
  return {
    isProvince: (code) => provinceNames.has(code),
    isRegency: (code) => regencyNames.has(code),
    name: (code) => provinceNames.get(code) ?? regencyNames.get(code),
  };
}

let loading: Promise<RegionLookup> | undefined;

/**
 * The codes of the shared region data (src/regions): read from the package's CSV files on Node, or the
 * rows the Workers entry bundles and hands to `loadRegions(rows)` at start-up — one source everywhere.
 */
export function loadRegions(): Promise<RegionLookup> {
  loading ??= (async () => {
    const { provinces, regencies } = loadRegionData();
    return regionLookupFrom(
      provinces.map((p) => [p.code, p.name] as [string, string]),
      regencies.map((r) => [r.code, r.name] as [string, string]),
    );
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
