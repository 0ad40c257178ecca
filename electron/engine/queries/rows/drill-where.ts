import type { DuckDBValue } from '@duckdb/node-api';
import type { ApiParsedRequest } from '../../../../shared/api';
import type { Filters } from '../../../../shared/filters';
import { filtersToWhere, type SqlFragment } from '../filters-sql';

type Drill = ApiParsedRequest<'fetchRows'>['drill'];

/** Rows whose column holds nothing: the "unknown" bar of a chart (an empty list counts as nothing). */
const MISSING_SQL: Record<Drill['missing'][number], string> = {
  state: `state IS NULL`,
  entity_type: `entity_type IS NULL`,
  reported_date: `reported_date IS NULL`,
  records_affected: `records_affected IS NULL`,
  breach_types: `(breach_types IS NULL OR len(breach_types) = 0)`,
  locations: `(locations IS NULL OR len(locations) = 0)`,
  business_associate: `business_associate IS NULL`,
  actor: `actor IS NULL`,
  threat: `threat IS NULL`,
};

/** Separates source and case id in one key; U+001F never appears in either. */
const CASE_KEY_SEPARATOR = '\u001f';

/**
 * The WHERE clause of the rows behind a number: the app's filters AND the clicked category AND the
 * listed cases AND the columns that must be empty. Both filter sets go through `filtersToWhere`, so
 * the grid counts exactly what the charts count; the second set's parameters are renamed so the two
 * cannot collide.
 */
export function drillWhere(filters: Filters, drill: Drill): SqlFragment {
  const clauses: string[] = [];
  const params: Record<string, DuckDBValue> = {};
  const base = filtersToWhere(filters);
  if (base.sql) {
    clauses.push(`(${base.sql.replace(/^WHERE /, '')})`);
    Object.assign(params, base.params);
  }
  const also = prefixParams(filtersToWhere(drill.also), 'drill_');
  if (also.sql) {
    clauses.push(`(${also.sql.replace(/^WHERE /, '')})`);
    Object.assign(params, also.params);
  }
  if (drill.cases.length) {
    // Through JSON: DuckDB's plain text-to-list cast would read backslashes in ids as escapes.
    clauses.push(`list_contains(CAST(CAST($drill_cases AS JSON) AS VARCHAR[]), concat(source, chr(31), case_id))`);
    params.drill_cases = JSON.stringify(drill.cases.map((c) => `${c.source}${CASE_KEY_SEPARATOR}${c.caseId}`));
  }
  for (const column of new Set(drill.missing)) clauses.push(MISSING_SQL[column]);
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Renames `$name` placeholders (which `filtersToWhere` makes from fixed names) to `$<prefix>name`. */
export function prefixParams(fragment: SqlFragment, prefix: string): SqlFragment {
  const params: Record<string, DuckDBValue> = {};
  for (const [name, value] of Object.entries(fragment.params)) params[`${prefix}${name}`] = value;
  return { sql: fragment.sql.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => `$${prefix}${name}`), params };
}
