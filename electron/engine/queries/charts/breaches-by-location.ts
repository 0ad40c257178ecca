import type { ChartQuery } from '../chart-query';
import { filteredBreaches, NOT_STATED } from './filtered-breaches';

/** Breaches by Location of Breached Information; multi-valued like types (see breaches_by_type). */
export const breachesByLocation: ChartQuery = {
  id: 'breaches_by_location',
  title: 'Breaches by location of the breached information',
  units: 'breaches (a breach at several locations counts under each)',
  build(filters) {
    const f = filteredBreaches(filters);
    return {
      sql: `WITH ${f.sql},
            exploded AS (
              SELECT case_id, source, records_affected,
                     unnest(CASE WHEN len(coalesce(locations, [])) = 0 THEN ['${NOT_STATED}'] ELSE locations END) AS location
              FROM filtered)
            SELECT location, CAST(count(*) AS BIGINT) AS breaches, CAST(sum(records_affected) AS BIGINT) AS people_affected,
                   count(*) / (SELECT count(*) FROM filtered) AS share,
                   CAST((SELECT count(*) FROM filtered) AS BIGINT) AS breaches_total
            FROM exploded GROUP BY 1 ORDER BY breaches DESC, location`,
      params: f.params,
    };
  },
};
