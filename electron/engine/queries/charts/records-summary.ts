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
            SELECT CAST(breaches_ AS BIGINT) AS breaches,
                   CAST(counted AS BIGINT) AS with_count,
                   CAST(breaches_ - counted AS BIGINT) AS not_stated,
                   CAST(people AS BIGINT) AS people_affected,
                   quartiles[2] AS median,
                   quartiles[1] AS p25,
                   quartiles[3] AS p75,
                   mean, largest, first_year, last_year, no_date
            FROM (
              -- One quantile over a list of fractions sorts the counts once; a median and two quantiles sorted them three times.
              SELECT count(*) AS breaches_, count(records_affected) AS counted, sum(records_affected) AS people,
                     quantile_cont(records_affected, [0.25, 0.5, 0.75]) AS quartiles,
                     avg(records_affected) AS mean,
                     CAST(max(records_affected) AS BIGINT) AS largest,
                     CAST(year(min(reported_date)) AS INTEGER) AS first_year,
                     CAST(year(max(reported_date)) AS INTEGER) AS last_year,
                     CAST(count(*) FILTER (WHERE reported_date IS NULL) AS BIGINT) AS no_date
              FROM filtered)`,
      params: f.params,
    };
  },
};
