import type { ChartQuery } from '../chart-query';
import { factChart } from './breach-facts';

/**
 * Breaches reported and people affected per calendar month of the report (OCR: Breach Submission
 * Date). Months without a report are absent rather than zero; `people_affected` sums known counts only
 * and `unknown_counts` says how many breaches had none.
 */
export const breachesPerMonth: ChartQuery = {
  id: 'breaches_per_month',
  title: 'Breaches reported and people affected, per month',
  units: 'breaches; people',
  // Year and month are grouped as numbers, and each month's date and label made after: formatting
  // every row's date before grouping cost more than the grouping itself over millions of rows.
  ...factChart(
    (t) => `WITH ${t.filtered.sql},
            per AS (
              SELECT year(reported_date) AS y, month(reported_date) AS m,
                     ${t.breaches} AS breaches, ${t.people} AS people_affected, ${t.unknownCounts} AS unknown_counts
              FROM filtered WHERE reported_date IS NOT NULL
              GROUP BY 1, 2)
            SELECT make_date(y, m, 1) AS month,
                   strftime(make_date(y, m, 1), '%Y-%m') AS month_label,
                   CAST(breaches AS BIGINT) AS breaches,
                   CAST(people_affected AS BIGINT) AS people_affected,
                   CAST(unknown_counts AS BIGINT) AS unknown_counts
            FROM per ORDER BY 1`,
  ),
};
