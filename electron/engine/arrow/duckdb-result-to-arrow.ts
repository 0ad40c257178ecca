import type { DuckDBResult } from '@duckdb/node-api';
import { Table, type RecordBatch } from 'apache-arrow';
import { ArrowIpcStreamWriter } from './ipc-stream-writer';
import { readArrowBatches, type ArrowConversionOptions } from './record-batch-reader';

/** Reads every chunk of a DuckDB result and returns it as an apache-arrow Table. */
export async function duckdbResultToArrowTable(result: DuckDBResult, options?: ArrowConversionOptions): Promise<Table> {
  const { batches } = readArrowBatches(result, options);
  const collected: RecordBatch[] = [];
  for await (const batch of batches) collected.push(batch);
  return new Table(collected[0]!.schema, collected);
}

export interface ArrowIpcResult {
  /** An Arrow IPC stream: the schema, then per record batch its dictionaries and the batch itself. */
  bytes: Uint8Array;
  rowCount: number;
  /** Whether `maxRows` cut the result short. */
  truncated: boolean;
}

/**
 * Reads a DuckDB result into Arrow IPC stream bytes, each record batch
 * written out as soon as it is full, so builders reuse their buffers and no
 * Table is assembled on the way.
 */
export async function duckdbResultToArrowIpcResult(result: DuckDBResult, options?: ArrowConversionOptions): Promise<ArrowIpcResult> {
  const stream = readArrowBatches(result, options, true);
  let writer: ArrowIpcStreamWriter | null = null;
  for await (const batch of stream.batches) (writer ??= new ArrowIpcStreamWriter(batch.schema)).write(batch);
  // readArrowBatches always yields at least one batch.
  return { bytes: writer!.finish(), rowCount: writer!.rowCount, truncated: stream.truncated };
}

/** Reads every chunk of a DuckDB result and returns Arrow IPC stream bytes. */
export async function duckdbResultToArrowIpc(result: DuckDBResult, options?: ArrowConversionOptions): Promise<Uint8Array> {
  return (await duckdbResultToArrowIpcResult(result, options)).bytes;
}
