import type { T } from '../../i18n';
import { barLength, type ChartLocale, formatCount, formatPercent, percentOf } from './format';
import { BAR, CHART_WIDTH, ChartFigure, ChartSvg, ChartTable, INK, TRACK } from './frame';

/*
 * Horizontal bars, one row a category: its name above the bar, the number and share at the right end.
 * Every bar has the same colour (colour carries no meaning here); the printed numbers do.
 */

export interface BarItem {
  label: string;
  value: number;
}

export interface BarChartProps {
  /** Unique on the page (the ids of <title> and <desc> derive from it). */
  id: string;
  title: string;
  /** One sentence saying what is counted. */
  note?: string | undefined;
  items: BarItem[];
  /** The whole the shares are of; default the sum of the items. */
  total?: number | undefined;
  t: T;
  locale: ChartLocale;
}

const ROW = 44;

export function barRows(items: BarItem[], total: number | undefined, locale: ChartLocale) {
  const whole = total ?? items.reduce((sum, i) => sum + i.value, 0);
  return items.map((item) => {
    const percent = percentOf(item.value, whole);
    return { ...item, count: formatCount(item.value, locale), percent: formatPercent(percent, locale) };
  });
}

export function BarChart(props: BarChartProps) {
  const { id, title, items, t, locale } = props;
  const rows = barRows(items, props.total, locale);
  const whole = props.total ?? items.reduce((sum, i) => sum + i.value, 0);
  // Bars are scaled to the largest category, so small differences stay visible; the shares are printed.
  const max = Math.max(0, ...items.map((i) => i.value));
  const empty = whole === 0;
  const height = Math.max(1, rows.length) * ROW + 6;
  const desc = empty
    ? t('dashboard:charts.noData')
    : `${t('dashboard:charts.totalOf', { count: formatCount(whole, locale) })} ${rows
        .map((r) => `${r.label}: ${r.count} (${r.percent})`)
        .join('; ')}.`;
  return (
    <ChartFigure heading={title} note={props.note}>
      <ChartSvg id={id} title={title} desc={desc} height={height}>
        {rows.length === 0 ? (
          <text x={0} y={20} fill={INK}>
            {t('dashboard:charts.noData')}
          </text>
        ) : (
          rows.map((row, i) => {
            const y = i * ROW;
            return (
              <g>
                <text x={0} y={y + 15} fill={INK}>
                  {row.label}
                </text>
                <text x={CHART_WIDTH} y={y + 15} fill={INK} text-anchor="end" font-weight="600">
                  {`${row.count} (${row.percent})`}
                </text>
                <rect x={0} y={y + 22} width={CHART_WIDTH} height={14} fill={TRACK} rx={2} />
                <rect
                  x={0}
                  y={y + 22}
                  width={barLength(row.value, max, CHART_WIDTH)}
                  height={14}
                  fill={BAR}
                  rx={2}
                />
              </g>
            );
          })
        )}
      </ChartSvg>
      {empty && rows.length > 0 ? <p class="muted">{t('dashboard:charts.noData')}</p> : null}
      <ChartTable
        t={t}
        caption={title}
        head={[t('dashboard:charts.category'), t('dashboard:charts.count'), t('dashboard:charts.share')]}
        rows={[
          ...rows.map((r) => [r.label, r.count, r.percent]),
          [t('dashboard:charts.total'), formatCount(whole, locale), formatPercent(empty ? 0 : 100, locale)],
        ]}
      />
    </ChartFigure>
  );
}
