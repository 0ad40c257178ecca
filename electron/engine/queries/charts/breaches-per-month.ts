import type { ChartQuery } from '../chart-query';
import { filteredBreaches } from './filtered-breaches';

/**
 * Breaches reported and people affected per calendar month of the report (OCR: Breach Submission
 * Date). Months without a report are absent rather than zero; `people_affected` sums known counts only
 * and `unknown_counts` says how many breaches had none.
 */
export const breachesPerMonth: ChartQuery = {
  id: 'breaches_per_month',
  title: 'Breaches reported and people affected, per month',
  units: 'breaches; people',
  build(filters) {
    const f = filteredBreaches(filters);
    return {
      sql: `WITH ${f.sql}
            SELECT CAST(date_trunc('month', reported_date) AS DATE) AS month,
                   strftime(reported_date, '%Y-%m') AS month_label,
                   CAST(count(*) AS BIGINT) AS breaches,
                   CAST(sum(records_affected) AS BIGINT) AS people_affected,
                   CAST(count(*) FILTER (WHERE records_affected IS NULL) AS BIGINT) AS unknown_counts
            FROM filtered WHERE reported_date IS NOT NULL
            GROUP BY 1, 2 ORDER BY 1`,
      params: f.params,
    };
  },
};
