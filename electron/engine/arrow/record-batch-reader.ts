import type { DuckDBResult } from '@duckdb/node-api';
import { Field, Schema, type RecordBatch } from 'apache-arrow';
import type { ColumnBuilder } from './column-builder';
import { createColumnBuilder } from './create-column-builder';
import { bindings } from './duckdb-bindings';
import { makeRecordBatch } from './make-record-batch';
import { resultChunks } from './result-chunks';
import { RowRanges } from './row-ranges';

export interface ArrowConversionOptions {
  /**
   * Rows per record batch: a batch closes at the first DuckDB chunk (2048 rows)
   * boundary at or past this. Default 65 536, which amortises per-batch IPC
   * overhead and dictionaries while keeping each batch's buffers modest.
   */
  batchRows?: number;
}

export interface ArrowBatchStream {
  readonly schema: Schema;
  /** Consumes the result's chunks; iterate once. Always yields at least one (possibly empty) batch. */
  readonly batches: AsyncIterable<RecordBatch>;
}

const DEFAULT_BATCH_ROWS = 1 << 16;
/** Cut a batch early past this many buffered bytes: wide text must not overflow int32 offsets. */
const MAX_BATCH_BYTES = 256 * 1024 * 1024;

/**
 * Reads a DuckDB result chunk by chunk into Arrow record batches, several
 * chunks merged per batch.
 *
 * Column names are kept exactly as DuckDB reports them, duplicates included:
 * Arrow schemas allow that, and renaming would break the caller's mapping
 * from SQL to columns.
 */
export function readArrowBatches(result: DuckDBResult, options: ArrowConversionOptions = {}): ArrowBatchStream {
  const batchRows = Math.max(1, options.batchRows ?? DEFAULT_BATCH_ROWS);
  let nextDictionaryId = 0;
  const dictionaryIds = { next: () => nextDictionaryId++ };
  const names = result.columnNames();
  const builders = result.columnTypes().map((type) => createColumnBuilder(type, dictionaryIds));
  const schema = new Schema(names.map((name, i) => new Field(name, builders[i]!.type, true)));

  const finishBatch = (length: number): RecordBatch =>
    makeRecordBatch(
      schema,
      builders.map((builder) => builder.finish()),
      length,
    );

  async function* batches(): AsyncGenerator<RecordBatch> {
    let pendingRows = 0;
    let yielded = 0;
    for await (const chunk of resultChunks(result)) {
      const rows = chunk.rowCount;
      const wholeChunk = RowRanges.whole(rows);
      for (let column = 0; column < builders.length; column++) {
        builders[column]!.append(bindings.data_chunk_get_vector(chunk.chunk, column), rows, wholeChunk);
      }
      pendingRows += rows;
      if (pendingRows >= batchRows || bufferedBytes(builders) >= MAX_BATCH_BYTES) {
        yield finishBatch(pendingRows);
        yielded++;
        pendingRows = 0;
      }
    }
    // An empty result still yields one zero-row batch: it carries the schema
    // (and empty dictionaries) through IPC on every reader.
    if (pendingRows > 0 || yielded === 0) yield finishBatch(pendingRows);
  }

  return { schema, batches: batches() };
}

function bufferedBytes(builders: readonly ColumnBuilder[]): number {
  let total = 0;
  for (const builder of builders) total += builder.byteLength;
  return total;
}
