import type { DuckDBConnection } from '@duckdb/node-api';
import { WorkbenchError } from '../../../../shared/errors';
import { quoteIdentifier } from '../../db/sql-identifiers';
import { readerError } from './duckdb-errors';
import type { LocalSource, SourceRequest } from './local-source';

type TypedFormat = 'json' | 'jsonl' | 'parquet';

const READERS: Record<TypedFormat, { sql: string; what: string; unit: LocalSource['lineUnit'] }> = {
  json: { sql: `read_json($path, format = 'array')`, what: 'a JSON array of records', unit: 'record' },
  jsonl: { sql: `read_json($path, format = 'newline_delimited')`, what: 'JSON Lines', unit: 'line' },
  parquet: { sql: `read_parquet($path)`, what: 'Parquet', unit: 'row' },
};

/**
 * JSON, JSON Lines and Parquet carry their own types. They are read as text like CSV, so one mapping
 * path serves every format and the same log gives the same table whatever it was saved as: lists
 * become "a; b", objects their JSON text, dates ISO text.
 */
export async function openTypedSource(connection: DuckDBConnection, format: TypedFormat, request: SourceRequest): Promise<LocalSource> {
  const reader = READERS[format];
  let described: { name: string; type: string }[];
  try {
    const result = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${reader.sql}`, { path: request.path });
    described = result.getRowObjectsJS().map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  } catch (error) {
    throw readerError(error, request.fileName, request.path, reader.what);
  }
  if (described.length === 0) {
    throw new WorkbenchError({ code: 'bad_input', message: `${request.fileName}: no columns found in it as ${reader.what}.`, file: request.fileName });
  }
  const projection = described.map((c) => `${asText(c.name, c.type)} AS ${quoteIdentifier(c.name)}`).join(', ');
  return {
    fileName: request.fileName,
    reader: request.reader,
    line: { first: 1 },
    lineUnit: reader.unit,
    listsUnreadableRows: false,
    alwaysFailOnBadRows: false,
    notes: [],
    relation: () => ({ sql: `(SELECT ${projection} FROM ${reader.sql})`, params: { path: request.path } }),
    readError: (error) => readerError(error, request.fileName, request.path, reader.what),
    close: async () => undefined,
  };
}

/** One column as text; the type comes from DuckDB's DESCRIBE, never from the user. */
function asText(name: string, type: string): string {
  const column = quoteIdentifier(name);
  if (type === 'VARCHAR') return column;
  if (/\[\d*\]$/.test(type)) {
    // A list of scalars reads as "a; b", which the list fields (breach types, locations) split again.
    return /^(STRUCT|MAP|JSON)/.test(type)
      ? `CAST(to_json(${column}) AS VARCHAR)`
      : `array_to_string(list_transform(${column}, lambda x: CAST(x AS VARCHAR)), '; ')`;
  }
  if (/^(STRUCT|MAP|JSON|UNION)/.test(type)) return `CAST(to_json(${column}) AS VARCHAR)`;
  if (type === 'DATE') return `strftime(${column}, '%Y-%m-%d')`;
  return `CAST(${column} AS VARCHAR)`;
}
