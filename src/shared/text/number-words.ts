/**
 * Indonesian numbers written as words, 0–999, turned into digits inside a text: "dua puluh tahun" →
 * "20 tahun", "umur sembilan belas" → "umur 19", "seratus tujuh puluh" → "170". Voice typing and some
 * people write ages and heights this way.
 */

const UNITS: Record<string, number> = {
  nol: 0,
  satu: 1,
  se: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
};

const UNIT = '(nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)';
// "dua puluh satu", "dua puluh", "sebelas", "tiga belas", "sepuluh", "lima"; longest first.
const NUMBER = new RegExp(
  `\\b(?:${UNIT} puluh(?: ${UNIT})?|(se|${UNIT.slice(1, -1)}) ?belas|sepuluh|${UNIT})\\b`,
  'g',
);

// "seratus", "dua ratus", then what the first pass made of the rest ("seratus 70").
const HUNDREDS = /\b(?:seratus|(\d) ratus)(?: (\d{1,2}))?\b/g;

/** The text with every number word group replaced by its digits. */
export function numberWordsToDigits(text: string): string {
  return text
    .replace(NUMBER, (match, tens?: string, ones?: string, teen?: string, single?: string) => {
      if (tens) return String(UNITS[tens]! * 10 + (ones ? UNITS[ones]! : 0));
      if (teen) return String(10 + UNITS[teen]!);
      if (match === 'sepuluh') return '10';
      return single ? String(UNITS[single]) : match;
    })
    .replace(HUNDREDS, (_, hundreds?: string, rest?: string) =>
      String(Number(hundreds ?? 1) * 100 + Number(rest ?? 0)),
    );
}
