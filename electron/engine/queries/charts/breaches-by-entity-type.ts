import type { ChartQuery } from '../chart-query';
import { filteredBreaches, NOT_STATED } from './filtered-breaches';

/** Breaches by covered entity type (Healthcare Provider, Health Plan, Business Associate, ...). */
export const breachesByEntityType: ChartQuery = {
  id: 'breaches_by_entity_type',
  title: 'Breaches by type of entity',
  units: 'breaches; people',
  build(filters) {
    const f = filteredBreaches(filters);
    return {
      sql: `WITH ${f.sql}
            SELECT coalesce(entity_type, '${NOT_STATED}') AS entity_type, CAST(count(*) AS BIGINT) AS breaches,
                   CAST(sum(records_affected) AS BIGINT) AS people_affected, count(*) / sum(count(*)) OVER () AS share
            FROM filtered GROUP BY 1 ORDER BY breaches DESC, entity_type`,
      params: f.params,
    };
  },
};
