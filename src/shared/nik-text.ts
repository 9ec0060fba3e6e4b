/*
 * NIKs typed as ordinary text — to staff, in a question, in a caption — rather than at the form's NIK
 * question (which stores it encrypted and logs only its mask). A NIK is 16 digits: province (11–94),
 * regency, district, birth day (+40 for women), month, year, serial. People write it whole or in groups
 * ("3578 0157 0803 0001", "3578.0157.0803.0001"). What has that shape is masked wherever text is kept
 * or shown: the message log, every staff view, the logs. Pure, no imports: the logger uses it too.
 */

/** 16 digits, each group separated by at most one space, dot or dash; not part of a longer number. */
const CANDIDATE = /(?<![\d.-])\d(?:[ .-]?\d){15}(?![\d])/g;

/** Whether 16 digits look like a NIK (province code, a real day and month), not any long number. */
export function isNikShaped(digits: string): boolean {
  if (!/^\d{16}$/.test(digits)) return false;
  const province = Number(digits.slice(0, 2));
  const day = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  return (
    province >= 11 &&
    province <= 94 &&
    ((day >= 1 && day <= 31) || (day >= 41 && day <= 71)) &&
    month >= 1 &&
    month <= 12
  );
}

/** `3578********0001`: the first four and last four digits (as on every page of the dashboard). */
export function maskNikDigits(digits: string): string {
  return `${digits.slice(0, 4)}********${digits.slice(12)}`;
}

/** The text with every NIK-shaped number masked, and how many there were. */
export function maskNiksInText(text: string): { text: string; found: number } {
  let found = 0;
  const masked = text.replace(CANDIDATE, (match) => {
    const digits = match.replace(/\D/g, '');
    if (!isNikShaped(digits)) return match;
    found++;
    return maskNikDigits(digits);
  });
  return { text: found ? masked : text, found };
}
