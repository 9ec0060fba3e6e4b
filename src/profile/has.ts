import type { StoredProfile } from '../db/schema';
import type { FieldId } from '../shared/profile';

/** Whether the profile already answers a field the conversation would otherwise ask (eligibility, apply). */
export function profileHas(profile: StoredProfile, field: FieldId): boolean {
  switch (field) {
    case 'birthDate':
      return !!profile.birthDate;
    case 'gender':
      return !!profile.gender;
    case 'domicile':
      return !!profile.domicileProvince;
    case 'education':
      return !!profile.education?.level;
    case 'graduationYear':
      return !!profile.education?.graduationYear;
    case 'activity':
      return !!profile.activity;
    default:
      return true;
  }
}
