import type { ChartQuery } from '../chart-query';
import { factChart } from './breach-facts';

/**
 * Insider (internal) vs external vs partner per year: one row per year and actor, with the count, the
 * people affected and the share of the year's breaches. `rule_versions` names the actor rules that
 * classified the rows (e.g. `actor-rules/1.0.0`, or `override` for a person's verdict), because the
 * split is derived, not reported by OCR.
 */
export const actorPerYear: ChartQuery = {
  id: 'actor_per_year',
  title: 'Insider vs external breaches, per year',
  units: 'breaches; share of the year',
  usesClassification: true,
  // Grouped by the whole rule first (a few distinct values), so each rule's version is cut out of a
  // group rather than out of every row.
  ...factChart(
    (t) => `WITH ${t.filtered.sql},
            by_rule AS (
              SELECT CAST(year(reported_date) AS INTEGER) AS year, coalesce(actor, 'unknown') AS actor, actor_rule,
                     ${t.breaches} AS breaches, ${t.people} AS people_affected
              FROM filtered WHERE reported_date IS NOT NULL GROUP BY 1, 2, 3),
            per AS (
              SELECT year, actor, sum(breaches) AS breaches, sum(people_affected) AS people_affected,
                     string_agg(DISTINCT split_part(actor_rule, '#', 1), ', ' ORDER BY split_part(actor_rule, '#', 1)) AS rule_versions
              FROM by_rule GROUP BY 1, 2)
            SELECT year, actor, CAST(breaches AS BIGINT) AS breaches, CAST(people_affected AS BIGINT) AS people_affected,
                   breaches / sum(breaches) OVER (PARTITION BY year) AS share,
                   rule_versions
            FROM per
            ORDER BY year, list_position(['internal', 'external', 'partner', 'mixed', 'unknown'], actor)`,
  ),
};
