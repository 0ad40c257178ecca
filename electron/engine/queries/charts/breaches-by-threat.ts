import { HICP_THREAT_LABELS, HICP_THREATS } from '../../../../shared/schema';
import type { ChartQuery } from '../chart-query';
import { factChart } from './breach-facts';

const LABELS = `MAP {${HICP_THREATS.map((t) => `'${t}': '${HICP_THREAT_LABELS[t].replaceAll("'", "''")}'`).join(', ')}}`;

/**
 * Breaches by HHS HICP threat (derived by the threat rules; see docs/classification.md). All six
 * categories are listed, in HICP's order, even when a filter leaves one empty.
 */
export const breachesByThreat: ChartQuery = {
  id: 'breaches_by_threat',
  title: 'Breaches by HICP threat',
  units: 'breaches; people',
  usesClassification: true,
  // Grouped by threat first, and the six categories joined to those few groups: joining every row to
  // the categories cost most of the chart over millions of rows. `breaches` counts those with a case
  // id, as the chart always has; the share is of every filtered breach.
  ...factChart(
    (t) => `WITH ${t.filtered.sql},
            per AS (
              SELECT coalesce(threat, 'other') AS threat, ${t.withCaseId} AS with_case_id, ${t.breaches} AS breaches, ${t.people} AS people
              FROM filtered GROUP BY 1),
            threats AS (SELECT * FROM (VALUES ${HICP_THREATS.map((h, i) => `('${h}', ${i + 1})`).join(', ')}) v(threat, position))
            SELECT h.threat, ${LABELS}[h.threat] AS label,
                   CAST(coalesce(p.with_case_id, 0) AS BIGINT) AS breaches, CAST(p.people AS BIGINT) AS people_affected,
                   coalesce(coalesce(p.with_case_id, 0) / nullif((SELECT sum(breaches) FROM per), 0), 0) AS share
            FROM threats h LEFT JOIN per p ON p.threat = h.threat
            ORDER BY h.position`,
  ),
};
