import type { ChartQuery } from '../chart-query';
import { filteredBreaches } from './filtered-breaches';

/**
 * How many people or records each breach affected, in bins that stay readable from a lost letter to
 * a national hack (1-99 ... 1,000,000 or more). Every bin is returned, empty ones too, so two
 * sources line up bin by bin; `share` is of the breaches whose count is known.
 */
export const RECORD_BINS: readonly { label: string; lower: number; upper: number | null }[] = [
  { label: '0', lower: 0, upper: 0 },
  { label: '1–99', lower: 1, upper: 99 },
  { label: '100–499', lower: 100, upper: 499 },
  { label: '500–999', lower: 500, upper: 999 },
  { label: '1,000–9,999', lower: 1_000, upper: 9_999 },
  { label: '10,000–99,999', lower: 10_000, upper: 99_999 },
  { label: '100,000–999,999', lower: 100_000, upper: 999_999 },
  { label: '1,000,000 or more', lower: 1_000_000, upper: null },
];

export const recordsPerIncident: ChartQuery = {
  id: 'records_per_incident',
  title: 'People or records affected per breach',
  units: 'breaches per size band; share of breaches with a known count',
  build(filters) {
    const f = filteredBreaches(filters);
    // The bins are constants of this file, not user text: written into the SQL as literals.
    const bins = RECORD_BINS.map((b, i) => `(${i}, '${b.label}', ${b.lower}, ${b.upper ?? 'NULL'})`).join(', ');
    return {
      sql: `WITH ${f.sql},
            bins(bin_order, bin, lower_bound, upper_bound) AS (VALUES ${bins}),
            known AS (SELECT records_affected FROM filtered WHERE records_affected IS NOT NULL)
            SELECT CAST(b.bin_order AS INTEGER) AS bin_order, b.bin,
                   CAST(b.lower_bound AS BIGINT) AS lower_bound, CAST(b.upper_bound AS BIGINT) AS upper_bound,
                   CAST(count(k.records_affected) AS BIGINT) AS breaches,
                   CAST(coalesce(sum(k.records_affected), 0) AS BIGINT) AS people_affected,
                   count(k.records_affected) / nullif((SELECT count(*) FROM known), 0) AS share
            FROM bins b
            LEFT JOIN known k ON k.records_affected >= b.lower_bound AND (b.upper_bound IS NULL OR k.records_affected <= b.upper_bound)
            GROUP BY b.bin_order, b.bin, b.lower_bound, b.upper_bound
            ORDER BY 1`,
      params: f.params,
    };
  },
};
