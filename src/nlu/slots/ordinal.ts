/** "yang kedua", "no 3", "nomor dua", "ke-2", "pilih 2", or a bare "2": which item of a list, 1-based. */
import { claim, type Reading } from '../context';

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['satu', 1],
  ['dua', 2],
  ['tiga', 3],
  ['empat', 4],
  ['lima', 5],
  ['enam', 6],
  ['tujuh', 7],
  ['delapan', 8],
  ['sembilan', 9],
  ['sepuluh', 10],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
]);

export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['pertama', 1],
  ['kedua', 2],
  ['ketiga', 3],
  ['keempat', 4],
  ['kelima', 5],
  ['keenam', 6],
  ['ketujuh', 7],
  ['kedelapan', 8],
  ['kesembilan', 9],
  ['kesepuluh', 10],
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['pertamanya', 1],
]);

/** Words before a number that make it a choice. */
const POINTERS = new Set([
  'no',
  'nomor',
  'nomer',
  'nmr',
  'nomr',
  'angka',
  'pilih',
  'pilihan',
  'opsi',
  'option',
  'number',
  'ke',
  'urutan',
  'program',
  'yang',
  'item',
  'poin',
  'choose',
  'pick',
]);
/** Words that follow a quantity, never a choice: "2 bulan", "ke 3 kota". */
const UNITS = new Set([
  'bulan',
  'tahun',
  'minggu',
  'hari',
  'jam',
  'juta',
  'ribu',
  'orang',
  'kali',
  'kota',
  'negara',
  'menit',
  'cm',
  'kg',
  'tahunan',
]);
/** Words that say an ordinal word is about a list item, not "first time" or "both". */
const ORDINAL_HEADS = new Set([
  'yang',
  'program',
  'pilihan',
  'opsi',
  'nomor',
  'no',
  'urutan',
  'the',
  'pilih',
  'pelatihan',
  'magang',
  'lowongan',
  'item',
]);

function numberAt(token: string | undefined): number | undefined {
  if (!token) return undefined;
  if (/^\d{1,2}$/.test(token)) return Number(token);
  return NUMBER_WORDS.get(token);
}

export function extractOrdinal(r: Reading, contentCount: number): number | undefined {
  const t = r.tokens;
  // A message that is only a number or an ordinal ("2", "dua", "kedua").
  if (contentCount === 1) {
    for (let i = 0; i < t.length; i++) {
      const n = numberAt(t[i]) ?? ORDINAL_WORDS.get(t[i]!);
      if (n !== undefined && n > 0 && !r.claimed[i]) {
        claim(r, i, i + 1);
        return n;
      }
    }
  }
  for (let i = 0; i < t.length; i++) {
    if (r.claimed[i]) continue;
    const word = t[i]!;
    const ordinal = ORDINAL_WORDS.get(word);
    if (
      ordinal !== undefined &&
      (ORDINAL_HEADS.has(t[i - 1] ?? '') || ['one', 'ya', 'saja'].includes(t[i + 1] ?? ''))
    ) {
      claim(r, i, i + 1);
      return ordinal;
    }
    if (POINTERS.has(word)) {
      // "yang ke 2", "no 3", "pilih dua"
      let j = i + 1;
      if (t[j] === 'ke' && word !== 'ke') j++;
      const n = numberAt(t[j]);
      if (
        n !== undefined &&
        n > 0 &&
        !UNITS.has(t[j + 1] ?? '') &&
        (word !== 'ke' || !t[j + 1] || !UNITS.has(t[j + 1]!))
      ) {
        if (word === 'program' && t[j + 1] !== undefined) continue;
        claim(r, i, j + 1);
        return n;
      }
    }
  }
  return undefined;
}
