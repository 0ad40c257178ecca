import { Bool, makeData, type Data } from 'apache-arrow';
import type { ColumnBuilder } from './column-builder';
import { bindings, type RawVector } from './duckdb-bindings';
import { GrowableArray } from './growable-array';
import type { RowRanges } from './row-ranges';
import { readValidityMask, ValidityBitmapBuilder } from './validity-bitmap';

/** BOOLEAN: DuckDB keeps one byte per value, Arrow one bit, so values are packed eight at a time. */
export class BooleanColumn implements ColumnBuilder {
  readonly type = new Bool();
  private readonly bits = new GrowableArray(Uint8Array, 1 << 12);
  private readonly validity = new ValidityBitmapBuilder();
  private rows = 0;

  constructor() {
    if (bindings.sizeof_bool !== 1) throw new Error(`Unsupported DuckDB bool size: ${bindings.sizeof_bool} bytes`);
  }

  get byteLength(): number {
    return this.bits.length;
  }

  append(vector: RawVector, size: number, rows: RowRanges): void {
    if (rows.rowCount === 0) return;
    const bytes = bindings.vector_get_data(vector, rows.end);
    const mask = readValidityMask(vector, size);
    const totalBytes = Math.ceil((this.rows + rows.rowCount) / 8);
    const bits = this.bits.reserve(totalBytes - this.bits.length);
    this.bits.length = totalBytes;
    for (let run = 0; run < rows.length; run++) {
      const start = rows.starts[run]!;
      const count = rows.counts[run]!;
      packBits(bytes, start, count, bits, this.rows);
      this.validity.appendFromMask(mask, start, count);
      this.rows += count;
    }
  }

  finish(lend = false): Data {
    const length = this.rows;
    this.rows = 0;
    return makeData({ type: this.type, length, ...this.validity.finish(), data: this.bits.handOver(lend) });
  }
}

/** Packs `count` one-byte booleans from `bytes[start]` into `bits` from bit `row` on. */
function packBits(bytes: Uint8Array, start: number, count: number, bits: Uint8Array, row: number): void {
  let i = start;
  const end = start + count;
  // Bit by bit until the output is byte aligned, then a whole byte per step.
  for (; i < end && (row & 7) !== 0; i++, row++) {
    if (bytes[i] !== 0) bits[row >> 3]! |= 1 << (row & 7);
    else bits[row >> 3]! &= ~(1 << (row & 7));
  }
  for (; i + 8 <= end; i += 8, row += 8) {
    bits[row >> 3] =
      (bytes[i] !== 0 ? 1 : 0) |
      (bytes[i + 1] !== 0 ? 2 : 0) |
      (bytes[i + 2] !== 0 ? 4 : 0) |
      (bytes[i + 3] !== 0 ? 8 : 0) |
      (bytes[i + 4] !== 0 ? 16 : 0) |
      (bytes[i + 5] !== 0 ? 32 : 0) |
      (bytes[i + 6] !== 0 ? 64 : 0) |
      (bytes[i + 7] !== 0 ? 128 : 0);
  }
  for (; i < end; i++, row++) {
    if (bytes[i] !== 0) bits[row >> 3]! |= 1 << (row & 7);
    else bits[row >> 3]! &= ~(1 << (row & 7));
  }
}
