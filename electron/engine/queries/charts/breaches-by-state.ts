import type { ChartQuery } from '../chart-query';
import { factChart } from './breach-facts';
import { NOT_STATED } from './filtered-breaches';

/** Breaches by state (OCR: the covered entity's state; blank in a few reports, shown as "Not stated"). */
export const breachesByState: ChartQuery = {
  id: 'breaches_by_state',
  title: 'Breaches by state',
  units: 'breaches; people',
  ...factChart(
    (t) => `WITH ${t.filtered.sql}
            SELECT coalesce(country, '') AS country, coalesce(state, '${NOT_STATED}') AS state, CAST(${t.breaches} AS BIGINT) AS breaches,
                   CAST(${t.people} AS BIGINT) AS people_affected, ${t.breaches} / sum(${t.breaches}) OVER () AS share
            FROM filtered GROUP BY 1, 2 ORDER BY breaches DESC, state`,
  ),
};
