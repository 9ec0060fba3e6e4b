import type { OrganisationRole } from '../../db/schema';
import { MIN_PASSWORD_LENGTH } from '../../organisations/accounts/passwords';
import { ROLES, SLA_MINUTES } from '../../organisations/service';
import { formatOfficeHours, type OfficeHours, parseOfficeHours } from '../../shared/office-hours';
import type { FormError } from '../broadcasts/fields';
import type { HoursValues } from './views/service';

/*
 * The settings forms: what was typed and its validation, one message key per field (under
 * `dashboard:settings.errors`). Pure, so the rules are testable without a request. Passwords are
 * never put back into a form, so they are not part of any "values" shown again.
 */

/** Longer than this is refused: the login form reads at most 500 characters, and nobody types more. */
export const MAX_PASSWORD_LENGTH = 200;
const MAX_NAME = 120;
const MAX_EMAIL = 200;
/** The same rule as `addMember` in the organisations service. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface PasswordChange {
  current: string;
  next: string;
  repeat: string;
}
export type PasswordField = keyof PasswordChange;
export type PasswordErrors = Partial<Record<PasswordField, FormError>>;

export function validatePasswordChange(form: PasswordChange): PasswordErrors {
  const errors: PasswordErrors = {};
  if (!form.current) errors.current = { key: 'currentMissing' };
  if (form.next.length < MIN_PASSWORD_LENGTH)
    errors.next = { key: 'tooShort', params: { min: MIN_PASSWORD_LENGTH } };
  else if (form.next.length > MAX_PASSWORD_LENGTH)
    errors.next = { key: 'tooLong', params: { max: MAX_PASSWORD_LENGTH } };
  if (!errors.next && form.repeat !== form.next) errors.repeat = { key: 'mismatch' };
  return errors;
}

export interface MemberValues {
  name: string;
  email: string;
  role: string;
}
export type MemberField = keyof MemberValues;
export type MemberErrors = Partial<Record<MemberField, FormError>>;

export const EMPTY_MEMBER: MemberValues = { name: '', email: '', role: 'staff' };

export function parseRole(value: string): OrganisationRole | undefined {
  return (ROLES as readonly string[]).includes(value) ? (value as OrganisationRole) : undefined;
}

export function validateMember(values: MemberValues): {
  input?: { name: string; email: string; role: OrganisationRole };
  errors: MemberErrors;
} {
  const errors: MemberErrors = {};
  const name = values.name.trim();
  const email = values.email.trim().toLowerCase();
  if (!name) errors.name = { key: 'nameMissing' };
  else if (name.length > MAX_NAME) errors.name = { key: 'nameTooLong', params: { max: MAX_NAME } };
  if (!email) errors.email = { key: 'emailMissing' };
  else if (email.length > MAX_EMAIL || !EMAIL.test(email)) errors.email = { key: 'emailInvalid' };
  const role = parseRole(values.role);
  if (!role) errors.role = { key: 'roleInvalid' };
  if (Object.keys(errors).length > 0 || !role) return { errors };
  return { input: { name, email, role }, errors };
}

/** "30", " 45 " → minutes; anything but a whole number from 1 to 1440 is an error. */
export function validateSla(value: string): { minutes: number } | { error: FormError } {
  const text = value.trim();
  const range = { min: SLA_MINUTES.min, max: SLA_MINUTES.max };
  if (!text) return { error: { key: 'slaMissing', params: range } };
  if (!/^\d{1,5}$/.test(text)) return { error: { key: 'slaNotNumber', params: range } };
  const minutes = Number(text);
  if (minutes < SLA_MINUTES.min || minutes > SLA_MINUTES.max)
    return { error: { key: 'slaRange', params: range } };
  return { minutes };
}

/** Stored office hours (or the server's) as the form's values; anything unreadable shows 1-5 08:00-16:00. */
export function hoursValues(stored: string | null, serverDefault = '1-5 08:00-16:00'): HoursValues {
  let hours: OfficeHours;
  try {
    hours = parseOfficeHours(stored ?? serverDefault);
  } catch {
    hours = parseOfficeHours('1-5 08:00-16:00');
  }
  const [days = '1-5', times = '08:00-16:00'] = formatOfficeHours(hours).split(' ');
  const [first = '1', last = first] = days.split('-');
  const [open = '08:00', close = '16:00'] = times.split('-');
  const pad = (t: string) => t.padStart(5, '0');
  return { first, last, open: pad(open), close: pad(close), own: stored !== null };
}

/** The office-hours form: days in order, two times of day, closing after opening. */
export function validateOfficeHours(form: HoursValues): { hours: string } | { error: FormError } {
  const day = (v: string) => (/^[1-7]$/.test(v) ? Number(v) : undefined);
  const first = day(form.first);
  const last = day(form.last);
  if (first === undefined || last === undefined || last < first) return { error: { key: 'hoursDays' } };
  const time = /^([01]\d|2[0-3]):([0-5]\d)(?::00)?$/;
  const open = time.exec(form.open.trim());
  const close = time.exec(form.close.trim());
  if (!open || !close) return { error: { key: 'hoursTime' } };
  const text = `${first === last ? first : `${first}-${last}`} ${open[1]}:${open[2]}-${close[1]}:${close[2]}`;
  try {
    return { hours: formatOfficeHours(parseOfficeHours(text)) };
  } catch {
    return { error: { key: 'hoursOrder' } };
  }
}
