import type { ChartQuery } from '../chart-query';
import { factChart } from './breach-facts';

/** Breaches reported and people affected, per year of the report (OCR: Breach Submission Date). */
export const breachesPerYear: ChartQuery = {
  id: 'breaches_per_year',
  title: 'Breaches reported and people affected, per year',
  units: 'breaches; people',
  ...factChart(
    (t) => `WITH ${t.filtered.sql}
            SELECT CAST(year(reported_date) AS INTEGER) AS year,
                   CAST(${t.breaches} AS BIGINT) AS breaches,
                   CAST(${t.people} AS BIGINT) AS people_affected
            FROM filtered WHERE reported_date IS NOT NULL
            GROUP BY 1 ORDER BY 1`,
  ),
};
