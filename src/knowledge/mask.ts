/**
 * Unanswered questions are kept without the person, but people type personal details into questions:
 * a NIK ("3578…", 16 digits), a phone number or an email address. Those are masked before anything is
 * stored.
 */
const NIK = /(?<!\d)\d(?:[ .-]?\d){15}(?!\d)/g;
const PHONE = /(?<![\d])(?:\+?62|0)(?:[ .-]?\d){8,13}(?!\d)/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const LONG_NUMBER = /(?<!\d)\d(?:[ .-]?\d){9,}(?!\d)/g;

export function maskPersonal(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(NIK, '[NIK]')
    .replace(PHONE, '[nomor]')
    .replace(LONG_NUMBER, '[nomor]');
}
