import { lowerBoundIndex, lowerBoundShade } from '../../../shared/lower-bounds';
import type { ChartContext } from './chart-spec';

/**
 * Shades the periods whose counts are lower bounds (ResultMeta.caveats with an `after` date: OCR
 * after its latest archive), from the year or month holding that date to the last one, so nobody
 * reads the drop at the end of the chart as fewer breaches.
 */
export function lowerBoundArea({ meta, theme }: Pick<ChartContext, 'meta' | 'theme'>, categories: readonly string[]): object | undefined {
  const from = lowerBoundIndex(meta.caveats, categories);
  return from < 0 ? undefined : lowerBoundShade(from, categories.length - 1, { color: theme === 'dark' ? '#c9d1d9' : '#4a5563' });
}
