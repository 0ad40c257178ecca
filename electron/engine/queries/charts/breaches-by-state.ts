import type { ChartQuery } from '../chart-query';
import { filteredBreaches, NOT_STATED } from './filtered-breaches';

/** Breaches by state (OCR: the covered entity's state; blank in a few reports, shown as "Not stated"). */
export const breachesByState: ChartQuery = {
  id: 'breaches_by_state',
  title: 'Breaches by state',
  units: 'breaches; people',
  build(filters) {
    const f = filteredBreaches(filters);
    return {
      sql: `WITH ${f.sql}
            SELECT coalesce(country, '') AS country, coalesce(state, '${NOT_STATED}') AS state, CAST(count(*) AS BIGINT) AS breaches,
                   CAST(sum(records_affected) AS BIGINT) AS people_affected, count(*) / sum(count(*)) OVER () AS share
            FROM filtered GROUP BY 1, 2 ORDER BY breaches DESC, state`,
      params: f.params,
    };
  },
};
