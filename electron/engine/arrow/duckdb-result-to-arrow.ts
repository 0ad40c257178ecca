import type { DuckDBResult } from '@duckdb/node-api';
import { Table, tableToIPC, type RecordBatch } from 'apache-arrow';
import { readArrowBatches, type ArrowConversionOptions } from './record-batch-reader';

/** Reads every chunk of a DuckDB result and returns it as an apache-arrow Table. */
export async function duckdbResultToArrowTable(result: DuckDBResult, options?: ArrowConversionOptions): Promise<Table> {
  const { schema, batches } = readArrowBatches(result, options);
  const collected: RecordBatch[] = [];
  for await (const batch of batches) collected.push(batch);
  return new Table(schema, collected);
}

/**
 * Reads every chunk of a DuckDB result and returns Arrow IPC stream bytes:
 * the schema, then per record batch its dictionaries and the batch itself.
 */
export async function duckdbResultToArrowIpc(result: DuckDBResult, options?: ArrowConversionOptions): Promise<Uint8Array> {
  return tableToIPC(await duckdbResultToArrowTable(result, options), 'stream');
}
