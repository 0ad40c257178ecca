import { DuckDBVector, type DuckDBType } from '@duckdb/node-api';
import { makeData, Utf8, type Data } from 'apache-arrow';
import type { ColumnBuilder } from './column-builder';
import type { RawVector } from './duckdb-bindings';
import { GrowableArray } from './growable-array';
import type { RowRanges } from './row-ranges';
import { ValidityBitmapBuilder } from './validity-bitmap';

/**
 * Types without a natural Arrow counterpart the renderer understands (UUID,
 * INTERVAL, TIME WITH TIME ZONE, BIT, BIGNUM, STRUCT, MAP, ARRAY, UNION,
 * GEOMETRY, VARIANT, ...) as Utf8 holding DuckDB's text form, as rendered by
 * @duckdb/node-api's value classes (e.g. '1 day 03:00:00', "{'a': 1}").
 *
 * This is the one path that builds a JS value per row; it exists for
 * completeness, not speed, and these types are rare in analytical results.
 */
export class StringFallbackColumn implements ColumnBuilder {
  readonly type = new Utf8();
  private readonly bytes = new GrowableArray(Uint8Array, 1 << 14);
  private readonly offsets = new GrowableArray(Int32Array, 1 << 12);
  private readonly validity = new ValidityBitmapBuilder();
  private readonly encoder = new TextEncoder();

  constructor(private readonly duckdbType: DuckDBType) {
    this.offsets.push(0);
  }

  get byteLength(): number {
    return this.bytes.length + this.offsets.length * 4;
  }

  append(vector: RawVector, size: number, rows: RowRanges): void {
    if (rows.rowCount === 0) return;
    const values = DuckDBVector.create(vector, size, this.duckdbType);
    for (let run = 0; run < rows.length; run++) {
      const start = rows.starts[run]!;
      for (let row = start; row < start + rows.counts[run]!; row++) {
        const value = values.getItem(row);
        if (value === null) {
          this.validity.appendNull();
        } else {
          const text = String(value);
          // UTF-8 never takes more than 3 bytes per UTF-16 code unit.
          const target = this.bytes.reserve(text.length * 3);
          this.bytes.length += this.encoder.encodeInto(text, target.subarray(this.bytes.length)).written;
          this.validity.appendValid(1);
        }
        this.offsets.push(this.bytes.length);
      }
    }
  }

  finish(lend = false): Data {
    const valueOffsets = this.offsets.handOver(lend);
    this.offsets.push(0);
    return makeData({
      type: this.type,
      length: valueOffsets.length - 1,
      ...this.validity.finish(),
      valueOffsets,
      data: this.bytes.handOver(lend),
    });
  }
}
