/**
 * The 38 provinces and 514 regencies/cities of idn-area-data (Kemendagri codes, as in the NIK).
 * Loaded once: synchronously from the package's own CSV files on Node, or from rows handed to
 * `loadRegions()` where there is no file system (a Workers bundle).
 */

import { parse as readCsv } from 'csv-parse/sync';

export interface Province {
  type: 'province';
  /** Two digits, e.g. "35". */
  code: string;
  /** Official name, e.g. "Daerah Khusus Ibukota Jakarta". */
  name: string;
  /** What people read, e.g. "DKI Jakarta". */
  shortName: string;
}

export interface Regency {
  type: 'regency';
  /** Province code, a dot, two digits: "35.78". */
  code: string;
  provinceCode: string;
  /** Official name, e.g. "Kota Administrasi Jakarta Selatan". */
  name: string;
  kind: 'kabupaten' | 'kota';
  /** The name without its Kabupaten/Kota prefix: "Jakarta Selatan". */
  baseName: string;
}

export type Region = Province | Regency;

/** Raw rows as idn-area-data ships them (either its CSV headers or its camelCase transform). */
export interface RegionRows {
  provinces: ReadonlyArray<{ code: string; name: string }>;
  regencies: ReadonlyArray<{ code: string; name: string; province_code?: string; provinceCode?: string }>;
}

export interface RegionData {
  provinces: readonly Province[];
  regencies: readonly Regency[];
  byCode: ReadonlyMap<string, Region>;
}

// Official names that nobody writes out in a label.
const SHORT_PROVINCE_NAMES: Record<string, string> = {
  '31': 'DKI Jakarta',
  '34': 'DI Yogyakarta',
};

const LOWER_WORDS = new Set(['dan']);

/** The data is proper-cased today; older releases were upper case, so fix that defensively. */
export function properCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .split(' ')
    .map((word, i) =>
      i > 0 && LOWER_WORDS.has(word)
        ? word
        : word
            .split('-')
            .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
            .join('-'),
    )
    .join(' ');
}

const REGENCY_PREFIXES: ReadonlyArray<[string, Regency['kind']]> = [
  ['Kabupaten Administrasi ', 'kabupaten'],
  ['Kota Administrasi ', 'kota'],
  ['Kabupaten ', 'kabupaten'],
  ['Kota ', 'kota'],
];

function toRegency(code: string, provinceCode: string, rawName: string): Regency {
  const name = properCase(rawName.trim());
  for (const [prefix, kind] of REGENCY_PREFIXES) {
    if (name.startsWith(prefix))
      return { type: 'regency', code, provinceCode, name, kind, baseName: name.slice(prefix.length) };
  }
  // Not seen in the data; treat an unprefixed name as a kabupaten rather than fail.
  return { type: 'regency', code, provinceCode, name, kind: 'kabupaten', baseName: name };
}

function build(rows: RegionRows): RegionData {
  const provinces: Province[] = rows.provinces.map((row) => {
    const name = properCase(row.name.trim());
    return {
      type: 'province',
      code: row.code.trim(),
      name,
      shortName: SHORT_PROVINCE_NAMES[row.code.trim()] ?? name,
    };
  });
  const regencies: Regency[] = rows.regencies.map((row) =>
    toRegency(
      row.code.trim(),
      (row.province_code ?? row.provinceCode ?? row.code.slice(0, 2)).trim(),
      row.name,
    ),
  );
  const byCode = new Map<string, Region>();
  for (const region of [...provinces, ...regencies]) byCode.set(region.code, region);
  return { provinces, regencies, byCode };
}

/** The package's CSVs: a header row, comma separated, optional double quotes (csv-parse, as for catalogues). */
export function parseCsv(text: string): Record<string, string>[] {
  let header: string[] = [];
  const rows = readCsv(text, {
    columns: (names: string[]) => {
      header = names.map((h) => h.trim());
      return header;
    },
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    relax_column_count: true,
  }) as Record<string, string>[];
  return rows.map((row) => Object.fromEntries(header.map((h) => [h, row[h] ?? ''])));
}

/** Reads the package's CSVs synchronously; `process.getBuiltinModule` keeps `node:fs` out of bundles. */
function readPackageRows(): RegionRows {
  const proc = (globalThis as { process?: NodeJS.Process }).process;
  const fs = proc?.getBuiltinModule?.('node:fs');
  const mod = proc?.getBuiltinModule?.('node:module');
  const path = proc?.getBuiltinModule?.('node:path');
  if (!fs || !mod || !path) {
    throw new Error('regions: no file system here; call loadRegions({ provinces, regencies }) at start-up');
  }
  // The package has no "exports" map, so resolving its main entry finds lib/index.js; data/ is beside lib/.
  const main = mod.createRequire(import.meta.url).resolve('idn-area-data');
  const dataDir = path.join(path.dirname(main), '..', 'data');
  const read = (file: string) => parseCsv(fs.readFileSync(path.join(dataDir, file), 'utf8'));
  return {
    provinces: read('provinces.csv') as unknown as RegionRows['provinces'],
    regencies: read('regencies.csv') as unknown as RegionRows['regencies'],
  };
}

let loaded: RegionData | undefined;
const listeners: Array<() => void> = [];

/**
 * Loads the regions once (idempotent). Call it at start-up to pay the few milliseconds early; every
 * lookup calls it lazily otherwise. Pass rows to use data bundled by other means.
 */
export function loadRegions(rows?: RegionRows): RegionData {
  if (rows) {
    loaded = build(rows);
    for (const listener of listeners) listener();
  }
  loaded ??= build(readPackageRows());
  return loaded;
}

/** Lets derived indexes (the gazetteer) drop their caches when data is replaced. */
export function onRegionsReloaded(listener: () => void): void {
  listeners.push(listener);
}
