/**
 * The eligibility rules engine: a programme's rules and what we know of a person → an outcome, one
 * explained check per rule, and what is still to be asked. Pure: no database, no clock (today is passed in).
 */
import { type Locale, tFor } from '../i18n';
import {
  type EligibilityRules,
  type Evaluation,
  type IsoDate,
  type Outcome,
  PROFILE_QUESTIONS,
  type Profile,
  type ProfileField,
  type ProgrammeDates,
  type RuleName,
} from '../shared/profile';
import { checkAge } from './checks/age';
import type { CheckContext, CheckResult } from './checks/context';
import { checkDomicile } from './checks/domicile';
import { checkEducation } from './checks/education';
import { checkGender } from './checks/gender';
import { checkGraduation } from './checks/graduation';
import { checkQuestion } from './checks/question';
import { checkStatus } from './checks/status';
import { toCalendarDate } from './dates';

export { formatDateId } from './dates';

export interface EvaluateOptions {
  dates: ProgrammeDates;
  /** The day of the evaluation: an ISO day, or an instant read as the day in Jakarta. */
  today: IsoDate | Date;
  /**
   * The person's language, default `id`. Explanations embed rendered pieces (dates, region names, lists,
   * the organisers' text), so render them in this same locale.
   */
  locale?: Locale;
  /** Names a province/regency code ("Jawa Timur", "Kota Surabaya"); the gazetteer lives elsewhere. Default: the code. */
  regionLabel?: (code: string) => string;
}

/** The order questions are asked in (design: the profile first, then the programme's own questions). */
const FIELD_ORDER: readonly ProfileField[] = PROFILE_QUESTIONS;

function preferredSet(rules: EligibilityRules): (rule: RuleName) => boolean {
  const names = new Set(rules.preferred ?? []);
  return (rule) =>
    names.has(rule) || (rule.startsWith('question:') && names.has(rule.slice('question:'.length)));
}

export function evaluate(rules: EligibilityRules, profile: Profile, options: EvaluateOptions): Evaluation {
  const locale = options.locale ?? 'id';
  const ctx: CheckContext = {
    t: tFor(locale, 'eligibility'),
    locale,
    today: toCalendarDate(options.today),
    dates: options.dates,
    regionLabel: options.regionLabel ?? ((code) => code),
    isPreferred: preferredSet(rules),
  };

  // Checks follow the order the conversation asks in, so explanations read the same way.
  const results: (CheckResult | undefined)[] = [
    rules.age && checkAge(rules.age, profile, ctx),
    rules.gender && checkGender(rules.gender, profile, ctx),
    rules.domicile && checkDomicile(rules.domicile, profile, ctx),
    rules.education && checkEducation(rules.education, profile, ctx),
    rules.graduated_within_years !== undefined
      ? checkGraduation(rules.graduated_within_years, profile, ctx)
      : undefined,
    rules.status && checkStatus(rules.status, profile, ctx),
    ...(rules.questions ?? []).map((question) => checkQuestion(question, profile, ctx)),
  ];
  const done = results.filter((r): r is CheckResult => r !== undefined);
  const checks = done.map((r) => r.check);

  const questionOrder = (rules.questions ?? []).map((q) => `question:${q.id}`);
  const rank = (field: ProfileField) => {
    const i = FIELD_ORDER.indexOf(field);
    return i >= 0 ? i : FIELD_ORDER.length + questionOrder.indexOf(field);
  };
  const missing = [...new Set(done.flatMap((r) => r.missing))].sort((a, b) => rank(a) - rank(b));

  return { outcome: outcomeOf(checks, missing), checks, missing };
}

function outcomeOf(checks: Evaluation['checks'], missing: ProfileField[]): Outcome {
  // A known hard miss decides at once: no point asking the rest.
  if (checks.some((c) => !c.preferred && c.passed === false)) return 'ineligible';
  if (missing.length > 0) return 'incomplete';
  if (checks.some((c) => c.preferred && c.passed === false)) return 'eligible_not_preferred';
  return 'eligible';
}
