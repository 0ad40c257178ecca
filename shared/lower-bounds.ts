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
