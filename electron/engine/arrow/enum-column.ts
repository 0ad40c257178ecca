import { Dictionary, Int32, makeData, makeVector, Utf8, type Data, type Vector } from 'apache-arrow';
import type { ColumnBuilder } from './column-builder';
import { bindings, type RawVector } from './duckdb-bindings';
import { GrowableArray } from './growable-array';
import type { RowRanges } from './row-ranges';
import { readValidityMask, ValidityBitmapBuilder } from './validity-bitmap';

function utf8Vector(values: readonly string[]): Vector<Utf8> {
  const encoder = new TextEncoder();
  const encoded = values.map((value) => encoder.encode(value));
  const valueOffsets = new Int32Array(values.length + 1);
  const data = new Uint8Array(encoded.reduce((total, bytes) => total + bytes.length, 0));
  encoded.forEach((bytes, i) => {
    data.set(bytes, valueOffsets[i]!);
    valueOffsets[i + 1] = valueOffsets[i]! + bytes.length;
  });
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount: 0, valueOffsets, data }));
}

/**
 * ENUM as Dictionary<Utf8, Int32> whose dictionary is the enum's full value
 * list: DuckDB's stored codes already are the indices. The dictionary object
 * is shared by every batch, so the IPC writer sends it only once.
 */
export class EnumColumn implements ColumnBuilder {
  readonly type: Dictionary<Utf8, Int32>;
  private readonly dictionary: Vector<Utf8>;
  private readonly indices = new GrowableArray(Int32Array, 1 << 13);
  private readonly validity = new ValidityBitmapBuilder();
  private readonly codeBytes: 1 | 2 | 4;

  /** `codeBytes`: width of DuckDB's stored code (UTINYINT, USMALLINT or UINTEGER, by enum size). */
  constructor(values: readonly string[], codeBytes: 1 | 2 | 4, dictionaryId: number) {
    this.type = new Dictionary(new Utf8(), new Int32(), dictionaryId);
    this.dictionary = utf8Vector(values);
    this.codeBytes = codeBytes;
  }

  get byteLength(): number {
    return this.indices.length * 4;
  }

  append(vector: RawVector, size: number, rows: RowRanges): void {
    if (rows.rowCount === 0) return;
    const raw = bindings.vector_get_data(vector, rows.end * this.codeBytes);
    const codes =
      this.codeBytes === 1
        ? raw
        : this.codeBytes === 2
          ? new Uint16Array(raw.buffer, raw.byteOffset, rows.end)
          : new Uint32Array(raw.buffer, raw.byteOffset, rows.end);
    const mask = readValidityMask(vector, size);
    const out = this.indices.reserve(rows.rowCount);
    for (let run = 0; run < rows.length; run++) {
      const start = rows.starts[run]!;
      const count = rows.counts[run]!;
      const shift = this.indices.length - start;
      for (let row = start; row < start + count; row++) {
        // Any in-range index will do under a NULL; 0 keeps naive readers safe.
        out[row + shift] = mask === null || (mask[row >> 3]! & (1 << (row & 7))) !== 0 ? codes[row]! : 0;
      }
      this.indices.length += count;
      this.validity.appendFromMask(mask, start, count);
    }
  }

  finish(lend = false): Data {
    const indices = this.indices.handOver(lend);
    return makeData({ type: this.type, length: indices.length, ...this.validity.finish(), data: indices, dictionary: this.dictionary });
  }
}
