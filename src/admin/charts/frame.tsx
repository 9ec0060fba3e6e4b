import type { Child } from 'hono/jsx';
import type { T } from '../../i18n';

/*
 * What every chart shares: an SVG that is one image to assistive technology (role="img", named by its
 * <title> and described by its <desc>, which carries the numbers), and the same numbers as a table
 * under a disclosure, for people who read tables better than pictures or who cannot see the image.
 */

/**
 * The viewBox width. Narrow on purpose: on a 360 px phone a chart inside a card is about 290 px wide, so
 * its 15-unit text is drawn at 14 px or more (at 360 units with 13-unit text it was 10 px, unreadable).
 * The stylesheet caps the drawn width on large screens for the same reason the other way round.
 */
export const CHART_WIDTH = 320;
export const FONT_SIZE = 15;
/** Text and bars: dark on white and the dashboard's blue (contrast above 4.5:1 and 3:1 respectively). */
export const INK = '#1a1a1a';
export const BAR = '#0b5cad';
export const TRACK = '#e6ebf1';
export const MET = '#1d6b2f';
export const TARGET_LINE = '#a4161a';

export function ChartSvg(props: {
  id: string;
  title: string;
  desc: string;
  height: number;
  children?: Child;
}) {
  const { id, title, desc, height } = props;
  return (
    <svg
      class="chart-svg"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
      font-size={FONT_SIZE}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {props.children}
    </svg>
  );
}

/** The chart's numbers as a table, behind a summary (closed by default to keep the page short). */
export function ChartTable(props: { t: T; caption: string; head: string[]; rows: string[][] }) {
  const { t, caption, head, rows } = props;
  return (
    <details class="chart-data">
      <summary>{t('dashboard:charts.showTable')}</summary>
      <div class="table-wrap">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {head.map((h) => (
                <th scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>{row.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td>{cell}</td>))}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** A chart with its heading and table; `note` says what is counted, in one sentence. */
export function ChartFigure(props: { heading: string; note?: string | undefined; children?: Child }) {
  return (
    <figure class="chart">
      <figcaption class="chart-heading">{props.heading}</figcaption>
      {props.note ? <p class="chart-note muted">{props.note}</p> : null}
      {props.children}
    </figure>
  );
}
