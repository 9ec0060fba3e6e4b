/**
 * Text as people type it → something small lexicons and stored words can match: lower case, no
 * accents, punctuation as spaces (except what the caller keeps), single spaces, trimmed.
 * "Ya, hapus!" → "ya hapus"; "Pelatihan Las — Bekasi" → "pelatihan las bekasi".
 * (The NLU's `normalizeMessage` goes further: slang, typos, tokens; this is only the folding.)
 */
export function normaliseText(text: string, keep = ''): string {
  const kept = keep.replace(/[\\\]^-]/g, '\\$&');
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(keep ? new RegExp(`[^\\p{L}\\p{N}\\s${kept}]+`, 'gu') : NOISE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const NOISE = /[^\p{L}\p{N}\s]+/gu;

/** "iyaaa" → "iya", "gaaak" → "gak": chat stretches letters for tone. */
export function squeeze(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}

/** "KOPRI PB PMII" → `kopri-pb-pmii`: accents off, lower case, a-z and digits joined by single hyphens. */
export function slugify(text: string, maxLength = 60): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
}
