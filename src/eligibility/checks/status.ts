import type { Profile } from '../../shared/profile';
import type { ActivityStatus } from '../../shared/vocabulary';
import { type CheckContext, type CheckResult, orList, result } from './context';

/**
 * Activity is one answer, but "baru lulus" also means not working, not at school and not at university:
 * a fresh graduate qualifies for a programme for people without work.
 */
export function statusSatisfies(activity: ActivityStatus, wanted: readonly ActivityStatus[]): boolean {
  return wanted.includes(activity) || (activity === 'lulusan_baru' && wanted.includes('tidak_bekerja'));
}

export function checkStatus(
  wanted: ActivityStatus[],
  profile: Profile,
  ctx: CheckContext,
): CheckResult | undefined {
  if (wanted.length === 0) return undefined;
  const preferred = ctx.isPreferred('status');
  const vars = {
    statuses: orList(
      wanted.map((s) => ctx.t(`status.who.${s}`)),
      ctx.locale,
    ),
  };
  const ruleText = ctx.t(`status.${preferred ? 'preferred' : 'rule'}`, vars);
  if (!profile.activity) {
    return result(
      'status',
      undefined,
      preferred,
      { rule: ruleText, yours: ctx.t('status.yours.unknown'), vars },
      ['activity'],
    );
  }
  const status = ctx.t(`status.label.${profile.activity}`);
  return result('status', statusSatisfies(profile.activity, wanted), preferred, {
    rule: ruleText,
    yours: ctx.t('status.yours.known', { status }),
    vars: { ...vars, status },
  });
}
