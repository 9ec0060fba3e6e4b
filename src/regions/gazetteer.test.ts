import { describe, expect, it } from 'vitest';
import { findRegions } from './gazetteer';
import { SENTENCES_WITHOUT_PLACES } from './no-place-sentences';

const first = (text: string) => findRegions(text)[0]?.code;

describe('findRegions', () => {
  it('knows provinces by name and nickname', () => {
    const cases: Array<[string, string]> = [
      ['pelatihan di jatim', '35'],
      ['Jawa Timur', '35'],
      ['jabar', '32'],
      ['jateng', '33'],
      ['kaltim', '64'],
      ['kalbar', '61'],
      ['kalsel', '63'],
      ['kalteng', '62'],
      ['kaltara', '65'],
      ['sumut', '12'],
      ['sumbar', '13'],
      ['sumsel', '16'],
      ['sulsel', '73'],
      ['sulut', '71'],
      ['sulteng', '72'],
      ['sultra', '74'],
      ['sulbar', '76'],
      ['NTB', '52'],
      ['ntt', '53'],
      ['babel', '19'],
      ['kepri', '21'],
      ['DKI', '31'],
      ['jakarta', '31'],
      ['jkt', '31'],
      ['DIY', '34'],
      ['jogja', '34'],
      ['yogya', '34'],
      ['jogjakarta', '34'],
      ['bali', '51'],
      ['papua', '91'],
      ['papua barat', '92'],
      ['papua barat daya', '96'],
      ['papua pegunungan', '95'],
      ['sumatra utara', '12'],
      ['east java', '35'],
    ];
    for (const [text, code] of cases) expect(first(text), text).toBe(code);
  });

  it('knows cities by name and nickname', () => {
    const cases: Array<[string, string]> = [
      ['sby', '35.78'],
      ['surabaya', '35.78'],
      ['bdg', '32.73'],
      ['smg', '33.74'],
      ['mlg', '35.73'],
      ['solo', '33.72'],
      ['jaksel', '31.74'],
      ['jakbar', '31.73'],
      ['jaktim', '31.75'],
      ['jakut', '31.72'],
      ['jakpus', '31.71'],
      ['medan', '12.71'],
      ['makassar', '73.71'],
      ['depok', '32.76'],
      ['denpasar', '51.71'],
      ['tangsel', '36.74'],
      ['cikarang', '32.16'],
      ['purwokerto', '33.02'],
      ['labuan bajo', '53.15'],
      ['gunungkidul', '34.03'],
      ['gunung kidul', '34.03'],
      ['toli-toli', '72.04'],
      ['tolitoli', '72.04'],
      ['baubau', '74.72'],
      ['pangkalpinang', '19.71'],
      ['palangka raya', '62.71'],
    ];
    for (const [text, code] of cases) expect(first(text), text).toBe(code);
  });

  it('prefers the Kota when a name is both, unless "kab"/"kabupaten" is said', () => {
    const cases: Array<[string, string]> = [
      ['bandung', '32.73'],
      ['kab bandung', '32.04'],
      ['Kab. Bandung', '32.04'],
      ['kabupaten bandung', '32.04'],
      ['kota bandung', '32.73'],
      ['malang', '35.73'],
      ['kab malang', '35.07'],
      ['bekasi', '32.75'],
      ['kabupaten bekasi', '32.16'],
      ['bogor', '32.71'],
      ['kab bogor', '32.01'],
      ['tangerang', '36.71'],
      ['kab. tangerang', '36.03'],
      ['kota jogja', '34.71'],
      ['jambi', '15'],
      ['kota jambi', '15.71'],
      ['kota garut', '32.05'],
      ['Kabupaten Administrasi Kepulauan Seribu', '31.01'],
      // The level after the name, as many people type it.
      ['bekasi kab', '32.16'],
      ['bogor kabupaten', '32.01'],
      ['malang kota', '35.73'],
      ['aku tinggal di kediri kab, jatim', '35.06'],
    ];
    for (const [text, code] of cases) expect(first(text), text).toBe(code);
  });

  it('forgives one typo in a name of 5+ letters, two from 9, never on common words', () => {
    expect(findRegions('pelatihan di surabya')[0]).toMatchObject({ code: '35.78', fuzzy: true });
    expect(first('semarng')).toBe('33.74');
    expect(first('banyuwangii')).toBe('35.10');
    expect(first('yogyakrta')).toBe('34');
    expect(first('bayuwangi')).toBe('35.10');
    expect(first('jogyakarta')).toBe('34');
    // Four letters: no typo allowed.
    expect(findRegions('dpok')).toEqual([]);
    // Ordinary words one letter from a name.
    for (const word of [
      'magang',
      'sekarang',
      'tuhan',
      'bekas',
      'berat',
      'lihat',
      'kamar',
      'pasar',
      'kurang',
      'jambu',
    ]) {
      expect(findRegions(word), word).toEqual([]);
    }
  });

  it('reads names that are also words only with a sign of a place', () => {
    expect(findRegions('tukang batu')).toEqual([]);
    expect(findRegions('batu bata')).toEqual([]);
    expect(first('pelatihan di batu')).toBe('35.79');
    expect(first('kota batu')).toBe('35.79');
    expect(first('batu, jatim')).toBe('35.79');
    expect(first('batu')).toBe('35.79');
    expect(findRegions('agama')).toEqual([]);
    expect(findRegions('pasti')).toEqual([]);
    expect(first('dari agam')).toBe('13.06');
    expect(findRegions('nasi padang enak')).toEqual([]);
    expect(first('pelatihan di padang')).toBe('13.71');
  });

  it('reports what matched, best first', () => {
    const found = findRegions('aku dari kab malang, jatim');
    expect(found.map((r) => r.code)).toEqual(['35.07', '35']);
    expect(found[0]).toEqual({
      type: 'regency',
      code: '35.07',
      provinceCode: '35',
      name: 'Kabupaten Malang',
      matched: 'kab malang',
      fuzzy: false,
    });
  });

  it(`finds no place in ${SENTENCES_WITHOUT_PLACES.length} ordinary sentences`, () => {
    expect(SENTENCES_WITHOUT_PLACES.length).toBeGreaterThanOrEqual(100);
    const found = SENTENCES_WITHOUT_PLACES.flatMap((s) => findRegions(s).map((r) => `${s} → ${r.name}`));
    expect(found).toEqual([]);
  });
});
