import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from '../../db/sql-identifiers';
import type { LocalSource, RejectsTables } from './local-source';
import { cancellable, tempName, withQueryProgress } from './query-control';
import { countRows, dropTempTables, stagedColumns, type StagedFile } from './staged-file';
import { enforceBadRowPolicy, readUnreadableRows, unreadableRowsNote } from './unreadable-rows';

/** SQL over alias `s` (a staged table) giving each row's line. */
export function stagedLineExpr(source: LocalSource): string {
  return 'column' in source.line ? `TRY_CAST(s.${quoteIdentifier(source.line.column)} AS BIGINT)` : `(s.rowid + ${source.line.first})`;
}

/** Fresh names for the tables where a CSV read lists its unreadable rows. */
export function newRejectsTables(source: LocalSource): RejectsTables | undefined {
  return source.listsUnreadableRows ? { table: tempName('bw_csv_rejects'), scan: tempName('bw_csv_scan') } : undefined;
}

/**
 * Copies the source's rows (the first `limit`, or all) into a temp table of text columns, in file
 * order: DuckDB keeps the order in a freshly created table, so rowid counts the data rows from 0.
 */
export async function stageSource(
  connection: DuckDBConnection,
  source: LocalSource,
  request: { signal: AbortSignal; progress?: (fraction: number, rowsProcessed: number) => void; limit?: number },
): Promise<StagedFile> {
  const table = tempName('bw_stage');
  const rejects = newRejectsTables(source);
  const tempTables = [table, ...(rejects ? [rejects.table, rejects.scan] : [])];
  const { sql, params } = source.relation(rejects);
  const limit = request.limit === undefined ? '' : ` LIMIT ${Math.floor(request.limit)}`;
  try {
    await cancellable(connection, request.signal, source.fileName, () =>
      withQueryProgress(connection, request.progress ?? (() => undefined), () =>
        connection.run(`CREATE TEMP TABLE ${quoteIdentifier(table)} AS SELECT * FROM ${sql}${limit}`, params),
      ),
    );
  } catch (error) {
    await dropTempTables(connection, tempTables);
    throw source.readError(error);
  }
  try {
    const unreadable = rejects ? await readUnreadableRows(connection, rejects) : { rows: [], count: 0 };
    if (source.alwaysFailOnBadRows) enforceBadRowPolicy(unreadable, 'fail', source.fileName);
    const allColumns = await stagedColumns(connection, table);
    const line = source.line;
    return {
      table,
      columns: 'column' in line ? allColumns.filter((c) => c !== line.column) : allColumns,
      lineExpr: stagedLineExpr(source),
      lineUnit: source.lineUnit,
      rows: await countRows(connection, table),
      readerRejects: unreadable.rows,
      readerRejectCount: unreadable.count,
      reader: source.reader,
      notes: unreadableRowsNote(unreadable.count),
      tempTables,
    };
  } catch (error) {
    await dropTempTables(connection, tempTables);
    throw error;
  }
}
