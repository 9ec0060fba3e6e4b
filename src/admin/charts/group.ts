import type { BarItem } from './bars';

/**
 * The `n` largest categories, then the rest summed under `restLabel` (only when there is a rest), and
 * an "unknown" category last when it is not empty: ten provinces stay readable on a phone, and the
 * total stays whole.
 */
export function topWithRest(
  items: readonly BarItem[],
  n: number,
  restLabel: string,
  unknown?: BarItem,
): BarItem[] {
  const sorted = [...items]
    .filter((i) => i.value > 0)
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const top = sorted.slice(0, n);
  const rest = sorted.slice(n).reduce((sum, i) => sum + i.value, 0);
  if (rest > 0) top.push({ label: restLabel, value: rest });
  if (unknown && unknown.value > 0) top.push(unknown);
  return top;
}
