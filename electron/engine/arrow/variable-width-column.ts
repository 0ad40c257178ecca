import { makeData, type Binary, type Data, type Utf8 } from 'apache-arrow';
import type { ColumnBuilder } from './column-builder';
import type { RawVector } from './duckdb-bindings';
import { DuckDBStringVector, MAX_INLINED_LENGTH, STRING_T_BYTES } from './duckdb-string-vector';
import { GrowableArray } from './growable-array';
import type { RowRanges } from './row-ranges';
import { readValidityMask, ValidityBitmapBuilder } from './validity-bitmap';

/**
 * BLOB as Binary, and VARCHAR as plain Utf8 where a dictionary buys nothing
 * (list elements): DuckDB's string_t bytes copied into one values buffer plus
 * int32 offsets.
 */
export class VariableWidthColumn implements ColumnBuilder {
  private readonly bytes = new GrowableArray(Uint8Array, 1 << 16);
  private readonly offsets = new GrowableArray(Int32Array, 1 << 13);
  private readonly validity = new ValidityBitmapBuilder();

  constructor(readonly type: Utf8 | Binary) {
    this.offsets.push(0);
  }

  get byteLength(): number {
    return this.bytes.length + this.offsets.length * 4;
  }

  append(vector: RawVector, size: number, rows: RowRanges): void {
    if (rows.rowCount === 0) return;
    const mask = readValidityMask(vector, size);
    const strings = new DuckDBStringVector(vector, rows.first, rows.end - rows.first, mask);
    const offsets = this.offsets.reserve(rows.rowCount);
    let at = this.offsets.length;
    for (let run = 0; run < rows.length; run++) {
      const start = rows.starts[run]!;
      const count = rows.counts[run]!;
      for (let row = start; row < start + count; row++, at++) {
        if (mask === null || (mask[row >> 3]! & (1 << (row & 7))) !== 0) {
          const length = strings.length(row);
          const inline = length <= MAX_INLINED_LENGTH;
          const from = inline ? row * STRING_T_BYTES + 4 : strings.locate(row);
          const source = inline ? strings.stringTs : strings.heap;
          const target = this.bytes.reserve(length);
          const to = this.bytes.length;
          // A byte loop beats subarray + set (a view object per call) for short strings.
          if (length <= 64) for (let i = 0; i < length; i++) target[to + i] = source[from + i]!;
          else target.set(source.subarray(from, from + length), to);
          this.bytes.length = to + length;
          if (this.bytes.length > 0x7fffffff) throw new Error('Column exceeds 2 GiB in one record batch');
        }
        offsets[at] = this.bytes.length;
      }
      this.validity.appendFromMask(mask, start, count);
    }
    this.offsets.length = at;
  }

  finish(lend = false): Data {
    const valueOffsets = this.offsets.handOver(lend);
    this.offsets.push(0);
    const length = valueOffsets.length - 1;
    // Utf8 and Binary share a layout; the cast only picks one of makeData's per-type signatures.
    return makeData({ type: this.type as Utf8, length, ...this.validity.finish(), valueOffsets, data: this.bytes.handOver(lend) });
  }
}
