/**
 * Parsers for the application's own questions (name, email, address, major). Each returns the clean
 * value or a message saying what to write instead, in the style of src/profile/parse.ts.
 */
import type { Message } from '../shared/profile';

export type AnswerResult<T = string> = { ok: true; value: T } | { ok: false; error: Message };

const ok = <T>(value: T): AnswerResult<T> => ({ ok: true, value });
const fail = (name: string, vars: Record<string, unknown> = {}): AnswerResult<never> => ({
  ok: false,
  error: { key: `applications:parse.${name}`, vars },
});

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The full name as on the KTP: letters, spaces and the punctuation names carry (' . , -). */
export function parseFullName(raw: string): AnswerResult {
  const name = tidy(raw);
  if (/\d/.test(name)) return fail('name.digits');
  if (!/^[\p{L}][\p{L}\p{M} .,'’-]*$/u.test(name)) return fail('name.characters');
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return fail('name.short');
  if (name.length > 100) return fail('name.long');
  return ok(name);
}

/** Words around a skip that say nothing more: "gk punya kak", "skip aja", "email ga ada". */
const SKIP_FILLERS =
  /\b(kak|ka|kk|min|mas|mbak|mba|bang|aja|saja|deh|dulu|sih|dong|ya|yah|nih|email|e-mail|emailnya|surel|aku|saya|gue|gw|ku|yg|yang|itu|ini|nya|punya nya|pertanyaan|yang ini)\b/g;

/** Words that mean "I have none / skip" wherever an answer is optional. */
export function isSkip(raw: string): boolean {
  const text = tidy(raw.toLowerCase().replace(/[.!,🙏]/gu, ' '));
  const core = tidy(text.replace(SKIP_FILLERS, ' '));
  return /^(-+|lewati|lewatin|lewat|skip|skip in|skipp+|next|tidak ada|ga ada|gak ada|nggak ada|ngga ada|enggak ada|gk ada|g ada|gada|gaada|tdk ada|belum ada|ga punya|gak punya|gk punya|g punya|ngga punya|nggak punya|enggak punya|tidak punya|tdk punya|belum punya|blm punya|gapunya|gak pny|ga pny|gk pny|none|no|nope|i don'?t have (one|any)|don'?t have (one|any)|not yet|tidak|gak|ga|gk|nggak|kosong|kosongin|kosongkan)$/.test(
    core,
  );
}

/** A plain, practical email check (the organisers write to it; no exotic forms). */
export function parseEmail(raw: string): AnswerResult {
  const email = raw.trim().replace(/^mailto:/i, '');
  if (/\s/.test(email)) return fail('email.spaces');
  if (!email.includes('@')) return fail('email.noAt');
  if (email.length > 254 || !/^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(email))
    return fail('email.format');
  const [local, domain] = email.split('@') as [string, string];
  return ok(`${local}@${domain.toLowerCase()}`);
}

/** The home address, as on the KTP or where they live now: long enough to find the house. */
export function parseAddress(raw: string): AnswerResult {
  const address = tidy(raw);
  if (address.length > 300) return fail('address.long');
  const words = address.split(' ').filter((w) => /\p{L}/u.test(w));
  if (address.length < 10 || words.length < 2) return fail('address.short');
  return ok(address);
}

/** The major or study programme (jurusan), e.g. "Teknik Pengelasan", "IPA", "Akuntansi". */
export function parseMajor(raw: string): AnswerResult {
  const major = tidy(raw);
  if (!/\p{L}/u.test(major) || major.length < 2) return fail('major.short');
  if (major.length > 80) return fail('major.long');
  return ok(major);
}
