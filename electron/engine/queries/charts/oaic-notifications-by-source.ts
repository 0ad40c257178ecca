import type { ChartQuery } from '../chart-query';
import { LOADED_ORDER, oaicPeriodConditions } from './oaic-period-filter';

const SOURCES = `(VALUES (1, 'malicious_or_criminal_attack', 'Malicious or criminal attack'),
                         (2, 'human_error', 'Human error'),
                         (3, 'system_fault', 'System fault')) AS s(ord, source, label)`;

/**
 * OAIC notifications per period by source of breach, one row per period and source: the count and
 * the share of the period's notifications in separate columns, either NULL where the reports give
 * only the other (many periods give shares only; system fault is often not given at all). Each figure
 * is the latest loaded for its period. Filters: date range on the period start only.
 */
export const oaicNotificationsBySource: ChartQuery = {
  id: 'oaic_notifications_by_source',
  sources: ['oaic'],
  title: 'OAIC notifiable data breaches by source: malicious or criminal attack, human error, system fault',
  units: 'notifications; % of the period',
  build(filters) {
    const where = oaicPeriodConditions(filters, 't');
    const latest = (column: string) => `arg_max(${column}, loaded) FILTER (WHERE ${column} IS NOT NULL) AS ${column}`;
    return {
      sql: `WITH figures AS (
              SELECT t.*, ${LOADED_ORDER} AS loaded
              FROM oaic_totals t LEFT JOIN bw_files f ON f.file_id = t.file_id
              WHERE true${where.sql}
            ),
            per_period AS (
              SELECT period, min(period_start) AS period_start, max(period_end) AS period_end,
                     ${latest('malicious_count')}, ${latest('malicious_pct')},
                     ${latest('human_error_count')}, ${latest('human_error_pct')},
                     ${latest('system_fault_count')}, ${latest('system_fault_pct')},
                     list(DISTINCT source_url ORDER BY source_url) FILTER (WHERE source_url IS NOT NULL) AS source_urls,
                     bool_and(verified) AS verified
              FROM figures GROUP BY period
            )
            SELECT p.period, p.period_start, p.period_end, s.source, s.label,
                   CASE s.source WHEN 'malicious_or_criminal_attack' THEN p.malicious_count
                                 WHEN 'human_error' THEN p.human_error_count
                                 ELSE p.system_fault_count END AS notifications,
                   CASE s.source WHEN 'malicious_or_criminal_attack' THEN p.malicious_pct
                                 WHEN 'human_error' THEN p.human_error_pct
                                 ELSE p.system_fault_pct END AS pct_of_period,
                   p.verified, p.source_urls
            FROM per_period p CROSS JOIN ${SOURCES}
            ORDER BY p.period_start, s.ord`,
      params: where.params,
    };
  },
};
