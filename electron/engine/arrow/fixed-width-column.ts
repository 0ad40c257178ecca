import { makeData, type Data, type DataType, type Int } from 'apache-arrow';
import type { ColumnBuilder } from './column-builder';
import { bindings, type RawVector } from './duckdb-bindings';
import { GrowableArray } from './growable-array';
import type { RowRanges } from './row-ranges';
import { readValidityMask, ValidityBitmapBuilder } from './validity-bitmap';

/** Arrow types whose values buffer has exactly DuckDB's in-memory layout. */
export type SameLayoutType = DataType & { ArrayType: { new (buffer: ArrayBuffer, byteOffset: number, length: number): ArrayLike<unknown> } };

/**
 * Columns whose DuckDB values are already laid out the way Arrow wants them
 * (integers, floats, DATE as int32 days, TIMESTAMP/TIME as int64 ticks since
 * the epoch/midnight): values are memcpy'd, never touched one by one.
 */
export class FixedWidthColumn implements ColumnBuilder {
  private readonly values = new GrowableArray(Uint8Array, 1 << 16);
  private readonly validity = new ValidityBitmapBuilder();
  private rows = 0;

  constructor(
    readonly type: SameLayoutType,
    private readonly byteWidth: number,
  ) {}

  get byteLength(): number {
    return this.values.length;
  }

  append(vector: RawVector, size: number, rows: RowRanges): void {
    if (rows.rowCount === 0) return;
    const width = this.byteWidth;
    const data = bindings.vector_get_data(vector, rows.end * width);
    const mask = readValidityMask(vector, size);
    for (let run = 0; run < rows.length; run++) {
      const start = rows.starts[run]!;
      const count = rows.counts[run]!;
      this.values.appendFrom(data, start * width, count * width);
      this.validity.appendFromMask(mask, start, count);
    }
    this.rows += rows.rowCount;
  }

  finish(lend = false): Data {
    const bytes = this.values.handOver(lend);
    const length = this.rows;
    this.rows = 0;
    const values = new this.type.ArrayType(bytes.buffer, bytes.byteOffset, length);
    // makeData dispatches on the runtime type; the Int overload is only there
    // to satisfy its per-type signatures, which cannot take a type union.
    return makeData({ type: this.type as Int, length, ...this.validity.finish(), data: values as Int['TArray'] });
  }
}
