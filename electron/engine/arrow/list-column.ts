import { Field, List, makeData, type Data } from 'apache-arrow';
import type { ColumnBuilder } from './column-builder';
import { bindings, type RawVector } from './duckdb-bindings';
import { GrowableArray } from './growable-array';
import { RowRanges } from './row-ranges';
import { readValidityMask, ValidityBitmapBuilder } from './validity-bitmap';

const TWO_TO_32 = 4294967296;

/**
 * LIST as Arrow List. DuckDB keeps a (uint64 offset, uint64 length) pair per
 * row into one child vector; Arrow wants int32 end offsets into a child array
 * holding the elements in row order. The element ranges of all rows go to the
 * child builder in one call (ranges that abut, the usual case, merged into
 * one run), so the child vector is copied out of DuckDB once per chunk.
 */
export class ListColumn implements ColumnBuilder {
  readonly type: List;
  private readonly offsets = new GrowableArray(Int32Array, 1 << 13);
  private readonly validity = new ValidityBitmapBuilder();
  private elements = 0;

  constructor(private readonly child: ColumnBuilder) {
    this.type = new List(new Field('item', child.type, true));
    this.offsets.push(0);
  }

  get byteLength(): number {
    return this.offsets.length * 4 + this.child.byteLength;
  }

  append(vector: RawVector, size: number, rows: RowRanges): void {
    if (rows.rowCount === 0) return;
    const entries = bindings.vector_get_data(vector, rows.end * 16);
    const words = new Uint32Array(entries.buffer, entries.byteOffset, rows.end * 4);
    const mask = readValidityMask(vector, size);
    const elements = new RowRanges();
    const offsets = this.offsets.reserve(rows.rowCount);
    let at = this.offsets.length;
    for (let run = 0; run < rows.length; run++) {
      const start = rows.starts[run]!;
      const count = rows.counts[run]!;
      for (let row = start; row < start + count; row++, at++) {
        // A NULL list is an empty range in Arrow; its DuckDB entry may be garbage.
        if (mask === null || (mask[row >> 3]! & (1 << (row & 7))) !== 0) {
          const length = words[row * 4 + 2]! + words[row * 4 + 3]! * TWO_TO_32;
          elements.add(words[row * 4]! + words[row * 4 + 1]! * TWO_TO_32, length);
          this.elements += length;
          if (this.elements > 0x7fffffff) throw new Error('List column exceeds 2^31 elements in one record batch');
        }
        offsets[at] = this.elements;
      }
      this.validity.appendFromMask(mask, start, count);
    }
    this.offsets.length = at;
    if (elements.rowCount > 0) {
      const childSize = bindings.list_vector_get_size(vector);
      // Never read past the child vector, whatever an entry claims.
      if (elements.end > childSize) throw new Error(`LIST entry points past its ${childSize} elements`);
      this.child.append(bindings.list_vector_get_child(vector), childSize, elements);
    }
  }

  finish(lend = false): Data {
    const valueOffsets = this.offsets.handOver(lend);
    this.offsets.push(0);
    this.elements = 0;
    return makeData({
      type: this.type,
      length: valueOffsets.length - 1,
      ...this.validity.finish(),
      valueOffsets,
      child: this.child.finish(lend),
    });
  }
}
