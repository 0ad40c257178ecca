import type { ChartQuery } from '../chart-query';
import { filteredBreaches } from './filtered-breaches';

/**
 * One row of headline figures for the comparison view: breaches, people affected, the median and
 * quartiles of people per breach (over breaches whose count is known), and the years covered.
 * OCR lists only breaches of 500 or more people, which the view says beside these figures.
 */
export const recordsSummary: ChartQuery = {
  id: 'records_summary',
  title: 'Breaches, people affected and people per breach',
  units: 'breaches; people; people per breach',
  build(filters) {
    const f = filteredBreaches(filters);
    return {
      sql: `WITH ${f.sql}
            SELECT CAST(count(*) AS BIGINT) AS breaches,
                   CAST(count(records_affected) AS BIGINT) AS with_count,
                   CAST(count(*) - count(records_affected) AS BIGINT) AS not_stated,
                   CAST(sum(records_affected) AS BIGINT) AS people_affected,
                   median(records_affected) AS median,
                   quantile_cont(records_affected, 0.25) AS p25,
                   quantile_cont(records_affected, 0.75) AS p75,
                   avg(records_affected) AS mean,
                   CAST(max(records_affected) AS BIGINT) AS largest,
                   CAST(year(min(reported_date)) AS INTEGER) AS first_year,
                   CAST(year(max(reported_date)) AS INTEGER) AS last_year,
                   CAST(count(*) FILTER (WHERE reported_date IS NULL) AS BIGINT) AS no_date
            FROM filtered`,
      params: f.params,
    };
  },
};
