import type { DuckDBValue } from '@duckdb/node-api';
import type { Filters } from '../../../../shared/filters';

/**
 * OAIC charts read the `oaic_*` tables, which hold figures per reporting period, not breach records.
 * Of the app's filters only the date range applies: a period is kept when it starts inside
 * [dateFrom, dateTo]. The others (source, state, entity type, breach type, actor, threat, ...) describe
 * records in `breaches` and have no meaning for OAIC aggregates, so they are ignored here.
 *
 * Returns `AND ...` conditions on `<alias>.period_start` (empty when no dates are set).
 */
export function oaicPeriodConditions(filters: Filters, alias: string): { sql: string; params: Record<string, DuckDBValue> } {
  const clauses: string[] = [];
  const params: Record<string, DuckDBValue> = {};
  if (filters.dateFrom) {
    clauses.push(`${alias}.period_start >= CAST($dateFrom AS DATE)`);
    params.dateFrom = filters.dateFrom;
  }
  if (filters.dateTo) {
    clauses.push(`${alias}.period_start <= CAST($dateTo AS DATE)`);
    params.dateTo = filters.dateTo;
  }
  return { sql: clauses.map((c) => ` AND ${c}`).join(''), params };
}

/**
 * When several files give a figure for the same period (the committed tables, then a user's table),
 * the one loaded last wins in charts; every figure stays in the table. `bw_files.imported_at` orders
 * them; file id breaks a tie so the order is stable.
 */
export const LOADED_ORDER = `(f.imported_at, t.file_id)`;
