import { bindings, type RawVector } from './duckdb-bindings';

/**
 * A DuckDB string_t is 16 bytes: a uint32 length, then either the string
 * itself (up to 12 bytes, zero padded) or a 4-byte prefix and an 8-byte
 * pointer to the bytes elsewhere.
 */
export const STRING_T_BYTES = 16;
export const MAX_INLINED_LENGTH = 12;

/** The smallest memory page of any platform we ship on (larger pages only make the rule below stricter). */
const PAGE_BYTES = 4096;
const MAX_HEAP_BYTES = 16 * 1024 * 1024;
const TWO_TO_32 = 4294967296;
const EMPTY_BYTES = new Uint8Array(0);
const EMPTY_VIEW = new DataView(EMPTY_BYTES.buffer);
const EMPTY_INT32 = new Int32Array(0);
let scratch = new Int32Array(2048);

/**
 * Per-row heap numbers are only read while the vector they belong to is being
 * appended, and appends never overlap, so one array serves every vector:
 * fewer allocations per chunk, less garbage.
 */
function heapOfRowScratch(count: number): Int32Array {
  if (scratch.length < count) scratch = new Int32Array(count);
  return scratch;
}

/** get_data_from_pointer reads the address to copy from out of a buffer: this one, reused. */
const ADDRESS = new Uint32Array(2);

/**
 * The strings of rows [start, start + count) of a flat VARCHAR or BLOB vector,
 * readable as bytes without a native call (or a JS string) per row.
 *
 * The binding copies the bytes behind one non-inlined string per native call,
 * at roughly 0.7 µs each, which alone would cap conversion near 1.5M rows/s.
 * So pointers are grouped into heaps (address ranges), each copied out with
 * one call; a chunk's long strings usually sit back to back in 2-3 ranges.
 *
 * Why reading a whole range is safe: a string only joins a heap when it lies
 * less than a page away from it (or overlaps it). Then no page inside the
 * range is without bytes of some string DuckDB vouches for, every page is
 * mapped, and the copy cannot fault, even though it also reads the unrelated
 * bytes between strings, which are simply never looked at.
 *
 * Reading a row: `length(row)`; if it is at most 12 the bytes are inline in
 * `stringTs` from `row * 16 + 4`, otherwise `locate(row)` returns the offset
 * and leaves the heap holding them in `heap` / `heapView`.
 */
export class DuckDBStringVector {
  /** The raw string_t array, 16 bytes per row, rows counted from 0. */
  readonly stringTs: Uint8Array;
  /** Same bytes as int32 words: word 4 * row is the length, words 1..3 the inline bytes (or prefix and pointer). */
  readonly words: Int32Array;
  /** After `locate`: the copied heap holding the located string, as bytes and as a DataView. */
  heap: Uint8Array = EMPTY_BYTES;
  heapView: DataView = EMPTY_VIEW;
  /** Address of each heap's first byte. */
  readonly heapStarts: number[] = [];
  readonly heaps: Uint8Array[] = [];
  readonly heapViews: DataView[] = [];
  /**
   * Per row from `start`: the heap its bytes were copied with (only long, valid rows are set).
   * Shared by all string vectors: valid until the next one is made.
   */
  heapOfRow: Int32Array = EMPTY_INT32;

  constructor(
    vector: RawVector,
    readonly start: number,
    count: number,
    validity: Uint8Array | null,
  ) {
    const byteCount = (start + count) * STRING_T_BYTES;
    this.stringTs = byteCount === 0 ? EMPTY_BYTES : bindings.vector_get_data(vector, byteCount);
    // vector_get_data returns a fresh copy, so its offset is 0 and the word view is aligned.
    this.words = new Int32Array(this.stringTs.buffer, this.stringTs.byteOffset, byteCount / 4);
    this.copyHeaps(count, validity);
  }

  length(row: number): number {
    return this.words[row * 4]!;
  }

  /** The offset of a valid non-inlined row's bytes in `heap` (and `heapView`), which it sets. */
  locate(row: number): number {
    const w = row * 4;
    const h = this.heapOfRow[row - this.start]!;
    this.heap = this.heaps[h]!;
    this.heapView = this.heapViews[h]!;
    return (this.words[w + 2]! >>> 0) + (this.words[w + 3]! >>> 0) * TWO_TO_32 - this.heapStarts[h]!;
  }

  /** The array holding a valid row's bytes; read them from `offsetOf(row)`. */
  bytesOf(row: number): Uint8Array {
    if (this.words[row * 4]! <= MAX_INLINED_LENGTH) return this.stringTs;
    this.locate(row);
    return this.heap;
  }

  offsetOf(row: number): number {
    return this.words[row * 4]! <= MAX_INLINED_LENGTH ? row * STRING_T_BYTES + 4 : this.locate(row);
  }

  private copyHeaps(count: number, validity: Uint8Array | null): void {
    const { words, start } = this;
    const heapEnds: number[] = [];
    let low = 0;
    let high = 0;
    let heap = -1;
    for (let i = 0; i < count; i++) {
      const row = start + i;
      const length = words[row * 4]!;
      if (length <= MAX_INLINED_LENGTH && length >= 0) continue;
      // NULL rows may hold garbage pointers: never let one near a copy.
      if (validity !== null && (validity[row >> 3]! & (1 << (row & 7))) === 0) continue;
      // A negative word is a length of 2 GiB or more: more than one Arrow string can hold.
      if (length < 0) throw new Error('A string of 2 GiB or more cannot be converted to Arrow');
      const pointer = (words[row * 4 + 2]! >>> 0) + (words[row * 4 + 3]! >>> 0) * TWO_TO_32;
      const end = pointer + length;
      if (heap >= 0 && pointer === high && end - low <= MAX_HEAP_BYTES) {
        // The usual case: this string starts right where the previous one ended.
        high = end;
      } else if (
        heap >= 0 &&
        pointer < high + PAGE_BYTES &&
        end > low - PAGE_BYTES &&
        Math.max(high, end) - Math.min(low, pointer) <= MAX_HEAP_BYTES
      ) {
        if (pointer < low) low = pointer;
        if (end > high) high = end;
      } else {
        if (heap < 0) this.heapOfRow = heapOfRowScratch(count);
        else {
          this.heapStarts.push(low);
          heapEnds.push(high);
        }
        heap++;
        low = pointer;
        high = end;
      }
      this.heapOfRow[i] = heap;
    }
    if (heap < 0) return;
    this.heapStarts.push(low);
    heapEnds.push(high);

    const address = ADDRESS;
    for (let h = 0; h <= heap; h++) {
      const heapStart = this.heapStarts[h]!;
      address[0] = heapStart % TWO_TO_32;
      address[1] = Math.floor(heapStart / TWO_TO_32);
      const bytes = bindings.get_data_from_pointer(address.buffer, 0, heapEnds[h]! - heapStart);
      this.heaps.push(bytes);
      this.heapViews.push(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
  }
}
