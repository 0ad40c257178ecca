import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { ReaderOptions, RejectInfo } from '../../../../shared/api';
import { quoteIdentifier } from '../../db/sql-identifiers';
import { WorkbenchError } from '../../../../shared/errors';
import { readerError } from './duckdb-errors';
import { transcodeToUtf8 } from './transcode';
import { cancellable, tempName, withQueryProgress } from './query-control';
import { countRows, dropTempTables, stagedColumns, type StagedFile, type StageRequest } from './staged-file';

/** How many of DuckDB's row errors are copied into the rejects table; the count is always exact. */
const MAX_READER_REJECTS = 10_000;

/**
 * Reads a CSV/TSV through DuckDB's `read_csv`, every column as text (the mapping types them, so a bad
 * value becomes a reject with its line rather than a failed cast). `store_rejects` makes DuckDB keep
 * going past rows it cannot parse and tell us their line; `enforceBadRowPolicy` then fails the import
 * on the first one (badRows 'fail') or lets them be listed while the rest load ('reject').
 */
export async function stageCsv(connection: DuckDBConnection, request: StageRequest, extra: { lineColumn?: string } = {}): Promise<StagedFile> {
  if (request.reader.encoding !== 'windows-1252') return stageCsvAsIs(connection, request, extra);
  const copy = await transcodeToUtf8(request.path, request.fileName, request.signal, (f) => request.progress(f * 0.3));
  try {
    const staged = await stageCsvAsIs(
      connection,
      { ...request, path: copy.path, reader: { ...request.reader, encoding: 'utf-8' }, progress: (f) => request.progress(0.3 + f * 0.7) },
      extra,
    ).catch((error: unknown) => {
      throw error instanceof WorkbenchError ? new WorkbenchError({ ...error.toInfo(), message: error.message.replaceAll(copy.path, request.fileName) }) : error;
    });
    return { ...staged, reader: { ...staged.reader, encoding: 'windows-1252' } };
  } finally {
    await copy.cleanup();
  }
}

async function stageCsvAsIs(connection: DuckDBConnection, request: StageRequest, extra: { lineColumn?: string }): Promise<StagedFile> {
  const table = tempName('bw_stage');
  const rejectsTable = tempName('bw_csv_rejects');
  const scanTable = tempName('bw_csv_scan');
  const tempTables = [table, rejectsTable, scanTable];
  // The dialect is sniffed first, tolerating bad rows as the read will, then passed explicitly: the
  // reader options shown in the preview are then exactly the ones the import reads with.
  const reader = await sniffDialect(connection, request);
  const { sql: options, params } = csvOptions(reader, request.path);
  params.rejectsTable = rejectsTable;
  params.scanTable = scanTable;
  const limit = request.limit === undefined ? '' : ` LIMIT ${Math.floor(request.limit)}`;
  try {
    await cancellable(connection, request.signal, request.fileName, () =>
      withQueryProgress(connection, request.progress, () =>
        connection.run(
          `CREATE TEMP TABLE ${quoteIdentifier(table)} AS
           SELECT * FROM read_csv($path, ${options}, store_rejects = true, rejects_table = $rejectsTable, rejects_scan = $scanTable)${limit}`,
          params,
        ),
      ),
    );
  } catch (error) {
    await dropTempTables(connection, tempTables);
    throw readerError(error, request.fileName, request.path, 'CSV');
  }
  try {
    const readerRejects = await readRejects(connection, rejectsTable);
    const rejectCount = await countRows(connection, rejectsTable);
    const allColumns = await stagedColumns(connection, table);
    const columns = extra.lineColumn ? allColumns.filter((c) => c !== extra.lineColumn) : allColumns;
    const rows = await countRows(connection, table);
    // DuckDB keeps file order in a freshly created table, so rowid counts data rows from 0. (A quoted
    // value spanning lines shifts the lines after it; DuckDB's own rejects carry exact lines.)
    const firstLine = 1 + (reader.skipRows ?? 0) + (reader.header ? 1 : 0);
    const notes: string[] = [];
    if (rejectCount > MAX_READER_REJECTS) notes.push(`${rejectCount} unreadable rows; the first ${MAX_READER_REJECTS} are listed.`);
    return {
      table,
      columns,
      lineExpr: extra.lineColumn ? `TRY_CAST(s.${quoteIdentifier(extra.lineColumn)} AS BIGINT)` : `(s.rowid + ${firstLine})`,
      lineUnit: extra.lineColumn ? 'row' : 'line',
      rows,
      readerRejects: rejectCount > 0 ? readerRejects : [],
      readerRejectCount: rejectCount,
      reader,
      notes,
      tempTables,
    };
  } catch (error) {
    await dropTempTables(connection, tempTables);
    throw error;
  }
}

/** read_csv options from reader options: names are the engine's, values bound. */
function csvOptions(reader: ReaderOptions, path: string): { sql: string; params: Record<string, DuckDBValue> } {
  const params: Record<string, DuckDBValue> = { path };
  const options = ['all_varchar = true'];
  const option = (name: string, value: DuckDBValue | undefined) => {
    if (value === undefined) return;
    params[name] = value;
    options.push(`${name} = $${name}`);
  };
  option('delim', reader.delimiter);
  option('quote', reader.quote);
  option('escape', reader.escape);
  option('header', reader.header);
  option('encoding', reader.encoding);
  option('skip', reader.skipRows);
  return { sql: options.join(', '), params };
}

async function sniffDialect(connection: DuckDBConnection, request: StageRequest): Promise<ReaderOptions> {
  const { sql, params } = csvOptions(request.reader, request.path);
  let sniffed: Record<string, unknown> | undefined;
  try {
    const result = await connection.runAndReadAll(
      `SELECT Delimiter AS delimiter, Quote AS quote, Escape AS escape, HasHeader AS header, SkipRows AS skip FROM sniff_csv($path, ${sql}, ignore_errors = true)`,
      params,
    );
    sniffed = result.getRowObjectsJS()[0];
  } catch (error) {
    throw readerError(error, request.fileName, request.path, 'CSV');
  }
  const text = (v: unknown) => (v === '(empty)' || v === null || v === undefined ? '' : String(v));
  const r = request.reader;
  return {
    ...r,
    delimiter: r.delimiter ?? (text(sniffed?.delimiter) || ','),
    quote: r.quote ?? text(sniffed?.quote),
    escape: r.escape ?? text(sniffed?.escape),
    header: r.header ?? Boolean(sniffed?.header),
    skipRows: r.skipRows ?? Number(sniffed?.skip ?? 0),
  };
}

async function readRejects(connection: DuckDBConnection, rejectsTable: string): Promise<RejectInfo[]> {
  const result = await connection.runAndReadAll(
    `SELECT line, column_name, csv_line, error_type, error_message FROM temp.${quoteIdentifier(rejectsTable)} ORDER BY line LIMIT ${MAX_READER_REJECTS}`,
  );
  return result.getRowObjectsJS().map((r) => ({
    line: r.line === null ? null : Number(r.line),
    column: r.column_name === null ? null : String(r.column_name),
    value: r.csv_line === null ? null : String(r.csv_line).slice(0, 1000),
    reason: `${String(r.error_type).toLowerCase()}: ${String(r.error_message)}`,
  }));
}
