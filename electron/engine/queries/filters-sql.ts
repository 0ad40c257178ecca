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
  const list = (name: string, values: readonly string[]) => {
    params[name] = JSON.stringify(values);
    return `CAST($${name} AS VARCHAR[])`;
  };
  if (filters.dateFrom) {
    clauses.push(`reported_date >= CAST($dateFrom AS DATE)`);
    params.dateFrom = filters.dateFrom;
  }
  if (filters.dateTo) {
    clauses.push(`reported_date <= CAST($dateTo AS DATE)`);
    params.dateTo = filters.dateTo;
  }
  if (filters.sources.length) clauses.push(`list_contains(${list('sources', filters.sources)}, source)`);
  if (filters.states.length) clauses.push(`list_contains(${list('states', filters.states)}, state)`);
  if (filters.entityTypes.length) clauses.push(`list_contains(${list('entityTypes', filters.entityTypes)}, entity_type)`);
  if (filters.breachTypes.length) clauses.push(`list_has_any(breach_types, ${list('breachTypes', filters.breachTypes)})`);
  if (filters.locations.length) clauses.push(`list_has_any(locations, ${list('locations', filters.locations)})`);
  if (filters.actors.length) clauses.push(`list_contains(${list('actors', filters.actors)}, actor)`);
  if (filters.threats.length) clauses.push(`list_contains(${list('threats', filters.threats)}, threat)`);
  if (filters.businessAssociate !== undefined) {
    clauses.push(`business_associate = $businessAssociate`);
    params.businessAssociate = filters.businessAssociate;
  }
  if (filters.minRecords !== undefined) {
    clauses.push(`records_affected >= $minRecords`);
    params.minRecords = filters.minRecords;
  }
  if (filters.text && filters.text.trim()) {
    // Without ESCAPE DuckDB has no escape character, and the escaped % and _ below would match nothing.
    clauses.push(`(description ILIKE $text ESCAPE '\\' OR entity ILIKE $text ESCAPE '\\')`);
    params.text = `%${filters.text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
