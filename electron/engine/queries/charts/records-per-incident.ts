import type { ChartQuery } from '../chart-query';
import { factChart, RECORD_BINS } from './breach-facts';

// The bands live beside the fact measures, since the summary cube counts breaches per band.
export { RECORD_BINS };

/**
 * How many people or records each breach affected, in bins that stay readable from a lost letter to
 * a national hack (1-99 ... 1,000,000 or more). Every bin is returned, empty ones too, so two
 * sources line up bin by bin; `share` is of the breaches whose count is known.
 */
export const recordsPerIncident: ChartQuery = {
  id: 'records_per_incident',
  title: 'People or records affected per breach',
  units: 'breaches per size band; share of breaches with a known count',
  // Every band counted in one pass over the rows (or the cube's counts per band summed), then one
  // row per band: joining every row to the bins by range cost most of the chart over millions of rows.
  ...factChart((t) => {
    // The bins are constants, not user text: written into the SQL as literals.
    const bins = RECORD_BINS.map((b, i) => `(${i}, '${b.label}', ${b.lower}, ${b.upper ?? 'NULL'})`).join(', ');
    const bands = RECORD_BINS.map((_b, i) => i);
    return `WITH ${t.filtered.sql},
            bins(bin_order, bin, lower_bound, upper_bound) AS (VALUES ${bins}),
            counts AS (
              SELECT [${bands.map((i) => t.bandBreaches(i)).join(', ')}] AS breaches,
                     [${bands.map((i) => t.bandPeople(i)).join(', ')}] AS people,
                     ${t.counted} AS counted
              FROM filtered)
            SELECT CAST(b.bin_order AS INTEGER) AS bin_order, b.bin,
                   CAST(b.lower_bound AS BIGINT) AS lower_bound, CAST(b.upper_bound AS BIGINT) AS upper_bound,
                   CAST(c.breaches[b.bin_order + 1] AS BIGINT) AS breaches,
                   CAST(coalesce(c.people[b.bin_order + 1], 0) AS BIGINT) AS people_affected,
                   c.breaches[b.bin_order + 1] / nullif(c.counted, 0) AS share
            FROM bins b CROSS JOIN counts c
            ORDER BY 1`;
  }),
};
