import type { Filters } from '../../../../shared/filters';
import type { ChartParams, ChartQuery } from '../chart-query';
import { filtersToWhere } from '../filters-sql';
import { cubeAnswers } from './breach-facts';
import { chartParam } from './chart-params';

function sql(filters: Filters, params: ChartParams | undefined, relation: string) {
  const where = filtersToWhere(filters);
  return {
    sql: `SELECT case_id, source, entity, entity_type, state, reported_date, records_affected, breach_types, locations,
                 business_associate, actor, threat, first_seen, last_seen
          FROM ${relation} ${where.sql}
          ORDER BY records_affected DESC NULLS LAST, reported_date, case_id
          LIMIT $limit`,
    params: { ...where.params, limit: chartParam<number>(params, largestBreaches, 'limit') },
  };
}

/**
 * The largest breaches by people affected, with what a reader needs to cite them. From the summary,
 * only each source's rows with the largest counts are read. That answer is whole when, for every
 * source whose rows were cut at a count, the filter keeps at least `limit` of its kept rows (any
 * other row of it has a smaller count or none), or keeps none of its other rows (the cube counts
 * them); otherwise the rows are read.
 */
export const largestBreaches: ChartQuery = {
  id: 'largest_breaches',
  title: 'Largest breaches',
  units: 'people affected',
  usesClassification: true,
  params: [{ name: 'limit', type: 'integer', required: false, default: 20, min: 1, max: 1000, description: 'how many breaches to list' }],
  build: (filters, params) => sql(filters, params, 'breaches'),
  fromSummary(filters, params, summary) {
    const query = sql(filters, params, summary.largest);
    if (summary.cutParts.length === 0) return query;
    const where = filtersToWhere(filters).sql;
    const whole = summary.cutParts.map((part) => {
      const keeps = `(SELECT count(*) FROM (SELECT 1 FROM ${part.largest} ${where} LIMIT $limit)) >= $limit`;
      const all = cubeAnswers(filters)
        ? ` OR (SELECT count(*) FROM ${part.largest} ${where}) = (SELECT coalesce(sum(n), 0) FROM ${part.cube} ${where})`
        : '';
      return `(${keeps}${all})`;
    });
    return { ...query, check: { sql: `SELECT ${whole.join(' AND ')} AS whole`, params: query.params } };
  },
};
