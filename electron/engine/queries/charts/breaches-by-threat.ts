import { HICP_THREAT_LABELS, HICP_THREATS } from '../../../../shared/schema';
import type { ChartQuery } from '../chart-query';
import { filteredBreaches } from './filtered-breaches';

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
  build(filters) {
    const f = filteredBreaches(filters);
    return {
      sql: `WITH ${f.sql},
            threats AS (SELECT * FROM (VALUES ${HICP_THREATS.map((t, i) => `('${t}', ${i + 1})`).join(', ')}) v(threat, position))
            SELECT t.threat, ${LABELS}[t.threat] AS label,
                   CAST(count(b.case_id) AS BIGINT) AS breaches, CAST(sum(b.records_affected) AS BIGINT) AS people_affected,
                   coalesce(count(b.case_id) / nullif((SELECT count(*) FROM filtered), 0), 0) AS share
            FROM threats t LEFT JOIN filtered b ON coalesce(b.threat, 'other') = t.threat
            GROUP BY t.threat, t.position ORDER BY t.position`,
      params: f.params,
    };
  },
};
