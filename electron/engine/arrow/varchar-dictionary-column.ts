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

  finish(): Data {
    const indices = this.indices.take();
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
