import type { StoredProfile } from '../db/schema';
import type { Locale } from '../i18n';
import { regionLabel } from '../regions';
import type { EligibilityRules, FieldId } from '../shared/profile';
import type { Programme } from '../shared/programme';
import { type Evaluation, evaluate, jakartaDay, toIsoDate } from './';

/** Evaluates one programme's rules against the person's profile, today in Jakarta. */
export function evaluateFor(
  programme: Pick<Programme, 'eligibility' | 'dates'>,
  profile: StoredProfile,
  locale: Locale,
  today: string = toIsoDate(jakartaDay()),
): Evaluation {
  return evaluate((programme.eligibility ?? {}) as EligibilityRules, profile, {
    dates: programme.dates ?? {},
    today,
    locale,
    regionLabel: (code) => regionLabel(code) ?? code,
  });
}

/** The profile questions an evaluation still needs, in the order the profile flow asks them. */
export function missingFields(evaluation: Evaluation): FieldId[] {
  return evaluation.missing.map((field) => field as FieldId);
}
