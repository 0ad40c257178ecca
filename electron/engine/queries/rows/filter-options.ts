import { FILTER_OPTION_FIELDS, type FilterOptions } from '../../../../shared/api';
import type { Database } from '../../db/database';

/**
 * Each categorical filter's values over all loaded records, most frequent first. The multi-valued
 * columns are unnested, as the charts count them.
 */
const OPTION_SQL = `
  SELECT 'sources' AS field, source AS value, count(*) AS n FROM breaches WHERE source IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'states', state, count(*) FROM breaches WHERE state IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'entityTypes', entity_type, count(*) FROM breaches WHERE entity_type IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'breachTypes', t, count(*) FROM (SELECT unnest(breach_types) AS t FROM breaches) WHERE t IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'locations', l, count(*) FROM (SELECT unnest(locations) AS l FROM breaches) WHERE l IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'actors', actor, count(*) FROM breaches WHERE actor IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'threats', threat, count(*) FROM breaches WHERE threat IS NOT NULL GROUP BY ALL
  ORDER BY field, n DESC, value`;

export async function filterOptions(db: Database): Promise<FilterOptions> {
  const connection = await db.connect();
  try {
    const reader = await connection.runAndReadAll(OPTION_SQL);
    const rows = reader.getRowObjectsJS() as { field: string; value: string; n: bigint }[];
    return FILTER_OPTION_FIELDS.map((field) => ({
      field,
      values: rows.filter((r) => r.field === field).map((r) => ({ value: r.value, count: Number(r.n) })),
    }));
  } finally {
    connection.closeSync();
  }
}
