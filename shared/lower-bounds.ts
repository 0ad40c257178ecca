import type { Caveat } from './api';

/**
 * The first category of a time axis ("2024" years, "2024-10" months) whose counts are lower bounds
 * (a caveat's `after` date falls in it or before it), or -1: none, or not a time axis. The window's
 * charts and the reports' charts shade from there to the end.
 */
export function lowerBoundIndex(caveats: readonly Caveat[], categories: readonly string[]): number {
  const after = caveats.map((c) => c.after).filter((d): d is string => d !== null).sort()[0];
  const first = categories[0];
  if (!after || first === undefined) return -1;
  const width = /^\d{4}$/.test(first) ? 4 : /^\d{4}-\d{2}$/.test(first) ? 7 : 0;
  if (width === 0) return -1;
  return categories.findIndex((c) => c >= after.slice(0, width));
}

/**
 * The ECharts mark area that shades categories `from` to `to` (by index: a category axis reads a
 * number as the category's position) and labels them, for a bar series. Silent: a click on the shade
 * is not a click on a bar. The category axis needs a tick per category (`axisTick.interval: 0`):
 * with ticks only under the shown labels, ECharts snaps a mark area to them.
 */
export function lowerBoundShade(from: number, to: number, label: { color: string; fontFamily?: string }): Record<string, unknown> {
  return {
    silent: true,
    itemStyle: { color: 'rgba(128, 128, 128, 0.14)' },
    // Short, to fit over a few months; the footnote or caption says from which date and why.
    label: { show: true, position: 'insideTop', formatter: 'Lower bounds', fontSize: 11, ...label },
    data: [[{ xAxis: from }, { xAxis: to }]],
  };
}
