import type { ChartQuery } from '../chart-query';
import { chartParam } from './chart-params';
import { filteredBreaches } from './filtered-breaches';

/** The largest breaches by people affected (unknown counts last), with what a reader needs to cite them. */
export const largestBreaches: ChartQuery = {
  id: 'largest_breaches',
  title: 'Largest breaches',
  units: 'people affected',
  usesClassification: true,
  params: [{ name: 'limit', type: 'integer', required: false, default: 20, min: 1, max: 1000, description: 'how many breaches to list' }],
  build(filters, params) {
    const f = filteredBreaches(filters);
    return {
      sql: `WITH ${f.sql}
            SELECT case_id, source, entity, entity_type, state, reported_date, records_affected, breach_types, locations,
                   business_associate, actor, threat, first_seen, last_seen
            FROM filtered
            ORDER BY records_affected DESC NULLS LAST, reported_date, case_id
            LIMIT $limit`,
      params: { ...f.params, limit: chartParam<number>(params, largestBreaches, 'limit') },
    };
  },
};
