import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../../db/sql-identifiers';
import { canonicalSelect } from '../../workspace/breaches-view';
import { FACT_DIMENSIONS, FACT_MEASURES, FACT_MEASURES_OF_GROUPS, FACT_MEASURES_OF_ROWS } from '../charts/breach-facts';

/** Where summaries are stored in the workspace file: a schema of their own, out of the workspace's table lists. */
export const SUMMARY_SCHEMA = 'bw_summary';
/** Which summary each source has; the name changes with its shape (source-summaries.ts FORMAT). */
export const SUMMARY_SOURCES_TABLE = 'sources_v2';
export const SUMMARY_SOURCES = `${SUMMARY_SCHEMA}.${SUMMARY_SOURCES_TABLE}`;
/**
 * An in-memory database attached to the workspace's DuckDB instance (every connection sees it): where
 * a summary is computed, and where it is read from. DuckDB reads its own uncompressed in-memory
 * tables several times faster than the compressed ones of the file.
 */
export const MEMORY_DB = 'bw_memory';

/** Rows kept per source for "largest breaches": enough that most filters keep a whole top list. */
export const LARGEST_ROWS = 50_000;

/** The tables of one build of a source's summary. */
export interface SummaryTables {
  /** FACT_DIMENSIONS, the list columns as ids into `types` and `places`, then the measures. */
  cube: string;
  /** (types_id, breach_types): each distinct list once, so a filter on the list tests a few rows, not every cube row. */
  types: string;
  /** (places_id, locations), likewise. */
  places: string;
  /** The source's rows (every column) with the largest counts, or all its rows. */
  largest: string;
}

export const SUMMARY_KINDS = ['cube', 'types', 'places', 'largest'] as const;

/** A build's tables, in the workspace file or (`inMemory`) in MEMORY_DB. Build ids are engine-made; checked anyway. */
export function summaryTables(build: string, inMemory: boolean): SummaryTables {
  if (!/^[a-z0-9_]+$/.test(build)) throw new Error(`"${build}" is not a summary the engine writes.`);
  const schema = inMemory ? `${MEMORY_DB}.main` : SUMMARY_SCHEMA;
  const table = (kind: string) => `${schema}.${quoteIdentifier(`${kind}_${build}`)}`;
  return { cube: table('cube'), types: table('types'), places: table('places'), largest: table('largest') };
}

/** The cube as facts: FACT_DIMENSIONS (the lists joined back) and the measures, in that order. */
export function cubeFacts(tables: SummaryTables): string {
  const columns = FACT_DIMENSIONS.map((d) => (d === 'breach_types' ? 't.breach_types' : d === 'locations' ? 'p.locations' : `c.${d}`));
  return `SELECT ${columns.join(', ')}, ${FACT_MEASURES.map((m) => `c.${m}`).join(', ')}
          FROM ${tables.cube} c JOIN ${tables.types} t ON t.types_id = c.types_id JOIN ${tables.places} p ON p.places_id = c.places_id`;
}

/** A source not summarised (yet) as facts: its rows, one breach each. */
export function rowFacts(viewName: string): string {
  return `SELECT ${FACT_DIMENSIONS.join(', ')}, ${FACT_MEASURES_OF_ROWS} FROM (${canonicalSelect(viewName)})`;
}

/**
 * Writes a source's summary into MEMORY_DB (call inside a transaction, with MEMORY_DB attached).
 * Returns how many rows the source has and whether `largest` holds all of them.
 */
export async function computeSummary(connection: DuckDBConnection, viewName: string, build: string): Promise<{ rows: number; allRows: boolean }> {
  const view = canonicalSelect(viewName);
  const tables = summaryTables(build, true);
  const grouped = `${MEMORY_DB}.main.${quoteIdentifier(`grouped_${build}`)}`;
  const listsAsIds = FACT_DIMENSIONS.map((d) => (d === 'breach_types' ? 't.types_id' : d === 'locations' ? 'p.places_id' : `g.${d}`));
  await connection.run(`CREATE TABLE ${grouped} AS SELECT ${FACT_DIMENSIONS.join(', ')}, ${FACT_MEASURES_OF_GROUPS} FROM (${view}) GROUP BY ALL`);
  await connection.run(
    `CREATE TABLE ${tables.types} AS SELECT CAST(row_number() OVER () AS INTEGER) AS types_id, breach_types FROM (SELECT DISTINCT breach_types FROM ${grouped})`,
  );
  await connection.run(
    `CREATE TABLE ${tables.places} AS SELECT CAST(row_number() OVER () AS INTEGER) AS places_id, locations FROM (SELECT DISTINCT locations FROM ${grouped})`,
  );
  await connection.run(
    `CREATE TABLE ${tables.cube} AS SELECT ${listsAsIds.join(', ')}, ${FACT_MEASURES.map((m) => `g.${m}`).join(', ')}
     FROM ${grouped} g JOIN ${tables.types} t ON t.breach_types IS NOT DISTINCT FROM g.breach_types
                       JOIN ${tables.places} p ON p.locations IS NOT DISTINCT FROM g.locations`,
  );
  const reader = await connection.runAndReadAll(`SELECT CAST(sum(n) AS BIGINT) AS n, CAST(sum(n) - sum(unknown) AS BIGINT) AS counted FROM ${grouped}`);
  const counts = reader.getRowObjectsJS()[0];
  const allRows = Number(counts?.counted ?? 0) <= LARGEST_ROWS;
  // Every row with a count at least the LARGEST_ROWS-th largest, ties included; or every row.
  await connection.run(
    allRows
      ? `CREATE TABLE ${tables.largest} AS ${view}`
      : `CREATE TABLE ${tables.largest} AS SELECT * FROM (${view})
         WHERE records_affected >= (SELECT records_affected FROM (${view}) WHERE records_affected IS NOT NULL
                                    ORDER BY records_affected DESC LIMIT 1 OFFSET ${LARGEST_ROWS - 1})`,
  );
  await connection.run(`DROP TABLE ${grouped}`);
  return { rows: Number(counts?.n ?? 0), allRows };
}

/** Copies a build's tables between the workspace file and MEMORY_DB. */
export async function copySummary(connection: DuckDBConnection, build: string, to: 'file' | 'memory'): Promise<void> {
  const from = summaryTables(build, to === 'file');
  const into = summaryTables(build, to === 'memory');
  for (const kind of SUMMARY_KINDS) await connection.run(`CREATE TABLE ${into[kind]} AS SELECT * FROM ${from[kind]}`);
}

export async function dropSummary(connection: DuckDBConnection, build: string, inMemory: boolean): Promise<void> {
  for (const table of Object.values(summaryTables(build, inMemory))) await connection.run(`DROP TABLE IF EXISTS ${table}`);
}
