import { makeData, Null, type Data } from 'apache-arrow';
import type { ColumnBuilder } from './column-builder';
import type { RawVector } from './duckdb-bindings';
import type { RowRanges } from './row-ranges';

/** A column of DuckDB's NULL type (SQLNULL) carries no buffers at all, only a length. */
export class NullColumn implements ColumnBuilder {
  readonly type = new Null();
  readonly byteLength = 0;
  private rows = 0;

  append(_vector: RawVector, _size: number, rows: RowRanges): void {
    this.rows += rows.rowCount;
  }

  finish(_lend = false): Data {
    const length = this.rows;
    this.rows = 0;
    return makeData({ type: this.type, length });
  }
}
