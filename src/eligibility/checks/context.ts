import type { TFunction } from 'i18next';
import type { Locale } from '../../i18n';
import type {
  Check,
  LocalizedText,
  Message,
  ProfileField,
  ProgrammeDates,
  RuleName,
} from '../../shared/profile';
import type { CalendarDate } from '../dates';

/** What every rule check needs besides the rule and the profile. */
export interface CheckContext {
  /** Bound to the `eligibility` namespace and the person's locale. */
  t: TFunction;
  locale: Locale;
  today: CalendarDate;
  dates: ProgrammeDates;
  regionLabel: (code: string) => string;
  isPreferred: (rule: RuleName) => boolean;
}

export interface CheckResult {
  check: Check;
  missing: ProfileField[];
}

/**
 * Every explanation reads "<the rule>; <your value>." so a person sees both at once. A missed preferred
 * rule adds that they can still apply; `yours` is left out where it would only repeat the rule.
 */
export function explanation(
  rule: string,
  yours: string | undefined,
  missedPreferred: boolean,
  vars: Record<string, unknown> = {},
): Message {
  const variant = yours === undefined ? 'rule_only' : 'full';
  const key = missedPreferred
    ? `eligibility:sentence.preferred_miss_${variant}`
    : `eligibility:sentence.${variant}`;
  return { key, vars: { ...vars, rule, ...(yours === undefined ? {} : { yours }) } };
}

export function result(
  rule: RuleName,
  passed: boolean | undefined,
  preferred: boolean,
  text: { rule: string; yours?: string | undefined; vars?: Record<string, unknown> },
  missing: ProfileField[] = [],
): CheckResult {
  return {
    check: {
      rule,
      passed,
      preferred,
      explanation: explanation(text.rule, text.yours, preferred && passed === false, text.vars),
    },
    missing,
  };
}

/** "a, b, atau c" / "a, b, or c". */
export function orList(items: string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(items);
}

export function localized(text: LocalizedText, locale: Locale): string {
  return (locale === 'en' && text.en) || text.id;
}

/** Organisers' sentences end with their own full stop; ours adds one after the person's value. */
export function withoutFinalPunctuation(text: string): string {
  return text.trim().replace(/[.!?。]+$/u, '');
}
