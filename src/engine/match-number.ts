/**
 * The minimal reply matcher: "2", "2.", "no 2" or the option's exact label. The free-text
 * understanding (src/nlu) supersedes it with words ("dua", "yang kedua") and fuzzy labels.
 */
export function matchChoiceNumber(text: string, labels: string[]): number | undefined {
  const clean = text.trim().toLowerCase();
  const number = /^(?:no\.?\s*|nomor\s*|pilih\s*)?(\d{1,2})\.?$/.exec(clean);
  if (number) {
    const index = Number(number[1]) - 1;
    return index >= 0 && index < labels.length ? index : undefined;
  }
  const exact = labels.findIndex((label) => label.toLowerCase() === clean);
  return exact >= 0 ? exact : undefined;
}
