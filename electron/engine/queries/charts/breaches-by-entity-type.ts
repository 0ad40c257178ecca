import type { ChartQuery } from '../chart-query';
import { factChart } from './breach-facts';
import { NOT_STATED } from './filtered-breaches';

/** Breaches by covered entity type (Healthcare Provider, Health Plan, Business Associate, ...). */
export const breachesByEntityType: ChartQuery = {
  id: 'breaches_by_entity_type',
  title: 'Breaches by type of entity',
  units: 'breaches; people',
  ...factChart(
    (t) => `WITH ${t.filtered.sql}
            SELECT coalesce(entity_type, '${NOT_STATED}') AS entity_type, CAST(${t.breaches} AS BIGINT) AS breaches,
                   CAST(${t.people} AS BIGINT) AS people_affected, ${t.breaches} / sum(${t.breaches}) OVER () AS share
            FROM filtered GROUP BY 1 ORDER BY breaches DESC, entity_type`,
  ),
};
