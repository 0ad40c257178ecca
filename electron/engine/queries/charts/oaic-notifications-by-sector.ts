import type { ChartQuery } from '../chart-query';
import { LOADED_ORDER, oaicPeriodConditions } from './oaic-period-filter';

/**
 * OAIC notifications per period by sector: the top sectors each report names, with rank, count and
 * share of the period in separate columns (NULL where the report gives only the other). Sector
 * labels vary between reports, so `sector_group` drops the bracketed part ("Finance (incl.
 * superannuation)" -> "Finance") and `is_health` marks health service providers. Only the top five or
 * so are published, so the rows of a period do not add up to its total. Filters: date range only.
 */
export const oaicNotificationsBySector: ChartQuery = {
  id: 'oaic_notifications_by_sector',
  sources: ['oaic'],
  title: 'OAIC notifiable data breaches by sector (top sectors per period)',
  units: 'notifications; % of the period',
  build(filters) {
    const where = oaicPeriodConditions(filters, 't');
    return {
      sql: `SELECT period, period_start, period_end, sector, sector_group, rank, notifications, pct_of_period_total,
                   sector_group = 'Health service providers' AS is_health, source_url, source_file
            FROM (
              SELECT t.*, ${LOADED_ORDER} AS loaded
              FROM oaic_by_sector t LEFT JOIN bw_files f ON f.file_id = t.file_id
              WHERE true${where.sql}
            )
            QUALIFY row_number() OVER (PARTITION BY period, sector_group ORDER BY loaded DESC) = 1
            ORDER BY period_start, rank NULLS LAST, sector`,
      params: where.params,
    };
  },
};
