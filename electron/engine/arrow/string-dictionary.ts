import type { DuckDBStringVector } from './duckdb-string-vector';
import { MAX_INLINED_LENGTH } from './duckdb-string-vector';
import { GrowableArray } from './growable-array';

const TWO_TO_32 = 4294967296;
/** The guess table for long strings starts this big and grows to twice the long entries, up to the cap. */
const INITIAL_GUESS_SLOTS = 4096;
const MAX_GUESS_SLOTS = 1 << 20;
/** Inline-table tags pack (entry + 1) above a 4-bit length, so entries must stay below 2^27. */
const MAX_ENTRIES = (1 << 27) - 2;

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
  // Chained rather than three independent products: codes like 'C0012345'
  // differ only in a few bits of one word, which a plain xor of products
  // folded into a quarter fewer slots.
  let h = Math.imul(a ^ length, 0x9e3779b1);
  h = Math.imul(rotate(h, 13) ^ b, 0x85ebca6b);
  h = Math.imul(rotate(h, 13) ^ c, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 15);
}

/**
 * The distinct values of a string column, kept as the UTF-8 bytes Arrow's
 * Utf8 dictionary wants. Nothing is ever decoded into a JS string: that
 * decoding (and a Map keyed by it) is what makes row-object paths slow.
 *
 * Strings of up to 12 bytes live in their own open-addressing table whose
 * slots hold the whole key (the three words DuckDB inlines them in, and the
 * length packed beside the entry number), so a lookup is a few integer ops on
 * one cache line, even with tens of thousands of distinct values. DuckDB
 * zero-pads inline strings; if padding were ever dirty, equal strings would
 * merely get two dictionary entries, never a wrong value, since the length is
 * part of the key and only `length` bytes are copied.
 *
 * Longer strings are first checked against the entry last seen with the same
 * length, first eight and last four bytes, which costs one comparison of the
 * bytes; only when that guess is wrong are all the bytes hashed and looked up
 * in a second table.
 */
export class StringDictionary {
  private readonly bytes = new GrowableArray(Uint8Array, 1 << 14);
  private readonly offsets = new GrowableArray(Int32Array, 1024);
  private entries = 0;
  /** Inline strings, 4 words a slot: [(entry + 1) << 4 | length, word 1, word 2, word 3]; 0 marks a free slot. */
  private inlineSlots = new Int32Array(4 * 256);
  private inlineUsed = 0;
  /** Long strings: entry + 1 per slot, with each entry's hash kept to skip most byte comparisons. */
  private longSlots = new Int32Array(256);
  private longUsed = 0;
  /** The hash of the entry in the same slot of `longSlots`. */
  private longHashes = new Int32Array(256);
  /**
   * Per cheap hash of a long string (its length and three of its words: the
   * first two and the last): the entry (+1) last seen with that hash. A
   * guess, always checked against the bytes; a cache, so collisions only
   * cost a miss.
   */
  private guesses = new Int32Array(INITIAL_GUESS_SLOTS);
  /** How many entries `takeNewEntries` has handed out so far. */
  private taken = 0;
  private storedBytes = new Uint8Array(0);
  private storedBytesView = new DataView(this.storedBytes.buffer);

  constructor() {
    this.offsets.push(0);
  }

  get size(): number {
    return this.entries;
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
    const { words, heapOfRow, heapViews, heapStarts } = strings;
    let guesses = this.guesses;
    let guessMask = guesses.length - 1;
    let slots = this.inlineSlots;
    let slotMask = slots.length - 4;
    let offsets = this.offsets.array;
    let stored = this.storedView();
    for (let row = start, at = outAt; row < start + count; row++, at++) {
      if (validity !== null && (validity[row >> 3]! & (1 << (row & 7))) === 0) {
        out[at] = 0;
        continue;
      }
      const w = row * 4;
      const length = words[w]!;
      const a = words[w + 1]!;
      if (length > MAX_INLINED_LENGTH) {
        const h = heapOfRow[row - strings.start]!;
        const view = heapViews[h]!;
        const offset = (words[w + 2]! >>> 0) + (words[w + 3]! >>> 0) * TWO_TO_32 - heapStarts[h]!;
        const guessSlot = hashInline(length, a, view.getInt32(offset + 4, true), view.getInt32(offset + length - 4, true)) & guessMask;
        let entry = guesses[guessSlot]! - 1;
        if (entry >= 0) {
          // Four bytes at a time; the last word read ends at the last byte,
          // overlapping the one before (length > 12, so it never starts before 0).
          const from = offsets[entry]!;
          let k = 0;
          if (offsets[entry + 1]! - from === length) {
            while (k < length - 4 && stored.getInt32(from + k, true) === view.getInt32(offset + k, true)) k += 4;
          }
          if (k < length - 4 || stored.getInt32(from + length - 4, true) !== view.getInt32(offset + length - 4, true)) entry = -1;
        }
        if (entry < 0) {
          entry = this.indexOfLong(strings.heaps[h]!, view, offset, length);
          guesses[guessSlot] = entry + 1;
          guesses = this.guesses;
          guessMask = guesses.length - 1;
          offsets = this.offsets.array;
          stored = this.storedView();
        }
        out[at] = entry;
        continue;
      }
      const b = words[w + 2]!;
      const c = words[w + 3]!;
      let slot = (hashInline(length, a, b, c) << 2) & slotMask;
      let entry = -1;
      for (;;) {
        const tag = slots[slot]!;
        if (tag === 0) break;
        if ((tag & 15) === length && slots[slot + 1] === a && slots[slot + 2] === b && slots[slot + 3] === c) {
          entry = (tag >>> 4) - 1;
          break;
        }
        slot = (slot + 4) & slotMask;
      }
      if (entry < 0) {
        entry = this.add(strings.stringTs, w * 4 + 4, length);
        this.placeInline(entry, length, a, b, c);
        slots = this.inlineSlots;
        slotMask = slots.length - 4;
        offsets = this.offsets.array;
        stored = this.storedView();
      }
      out[at] = entry;
    }
  }

  /** Every entry's bytes back to back (valid up to the last entry's end offset); replaced as it grows. */
  get entryBytes(): Uint8Array {
    return this.bytes.array;
  }

  /** Entry i spans `entryBytes[entryOffsets[i], entryOffsets[i + 1])`; replaced as it grows. */
  get entryOffsets(): Int32Array {
    return this.offsets.array;
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
  private indexOfLong(source: Uint8Array, view: DataView, offset: number, length: number): number {
    const hash = hashBytes(view, offset, length);
    const slots = this.longSlots;
    const slotMask = slots.length - 1;
    const hashes = this.longHashes;
    const offsets = this.offsets.array;
    const stored = this.storedView();
    for (let slot = hash & slotMask; ; slot = (slot + 1) & slotMask) {
      const entry = slots[slot]! - 1;
      if (entry < 0) break;
      if (hashes[slot] === hash && entryEquals(stored, offsets, entry, view, offset, length)) return entry;
    }
    const entry = this.add(source, offset, length);
    this.placeLong(entry, hash);
    if (this.longUsed * 2 > this.guesses.length && this.guesses.length < MAX_GUESS_SLOTS) this.guesses = new Int32Array(this.guesses.length * 2);
    return entry;
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

  private add(source: Uint8Array, offset: number, length: number): number {
    if (this.entries >= MAX_ENTRIES) throw new Error('A text column has more distinct values than one Arrow dictionary can index');
    if (length <= 64) {
      // A byte loop beats subarray + set (a view object per call) for short strings.
      const target = this.bytes.reserve(length);
      const at = this.bytes.length;
      for (let i = 0; i < length; i++) target[at + i] = source[offset + i]!;
      this.bytes.length = at + length;
    } else {
      this.bytes.appendFrom(source, offset, length);
    }
    this.offsets.push(this.bytes.length);
    return this.entries++;
  }

  private placeInline(entry: number, length: number, a: number, b: number, c: number): void {
    // Kept at most half full so probe chains stay short.
    if (++this.inlineUsed * 2 > this.inlineSlots.length / 4) this.growInline();
    const slots = this.inlineSlots;
    const slotMask = slots.length - 4;
    let slot = (hashInline(length, a, b, c) << 2) & slotMask;
    while (slots[slot] !== 0) slot = (slot + 4) & slotMask;
    slots[slot] = ((entry + 1) << 4) | length;
    slots[slot + 1] = a;
    slots[slot + 2] = b;
    slots[slot + 3] = c;
  }

  private growInline(): void {
    const old = this.inlineSlots;
    const slots = new Int32Array(old.length * 2);
    const slotMask = slots.length - 4;
    for (let from = 0; from < old.length; from += 4) {
      const tag = old[from]!;
      if (tag === 0) continue;
      const a = old[from + 1]!;
      const b = old[from + 2]!;
      const c = old[from + 3]!;
      let slot = (hashInline(tag & 15, a, b, c) << 2) & slotMask;
      while (slots[slot] !== 0) slot = (slot + 4) & slotMask;
      slots[slot] = tag;
      slots[slot + 1] = a;
      slots[slot + 2] = b;
      slots[slot + 3] = c;
    }
    this.inlineSlots = slots;
  }

  private placeLong(entry: number, hash: number): void {
    if (++this.longUsed * 2 > this.longSlots.length) this.growLong();
    const slots = this.longSlots;
    const slotMask = slots.length - 1;
    let slot = hash & slotMask;
    while (slots[slot] !== 0) slot = (slot + 1) & slotMask;
    slots[slot] = entry + 1;
    this.longHashes[slot] = hash;
  }

  private growLong(): void {
    const oldSlots = this.longSlots;
    const oldHashes = this.longHashes;
    const slots = new Int32Array(oldSlots.length * 2);
    const hashes = new Int32Array(slots.length);
    const slotMask = slots.length - 1;
    for (let from = 0; from < oldSlots.length; from++) {
      if (oldSlots[from] === 0) continue;
      const hash = oldHashes[from]!;
      let slot = hash & slotMask;
      while (slots[slot] !== 0) slot = (slot + 1) & slotMask;
      slots[slot] = oldSlots[from]!;
      hashes[slot] = hash;
    }
    this.longSlots = slots;
    this.longHashes = hashes;
  }
}

/** Whether entry `entry` holds exactly the `length` bytes at `view[offset]`. */
function entryEquals(stored: DataView, offsets: Int32Array, entry: number, view: DataView, offset: number, length: number): boolean {
  const start = offsets[entry]!;
  if (offsets[entry + 1]! - start !== length) return false;
  let k = 0;
  while (k + 4 <= length && stored.getInt32(start + k, true) === view.getInt32(offset + k, true)) k += 4;
  while (k < length && stored.getUint8(start + k) === view.getUint8(offset + k)) k++;
  return k === length;
}
