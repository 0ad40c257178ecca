import type { ChartQuery } from '../chart-query';
import { LOADED_ORDER, oaicPeriodConditions } from './oaic-period-filter';

/**
 * OAIC NDB notifications per reporting period (quarters to 2019-Q2, then halves). Both figures a
 * reader may quote: as first published, and the latest (a later report's revision, or the figure of a
 * table the user loaded after the committed one). A period with no published total (2025-H2) is a row
 * with NULLs, so the gap shows. Filters: date range on the period start only (see oaic-period-filter).
 */
export const oaicNotificationsPerPeriod: ChartQuery = {
  id: 'oaic_notifications_per_period',
  sources: ['oaic'],
  title: 'OAIC notifiable data breaches: notifications per reporting period',
  units: 'notifications',
  build(filters) {
    const where = oaicPeriodConditions(filters, 't');
    const latest = 'coalesce(revised, first_published)';
    return {
      sql: `WITH figures AS (
              SELECT t.period, t.period_start, t.period_end, t.file_id, t.source_file, t.source_url, t.verified,
                     t.notifications_first_published AS first_published, t.notifications_revised AS revised, t.revised_in,
                     ${LOADED_ORDER} AS loaded
              FROM oaic_totals t LEFT JOIN bw_files f ON f.file_id = t.file_id
              WHERE true${where.sql}
            ),
            per_period AS (
              SELECT period, min(period_start) AS period_start, max(period_end) AS period_end,
                     arg_min(first_published, loaded) FILTER (WHERE first_published IS NOT NULL) AS notifications_first_published,
                     arg_min(source_url, loaded) FILTER (WHERE first_published IS NOT NULL) AS first_published_source,
                     arg_max(${latest}, loaded) FILTER (WHERE ${latest} IS NOT NULL) AS notifications_latest,
                     arg_max(CASE WHEN revised IS NOT NULL THEN revised_in ELSE coalesce(source_url, source_file) END, loaded)
                       FILTER (WHERE ${latest} IS NOT NULL) AS latest_source,
                     CAST(count(DISTINCT file_id) AS INTEGER) AS files,
                     bool_and(verified) AS verified
              FROM figures GROUP BY period
            )
            SELECT period, period_start, period_end, notifications_first_published, notifications_latest,
                   notifications_latest IS DISTINCT FROM notifications_first_published AS revised,
                   first_published_source, latest_source, files, verified
            FROM per_period
            ORDER BY period_start`,
      params: where.params,
    };
  },
};
