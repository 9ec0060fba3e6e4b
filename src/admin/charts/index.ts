/** Server-rendered SVG charts for the dashboard (accessible: role="img", <title>, <desc>, a data table). */
export { BarChart, type BarItem } from './bars';
export { type ChartLocale, formatCount, formatPercent, percentOf } from './format';
export { FunnelChart, type FunnelStage } from './funnel';
export { GoalChart } from './goal';
export { topWithRest } from './group';
