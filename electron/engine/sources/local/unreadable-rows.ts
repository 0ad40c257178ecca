import type { DuckDBConnection } from '@duckdb/node-api';
import type { RejectInfo } from '../../../../shared/api';
import { WorkbenchError } from '../../../../shared/errors';
import { quoteIdentifier } from '../../db/sql-identifiers';
import type { RejectsTables } from './local-source';
import { countRows } from './staged-file';

/** How many of DuckDB's row errors are copied into the rejects table; the count is always exact. */
export const MAX_READER_REJECTS = 10_000;

/** Rows DuckDB could not parse: the first ones and how many in all. */
export interface UnreadableRows {
  rows: RejectInfo[];
  count: number;
}

export async function readUnreadableRows(connection: DuckDBConnection, rejects: RejectsTables): Promise<UnreadableRows> {
  const count = await countRows(connection, rejects.table);
  if (count === 0) return { rows: [], count };
  const result = await connection.runAndReadAll(
    `SELECT line, column_name, csv_line, error_type, error_message FROM temp.${quoteIdentifier(rejects.table)} ORDER BY line LIMIT ${MAX_READER_REJECTS}`,
  );
  const rows = result.getRowObjectsJS().map((r) => ({
    line: r.line === null ? null : Number(r.line),
    column: r.column_name === null ? null : String(r.column_name),
    value: r.csv_line === null ? null : String(r.csv_line).slice(0, 1000),
    reason: `${String(r.error_type).toLowerCase()}: ${String(r.error_message)}`,
  }));
  return { rows, count };
}

export function unreadableRowsNote(count: number): string[] {
  return count > MAX_READER_REJECTS ? [`${count} unreadable rows; the first ${MAX_READER_REJECTS} are listed.`] : [];
}

/** With badRows 'fail' (the default), one unreadable row fails the whole import, naming its line. */
export function enforceBadRowPolicy(unreadable: UnreadableRows, badRows: 'fail' | 'reject', fileName: string): void {
  const first = unreadable.rows[0];
  if (badRows !== 'fail' || unreadable.count === 0 || !first) return;
  throw new WorkbenchError({
    code: 'bad_input',
    message:
      `${fileName} line ${first.line ?? '?'}: ${first.reason.replace(/\.$/, '')}` +
      `${unreadable.count > 1 ? ` (${unreadable.count} rows could not be read)` : ''}. Nothing was imported; ` +
      `fix the file, change the reader options, or choose to skip bad rows and list them as rejects.`,
    file: fileName,
    ...(first.line !== null ? { line: first.line } : {}),
  });
}
