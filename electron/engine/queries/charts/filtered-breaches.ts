import type { Filters } from '../../../../shared/filters';
import { filtersToWhere, type SqlFragment } from '../filters-sql';

/** `filtered AS (SELECT * FROM breaches WHERE <filters>)`, for a chart's WITH clause. */
export function filteredBreaches(filters: Filters): SqlFragment {
  const where = filtersToWhere(filters);
  return { sql: `filtered AS (SELECT * FROM breaches ${where.sql})`, params: where.params };
}

/** Label for a blank group, so a chart shows it rather than dropping it. */
export const NOT_STATED = 'Not stated';
