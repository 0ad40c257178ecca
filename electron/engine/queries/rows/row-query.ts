import { CANONICAL_COLUMNS } from '../../../../shared/schema';
import type { ApiParsedRequest } from '../../../../shared/api';
import { quoteIdentifier } from '../../db/sql-identifiers';
import type { SqlFragment } from '../filters-sql';
import { drillWhere } from './drill-where';

export interface RowQuery {
  page: SqlFragment;
  totals: SqlFragment;
}

const COLUMN_NAMES = new Set<string>(CANONICAL_COLUMNS.map((c) => c.name));

/**
 * Every canonical column, in the order a person reads a breach (who, where, when, how many, what),
 * with the bookkeeping columns last; the contract fixes the names, not the order of a grid.
 */
const READING_ORDER = ['entity', 'state', 'reported_date', 'records_affected', 'breach_types', 'locations', 'entity_type', 'business_associate', 'actor', 'threat', 'description'];
const SELECT_LIST = [...READING_ORDER, ...CANONICAL_COLUMNS.map((c) => c.name).filter((c) => !READING_ORDER.includes(c))]
  .map((c) => quoteIdentifier(c))
  .join(', ');

/** Newest first, as people read a breach list; ties broken by source and case id so pages never overlap. */
const DEFAULT_ORDER = [{ column: 'reported_date', desc: true }] as const;

/**
 * The SQL for one page of the drill-down grid and for its totals. Sort columns are checked against
 * the canonical columns before they are quoted; every value is bound.
 */
export function buildRowQuery(request: ApiParsedRequest<'fetchRows'>): RowQuery {
  const where = drillWhere(request.filters, request.drill);
  const sort = request.sort.length ? request.sort : DEFAULT_ORDER;
  const order = sort.map((s) => {
    if (!COLUMN_NAMES.has(s.column)) throw new Error(`not a column of breaches: ${s.column}`);
    return `${quoteIdentifier(s.column)} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`;
  });
  const tieBreak = ['source', 'case_id'].filter((c) => !sort.some((s) => s.column === c)).map((c) => `${quoteIdentifier(c)} ASC NULLS LAST`);
  return {
    page: {
      sql: `SELECT ${SELECT_LIST} FROM breaches ${where.sql}
            ORDER BY ${[...order, ...tieBreak].join(', ')}
            LIMIT $row_limit OFFSET $row_offset`,
      params: { ...where.params, row_limit: request.limit, row_offset: request.offset },
    },
    totals: {
      sql: `SELECT count(*) AS total_rows, sum(records_affected) AS total_people FROM breaches ${where.sql}`,
      params: where.params,
    },
  };
}
