import { describe, expect, it } from 'vitest';
import { overseasProgramme, validProgramme } from '../../tests/catalogue/fixtures';
import { loadRegions } from '../shared/programme-regions';
import { normaliseText } from '../shared/text/normalise';
import { parseCatalogueJson } from './parse';
import { queryWords } from './search';
import { buildSearchText } from './search-text';

describe('search text', () => {
  it('holds the words people search with: titles, labels, places, countries', async () => {
    const { programmes } = await parseCatalogueJson([validProgramme(), overseasProgramme()]);
    const regions = await loadRegions();
    const text = buildSearchText(programmes[0]!, regions);
    expect(text).toMatch(/^ \S.* $/);
    const las = text.trim().split(' ');
    for (const word of [
      'las',
      'pelatihan',
      'pengelasan',
      'welding',
      'surabaya',
      'kota',
      'jawa',
      'timur',
      'gratis',
      'blk',
    ]) {
      expect(las).toContain(word);
    }
    const japan = buildSearchText(programmes[1]!, regions).trim().split(' ');
    for (const word of ['jepang', 'japan', 'magang', 'lansia', 'perawatan']) expect(japan).toContain(word);
    expect(new Set(las).size).toBe(las.length);
  });

  it('normalises text and drops chat filler from queries', () => {
    expect(normaliseText('Pâtisserie & Kue-Kue!')).toBe('patisserie kue kue');
    expect(queryWords('Kak, ada info pelatihan LAS yg gratis gak di Surabaya??')).toEqual([
      'pelatihan',
      'las',
      'gratis',
      'surabaya',
    ]);
    expect(queryWords('  ')).toEqual([]);
  });
});
