import type { Profile } from '../../shared/profile';
import type { Gender } from '../../shared/vocabulary';
import { type CheckContext, type CheckResult, result } from './context';

export function checkGender(rule: Gender, profile: Profile, ctx: CheckContext): CheckResult {
  const preferred = ctx.isPreferred('gender');
  const vars = { gender: ctx.t(`gender.label.${rule}`) };
  const ruleText = ctx.t(`gender.${preferred ? 'preferred' : 'rule'}`, vars);
  if (!profile.gender) {
    return result(
      'gender',
      undefined,
      preferred,
      { rule: ruleText, yours: ctx.t('gender.yours.unknown'), vars },
      ['gender'],
    );
  }
  const passed = profile.gender === rule;
  // "Program ini khusus perempuan." says enough to someone it excludes; echoing their gender adds nothing.
  const yours = passed ? ctx.t(`gender.yours.${profile.gender}`) : undefined;
  return result('gender', passed, preferred, { rule: ruleText, yours, vars });
}
