import type { ChartQuery } from '../chart-query';
import { filtersToWhere } from '../filters-sql';
import { chartParam } from './chart-params';

/**
 * OCR cases whose Individuals Affected changed most between snapshots: first and latest count, the
 * change, and how many times it was revised. The app filters select the cases (through `breaches`);
 * only OCR rows can match, so only they are read.
 */
export const countRevisions: ChartQuery = {
  id: 'count_revisions',
  title: 'Cases whose counts OCR revised most',
  units: 'people affected (change)',
  params: [{ name: 'limit', type: 'integer', required: false, default: 20, min: 1, max: 1000, description: 'how many cases to list' }],
  build(filters, params) {
    const where = filtersToWhere(filters);
    return {
      sql: `WITH filtered AS (
              SELECT case_id, entity, state, reported_date FROM breaches ${where.sql}${where.sql ? ' AND' : ' WHERE'} source = 'ocr'),
            changes AS (
              SELECT case_id,
                     TRY_CAST(arg_min(old_value, to_snapshot) AS BIGINT) AS first_count,
                     TRY_CAST(arg_max(new_value, to_snapshot) AS BIGINT) AS latest_count,
                     CAST(count(*) AS INTEGER) AS revisions,
                     min(from_snapshot) AS first_snapshot, max(to_snapshot) AS last_revised
              FROM ocr_revisions WHERE field = 'records_affected' GROUP BY case_id)
            SELECT c.case_id, b.entity, b.state, b.reported_date, c.first_count, c.latest_count,
                   c.latest_count - c.first_count AS change, c.revisions, c.first_snapshot, c.last_revised
            FROM changes c JOIN filtered b ON b.case_id = c.case_id
            ORDER BY abs(coalesce(c.latest_count, 0) - coalesce(c.first_count, 0)) DESC, c.case_id
            LIMIT $limit`,
      params: { ...where.params, limit: chartParam<number>(params, countRevisions, 'limit') },
    };
  },
};
