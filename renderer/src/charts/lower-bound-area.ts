import { lowerBoundIndex } from '../../../shared/lower-bounds';
import type { ChartContext } from './chart-spec';

/**
 * Shades the periods whose counts are lower bounds (ResultMeta.caveats with an `after` date: OCR
 * after its latest archive), from the year or month holding that date to the last one, so nobody
 * reads the drop at the end of the chart as fewer breaches. Silent: a click on the shade is not a
 * click on a bar. The category axis needs a tick per category (`axisTick.interval: 0`): with ticks
 * only under the shown labels, ECharts snaps a mark area to them.
 */
export function lowerBoundArea({ meta, theme }: Pick<ChartContext, 'meta' | 'theme'>, categories: readonly string[]): object | undefined {
  const from = lowerBoundIndex(meta.caveats, categories);
  if (from < 0) return undefined;
  return {
    silent: true,
    itemStyle: { color: 'rgba(128, 128, 128, 0.14)' },
    // Short, to fit over a few months; the footnote says from which date and why.
    label: { show: true, position: 'insideTop', formatter: 'Lower bounds', color: theme === 'dark' ? '#c9d1d9' : '#4a5563', fontSize: 11 },
    // By index: a category axis reads a number as the category's position.
    data: [[{ xAxis: from }, { xAxis: categories.length - 1 }]],
  };
}
