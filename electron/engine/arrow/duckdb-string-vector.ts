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
const EMPTY_INT32 = new Int32Array(0);
const EMPTY_FLOAT64 = new Float64Array(0);

/**
 * The strings of rows [start, start + count) of a flat VARCHAR or BLOB vector,
 * readable as bytes without a native call (or a JS string) per row.
 *
 * The binding copies the bytes behind one non-inlined string per native call,
 * at roughly 0.7 µs each, which alone would cap conversion near 1.5M rows/s.
 * So pointers are grouped into heaps (address ranges), each copied out with
 * one call; a chunk's strings typically sit in 3-5 such ranges.
 *
 * Why reading a whole range is safe: a string only joins a heap when it lies
 * less than a page away from it (or overlaps it). Then no page inside the
 * range is without bytes of some string DuckDB vouches for, every page is
 * mapped, and the copy cannot fault, even though it also reads the unrelated
 * bytes between strings, which are simply never looked at.
 */
export class DuckDBStringVector {
  /** The raw string_t array, 16 bytes per row, rows counted from 0. */
  readonly stringTs: Uint8Array;
  /** Same bytes as uint32 words: word 4 * row is the length, words 1..3 the inline bytes. */
  readonly words: Uint32Array;
  private readonly heaps: Uint8Array[] = [];
  private readonly heapViews: DataView[] = [];
  // Allocated on the first non-inlined string: short-string chunks never need them.
  private heapOfRow = EMPTY_INT32;
  private offsetInHeap = EMPTY_FLOAT64;

  constructor(
    vector: RawVector,
    readonly start: number,
    count: number,
    validity: Uint8Array | null,
  ) {
    const byteCount = (start + count) * STRING_T_BYTES;
    this.stringTs = byteCount === 0 ? new Uint8Array(0) : bindings.vector_get_data(vector, byteCount);
    // vector_get_data returns a fresh copy, so its offset is 0 and the word view is aligned.
    this.words = new Uint32Array(this.stringTs.buffer, this.stringTs.byteOffset, byteCount / 4);
    this.copyHeaps(count, validity);
  }

  length(row: number): number {
    return this.words[row * 4]!;
  }

  /** The array holding a valid row's bytes; read them from `offsetOf(row)`. */
  bytesOf(row: number): Uint8Array {
    return this.words[row * 4]! <= MAX_INLINED_LENGTH ? this.stringTs : this.heaps[this.heapOfRow[row - this.start]!]!;
  }

  /** A DataView over `bytesOf(row)` (same offsets), for word-at-a-time reads of long strings. */
  viewOf(row: number): DataView {
    return this.heapViews[this.heapOfRow[row - this.start]!]!;
  }

  offsetOf(row: number): number {
    return this.words[row * 4]! <= MAX_INLINED_LENGTH ? row * STRING_T_BYTES + 4 : this.offsetInHeap[row - this.start]!;
  }

  private copyHeaps(count: number, validity: Uint8Array | null): void {
    const { words, start } = this;
    const heapStarts: number[] = [];
    const heapEnds: number[] = [];
    let low = 0;
    let high = 0;
    let heap = -1;
    // Offsets are taken relative to the heap's start as rows go by; only if a
    // heap later grows downwards (DuckDB usually hands out ascending
    // addresses) do they need redoing once the starts are final.
    let heapGrewDown = false;
    for (let i = 0; i < count; i++) {
      const row = start + i;
      // NULL rows may hold garbage pointers: never let one near a copy.
      if (validity !== null && (validity[row >> 3]! & (1 << (row & 7))) === 0) continue;
      const length = words[row * 4]!;
      if (length <= MAX_INLINED_LENGTH) continue;
      const pointer = words[row * 4 + 2]! + words[row * 4 + 3]! * TWO_TO_32;
      const end = pointer + length;
      if (heap < 0) {
        this.heapOfRow = new Int32Array(count);
        this.offsetInHeap = new Float64Array(count);
      }
      if (
        heap >= 0 &&
        pointer < high + PAGE_BYTES &&
        end > low - PAGE_BYTES &&
        Math.max(high, end) - Math.min(low, pointer) <= MAX_HEAP_BYTES
      ) {
        if (pointer < low) {
          low = pointer;
          heapGrewDown = true;
        }
        if (end > high) high = end;
      } else {
        if (heap >= 0) {
          heapStarts.push(low);
          heapEnds.push(high);
        }
        heap++;
        low = pointer;
        high = end;
      }
      this.heapOfRow[i] = heap;
      this.offsetInHeap[i] = pointer - low;
    }
    if (heap < 0) return;
    heapStarts.push(low);
    heapEnds.push(high);

    // get_data_from_pointer reads the address to copy from out of a buffer.
    const address = new Uint32Array(2);
    for (let h = 0; h <= heap; h++) {
      const heapStart = heapStarts[h]!;
      address[0] = heapStart % TWO_TO_32;
      address[1] = Math.floor(heapStart / TWO_TO_32);
      const bytes = bindings.get_data_from_pointer(address.buffer, 0, heapEnds[h]! - heapStart);
      this.heaps.push(bytes);
      this.heapViews.push(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
    if (heapGrewDown) this.rebaseOffsets(count, validity, heapStarts);
  }

  /** Redoes every row's offset against its heap's final start, from the raw pointers. */
  private rebaseOffsets(count: number, validity: Uint8Array | null, heapStarts: readonly number[]): void {
    const { words, start } = this;
    for (let i = 0; i < count; i++) {
      const row = start + i;
      if (validity !== null && (validity[row >> 3]! & (1 << (row & 7))) === 0) continue;
      if (words[row * 4]! <= MAX_INLINED_LENGTH) continue;
      const pointer = words[row * 4 + 2]! + words[row * 4 + 3]! * TWO_TO_32;
      this.offsetInHeap[i] = pointer - heapStarts[this.heapOfRow[i]!]!;
    }
  }
}
