import type { Profile } from '../../shared/profile';
import { parseIsoDate } from '../dates';
import { type CheckContext, type CheckResult, result } from './context';

/**
 * Graduation is known to the year only, so "within N years" is counted in calendar years up to the year
 * registration closes (or this year): within 1 year on a 2027 closing date means 2026 or later. A final-year
 * student who gave next year's expected graduation passes: they will be a fresh graduate.
 */
export function checkGraduation(years: number, profile: Profile, ctx: CheckContext): CheckResult {
  const preferred = ctx.isPreferred('graduated_within_years');
  const refYear = (parseIsoDate(ctx.dates.registration_closes) ?? ctx.today).year;
  const fromYear = refYear - years;
  const vars = { count: years, fromYear };
  const ruleText = ctx.t(`graduation.${preferred ? 'preferred' : 'rule'}`, vars);
  const year = profile.education?.graduationYear;
  if (year === undefined) {
    const missing = profile.education
      ? (['graduationYear'] as const)
      : (['education', 'graduationYear'] as const);
    return result(
      'graduated_within_years',
      undefined,
      preferred,
      { rule: ruleText, yours: ctx.t('graduation.yours.unknown'), vars },
      [...missing],
    );
  }
  const yours = ctx.t(year > refYear ? 'graduation.yours.expected' : 'graduation.yours.known', { year });
  return result('graduated_within_years', year >= fromYear, preferred, {
    rule: ruleText,
    yours,
    vars: { ...vars, year },
  });
}
