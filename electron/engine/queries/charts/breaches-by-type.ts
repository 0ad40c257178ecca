import type { ChartQuery } from '../chart-query';
import { filteredBreaches, NOT_STATED } from './filtered-breaches';

/**
 * Breaches by Type of Breach. Types are multi-valued ("Theft, Loss"): a breach counts once under each of
 * its types, so the counts add up to more than the number of breaches; `share` is of breaches, not of
 * the sum, and `breaches_total` is the distinct total for the footnote.
 */
export const breachesByType: ChartQuery = {
  id: 'breaches_by_type',
  title: 'Breaches by type of breach',
  units: 'breaches (a breach of several types counts under each)',
  build(filters) {
    const f = filteredBreaches(filters);
    return {
      sql: `WITH ${f.sql},
            exploded AS (
              SELECT case_id, source, records_affected,
                     unnest(CASE WHEN len(coalesce(breach_types, [])) = 0 THEN ['${NOT_STATED}'] ELSE breach_types END) AS breach_type
              FROM filtered)
            SELECT breach_type, CAST(count(*) AS BIGINT) AS breaches, CAST(sum(records_affected) AS BIGINT) AS people_affected,
                   count(*) / (SELECT count(*) FROM filtered) AS share,
                   CAST((SELECT count(*) FROM filtered) AS BIGINT) AS breaches_total
            FROM exploded GROUP BY 1 ORDER BY breaches DESC, breach_type`,
      params: f.params,
    };
  },
};
