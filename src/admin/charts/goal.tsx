import type { T } from '../../i18n';
import { barLength, type ChartLocale, formatCount, formatDecimal, formatPercent } from './format';
import { BAR, CHART_WIDTH, ChartFigure, ChartSvg, ChartTable, INK, MET, TARGET_LINE, TRACK } from './frame';

/*
 * Progress towards a goal: a bar for what is reached and a vertical line, labelled "Target …", where
 * the goal is. Whether it is met is written out ("Tercapai" / "Belum tercapai, kurang …"), not only
 * coloured — under the drawing, as page text that wraps, since beside the number it did not fit a phone.
 */

export interface GoalChartProps {
  id: string;
  title: string;
  note?: string | undefined;
  /** A count, or a share in percent (0–100). */
  value: number;
  goal: number | null;
  unit: 'count' | 'percent';
  /** Met as the service judges it (e.g. a share of nobody is not met); default value ≥ goal. */
  met?: boolean | null | undefined;
  /** One sentence with the underlying counts, e.g. "12 dari 30 peserta adalah perempuan." */
  detail: string;
  t: T;
  locale: ChartLocale;
}

const HEIGHT = 80;

export function goalState(value: number, goal: number | null, met?: boolean | null) {
  if (goal === null) return { met: null, missing: 0 };
  const reached = met ?? value >= goal;
  return { met: reached, missing: reached ? 0 : Math.max(0, Math.round((goal - value) * 10) / 10) };
}

export function GoalChart(props: GoalChartProps) {
  const { id, title, value, goal, unit, t, locale } = props;
  const show = (n: number) => (unit === 'percent' ? formatPercent(n, locale) : formatCount(n, locale));
  const state = goalState(value, goal, props.met);
  // Percentages on 0–100; counts up to the goal (or beyond it, when exceeded).
  const max = unit === 'percent' ? 100 : Math.max(goal ?? 0, value, 1);
  const status =
    state.met === null
      ? t('dashboard:charts.noGoal')
      : state.met
        ? t('dashboard:charts.met')
        : t(unit === 'percent' ? 'dashboard:charts.missingPoints' : 'dashboard:charts.missing', {
            missing:
              unit === 'percent' ? formatDecimal(state.missing, locale) : formatCount(state.missing, locale),
          });
  const reached =
    unit === 'count' && goal !== null
      ? t('dashboard:charts.ofGoal', { value: show(value), goal: show(goal) })
      : show(value);
  const goalX =
    goal === null
      ? 0
      : Math.round(
          Math.min(CHART_WIDTH - 1.5, Math.max(1.5, (Math.min(goal, max) / max) * CHART_WIDTH)) * 10,
        ) / 10;
  const anchor = goalX > CHART_WIDTH - 70 ? 'end' : goalX < 70 ? 'start' : 'middle';
  const goalText = goal === null ? '' : t('dashboard:charts.target', { goal: show(goal) });
  const desc = [props.detail, goal === null ? '' : `${goalText}.`, `${status}.`].filter(Boolean).join(' ');
  return (
    <ChartFigure heading={title} note={props.note}>
      <ChartSvg id={id} title={title} desc={desc} height={HEIGHT}>
        <text x={0} y={15} fill={INK} font-weight="600">
          {reached}
        </text>
        <rect x={0} y={24} width={CHART_WIDTH} height={22} fill={TRACK} rx={2} />
        <rect
          x={0}
          y={24}
          width={barLength(value, max, CHART_WIDTH)}
          height={22}
          fill={state.met ? MET : BAR}
          rx={2}
        />
        {goal === null ? null : (
          <g>
            <line x1={goalX} x2={goalX} y1={18} y2={52} stroke={TARGET_LINE} stroke-width={3} />
            <text x={goalX} y={68} fill={INK} text-anchor={anchor}>
              {goalText}
            </text>
          </g>
        )}
      </ChartSvg>
      <p class="chart-detail">
        <strong class={state.met ? 'chart-met' : state.met === false ? 'chart-missing' : undefined}>
          {status}.
        </strong>{' '}
        {props.detail}
      </p>
      <ChartTable
        t={t}
        caption={title}
        head={[t('dashboard:charts.measure'), t('dashboard:charts.value')]}
        rows={[
          [t('dashboard:charts.reached'), show(value)],
          [t('dashboard:charts.goal'), goal === null ? '—' : show(goal)],
          [t('dashboard:charts.status'), status],
        ]}
      />
    </ChartFigure>
  );
}
