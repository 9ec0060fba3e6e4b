import { formatDateId, jakartaDay, toIsoDate } from '../../eligibility';
import type { Locale, T } from '../../i18n';
import type { ApplicantBreakdown, Funnel } from '../../organisations/recruitment-stats';
import type { Target, TargetProgress } from '../../organisations/targets';
import { getProvince } from '../../regions';
import { BarChart, FunnelChart, formatCount, formatPercent, GoalChart, topWithRest } from '../charts';

/*
 * The recruitment charts of a scope (the organisation, a programme or a target): the funnel and the
 * applicants by gender, disability and province; and a target's goals. Numbers come from
 * src/organisations/recruitment-stats.ts and targets.ts; this file only lays them out.
 */

const k = (t: T, key: string, params: Record<string, unknown> = {}) => t(`dashboard:targets.${key}`, params);

export function FunnelSection(props: { t: T; locale: Locale; id: string; funnel: Funnel }) {
  const { t, locale, funnel } = props;
  return (
    <FunnelChart
      id={props.id}
      t={t}
      locale={locale}
      title={k(t, 'charts.funnel')}
      note={k(t, 'charts.funnelNote')}
      stages={[
        { label: k(t, 'charts.reached'), value: funnel.reached },
        { label: k(t, 'charts.checked'), value: funnel.checked },
        { label: k(t, 'charts.applied'), value: funnel.applied },
        { label: k(t, 'charts.accepted'), value: funnel.accepted },
      ]}
    />
  );
}

export function BreakdownSection(props: {
  t: T;
  locale: Locale;
  id: string;
  breakdown: ApplicantBreakdown;
  /** What is counted, in one sentence (every submitted application, or the target's). */
  note: string;
}) {
  const { t, locale, breakdown, id } = props;
  const unknown = k(t, 'charts.unknown');
  const withUnknown = (items: Array<{ label: string; value: number }>, rest: number) =>
    rest > 0 ? [...items, { label: unknown, value: rest }] : items;
  const provinces = topWithRest(
    breakdown.provinces
      .filter((p) => p.code !== null && getProvince(p.code))
      .map((p) => ({ label: getProvince(p.code!)!.shortName, value: p.count })),
    10,
    k(t, 'charts.otherProvinces'),
    {
      label: unknown,
      value: breakdown.provinces
        .filter((p) => p.code === null || !getProvince(p.code))
        .reduce((s, p) => s + p.count, 0),
    },
  );
  return (
    <div class="chart-grid">
      <p class="muted chart-scope">{props.note}</p>
      <BarChart
        id={`${id}-gender`}
        t={t}
        locale={locale}
        title={k(t, 'charts.gender')}
        items={withUnknown(
          [
            { label: t('dashboard:broadcasts.gender.perempuan'), value: breakdown.gender.perempuan },
            { label: t('dashboard:broadcasts.gender.laki_laki'), value: breakdown.gender.laki_laki },
          ],
          breakdown.gender.unknown,
        )}
      />
      <BarChart
        id={`${id}-disability`}
        t={t}
        locale={locale}
        title={k(t, 'charts.disability')}
        note={k(t, 'charts.disabilityNote')}
        items={withUnknown(
          [
            { label: k(t, 'charts.disabilityDeclared'), value: breakdown.disability.declared },
            { label: k(t, 'charts.disabilityNone'), value: breakdown.disability.none },
          ],
          breakdown.disability.unknown,
        )}
      />
      <BarChart
        id={`${id}-province`}
        t={t}
        locale={locale}
        title={k(t, 'charts.provinces')}
        note={k(t, 'charts.provincesNote')}
        items={provinces}
        total={breakdown.total}
      />
    </div>
  );
}

/**
 * A target's goals that are set: participants against the goal, and the women's and disability shares
 * against theirs (a bar without a goal would only suggest one; the breakdowns show the shares anyway).
 */
/**
 * How the participants goal stands against its deadline: days left and the pace needed from now
 * ("perlu 88 peserta lagi, sekitar 27 per minggu"), or that the deadline passed short of it.
 */
export function paceText(
  t: T,
  locale: Locale,
  target: Target,
  count: number,
  today: string,
): string | undefined {
  if (target.participants === null || !target.deadline || count >= target.participants) return undefined;
  const needed = target.participants - count;
  const days = Math.round(
    (Date.parse(`${target.deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  const date = formatDateId(target.deadline, locale);
  if (days < 0) return k(t, 'charts.paceLate', { date, needed: formatCount(needed, locale) });
  const perWeek = Math.ceil((needed * 7) / Math.max(1, days));
  return k(t, 'charts.pace', {
    count: days,
    days: formatCount(days, locale),
    date,
    needed: formatCount(needed, locale),
    perWeek: formatCount(perWeek, locale),
  });
}

export function GoalSection(props: {
  t: T;
  locale: Locale;
  id: string;
  target: Target;
  progress: TargetProgress;
  /** Jakarta's date (YYYY-MM-DD), for the pace against the deadline. */
  today?: string;
}) {
  const { t, locale, target, progress, id } = props;
  const pace = paceText(
    t,
    locale,
    target,
    progress.participants.count,
    props.today ?? toIsoDate(jakartaDay()),
  );
  const unknown = progress.disability.unknown ?? 0;
  const n = (v: number) => formatCount(v, locale);
  const participants = progress.participants.count;
  const charts = [];
  if (target.participants !== null)
    charts.push(
      <GoalChart
        id={`${id}-participants`}
        t={t}
        locale={locale}
        title={k(t, 'charts.participants')}
        unit="count"
        value={participants}
        goal={target.participants}
        met={progress.participants.met}
        detail={[k(t, 'charts.participantsDetail', { count: participants, shown: n(participants) }), pace]
          .filter(Boolean)
          .join(' ')}
      />,
    );
  if (target.womenPercent !== null)
    charts.push(
      <GoalChart
        id={`${id}-women`}
        t={t}
        locale={locale}
        title={k(t, 'charts.women')}
        unit="percent"
        value={progress.women.percent ?? 0}
        goal={target.womenPercent}
        met={progress.women.met}
        detail={`${k(t, 'charts.womenDetail', {
          women: n(progress.women.count),
          total: n(participants),
          percent: formatPercent(progress.women.percent ?? 0, locale),
        })}`}
      />,
    );
  if (target.disabilityPercent !== null)
    charts.push(
      <GoalChart
        id={`${id}-disability`}
        t={t}
        locale={locale}
        title={k(t, 'charts.disabilityGoal')}
        unit="percent"
        value={progress.disability.percent ?? 0}
        goal={target.disabilityPercent}
        met={progress.disability.met}
        detail={[
          k(t, 'charts.disabilityDetail', {
            count: n(progress.disability.count),
            total: n(participants),
            percent: formatPercent(progress.disability.percent ?? 0, locale),
          }),
          unknown > 0
            ? k(t, 'charts.disabilityUnknown', {
                count: unknown,
                unknown: n(unknown),
                percent: formatPercent(
                  participants ? Math.round((unknown / participants) * 1000) / 10 : 0,
                  locale,
                ),
              })
            : '',
        ]
          .filter(Boolean)
          .join(' ')}
      />,
    );
  return (
    <>
      <div class="chart-grid">{charts}</div>
      {/* The word "kuota" means two things on these pages: say which is which. */}
      {target.womenPercent !== null ? <p class="muted tg-note">{k(t, 'charts.womenVsSeats')}</p> : null}
      {target.disabilityPercent ? <p class="muted tg-note">{k(t, 'charts.disabilityAsked')}</p> : null}
    </>
  );
}
