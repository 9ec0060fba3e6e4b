/**
 * Every place of places.json and towns.json, through the public understanding function: named after
 * "pelatihan di", it is searched as all the regions it stands for.
 */
import { describe, expect, it } from 'vitest';
import { understand } from '../nlu';
import { SENTENCES_WITHOUT_PLACES } from './no-place-sentences';
import places from './places.json';
import towns from './towns.json';

const searched = (text: string): string[] => {
  const s = understand(text).slots;
  return s.places ?? (s.regency ? [s.regency] : s.province ? [s.province] : []);
};

function misses(entries: Record<string, string[]>): string[] {
  return Object.entries(entries)
    .filter(([name, codes]) => {
      const got = searched(`pelatihan di ${name}`);
      return !codes.every((code) => got.includes(code) || got.includes(code.split('.')[0]!));
    })
    .map(
      ([name, codes]) => `${name} → ${searched(`pelatihan di ${name}`).join(',')} (want ${codes.join(',')})`,
    );
}

describe('places as people name them', () => {
  it('nicknames, areas and towns of places.json', () => {
    expect(misses({ ...places.nicknames, ...places.areas, ...places.towns })).toEqual([]);
  });

  it('every kecamatan of towns.json resolves to its regency', () => {
    expect(misses(towns.towns as Record<string, string[]>)).toEqual([]);
  });

  it('a city that is also a regency means both, unless the level is said', () => {
    expect(searched('pelatihan di bekasi')).toEqual(['32.75', '32.16']);
    expect(searched('pelatihan di kota bekasi')).toEqual(['32.75']);
    expect(searched('pelatihan di kab bekasi')).toEqual(['32.16']);
    expect(searched('pelatihan di bekasi kab')).toEqual(['32.16']);
    expect(searched('madiun ada apa')).toEqual(['35.77', '35.19']);
  });

  it('never finds a place in ordinary words, nor turns a kecamatan into a look-alike', () => {
    const found = SENTENCES_WITHOUT_PLACES.filter((s) => searched(s).length > 0);
    expect(found).toEqual([]);
    // Srengat (Blitar) is not Serang; Bawen (Semarang) not Bawean.
    expect(searched('aku cah srengat')).toEqual(['35.05']);
    expect(searched('tinggal di bawen')).toEqual(['33.22']);
  });

  it("a place as people open a message with it, or a kecamatan whose name uses another reader's word", () => {
    // Kecamatan of several words, one of them a field's ("sawit"): after "di", or opening the message.
    expect(searched('pelatihan di duren sawit')).toEqual(['31.75']);
    expect(searched('duren sawit ada kursus jahit')).toEqual(['31.75']);
    // A name that is also a word, opening the message before what is sought, or after "pulau".
    expect(searched('bima pelatihan pertanian bawang merah')).toEqual(['52.72', '52.06']);
    expect(searched('bone pelatihan las')).toEqual(['73.08']);
    expect(searched('pulau buru ada pelatihan?')).toEqual(['81.04']);
    // A kecamatan that is also produce ("bawang", Batang and Banjarnegara) is no place in "bawang merah".
    expect(searched('pelatihan pertanian bawang merah')).toEqual([]);
  });

  it('a name of one word typed as two, a boarding school that is no kecamatan, a part of Indonesia', () => {
    expect(searched('tanjung pandan ada pelatihan pemandu wisata?')).toEqual(['19.02']);
    expect(searched('bukit tinggi ada kursus')).toEqual(['13.75']);
    expect(searched('alumni pesantren mau kursus')).toEqual([]);
    expect(searched('pelatihan di pesantren')).toEqual(['35.71']);
    // "Indonesia timur" as people say it: Bali is not in it.
    expect(searched('pelatihan perhotelan di indonesia timur')).not.toContain('51');
    // "bangka" alone is the island; "kabupaten bangka" the regency.
    expect(searched('bangka ada pelatihan apa aja')).toContain('19.71');
    expect(searched('kabupaten bangka')).toEqual(['19.01']);
  });
});
