import type { DuckDBValue } from '@duckdb/node-api';
import type { Filters } from '../../../shared/filters';

export interface SqlFragment {
  sql: string;
  params: Record<string, DuckDBValue>;
}

/**
 * The app-wide filter state as a WHERE clause over `breaches`. Every value is bound; list filters use
 * `list_has_any` for the multi-valued columns so "Theft, Loss" matches a filter on either.
 */
export function filtersToWhere(filters: Filters): SqlFragment {
  const clauses: string[] = [];
  const params: Record<string, DuckDBValue> = {};
  // One parameter per value. A whole list bound as one text parameter (`CAST($p AS VARCHAR[])`) is not
  // folded when DuckDB prepares the statement, so it was cast again for every chunk of rows read: a
  // filter on a list cost as much as the chart's own work.
  const values = (name: string, list: readonly string[]) =>
    list.map((value, i) => {
      params[`${name}_${i}`] = value;
      return `$${name}_${i}`;
    });
  const oneOf = (column: string, name: string, list: readonly string[]) => `${column} IN (${values(name, list).join(', ')})`;
  const anyOf = (column: string, name: string, list: readonly string[]) => `list_has_any(${column}, [${values(name, list).join(', ')}])`;
  if (filters.dateFrom) {
    clauses.push(`reported_date >= CAST($dateFrom AS DATE)`);
    params.dateFrom = filters.dateFrom;
  }
  if (filters.dateTo) {
    clauses.push(`reported_date <= CAST($dateTo AS DATE)`);
    params.dateTo = filters.dateTo;
  }
  if (filters.sources.length) clauses.push(oneOf('source', 'sources', filters.sources));
  if (filters.states.length) clauses.push(oneOf('state', 'states', filters.states));
  if (filters.entityTypes.length) clauses.push(oneOf('entity_type', 'entityTypes', filters.entityTypes));
  if (filters.breachTypes.length) clauses.push(anyOf('breach_types', 'breachTypes', filters.breachTypes));
  if (filters.locations.length) clauses.push(anyOf('locations', 'locations', filters.locations));
  if (filters.actors.length) clauses.push(oneOf('actor', 'actors', filters.actors));
  if (filters.threats.length) clauses.push(oneOf('threat', 'threats', filters.threats));
  if (filters.businessAssociate !== undefined) {
    clauses.push(`business_associate = $businessAssociate`);
    params.businessAssociate = filters.businessAssociate;
  }
  if (filters.minRecords !== undefined) {
    clauses.push(`records_affected >= $minRecords`);
    params.minRecords = filters.minRecords;
  }
  if (filters.text && filters.text.trim()) {
    // A case-insensitive substring: what `ILIKE '%text%'` means (DuckDB's ILIKE lower-cases both sides
    // the same way), with no pattern characters to escape, and several times quicker with a bound
    // value, which ILIKE cannot compile when the statement is prepared.
    clauses.push(`(contains(lower(description), lower($text)) OR contains(lower(entity), lower($text)))`);
    params.text = filters.text.trim();
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
