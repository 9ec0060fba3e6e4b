import type { EducationRule, Profile } from '../../shared/profile';
import type { EducationLevel } from '../../shared/vocabulary';
import { canonicalEducationLevel, educationRank } from '../education';
import { type CheckContext, type CheckResult, result } from './context';

export function checkEducation(
  rule: EducationRule,
  profile: Profile,
  ctx: CheckContext,
): CheckResult | undefined {
  const min = rule.min ? canonicalEducationLevel(rule.min) : undefined;
  const max = rule.max ? canonicalEducationLevel(rule.max) : undefined;
  if (!min && !max) return undefined;
  const preferred = ctx.isPreferred('education');
  const label = (level: EducationLevel) => ctx.t(`education.level.${level}`);
  const bound = min && max ? 'range' : min ? 'min' : 'max';
  const vars = { min: min && label(min), max: max && label(max) };
  const ruleText = ctx.t(`education.${preferred ? 'preferred' : 'rule'}.${bound}`, vars);

  const level = profile.education && canonicalEducationLevel(profile.education.level);
  if (!level) {
    return result(
      'education',
      undefined,
      preferred,
      { rule: ruleText, yours: ctx.t('education.yours.unknown'), vars },
      ['education'],
    );
  }
  const rank = educationRank(level);
  const passed = (!min || rank >= educationRank(min)) && (!max || rank <= educationRank(max));
  return result('education', passed, preferred, {
    rule: ruleText,
    yours: ctx.t('education.yours.known', { level: label(level) }),
    vars: { ...vars, level: label(level) },
  });
}
