import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportReport } from '../../../shared/api';
import type { ImportContext } from './importer';

/**
 * Writes the file's row in `bw_files`. Importers call it inside the same transaction that lands the
 * data, so the source list never names a file whose rows are missing (or the reverse).
 */
export async function recordImportedFile(
  connection: DuckDBConnection,
  context: ImportContext,
  sourceId: string,
  report: ImportReport,
): Promise<void> {
  await connection.run(
    `INSERT OR REPLACE INTO bw_files
       (file_id, source_id, kind, path, name, sha256, bytes, snapshot_date, rows_read, rows_loaded, rows_repaired, rows_rejected, notes, imported_at)
     VALUES ($fileId, $sourceId, $kind, $path, $name, $sha256, $bytes, CAST($snapshotDate AS DATE), $rowsRead, $rowsLoaded, $rowsRepaired, $rowsRejected,
             CAST($notes AS VARCHAR[]), current_timestamp)`,
    {
      fileId: context.fileId,
      sourceId,
      kind: report.kind,
      path: context.path,
      name: context.fileName,
      sha256: context.sha256,
      bytes: context.bytes,
      snapshotDate: report.snapshotDate,
      rowsRead: report.rowsRead,
      rowsLoaded: report.rowsLoaded,
      rowsRepaired: report.rowsRepaired,
      rowsRejected: report.rowsRejected,
      notes: JSON.stringify(report.notes),
    },
  );
}

export interface RejectedRow {
  line: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}

/** Rows that failed validation, with where and why; replaced whole when the same file is re-imported. */
export async function recordRejects(
  connection: DuckDBConnection,
  context: Pick<ImportContext, 'fileId' | 'fileName'>,
  rejects: RejectedRow[],
): Promise<void> {
  await connection.run(`DELETE FROM bw_rejects WHERE file_id = $fileId`, { fileId: context.fileId });
  if (rejects.length === 0) return;
  const appender = await connection.createAppender('bw_rejects');
  for (const r of rejects) {
    appender.appendVarchar(context.fileId);
    appender.appendVarchar(context.fileName);
    if (r.line === null) appender.appendNull();
    else appender.appendBigInt(BigInt(r.line));
    if (r.column === null) appender.appendNull();
    else appender.appendVarchar(r.column);
    if (r.value === null) appender.appendNull();
    else appender.appendVarchar(r.value);
    appender.appendVarchar(r.reason);
    appender.endRow();
  }
  appender.closeSync();
}
