import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Message } from '../shared/profile';

export type PhoneResult = { ok: true; phone: string } | { ok: false; error: Message };

const fail = (name: string): PhoneResult => ({ ok: false, error: { key: `applications:phone.${name}` } });

/**
 * A phone number as people type or share it — `0812-3456-7890`, `+62 812 3456 7890`, `6281234567890` —
 * normalised to E.164 (`+6281234567890`). Indonesian numbers must be mobile (HP/WhatsApp: that is how
 * organisers reach applicants); a valid foreign number (someone working abroad) is accepted as is.
 * Uses the full metadata ("max"): the default one checks only lengths.
 */
export function parsePhone(raw: string): PhoneResult {
  const text = raw.trim();
  if (/[a-z]{3,}/i.test(text)) {
    // "nomor hp aku 0812 3456 7890", "wa ku +62 812-3456-7890 kak": the one number in the sentence.
    const numbers =
      text.match(/\+?\(?\d[\d\s().-]*\d/g)?.filter((n) => n.replace(/\D/g, '').length >= 8) ?? [];
    return numbers.length === 1 ? parsePhone(numbers[0]!) : fail('format');
  }
  const digits = text.replace(/\D+/g, '');
  if (digits.length < 8) return fail('short');
  if (digits.length > 15) return fail('long');
  // "62812…" without the plus is the country code, not a national number.
  const candidate = !text.startsWith('+') && /^62[1-9]/.test(digits) ? `+${digits}` : text;
  const parsed = parsePhoneNumberFromString(candidate, 'ID');
  if (!parsed?.isValid()) return fail('invalid');
  if (parsed.country === 'ID') {
    const type = parsed.getType();
    if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return fail('notMobile');
  }
  return { ok: true, phone: parsed.number };
}

/** `+6281234567890` → `+62 812-3456-7890` for showing back. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
