/**
 * Province and regency codes (Kemendagri, as in the NIK) for validating and describing programmes.
 *
 * A small loader over idn-area-data (code MIT, data ODbL) until the shared gazetteer in src/regions is
 * ready; the catalogue only needs "is this a province/regency code" and the names, behind
 * `RegionLookup`, so swapping the source is a one-file change.
 */
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
 * Loads the codes once per process (two small CSV files read from disk, so Node only: elsewhere pass a
 * RegionLookup to parse/import through `options.regions`).
 */
export function loadRegions(): Promise<RegionLookup> {
  loading ??= (async () => {
    const { getProvinces, getRegencies } = await import('idn-area-data');
    const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies()]);
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
