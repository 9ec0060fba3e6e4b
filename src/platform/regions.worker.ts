/**
 * Region data for the Worker bundle, which has no file system to read idn-area-data's CSVs from: the
 * two small files (provinces, regencies; ~16 KB) are bundled as text (the `Text` rule for `*.csv` in
 * wrangler.toml), straight from the installed package, so the data always matches the Node side.
 */
import provincesCsv from 'idn-area-data/data/provinces.csv';
import regenciesCsv from 'idn-area-data/data/regencies.csv';
import { parseCsv, type RegionRows } from '../regions/data';

export function bundledRegionRows(): RegionRows {
  return {
    provinces: parseCsv(provincesCsv) as unknown as RegionRows['provinces'],
    regencies: parseCsv(regenciesCsv) as unknown as RegionRows['regencies'],
  };
}
