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
  /** Convert at most this many rows; the rest of the result is never fetched. */
  maxRows?: number;
}

export interface ArrowBatchStream {
  /**
   * Consumes the result's chunks; iterate once. Always yields at least one
   * (possibly empty) batch, and every batch carries the same schema, which
   * is only known once the first batch is out (see VarcharColumn).
   */
  readonly batches: AsyncIterable<RecordBatch>;
  /** After iterating: whether rows beyond `maxRows` were left out. */
  readonly truncated: boolean;
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
 *
 * With `lend`, each batch's buffers are views of the builders' stores and
 * only valid until the next batch is pulled: for a consumer that copies each
 * batch out at once (the IPC writer), which spares a fresh allocation per
 * column per batch.
 */
export function readArrowBatches(result: DuckDBResult, options: ArrowConversionOptions = {}, lend = false): ArrowBatchStream {
  const batchRows = Math.max(1, options.batchRows ?? DEFAULT_BATCH_ROWS);
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  let nextDictionaryId = 0;
  const dictionaryIds = { next: () => nextDictionaryId++ };
  const names = result.columnNames();
  const builders = result.columnTypes().map((type) => createColumnBuilder(type, dictionaryIds));
  let schema: Schema | null = null;
  let truncated = false;

  const finishBatch = (length: number): RecordBatch => {
    const children = builders.map((builder) => builder.finish(lend));
    // Builders settle their types when finishing the first batch.
    schema ??= new Schema(names.map((name, i) => new Field(name, builders[i]!.type, true)));
    return makeRecordBatch(schema, children, length);
  };

  async function* batches(): AsyncGenerator<RecordBatch> {
    let pendingRows = 0;
    let totalRows = 0;
    let yielded = 0;
    for await (const chunk of resultChunks(result)) {
      if (totalRows >= maxRows) {
        truncated = true;
        break;
      }
      const rows = Math.min(chunk.rowCount, maxRows - totalRows);
      if (rows < chunk.rowCount) truncated = true;
      const ranges = RowRanges.whole(rows);
      for (let column = 0; column < builders.length; column++) {
        builders[column]!.append(bindings.data_chunk_get_vector(chunk.chunk, column), chunk.rowCount, ranges);
      }
      pendingRows += rows;
      totalRows += rows;
      if (pendingRows >= batchRows || bufferedBytes(builders) >= MAX_BATCH_BYTES) {
        yield finishBatch(pendingRows);
        yielded++;
        pendingRows = 0;
      }
      if (truncated) break;
    }
    // An empty result still yields one zero-row batch: it carries the schema
    // (and empty dictionaries) through IPC on every reader.
    if (pendingRows > 0 || yielded === 0) yield finishBatch(pendingRows);
  }

  return {
    batches: batches(),
    get truncated() {
      return truncated;
    },
  };
}

function bufferedBytes(builders: readonly ColumnBuilder[]): number {
  let total = 0;
  for (const builder of builders) total += builder.byteLength;
  return total;
}
