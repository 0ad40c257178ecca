import { filtersToWhere } from '../filters-sql';
import type { ChartQuery } from '../chart-query';

/** Breaches reported and people affected, per year of the report (OCR: Breach Submission Date). */
export const breachesPerYear: ChartQuery = {
  id: 'breaches_per_year',
  title: 'Breaches reported and people affected, per year',
  units: 'breaches; people',
  build(filters) {
    const where = filtersToWhere(filters);
    return {
      sql: `SELECT CAST(year(reported_date) AS INTEGER) AS year,
                   CAST(count(*) AS BIGINT) AS breaches,
                   CAST(sum(records_affected) AS BIGINT) AS people_affected
            FROM breaches ${where.sql}${where.sql ? ' AND' : ' WHERE'} reported_date IS NOT NULL
            GROUP BY 1 ORDER BY 1`,
      params: where.params,
    };
  },
};
