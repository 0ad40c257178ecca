import { describe, expect, it } from 'vitest';
import type { ResultMeta } from '../../shared/api';
import { lowerBoundArea } from '../../renderer/src/charts/lower-bound-area';

const meta = (after: string | null): ResultMeta => ({
  sql: '', params: [], rowCount: 0, sources: ['ocr'], files: [], snapshotDates: [], ruleVersions: [], elapsedMs: 0, truncated: false,
  caveats: after === null ? [] : [{ summary: `HHS OCR counts of breaches reported after ${after} are lower bounds.`, detail: '', after }],
});

describe('the shade over periods whose counts are lower bounds', () => {
  const years = ['2022', '2023', '2024', '2025', '2026'];

  it('covers the year of the date to the last year, by category index', () => {
    const area = lowerBoundArea({ meta: meta('2024-10-08'), theme: 'light' }, years) as { data: unknown; silent: boolean };
    expect(area.data).toEqual([[{ xAxis: 2 }, { xAxis: 4 }]]);
    expect(area.silent).toBe(true);
  });

  it('covers the month of the date on a monthly axis, even when months are missing', () => {
    const months = ['2024-08', '2024-09', '2024-11', '2025-01'];
    const area = lowerBoundArea({ meta: meta('2024-10-08'), theme: 'dark' }, months) as { data: unknown };
    expect(area.data).toEqual([[{ xAxis: 2 }, { xAxis: 3 }]]);
  });

  it('draws nothing without a dated caveat, or when the chart ends before the date', () => {
    expect(lowerBoundArea({ meta: meta(null), theme: 'light' }, years)).toBeUndefined();
    expect(lowerBoundArea({ meta: meta('2027-01-31'), theme: 'light' }, years)).toBeUndefined();
    expect(lowerBoundArea({ meta: meta('2024-10-08'), theme: 'light' }, [])).toBeUndefined();
    // Not a time axis (states, breach types): nothing to shade.
    expect(lowerBoundArea({ meta: meta('2024-10-08'), theme: 'light' }, ['CA', 'TX'])).toBeUndefined();
  });
});
