import { Dictionary, Int32, makeData, Utf8, Vector, type Data } from 'apache-arrow';
import type { ColumnBuilder } from './column-builder';
import type { RawVector } from './duckdb-bindings';
import { DuckDBStringVector } from './duckdb-string-vector';
import { GrowableArray } from './growable-array';
import type { RowRanges } from './row-ranges';
import { StringDictionary } from './string-dictionary';
import { readValidityMask, ValidityBitmapBuilder } from './validity-bitmap';

/**
 * VARCHAR as Dictionary<Utf8, Int32>: analytical text columns repeat a few
 * values (states, breach types, entity kinds) over and over, so each distinct
 * value crosses IPC once and the renderer can group by index.
 *
 * One dictionary spans the whole result: each record batch's dictionary is
 * the previous one plus the values first seen in that batch, which the IPC
 * writer sends as a delta. Indices therefore mean the same value in every
 * batch, and the Table can also be written in the IPC file format, which
 * rejects per-batch replacement dictionaries.
 */
export class VarcharDictionaryColumn implements ColumnBuilder {
  readonly type: Dictionary<Utf8, Int32>;
  private readonly dictionary = new StringDictionary();
  /** One Utf8 Data per finished batch, each holding the values that batch added. */
  private readonly dictionaryChunks: Data<Utf8>[] = [];
  private readonly indices = new GrowableArray(Int32Array, 1 << 13);
  private readonly validity = new ValidityBitmapBuilder();

  constructor(dictionaryId: number) {
    this.type = new Dictionary(new Utf8(), new Int32(), dictionaryId);
  }

  get byteLength(): number {
    return this.indices.length * 4 + this.dictionary.pendingByteLength;
  }

  append(vector: RawVector, size: number, rows: RowRanges): void {
    if (rows.rowCount === 0) return;
    const mask = readValidityMask(vector, size);
    const strings = new DuckDBStringVector(vector, rows.first, rows.end - rows.first, mask);
    const out = this.indices.reserve(rows.rowCount);
    for (let run = 0; run < rows.length; run++) {
      const start = rows.starts[run]!;
      const count = rows.counts[run]!;
      this.dictionary.encode(strings, mask, start, count, out, this.indices.length);
      this.indices.length += count;
      this.validity.appendFromMask(mask, start, count);
    }
  }

  /** Rows appended since the last `finish`. */
  get rowCount(): number {
    return this.indices.length;
  }

  /** How many distinct values the dictionary holds. */
  get distinctCount(): number {
    return this.dictionary.size;
  }

  /**
   * Everything appended since the last call as plain Utf8 (each row's bytes
   * copied out of the dictionary), for a column found to be mostly distinct
   * values. The builder is not to be used afterwards.
   */
  finishPlain(): Data<Utf8> {
    const indices = this.indices.take();
    const entryBytes = this.dictionary.entryBytes;
    const entryOffsets = this.dictionary.entryOffsets;
    const { nullCount, nullBitmap } = this.validity.finish();
    const valueOffsets = new Int32Array(indices.length + 1);
    let total = 0;
    for (let row = 0; row < indices.length; row++) {
      if (nullBitmap === undefined || (nullBitmap[row >> 3]! & (1 << (row & 7))) !== 0) {
        total += entryOffsets[indices[row]! + 1]! - entryOffsets[indices[row]!]!;
      }
      valueOffsets[row + 1] = total;
    }
    const data = new Uint8Array(total);
    for (let row = 0; row < indices.length; row++) {
      const at = valueOffsets[row]!;
      const length = valueOffsets[row + 1]! - at;
      if (length === 0) continue;
      const from = entryOffsets[indices[row]!]!;
      if (length <= 64) for (let i = 0; i < length; i++) data[at + i] = entryBytes[from + i]!;
      else data.set(entryBytes.subarray(from, from + length), at);
    }
    return makeData({ type: new Utf8(), length: indices.length, nullCount, nullBitmap, valueOffsets, data });
  }

  finish(lend = false): Data {
    const indices = this.indices.handOver(lend);
    const added = this.dictionary.takeNewEntries();
    // A batch that adds nothing reuses the previous chunks as they are, so
    // the writer sees nothing new to send; the first batch always has one.
    if (added.length > 0 || this.dictionaryChunks.length === 0) {
      this.dictionaryChunks.push(
        makeData({ type: new Utf8(), length: added.length, nullCount: 0, valueOffsets: added.valueOffsets, data: added.data }),
      );
    }
    const dictionary = new Vector(this.dictionaryChunks.slice());
    return makeData({ type: this.type, length: indices.length, ...this.validity.finish(), data: indices, dictionary });
  }
}
