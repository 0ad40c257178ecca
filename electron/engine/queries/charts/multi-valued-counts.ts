import type { FactTerms } from './breach-facts';
import { NOT_STATED } from './filtered-breaches';

/**
 * Breaches per value of a list column (`breach_types`, `locations`): a breach counts once under each of
 * its values, an empty or missing list under "Not stated"; `share` is of breaches and
 * `breaches_total` the distinct total. The breaches are grouped by their whole list first (a few dozen
 * lists), and only those groups are unnested and totalled: unnesting every row, and reading the
 * filtered rows a second time for the total, cost most of the chart over millions of rows.
 */
export function multiValuedCounts(t: FactTerms, column: 'breach_types' | 'locations', label: string): string {
  return `WITH ${t.filtered.sql},
          lists AS (SELECT ${column} AS list, ${t.breaches} AS breaches, ${t.people} AS people FROM filtered GROUP BY 1),
          total AS (SELECT sum(breaches) AS breaches FROM lists),
          exploded AS (
            SELECT unnest(CASE WHEN len(coalesce(list, [])) = 0 THEN ['${NOT_STATED}'] ELSE list END) AS ${label}, breaches, people
            FROM lists)
          SELECT ${label}, CAST(sum(breaches) AS BIGINT) AS breaches, CAST(sum(people) AS BIGINT) AS people_affected,
                 sum(breaches) / (SELECT breaches FROM total) AS share,
                 CAST((SELECT breaches FROM total) AS BIGINT) AS breaches_total
          FROM exploded GROUP BY 1 ORDER BY breaches DESC, ${label}`;
}
