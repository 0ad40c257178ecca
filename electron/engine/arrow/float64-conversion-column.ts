import { Float64, makeData, type Data } from 'apache-arrow';
import type { ColumnBuilder } from './column-builder';
import { bindings, type RawVector } from './duckdb-bindings';
import { GrowableArray } from './growable-array';
import type { RowRanges } from './row-ranges';
import { readValidityMask, ValidityBitmapBuilder } from './validity-bitmap';

/** How DuckDB stores the integer behind a DECIMAL or HUGEINT value. */
export type StoredInteger = 'int16' | 'int32' | 'int64' | 'int128' | 'uint128';

const BYTE_WIDTH: Record<StoredInteger, number> = { int16: 2, int32: 4, int64: 8, int128: 16, uint128: 16 };
const TWO_TO_32 = 4294967296;
const TWO_TO_64 = TWO_TO_32 * TWO_TO_32;

/**
 * DECIMAL, HUGEINT and UHUGEINT as Float64.
 *
 * A deliberate trade: the workbench charts and sums these, and every consumer
 * handles a double, whereas Arrow JS's Decimal (and 128-bit ints) surface as
 * word arrays nobody downstream wants to deal with. The cost is precision:
 * exact up to 2^53 (about 15-16 significant digits), nearest double beyond.
 * DECIMALs are the stored integer divided by 10^scale, which for scale <= 22
 * is one correctly rounded division.
 */
export class Float64ConversionColumn implements ColumnBuilder {
  readonly type = new Float64();
  private readonly values = new GrowableArray(Float64Array, 1 << 13);
  private readonly validity = new ValidityBitmapBuilder();
  private readonly divisor: number;

  constructor(
    private readonly stored: StoredInteger,
    scale = 0,
  ) {
    this.divisor = 10 ** scale;
  }

  get byteLength(): number {
    return this.values.length * 8;
  }

  append(vector: RawVector, size: number, rows: RowRanges): void {
    if (rows.rowCount === 0) return;
    const raw = bindings.vector_get_data(vector, rows.end * BYTE_WIDTH[this.stored]);
    const mask = readValidityMask(vector, size);
    const out = this.values.reserve(rows.rowCount);
    for (let run = 0; run < rows.length; run++) {
      const start = rows.starts[run]!;
      const count = rows.counts[run]!;
      this.convert(raw, start, start + count, out, this.values.length - start);
      this.values.length += count;
      this.validity.appendFromMask(mask, start, count);
    }
  }

  /** Writes the values of rows [start, end) of `raw` to `out[row + shift]`. */
  private convert(raw: Uint8Array, start: number, end: number, out: Float64Array, shift: number): void {
    const divisor = this.divisor;
    switch (this.stored) {
      case 'int16': {
        const ints = new Int16Array(raw.buffer, raw.byteOffset, end);
        for (let i = start; i < end; i++) out[i + shift] = ints[i]! / divisor;
        break;
      }
      case 'int32': {
        const ints = new Int32Array(raw.buffer, raw.byteOffset, end);
        for (let i = start; i < end; i++) out[i + shift] = ints[i]! / divisor;
        break;
      }
      case 'int64': {
        // Two 32-bit halves instead of BigInt64Array: no BigInt per value.
        const low = new Uint32Array(raw.buffer, raw.byteOffset, end * 2);
        const high = new Int32Array(raw.buffer, raw.byteOffset, end * 2);
        for (let i = start; i < end; i++) out[i + shift] = (high[i * 2 + 1]! * TWO_TO_32 + low[i * 2]!) / divisor;
        break;
      }
      case 'int128':
      case 'uint128': {
        const words = new Uint32Array(raw.buffer, raw.byteOffset, end * 4);
        const signedWords = new Int32Array(raw.buffer, raw.byteOffset, end * 4);
        const signed = this.stored === 'int128';
        for (let i = start; i < end; i++) {
          const w = i * 4;
          const top = signed ? signedWords[w + 3]! : words[w + 3]!;
          const upper = top * TWO_TO_32 + words[w + 2]!;
          const lower = words[w + 1]! * TWO_TO_32 + words[w]!;
          out[i + shift] = (upper * TWO_TO_64 + lower) / divisor;
        }
        break;
      }
    }
  }

  finish(lend = false): Data {
    const data = this.values.handOver(lend);
    return makeData({ type: this.type, length: data.length, ...this.validity.finish(), data });
  }
}
