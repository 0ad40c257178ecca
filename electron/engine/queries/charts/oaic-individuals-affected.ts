import type { ChartQuery } from '../chart-query';
import { LOADED_ORDER, oaicPeriodConditions } from './oaic-period-filter';

/**
 * OAIC notifications per period by number of individuals affected, one row per bin as published:
 * the count of notifications in the bin and its share of the period, in separate columns. Reports
 * use different bins, some cumulative ("<=1,000" overlaps "<=100"), and count either everyone
 * affected or Australians only (`population`); only 2024-H1 has the full table. So bins are not to be
 * stacked across periods; `bin_min`/`bin_max` order them. Filters: date range on the period start only.
 */
export const oaicIndividualsAffected: ChartQuery = {
  id: 'oaic_individuals_affected',
  sources: ['oaic'],
  title: 'OAIC notifiable data breaches by number of individuals affected',
  units: 'notifications; % of the period',
  build(filters) {
    const where = oaicPeriodConditions(filters, 't');
    return {
      sql: `SELECT period, period_start, period_end, population, bin, bin_min, bin_max,
                   value_count AS notifications, value_pct AS pct_of_period, source_url, source_file
            FROM (
              SELECT t.*, ${LOADED_ORDER} AS loaded
              FROM oaic_individuals_affected t LEFT JOIN bw_files f ON f.file_id = t.file_id
              WHERE true${where.sql}
            )
            QUALIFY row_number() OVER (PARTITION BY period, population, bin ORDER BY loaded DESC) = 1
            ORDER BY period_start, population, bin_min NULLS LAST, bin_max NULLS LAST, bin`,
      params: where.params,
    };
  },
};
