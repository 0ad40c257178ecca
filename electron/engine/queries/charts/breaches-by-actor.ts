import type { ChartQuery } from '../chart-query';
import { factChart } from './breach-facts';

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
  // Grouped by the whole rule first (a few distinct values), so each rule's version is cut out of a
  // group rather than out of every row; and written with fact terms, so a summary can answer it.
  ...factChart(
    (t) => `WITH ${t.filtered.sql},
            by_rule AS (
              SELECT coalesce(actor, 'unknown') AS actor, actor_rule, ${t.breaches} AS breaches, ${t.people} AS people_affected
              FROM filtered GROUP BY 1, 2),
            per AS (
              SELECT actor, sum(breaches) AS breaches, sum(people_affected) AS people_affected,
                     string_agg(DISTINCT split_part(actor_rule, '#', 1), ', ' ORDER BY split_part(actor_rule, '#', 1)) AS rule_versions
              FROM by_rule GROUP BY 1)
            SELECT actor, CAST(breaches AS BIGINT) AS breaches, CAST(people_affected AS BIGINT) AS people_affected,
                   breaches / sum(breaches) OVER () AS share, rule_versions
            FROM per
            ORDER BY list_position(['internal', 'external', 'partner', 'mixed', 'unknown'], actor)`,
  ),
};
