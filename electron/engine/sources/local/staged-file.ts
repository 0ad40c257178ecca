import type { DuckDBConnection } from '@duckdb/node-api';
import type { ReaderOptions, RejectInfo } from '../../../../shared/api';
import { quoteIdentifier } from '../../db/sql-identifiers';

/** Rows of a file copied into a temp table of text columns: the first rows (detection, preview) or all of them. */
export interface StagedFile {
  /** Temp table holding the file's rows, every column VARCHAR. */
  table: string;
  /** The file's columns in file order (the engine's own line column left out). */
  columns: string[];
  /** SQL over alias `s` giving each row's line (CSV, JSONL), record (JSON array) or row (XLSX, Parquet). */
  lineExpr: string;
  lineUnit: 'line' | 'record' | 'row';
  rows: number;
  /** Rows DuckDB could not parse (CSV only): the first ones, and how many in all. */
  readerRejects: RejectInfo[];
  readerRejectCount: number;
  /** The reader options as applied, with what DuckDB sniffed filled in. */
  reader: ReaderOptions;
  notes: string[];
  /** Temp tables to drop when done. */
  tempTables: string[];
}

export async function dropTempTables(connection: DuckDBConnection, tables: readonly string[]): Promise<void> {
  for (const table of tables) await connection.run(`DROP TABLE IF EXISTS temp.${quoteIdentifier(table)}`).catch(() => undefined);
}

export async function stagedColumns(connection: DuckDBConnection, table: string): Promise<string[]> {
  const reader = await connection.runAndReadAll(
    `SELECT column_name FROM duckdb_columns() WHERE database_name = 'temp' AND table_name = $table ORDER BY column_index`,
    { table },
  );
  return reader.getRowObjectsJS().map((r) => String(r.column_name));
}

export async function countRows(connection: DuckDBConnection, table: string): Promise<number> {
  const reader = await connection.runAndReadAll(`SELECT count(*) AS n FROM temp.${quoteIdentifier(table)}`);
  return Number(reader.getRowObjectsJS()[0]?.n ?? 0);
}
