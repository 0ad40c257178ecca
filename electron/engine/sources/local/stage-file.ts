import type { DuckDBConnection } from '@duckdb/node-api';
import { stageCsv } from './csv-stage';
import type { StagedFile, StageRequest } from './staged-file';
import { stageTyped } from './typed-stage';
import { stageXlsx } from './xlsx-stage';

/** Reads any local format into a temp table of text columns. */
export function stageFile(connection: DuckDBConnection, request: StageRequest): Promise<StagedFile> {
  switch (request.reader.format) {
    case 'csv':
      return stageCsv(connection, request);
    case 'xlsx':
      return stageXlsx(connection, request);
    default:
      return stageTyped(connection, request.reader.format, request);
  }
}
