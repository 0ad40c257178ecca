import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { ReaderOptions } from '../../../../shared/api';
import type { WorkbenchError } from '../../../../shared/errors';
import { openCsvSource } from './csv-source';
import { openTypedSource } from './typed-source';
import { openXlsxSource } from './xlsx-source';

/** Where DuckDB lists the CSV rows it could not parse (`store_rejects`). */
export interface RejectsTables {
  table: string;
  scan: string;
}

/**
 * A local file as DuckDB reads it: every column as text, so one mapping serves every format and a bad
 * value becomes a reject with its line rather than a failed cast. The import reads it once, straight
 * into the mapped table; the preview and the first rows used for detection are staged from it.
 */
export interface LocalSource {
  fileName: string;
  /** The reader options as applied, with what DuckDB sniffed filled in. */
  reader: ReaderOptions;
  /**
   * Where each row's line comes from: its position among the data rows plus `first` (the relation keeps
   * the file's order), or a column the engine wrote beside the values (XLSX sheet rows).
   */
  line: { first: number } | { column: string };
  lineUnit: 'line' | 'record' | 'row';
  /** Whether `relation` can list unreadable rows (CSV); other readers fail on the first. */
  listsUnreadableRows: boolean;
  /** Set when an unreadable row fails the import whatever the mapping says (a sheet the engine wrote as CSV). */
  alwaysFailOnBadRows: boolean;
  notes: string[];
  /** The rows, to put after FROM; `rejects` makes a CSV reader skip unreadable rows and list them there. */
  relation(rejects?: RejectsTables): { sql: string; params: Record<string, DuckDBValue> };
  /** A reader error as the user should see it (the file's name and line, not a temp copy's path). */
  readError(error: unknown): WorkbenchError;
  /** Removes temp copies (a transcoded CSV, a sheet written as CSV). */
  close(): Promise<void>;
}

export interface SourceRequest {
  path: string;
  fileName: string;
  reader: ReaderOptions;
  signal: AbortSignal;
  /** Fraction 0..1 of a conversion pass (Windows-1252 to UTF-8, a sheet to CSV), when there is one. */
  progress(fraction: number): void;
  /** Convert only the first rows (the preview of an XLSX sheet). */
  limit?: number;
}

/** Opens a local file of any format this folder reads. */
export function openLocalSource(connection: DuckDBConnection, request: SourceRequest): Promise<LocalSource> {
  switch (request.reader.format) {
    case 'csv':
      return openCsvSource(connection, request);
    case 'xlsx':
      return openXlsxSource(connection, request);
    default:
      return openTypedSource(connection, request.reader.format, request);
  }
}
