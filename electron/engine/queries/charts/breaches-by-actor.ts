import type { ChartQuery } from '../chart-query';
import { filteredBreaches } from './filtered-breaches';

/**
 * Breaches per actor kind (insider, external, partner, mixed, unknown) over the whole filtered range,
 * with each kind's share of the breaches: the comparison view sets one source's split beside
 * another's. `rule_versions` names the rules that derived the actor (OCR has no actor field).
 */
export const breachesByActor: ChartQuery = {
  id: 'breaches_by_actor',
  title: 'Breaches by actor (insider, external, partner)',
  units: 'breaches; share of breaches',
  usesClassification: true,
  build(filters) {
    const f = filteredBreaches(filters);
    return {
      sql: `WITH ${f.sql},
            per AS (
              SELECT coalesce(actor, 'unknown') AS actor, count(*) AS breaches, sum(records_affected) AS people_affected,
                     string_agg(DISTINCT split_part(actor_rule, '#', 1), ', ' ORDER BY split_part(actor_rule, '#', 1)) AS rule_versions
              FROM filtered GROUP BY 1)
            SELECT actor, CAST(breaches AS BIGINT) AS breaches, CAST(people_affected AS BIGINT) AS people_affected,
                   breaches / sum(breaches) OVER () AS share, rule_versions
            FROM per
            ORDER BY list_position(['internal', 'external', 'partner', 'mixed', 'unknown'], actor)`,
      params: f.params,
    };
  },
};
