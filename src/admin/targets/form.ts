import type { ProgrammeChoice } from '../../organisations/programme-choices';
import type { Target, TargetInput } from '../../organisations/targets';
import type { FormError } from '../broadcasts/fields';

/*
 * The target form: what was typed (strings, to show the form again unchanged) and its validation into
 * the targets service's input, one Indonesian message per field. Pure; the programmes are handed in.
 */

export interface TargetValues {
  name: string;
  programme: string;
  participants: string;
  womenPercent: string;
  disabilityPercent: string;
  deadline: string;
  /** Which applications count: every one still in the running, or accepted ones only. */
  counted: 'active' | 'accepted';
}

export type TargetField = keyof TargetValues;
export type TargetErrors = Partial<Record<TargetField, FormError>>;

export const EMPTY_TARGET: TargetValues = {
  name: '',
  programme: '',
  participants: '',
  womenPercent: '',
  disabilityPercent: '',
  deadline: '',
  counted: 'active',
};

export function readTarget(get: (name: string) => string | undefined): TargetValues {
  const one = (name: string) => (get(name) ?? '').trim();
  return {
    name: one('name'),
    programme: one('programme'),
    participants: one('participants'),
    womenPercent: one('women_percent'),
    disabilityPercent: one('disability_percent'),
    deadline: one('deadline'),
    counted: one('counted') === 'accepted' ? 'accepted' : 'active',
  };
}

/** A stored target as the form shows it. */
export function targetValues(target: Target): TargetValues {
  return {
    name: target.name,
    programme: target.programmeSlug ?? '',
    participants: target.participants === null ? '' : String(target.participants),
    womenPercent: target.womenPercent === null ? '' : String(target.womenPercent),
    disabilityPercent: target.disabilityPercent === null ? '' : String(target.disabilityPercent),
    deadline: target.deadline ?? '',
    counted: target.statuses?.length === 1 && target.statuses[0] === 'diterima' ? 'accepted' : 'active',
  };
}

/**
 * "1.000" (Indonesian thousands) or "1000" → 1000; "50%" → 50. Undefined when empty, NaN when not a
 * whole number.
 */
export function wholeNumber(value: string, percent = false): number | undefined {
  let text = value.replace(/\s+/g, '');
  if (text === '') return undefined;
  if (percent) text = text.replace(/%$/, '');
  else if (/^\d{1,3}(\.\d{3})+$/.test(text)) text = text.replace(/\./g, '');
  return /^\d{1,7}$/.test(text) ? Number(text) : Number.NaN;
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function validateTarget(
  values: TargetValues,
  programmes: readonly ProgrammeChoice[],
  options: { today: string; previousDeadline?: string | null },
): { input?: TargetInput; errors: TargetErrors } {
  const errors: TargetErrors = {};
  if (!values.name) errors.name = { key: 'nameRequired' };
  else if (values.name.length > 200) errors.name = { key: 'nameTooLong', params: { max: 200 } };
  if (values.programme && !programmes.some((p) => p.slug === values.programme))
    errors.programme = { key: 'programmeUnknown' };

  const participants = wholeNumber(values.participants);
  if (Number.isNaN(participants)) errors.participants = { key: 'wholeNumber' };
  else if (participants !== undefined && (participants < 1 || participants > 1_000_000))
    errors.participants = { key: 'participantsRange' };
  const percent = (value: string, field: 'womenPercent' | 'disabilityPercent') => {
    const n = wholeNumber(value, true);
    if (Number.isNaN(n)) errors[field] = { key: 'percentNumber' };
    else if (n !== undefined && n > 100) errors[field] = { key: 'percentRange' };
    return n;
  };
  const women = percent(values.womenPercent, 'womenPercent');
  const disability = percent(values.disabilityPercent, 'disabilityPercent');
  if (
    participants === undefined &&
    women === undefined &&
    disability === undefined &&
    !errors.participants &&
    !errors.womenPercent &&
    !errors.disabilityPercent
  )
    errors.participants = { key: 'goalRequired' };

  if (values.deadline) {
    if (!isDate(values.deadline)) errors.deadline = { key: 'dateInvalid' };
    // A deadline already passed may stay when editing; a new one must be ahead.
    else if (values.deadline < options.today && values.deadline !== options.previousDeadline)
      errors.deadline = { key: 'datePast' };
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    input: {
      name: values.name,
      programme: values.programme || null,
      participants: participants ?? null,
      women_percent: women ?? null,
      disability_percent: disability ?? null,
      deadline: values.deadline || null,
      statuses: values.counted === 'accepted' ? ['diterima'] : null,
    },
  };
}
