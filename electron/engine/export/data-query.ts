import type { DuckDBValue } from '@duckdb/node-api';
import type { Filters } from '../../../shared/filters';
import { WorkbenchError } from '../../../shared/errors';
import type { Database } from '../db/database';
import { quoteIdentifier } from '../db/sql-identifiers';
import { CHART_QUERIES } from '../queries/chart-registry';
import { prepareReadOnlyQuery, sqlError } from '../queries/read-only-sql';

/** What a data export reads: a console query, a named chart with its filters, or a whole table or view. */
export type DataSource = { sql: string } | { chart: string; filters: Filters } | { table: string };

export interface DataQuery {
  /** Runnable SQL, checked read-only (console text) or reviewed (chart queries). */
  sql: string;
  params: Record<string, DuckDBValue>;
  /** The SQL a person cites: the console text as typed, the chart's query, or SELECT * FROM the table. */
  citedSql: string;
  /** Record sources the query may read; empty means every registered source. */
  sourceIds: string[];
  /** A short name for the file. */
  label: string;
}

/** Exports are not cut at the console's row limit; the wrapper still needs a number. */
const NO_LIMIT = Number.MAX_SAFE_INTEGER - 1;

export async function resolveDataQuery(db: Database, source: DataSource): Promise<DataQuery> {
  if ('sql' in source) {
    const connection = await db.connect();
    try {
      const prepared = await prepareReadOnlyQuery(connection, source.sql, NO_LIMIT);
      if (!prepared.wrapped) throw new WorkbenchError({ code: 'invalid_request', message: 'Only a SELECT query can be exported.' });
      return { sql: prepared.sql, params: {}, citedSql: source.sql, sourceIds: [], label: 'query' };
    } finally {
      connection.closeSync();
    }
  }
  if ('chart' in source) {
    const chart = CHART_QUERIES.get(source.chart);
    if (!chart) throw new WorkbenchError({ code: 'not_found', message: `There is no chart called "${source.chart}".` });
    const built = chart.build(source.filters);
    return { sql: built.sql, params: built.params, citedSql: built.sql, sourceIds: source.filters.sources, label: chart.id };
  }
  // A table or view by name: checked against the catalogue before it is quoted into SQL.
  const known = await db.value<string>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_name = $name`,
    { name: source.table },
  );
  if (!known) throw new WorkbenchError({ code: 'not_found', message: `There is no table or view called "${source.table}".` });
  const sql = `SELECT * FROM ${quoteIdentifier(known)}`;
  return { sql, params: {}, citedSql: sql, sourceIds: [], label: known };
}

/** Column names and DuckDB types of a query's result, without running it. */
export async function describeQuery(db: Database, query: Pick<DataQuery, 'sql' | 'params'>): Promise<{ name: string; type: string }[]> {
  const connection = await db.connect();
  try {
    const result = await connection.run(`SELECT * FROM (\n${query.sql}\n) AS export_query LIMIT 0`, query.params).catch((error: unknown) => {
      throw sqlError(error, 1);
    });
    const names = result.columnNames();
    const types = result.columnTypes();
    return names.map((name, i) => ({ name, type: types[i]!.toString() }));
  } finally {
    connection.closeSync();
  }
}
