import type { DuckDBStringVector } from './duckdb-string-vector';
import { MAX_INLINED_LENGTH } from './duckdb-string-vector';
import { GrowableArray } from './growable-array';

function rotate(h: number, bits: number): number {
  return (h << bits) | (h >>> (32 - bits));
}

/** Final avalanche (MurmurHash3 fmix32): spreads every input bit over the slot bits. */
function finalise(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Hash of a long string, read four bytes at a time through a DataView. Four
 * independent lanes let the multiplies overlap: one serial chain made hashing
 * a 30-byte string cost ~45 ns, more than everything else per row together.
 */
function hashBytes(view: DataView, offset: number, length: number): number {
  let h1 = length;
  let h2 = 0x9e3779b9;
  let h3 = 0x85ebca6b;
  let h4 = 0xc2b2ae35;
  let i = 0;
  for (; i + 16 <= length; i += 16) {
    h1 = rotate(Math.imul(h1 ^ view.getInt32(offset + i, true), 0x9e3779b1), 13);
    h2 = rotate(Math.imul(h2 ^ view.getInt32(offset + i + 4, true), 0x85ebca77), 15);
    h3 = rotate(Math.imul(h3 ^ view.getInt32(offset + i + 8, true), 0xc2b2ae3d), 17);
    h4 = rotate(Math.imul(h4 ^ view.getInt32(offset + i + 12, true), 0x27d4eb2f), 19);
  }
  for (; i + 4 <= length; i += 4) h1 = rotate(Math.imul(h1 ^ view.getInt32(offset + i, true), 0x9e3779b1), 13);
  let tail = 0;
  for (let shift = 0; i < length; i++, shift += 8) tail |= view.getUint8(offset + i) << shift;
  h2 = Math.imul(h2 ^ tail, 0x85ebca77);
  return finalise(h1 ^ rotate(h2, 7) ^ rotate(h3, 11) ^ rotate(h4, 23));
}

/** A cheaper hash for the four words of an inline string_t: the hottest line of the VARCHAR path. */
function hashInline(length: number, a: number, b: number, c: number): number {
  let h = Math.imul(a ^ length, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 13);
}

/**
 * The distinct values of a string column, kept as the UTF-8 bytes Arrow's
 * Utf8 dictionary wants and keyed by an open-addressing hash table over those
 * bytes. Nothing is ever decoded into a JS string: that
 * decoding (and a Map keyed by it) is what makes row-object paths slow.
 *
 * Strings of up to 12 bytes are keyed by their whole inline string_t (length
 * word plus the three words DuckDB inlines them in), so the common short-
 * category case is a few integer ops and no byte loop. DuckDB zero-pads
 * inline strings; if padding were ever dirty, equal strings would merely get
 * two dictionary entries, never a wrong value, since the length is part of
 * the key and only `length` bytes are copied.
 */
export class StringDictionary {
  private readonly bytes = new GrowableArray(Uint8Array, 1 << 14);
  private readonly offsets = new GrowableArray(Int32Array, 1024);
  /** Per entry: [length, inline word 1, 2, 3] for inline strings, [length, 0, 0, 0] otherwise. */
  private readonly keys = new GrowableArray(Int32Array, 4 * 1024);
  private readonly hashes = new GrowableArray(Int32Array, 1024);
  private slots = new Int32Array(1024);
  private slotMask = 1023;
  /** How many entries `takeNewEntries` has handed out so far. */
  private taken = 0;
  private storedBytes = new Uint8Array(0);
  private storedBytesView = new DataView(this.storedBytes.buffer);

  constructor() {
    this.offsets.push(0);
  }

  get size(): number {
    return this.hashes.length;
  }

  /** Bytes of entries not yet handed out: what the next record batch will carry. */
  get pendingByteLength(): number {
    return this.bytes.length - this.offsets.array[this.taken]! + (this.size - this.taken) * 4;
  }

  /**
   * Writes the dictionary index of rows [start, start + count) of `strings`
   * to `out` from `outAt`, adding values not seen yet. NULL rows get index 0
   * (any in-range index is allowed under a NULL; 0 keeps naive readers safe).
   */
  encode(strings: DuckDBStringVector, validity: Uint8Array | null, start: number, count: number, out: Int32Array, outAt: number): void {
    const words = new Int32Array(strings.words.buffer, strings.words.byteOffset, strings.words.length);
    let slots = this.slots;
    let slotMask = this.slotMask;
    let keys = this.keys.array;
    for (let row = start, at = outAt; row < start + count; row++, at++) {
      if (validity !== null && (validity[row >> 3]! & (1 << (row & 7))) === 0) {
        out[at] = 0;
        continue;
      }
      const w = row * 4;
      const length = words[w]!;
      if (length > MAX_INLINED_LENGTH) {
        out[at] = this.indexOfBytes(strings.bytesOf(row), strings.viewOf(row), strings.offsetOf(row), length);
        slots = this.slots;
        slotMask = this.slotMask;
        keys = this.keys.array;
        continue;
      }
      const a = words[w + 1]!;
      const b = words[w + 2]!;
      const c = words[w + 3]!;
      const hash = hashInline(length, a, b, c);
      let slot = hash & slotMask;
      let entry = slots[slot]! - 1;
      while (entry >= 0) {
        const k = entry * 4;
        if (keys[k] === length && keys[k + 1] === a && keys[k + 2] === b && keys[k + 3] === c) break;
        slot = (slot + 1) & slotMask;
        entry = slots[slot]! - 1;
      }
      if (entry < 0) {
        entry = this.add(strings.stringTs, w * 4 + 4, length, hash, a, b, c);
        slots = this.slots;
        slotMask = this.slotMask;
        keys = this.keys.array;
      }
      out[at] = entry;
    }
  }

  /**
   * The entries added since the last call, as Utf8 buffers (offsets rebased
   * to 0). Entries keep their indices: the dictionary only ever grows.
   */
  takeNewEntries(): { length: number; valueOffsets: Int32Array; data: Uint8Array } {
    const first = this.taken;
    const end = this.size;
    const offsets = this.offsets.array;
    const base = offsets[first]!;
    const valueOffsets = new Int32Array(end - first + 1);
    for (let i = first; i <= end; i++) valueOffsets[i - first] = offsets[i]! - base;
    this.taken = end;
    return { length: end - first, valueOffsets, data: this.bytes.array.slice(base, offsets[end]!) };
  }

  /** Index of the `length` (> 12) bytes at `view`/`source` `offset`, adding them if new. */
  private indexOfBytes(source: Uint8Array, view: DataView, offset: number, length: number): number {
    const hash = hashBytes(view, offset, length);
    const slots = this.slots;
    const slotMask = this.slotMask;
    const hashes = this.hashes.array;
    const offsets = this.offsets.array;
    const stored = this.storedView();
    for (let slot = hash & slotMask; ; slot = (slot + 1) & slotMask) {
      const entry = slots[slot]! - 1;
      if (entry < 0) return this.add(source, offset, length, hash, 0, 0, 0);
      if (hashes[entry] !== hash) continue;
      if (this.entryEquals(entry, view, offset, length, offsets, stored)) return entry;
    }
  }

  /** Whether entry `entry` holds exactly the `length` bytes at `view[offset]`. */
  private entryEquals(entry: number, view: DataView, offset: number, length: number, offsets: Int32Array, stored: DataView): boolean {
    const start = offsets[entry]!;
    if (offsets[entry + 1]! - start !== length) return false;
    let k = 0;
    while (k + 4 <= length && stored.getInt32(start + k, true) === view.getInt32(offset + k, true)) k += 4;
    while (k < length && stored.getUint8(start + k) === view.getUint8(offset + k)) k++;
    return k === length;
  }

  /** A DataView over the stored bytes, rebuilt only when their buffer has grown. */
  private storedView(): DataView {
    const bytes = this.bytes.array;
    if (bytes !== this.storedBytes) {
      this.storedBytes = bytes;
      this.storedBytesView = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    return this.storedBytesView;
  }

  private add(source: Uint8Array, offset: number, length: number, hash: number, a: number, b: number, c: number): number {
    const index = this.hashes.length;
    this.bytes.appendFrom(source, offset, length);
    this.offsets.push(this.bytes.length);
    this.hashes.push(hash);
    const keys = this.keys.reserve(4);
    keys[index * 4] = length;
    keys[index * 4 + 1] = a;
    keys[index * 4 + 2] = b;
    keys[index * 4 + 3] = c;
    this.keys.length += 4;
    // Kept at most half full so probe chains stay short.
    if ((index + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.placeInSlot(hash, index);
    return index;
  }

  private placeInSlot(hash: number, index: number): void {
    let slot = hash & this.slotMask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.slotMask;
    this.slots[slot] = index + 1;
  }

  private rehash(slotCount: number): void {
    this.slots = new Int32Array(slotCount);
    this.slotMask = slotCount - 1;
    const hashes = this.hashes.array;
    for (let index = 0; index < this.hashes.length; index++) this.placeInSlot(hashes[index]!, index);
  }
}
