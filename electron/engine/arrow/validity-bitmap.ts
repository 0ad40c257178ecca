import { bindings, type RawVector } from './duckdb-bindings';

/**
 * DuckDB's validity mask for a flat vector holding `size` rows, or null when
 * every row is valid (DuckDB only allocates a mask once a NULL is written).
 *
 * DuckDB stores it as uint64 words with row i at bit i % 64 of word i / 64;
 * on the little-endian machines we ship for that is byte for byte Arrow's
 * LSB-first validity bitmap, so it is used as one without any reshuffling.
 */
export function readValidityMask(vector: RawVector, size: number): Uint8Array | null {
  if (size === 0) return null;
  return bindings.vector_get_validity(vector, Math.ceil(size / 64) * 8) ?? null;
}

const BITS_SET_IN_BYTE = (() => {
  const table = new Uint8Array(256);
  for (let i = 1; i < 256; i++) table[i] = (i & 1) + table[i >> 1]!;
  return table;
})();

function countValid(mask: Uint8Array, start: number, count: number): number {
  let valid = 0;
  let bit = start;
  const end = start + count;
  // Whole bytes in the middle are looked up eight rows at a time; only the
  // ragged ends (rare: DuckDB chunks start at row 0) go bit by bit.
  for (; bit < end && (bit & 7) !== 0; bit++) valid += (mask[bit >> 3]! >> (bit & 7)) & 1;
  for (; bit + 8 <= end; bit += 8) valid += BITS_SET_IN_BYTE[mask[bit >> 3]!]!;
  for (; bit < end; bit++) valid += (mask[bit >> 3]! >> (bit & 7)) & 1;
  return valid;
}

/**
 * Accumulates the Arrow validity bitmap of one column across the DuckDB
 * chunks that make up a record batch.
 *
 * The bitmap is only allocated once the first NULL shows up: Arrow lets a
 * column without NULLs omit it, which saves a buffer per column in the common
 * all-valid case.
 */
export class ValidityBitmapBuilder {
  private bits: Uint8Array | null = null;
  private length = 0;
  private nullCount = 0;

  /** Appends the validity of rows [start, start + count) of a DuckDB mask (null: all valid). */
  appendFromMask(mask: Uint8Array | null, start: number, count: number): void {
    if (mask === null) {
      this.appendValid(count);
      return;
    }
    const nulls = count - countValid(mask, start, count);
    if (nulls === 0) {
      this.appendValid(count);
      return;
    }
    const bits = this.materialise(this.length + count);
    copyBits(mask, start, bits, this.length, count);
    this.length += count;
    this.nullCount += nulls;
  }

  appendValid(count: number): void {
    if (this.bits !== null) setBitsValid(this.materialise(this.length + count), this.length, count);
    this.length += count;
  }

  appendNull(): void {
    const bits = this.materialise(this.length + 1);
    bits[this.length >> 3]! &= ~(1 << (this.length & 7));
    this.length++;
    this.nullCount++;
  }

  /** Hands over what was appended since the last call and starts over empty. */
  finish(): { nullCount: number; nullBitmap: Uint8Array | undefined } {
    const result = {
      nullCount: this.nullCount,
      nullBitmap: this.bits === null ? undefined : this.bits.slice(0, Math.ceil(this.length / 8)),
    };
    this.bits = null;
    this.length = 0;
    this.nullCount = 0;
    return result;
  }

  /** Returns a bitmap able to hold `rows` rows, every row appended so far marked valid. */
  private materialise(rows: number): Uint8Array {
    const bytesNeeded = Math.ceil(rows / 8);
    if (this.bits === null || this.bits.length < bytesNeeded) {
      // Filled with 1s so the rows appended before the first NULL (never
      // written to a bitmap) read as valid.
      const grown = new Uint8Array(Math.max(bytesNeeded, (this.bits?.length ?? 0) * 2, 256)).fill(0xff);
      if (this.bits !== null) grown.set(this.bits);
      this.bits = grown;
    }
    return this.bits;
  }
}

function setBitsValid(bits: Uint8Array, start: number, count: number): void {
  let bit = start;
  const end = start + count;
  for (; bit < end && (bit & 7) !== 0; bit++) bits[bit >> 3]! |= 1 << (bit & 7);
  const wholeBytesEnd = end & ~7;
  if (bit < wholeBytesEnd) {
    bits.fill(0xff, bit >> 3, wholeBytesEnd >> 3);
    bit = wholeBytesEnd;
  }
  for (; bit < end; bit++) bits[bit >> 3]! |= 1 << (bit & 7);
}

function copyBits(source: Uint8Array, sourceStart: number, target: Uint8Array, targetStart: number, count: number): void {
  if ((sourceStart & 7) === 0 && (targetStart & 7) === 0) {
    // The trailing partial byte may carry bits past `count`; they sit beyond
    // the builder's length and are overwritten bit by bit by the next append.
    target.set(source.subarray(sourceStart >> 3, (sourceStart + count + 7) >> 3), targetStart >> 3);
    return;
  }
  for (let i = 0; i < count; i++) {
    const from = sourceStart + i;
    const to = targetStart + i;
    if ((source[from >> 3]! >> (from & 7)) & 1) target[to >> 3]! |= 1 << (to & 7);
    else target[to >> 3]! &= ~(1 << (to & 7));
  }
}
