import { describe, expect, it } from 'vitest';
import {
  getProvince,
  getRegency,
  isValidRegionCode,
  listProvinces,
  listRegencies,
  loadRegions,
  regionLabel,
} from './index';

describe('region data', () => {
  it('has the 38 provinces and 514 regencies/cities of idn-area-data', () => {
    expect(listProvinces()).toHaveLength(38);
    expect(listRegencies()).toHaveLength(514);
    expect(listRegencies('31')).toHaveLength(6);
  });

  it('looks codes up as in the NIK', () => {
    expect(getProvince('35')).toMatchObject({ code: '35', name: 'Jawa Timur' });
    expect(getRegency('35.78')).toMatchObject({
      code: '35.78',
      provinceCode: '35',
      kind: 'kota',
      baseName: 'Surabaya',
    });
    expect(getRegency('35.07')).toMatchObject({ kind: 'kabupaten', baseName: 'Malang' });
    expect(getProvince('35.78')).toBeUndefined();
    expect(getRegency('35')).toBeUndefined();
    expect(isValidRegionCode('32.73')).toBe(true);
    expect(isValidRegionCode('32')).toBe(true);
    expect(isValidRegionCode('32.99')).toBe(false);
    expect(isValidRegionCode('3273')).toBe(false);
  });

  it('labels regions for people', () => {
    expect(regionLabel('35.78')).toBe('Kota Surabaya, Jawa Timur');
    expect(regionLabel('32.04')).toBe('Kabupaten Bandung, Jawa Barat');
    expect(regionLabel('31.74')).toBe('Kota Jakarta Selatan, DKI Jakarta');
    expect(regionLabel('34')).toBe('DI Yogyakarta');
    expect(regionLabel('99')).toBeUndefined();
  });

  it('accepts rows handed in (a runtime without a file system) and proper-cases upper-case names', () => {
    const original = loadRegions();
    try {
      loadRegions({
        provinces: [{ code: '35', name: 'JAWA TIMUR' }],
        regencies: [{ code: '35.78', name: 'KOTA SURABAYA', province_code: '35' }],
      });
      expect(regionLabel('35.78')).toBe('Kota Surabaya, Jawa Timur');
      expect(listRegencies()).toHaveLength(1);
    } finally {
      loadRegions({
        provinces: original.provinces.map((p) => ({ code: p.code, name: p.name })),
        regencies: original.regencies.map((r) => ({
          code: r.code,
          name: r.name,
          provinceCode: r.provinceCode,
        })),
      });
    }
    expect(listRegencies()).toHaveLength(514);
  });
});
