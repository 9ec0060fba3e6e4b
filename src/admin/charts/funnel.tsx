import type { T } from '../../i18n';
import { barLength, type ChartLocale, formatCount, formatPercent, percentOf } from './format';
import { BAR, CHART_WIDTH, ChartFigure, ChartSvg, ChartTable, INK, TRACK } from './frame';

/*
 * A funnel: one centred bar per stage, as wide as its share of the first stage, with the stage's name,
 * its number and that share printed above it; the table adds the share of the stage before.
 */

export interface FunnelStage {
  label: string;
  value: number;
}

export interface FunnelChartProps {
  id: string;
  title: string;
  note?: string | undefined;
  stages: FunnelStage[];
  t: T;
  locale: ChartLocale;
}

const ROW = 46;

export function funnelRows(stages: FunnelStage[], locale: ChartLocale) {
  const first = stages[0]?.value ?? 0;
  return stages.map((stage, i) => ({
    ...stage,
    count: formatCount(stage.value, locale),
    ofFirst: formatPercent(percentOf(stage.value, first), locale),
    ofPrevious: i === 0 ? '—' : formatPercent(percentOf(stage.value, stages[i - 1]!.value), locale),
  }));
}

export function FunnelChart(props: FunnelChartProps) {
  const { id, title, stages, t, locale } = props;
  const rows = funnelRows(stages, locale);
  // The widest stage fills the width (normally the first; a later one if data were recorded oddly).
  const max = Math.max(0, ...stages.map((s) => s.value));
  const height = Math.max(1, rows.length) * ROW + 6;
  const desc =
    max === 0
      ? t('dashboard:charts.noData')
      : rows
          .map((r, i) =>
            i === 0
              ? `${r.label}: ${r.count}`
              : `${r.label}: ${r.count} (${t('dashboard:charts.ofFirstShort', { percent: r.ofFirst })})`,
          )
          .join('; ')
          .concat('.');
  return (
    <ChartFigure heading={title} note={props.note}>
      <ChartSvg id={id} title={title} desc={desc} height={height}>
        {rows.map((row, i) => {
          const y = i * ROW;
          const length = barLength(row.value, max, CHART_WIDTH);
          return (
            <g>
              <text x={0} y={y + 15} fill={INK}>
                {`${i + 1}. ${row.label}`}
              </text>
              <text x={CHART_WIDTH} y={y + 15} fill={INK} text-anchor="end" font-weight="600">
                {i === 0 ? row.count : `${row.count} (${row.ofFirst})`}
              </text>
              <rect x={0} y={y + 22} width={CHART_WIDTH} height={16} fill={TRACK} rx={2} />
              <rect x={(CHART_WIDTH - length) / 2} y={y + 22} width={length} height={16} fill={BAR} rx={2} />
            </g>
          );
        })}
      </ChartSvg>
      {max === 0 ? <p class="muted">{t('dashboard:charts.noData')}</p> : null}
      <ChartTable
        t={t}
        caption={title}
        head={[
          t('dashboard:charts.stage'),
          t('dashboard:charts.people'),
          t('dashboard:charts.ofFirst'),
          t('dashboard:charts.ofPrevious'),
        ]}
        rows={rows.map((r) => [r.label, r.count, r.ofFirst, r.ofPrevious])}
      />
    </ChartFigure>
  );
}
