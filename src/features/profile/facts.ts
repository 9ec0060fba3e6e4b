/**
 * What a person said about themselves in passing ("umur 23", "lulusan smk otomotif", "aku di bekasi",
 * "aku cewek"), as profile answers: kept in the conversation so nothing is asked twice, and saved only
 * once they have agreed to it.
 */
import type { PersonFacts } from '../../catalogue/search';
import type { StoredProfile } from '../../db/schema';
import { jakartaDay, toIsoDate } from '../../eligibility';
import { parseBirthDate } from '../../profile/parse';
import type { FieldId } from './fields';

/** The facts heard in this conversation, with the major of the education when one was said. */
export type HeardFacts = PersonFacts & {
  major?: string;
  /** "tinggiku 170": for a programme's height question (never a search filter). */
  height?: number;
  /** What was said last ("oops I meant 165" changes it). */
  last?: 'age' | 'height';
};

/** The profile answers the facts give (an age gives an approximate birth date, as the question does). */
export function profileFromFacts(facts: HeardFacts): Partial<StoredProfile> {
  const out: Partial<StoredProfile> = {};
  if (facts.age !== undefined) {
    const parsed = parseBirthDate(`umur ${facts.age}`, { today: toIsoDate(jakartaDay()) });
    if (parsed.ok) {
      out.birthDate = parsed.value.birthDate;
      out.birthDateApproximate = parsed.value.approximate;
    }
  }
  if (facts.gender) out.gender = facts.gender;
  if (facts.domicile) {
    out.domicileProvince = facts.domicile.province;
    if (facts.domicile.regency) out.domicileRegency = facts.domicile.regency;
  }
  if (facts.education)
    out.education = { level: facts.education, ...(facts.major ? { major: facts.major } : {}) };
  if (facts.activity) out.activity = facts.activity;
  return out;
}

/** The questions these answers make unnecessary. */
export function fieldsGiven(prefill: Partial<StoredProfile>): FieldId[] {
  const given: FieldId[] = [];
  if (prefill.birthDate) given.push('birthDate');
  if (prefill.gender) given.push('gender');
  if (prefill.domicileProvince) given.push('domicile');
  if (prefill.domicileRegency) given.push('domicileRegency');
  if (prefill.education) given.push('education');
  if (prefill.activity) given.push('activity');
  return given;
}
