import type { Data, DataType } from 'apache-arrow';
import type { RawVector } from './duckdb-bindings';
import type { RowRanges } from './row-ranges';

/**
 * Turns the vectors of one DuckDB result column, chunk after chunk, into the
 * Arrow Data of one record batch at a time.
 *
 * Vectors handed in are flat: DuckDB flattens every chunk it returns through
 * the C API, and list children are flat too.
 */
export interface ColumnBuilder {
  /** The Arrow type of every Data this builder produces. */
  readonly type: DataType;
  /** Appends the given rows, in order, of a vector holding `size` rows. */
  append(vector: RawVector, size: number, rows: RowRanges): void;
  /** Roughly how many bytes are buffered: lets the batcher cut a batch before int32 offsets overflow. */
  readonly byteLength: number;
  /**
   * Everything appended since the last call, as one Arrow Data; the builder
   * is empty afterwards. With `lend`, the Data's buffers are views of the
   * builder's own stores, valid only until the next `append`: for writers
   * that copy each batch out at once (IPC), so the stores are reused.
   */
  finish(lend?: boolean): Data;
}
