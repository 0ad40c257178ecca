import type { ChartContext } from './chart-spec';

/**
 * Shades the periods whose counts are lower bounds (ResultMeta.caveats with an `after` date: OCR
 * after its latest archive), from the category holding that date to the last one, so nobody reads
 * the drop at the end of the chart as fewer breaches. `categoryOf` turns the date into the axis's
 * category ("2024", "2024-10"). Silent: a click on the shade is not a click on a bar.
 */
export function lowerBoundArea(
  { meta, theme }: Pick<ChartContext, 'meta' | 'theme'>,
  categories: readonly string[],
  categoryOf: (isoDate: string) => string,
): object | undefined {
  const after = meta.caveats.map((c) => c.after).filter((d): d is string => d !== null).sort()[0];
  if (!after) return undefined;
  // By index: a category axis reads a number as the category's position.
  const from = categories.findIndex((c) => c >= categoryOf(after));
  if (from < 0) return undefined;
  return {
    silent: true,
    itemStyle: { color: 'rgba(128, 128, 128, 0.14)' },
    // Short, to fit over a few months; the footnote says from which date and why.
    label: { show: true, position: 'insideTop', formatter: 'Lower bounds', color: theme === 'dark' ? '#c9d1d9' : '#4a5563', fontSize: 11 },
    data: [[{ xAxis: from }, { xAxis: categories.length - 1 }]],
  };
}
