import type { AgeRule, Profile } from '../../shared/profile';
import { type CalendarDate, completedYears, formatDateId, parseIsoDate } from '../dates';
import { type CheckContext, type CheckResult, result } from './context';

interface Reference {
  date: CalendarDate;
  /** 'on' names the date; 'now' speaks of today. */
  when: 'on' | 'now';
  iso?: string;
}

/**
 * The day ages are counted on. Default `registration_closes`: that is when applications are judged.
 * A named programme date that the record lacks falls back to today, and the sentence then says "now".
 */
function reference(at: AgeRule['at'], ctx: CheckContext): Reference {
  const wanted = at ?? 'registration_closes';
  if (wanted === 'today') return { date: ctx.today, when: 'now' };
  const iso = wanted === 'registration_closes' || wanted === 'starts' ? ctx.dates[wanted] : wanted;
  const date = parseIsoDate(iso);
  return date && iso ? { date, when: 'on', iso } : { date: ctx.today, when: 'now' };
}

export function checkAge(rule: AgeRule, profile: Profile, ctx: CheckContext): CheckResult | undefined {
  const { min, max } = rule;
  if (min === undefined && max === undefined) return undefined;
  const preferred = ctx.isPreferred('age');
  const ref = reference(rule.at, ctx);
  const bound = min !== undefined && max !== undefined ? 'range' : min !== undefined ? 'min' : 'max';
  const vars = { min, max, ...(ref.iso ? { date: formatDateId(ref.iso, ctx.locale) } : {}) };
  const ruleText = ctx.t(`age.${preferred ? 'preferred' : 'rule'}.${bound}_${ref.when}`, vars);

  const birth = parseIsoDate(profile.birthDate);
  if (!birth) {
    return result('age', undefined, preferred, { rule: ruleText, yours: ctx.t('age.yours.unknown'), vars }, [
      'birthDate',
    ]);
  }
  const age = completedYears(birth, ref.date);
  const passed = (min === undefined || age >= min) && (max === undefined || age <= max);
  // An age the person stated ("umur 22") is taken at their word; the sentence says it is an estimate.
  const yoursKey = `age.yours.${profile.birthDateApproximate ? 'approx_' : ''}${ref.when}`;
  return result('age', passed, preferred, {
    rule: ruleText,
    yours: ctx.t(yoursKey, { age }),
    vars: { ...vars, age, approximate: profile.birthDateApproximate === true },
  });
}
