import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { ReaderOptions } from '../../../../shared/api';
import { WorkbenchError } from '../../../../shared/errors';
import { readerError } from './duckdb-errors';
import type { LocalSource, RejectsTables, SourceRequest } from './local-source';
import { transcodeToUtf8 } from './transcode';

/**
 * A CSV/TSV read by DuckDB's `read_csv`, every column as text (the mapping types them). With
 * `store_rejects` DuckDB keeps going past rows it cannot parse and tells us their line; the importer
 * then fails on the first one (badRows 'fail') or lists them while the rest load ('reject').
 */
export async function openCsvSource(
  connection: DuckDBConnection,
  request: SourceRequest,
  extra: { lineColumn?: string; alwaysFailOnBadRows?: boolean } = {},
): Promise<LocalSource> {
  if (request.reader.encoding !== 'windows-1252') return openCsvAsIs(connection, request, extra);
  const copy = await transcodeToUtf8(request.path, request.fileName, request.signal, request.progress);
  // Messages name the user's file, never the temporary UTF-8 copy.
  const named = (error: WorkbenchError) => new WorkbenchError({ ...error.toInfo(), message: error.message.replaceAll(copy.path, request.fileName) });
  try {
    const source = await openCsvAsIs(connection, { ...request, path: copy.path, reader: { ...request.reader, encoding: 'utf-8' } }, extra);
    return {
      ...source,
      reader: { ...source.reader, encoding: 'windows-1252' },
      readError: (error) => named(source.readError(error)),
      close: async () => {
        await source.close();
        await copy.cleanup();
      },
    };
  } catch (error) {
    await copy.cleanup();
    throw error instanceof WorkbenchError ? named(error) : error;
  }
}

async function openCsvAsIs(connection: DuckDBConnection, request: SourceRequest, extra: { lineColumn?: string; alwaysFailOnBadRows?: boolean }): Promise<LocalSource> {
  // The dialect is sniffed first, tolerating bad rows as the read will, then passed explicitly: the
  // reader options shown in the preview are then exactly the ones the import reads with.
  const reader = await sniffDialect(connection, request);
  const { sql: options, params } = csvOptions(reader, request.path);
  const firstLine = 1 + (reader.skipRows ?? 0) + (reader.header ? 1 : 0);
  return {
    fileName: request.fileName,
    reader,
    // A quoted value spanning lines shifts the lines after it; DuckDB's own rejects carry exact lines.
    line: extra.lineColumn ? { column: extra.lineColumn } : { first: firstLine },
    lineUnit: extra.lineColumn ? 'row' : 'line',
    listsUnreadableRows: true,
    alwaysFailOnBadRows: extra.alwaysFailOnBadRows ?? false,
    notes: [],
    relation: (rejects?: RejectsTables) =>
      rejects
        ? {
            sql: `read_csv($path, ${options}, store_rejects = true, rejects_table = $rejectsTable, rejects_scan = $rejectsScan)`,
            params: { ...params, rejectsTable: rejects.table, rejectsScan: rejects.scan },
          }
        : { sql: `read_csv($path, ${options})`, params },
    readError: (error) => readerError(error, request.fileName, request.path, 'CSV'),
    close: async () => undefined,
  };
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

async function sniffDialect(connection: DuckDBConnection, request: SourceRequest): Promise<ReaderOptions> {
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
