import type { DuckDBConnection } from '@duckdb/node-api';
import type { ReaderOptions, RejectInfo } from '../../../../shared/api';
import { WorkbenchError } from '../../../../shared/errors';
import { quoteIdentifier } from '../../db/sql-identifiers';

/** A file read into a temp table of text columns, before any mapping. */
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

export interface StageRequest {
  path: string;
  fileName: string;
  reader: ReaderOptions;
  signal: AbortSignal;
  /** Fraction 0..1 of the file read so far. */
  progress(fraction: number): void;
  /** Read only the first rows (preview). */
  limit?: number;
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

/** With badRows 'fail' (the default), one unreadable row fails the whole import, naming its line. */
export function enforceBadRowPolicy(staged: StagedFile, fileName: string): void {
  const first = staged.readerRejects[0];
  if (staged.reader.badRows !== 'fail' || staged.readerRejectCount === 0 || !first) return;
  throw new WorkbenchError({
    code: 'bad_input',
    message:
      `${fileName} line ${first.line ?? '?'}: ${first.reason.replace(/\.$/, '')}` +
      `${staged.readerRejectCount > 1 ? ` (${staged.readerRejectCount} rows could not be read)` : ''}. Nothing was imported; ` +
      `fix the file, change the reader options, or choose to skip bad rows and list them as rejects.`,
    file: fileName,
    ...(first.line !== null ? { line: first.line } : {}),
  });
}
