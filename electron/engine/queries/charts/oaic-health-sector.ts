import type { ChartQuery } from '../chart-query';
import { LOADED_ORDER, oaicPeriodConditions } from './oaic-period-filter';

/**
 * Health service providers per OAIC period: notifications and share of the period (from the sector
 * tables), and the health sector's own split by source where a report gives it (2018-Q3, 2019-Q1,
 * 2020-H1, 2024-H1). Every known period is a row, so a period with no health figure shows as a gap.
 * Filters: date range on the period start only.
 */
export const oaicHealthSector: ChartQuery = {
  id: 'oaic_health_sector',
  sources: ['oaic'],
  title: 'OAIC notifiable data breaches: health service providers per reporting period',
  units: 'notifications; % of the period; % of health notifications',
  build(filters) {
    const where = oaicPeriodConditions(filters, 'p');
    const health = (measures: string, column: 'value_count' | 'value_pct', name: string) =>
      `arg_max(${column}, loaded) FILTER (WHERE measure IN (${measures}) AND ${column} IS NOT NULL) AS ${name}`;
    return {
      sql: `WITH periods AS (
              SELECT period, min(period_start) AS period_start, max(period_end) AS period_end FROM (
                SELECT period, period_start, period_end FROM oaic_totals
                UNION ALL SELECT period, period_start, period_end FROM oaic_by_sector
                UNION ALL SELECT period, period_start, period_end FROM oaic_health_sector
              ) GROUP BY period
            ),
            sector AS (
              SELECT t.period, t.notifications, t.pct_of_period_total, t.source_url
              FROM oaic_by_sector t LEFT JOIN bw_files f ON f.file_id = t.file_id
              WHERE t.sector_group = 'Health service providers'
              QUALIFY row_number() OVER (PARTITION BY t.period ORDER BY ${LOADED_ORDER} DESC) = 1
            ),
            health AS (
              SELECT period,
                     ${health("'notifications'", 'value_count', 'notifications')},
                     ${health("'malicious'", 'value_count', 'malicious_count')},
                     ${health("'malicious', 'malicious_share'", 'value_pct', 'malicious_pct')},
                     ${health("'human_error'", 'value_count', 'human_error_count')},
                     ${health("'human_error', 'human_error_share'", 'value_pct', 'human_error_pct')},
                     ${health("'system_fault'", 'value_count', 'system_fault_count')},
                     ${health("'system_fault', 'system_fault_share'", 'value_pct', 'system_fault_pct')},
                     list(DISTINCT source_url ORDER BY source_url) FILTER (WHERE source_url IS NOT NULL) AS source_urls
              FROM (SELECT t.*, ${LOADED_ORDER} AS loaded FROM oaic_health_sector t LEFT JOIN bw_files f ON f.file_id = t.file_id)
              GROUP BY period
            )
            SELECT p.period, p.period_start, p.period_end,
                   coalesce(sector.notifications, health.notifications) AS notifications,
                   sector.pct_of_period_total,
                   health.malicious_count, health.malicious_pct, health.human_error_count, health.human_error_pct,
                   health.system_fault_count, health.system_fault_pct,
                   list_sort(list_distinct(list_concat(
                     CASE WHEN sector.source_url IS NOT NULL THEN [sector.source_url] ELSE [] END,
                     coalesce(health.source_urls, [])))) AS source_urls
            FROM periods p LEFT JOIN sector USING (period) LEFT JOIN health USING (period)
            WHERE true${where.sql}
            ORDER BY p.period_start`,
      params: where.params,
    };
  },
};
