/**
 * Text as people type it in chat → something our small lexicons can match: lower case, no accents,
 * punctuation as spaces (except what the caller keeps), single spaces.
 */
export function normalise(text: string, keep = ''): string {
  const kept = keep.replace(/[\\\]^-]/g, '\\$&');
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(new RegExp(`[^\\p{L}\\p{N}\\s${kept}]+`, 'gu'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "iyaaa" → "iya", "gaaak" → "gak": chat stretches letters for tone. */
export function squeeze(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}
