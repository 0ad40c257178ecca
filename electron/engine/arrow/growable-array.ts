type GrowableKind = Uint8Array | Int32Array | Float64Array;

interface GrowableKindConstructor<T extends GrowableKind> {
  new (length: number): T;
}

/**
 * An append-only typed array that doubles when full.
 *
 * `take()` hands the filled part to Arrow as a view when that wastes little
 * (no copy), and remembers the size so the next batch's store is allocated
 * about right from the start: steady-state batches then cost no copies and no
 * regrowth beyond the one unavoidable copy out of DuckDB.
 */
export class GrowableArray<T extends GrowableKind> {
  private storage: T;
  private nextCapacity: number;
  length = 0;

  constructor(
    private readonly create: GrowableKindConstructor<T>,
    initialCapacity = 1024,
  ) {
    this.storage = new create(0);
    this.nextCapacity = Math.max(16, initialCapacity);
  }

  /** The current backing store: valid up to `length`, replaced when it grows. */
  get array(): T {
    return this.storage;
  }

  /** Makes room for `extra` more elements and returns the backing array to write into at `length`. */
  reserve(extra: number): T {
    const needed = this.length + extra;
    if (needed > this.storage.length) {
      let capacity = Math.max(this.storage.length * 2, this.nextCapacity);
      while (capacity < needed) capacity *= 2;
      const grown = new this.create(capacity);
      grown.set(this.storage.subarray(0, this.length));
      this.storage = grown;
    }
    return this.storage;
  }

  push(value: number): void {
    this.reserve(1)[this.length++] = value;
  }

  /** Copies `source[from, from + count)` onto the end. */
  appendFrom(source: GrowableKind, from: number, count: number): void {
    const target = this.reserve(count);
    target.set(source.subarray(from, from + count), this.length);
    this.length += count;
  }

  /**
   * Lends the contents as a view and empties the array, keeping the store:
   * the view is only valid until the next append, long enough to copy it
   * into IPC bytes. Saves allocating (and page-faulting) a fresh store per
   * record batch.
   */
  lend(): T {
    const length = this.length;
    this.length = 0;
    return this.storage.subarray(0, length) as T;
  }

  /** `lend()` or `take()`. */
  handOver(lend: boolean): T {
    return lend ? this.lend() : this.take();
  }

  /**
   * Hands over the contents and empties the array. A store at least 3/4 full
   * is given away as a view (and never written again); otherwise the contents
   * are copied to an exact fit and the store is kept for reuse.
   */
  take(): T {
    const length = this.length;
    this.length = 0;
    if (length * 4 >= this.storage.length * 3) {
      const taken = this.storage.subarray(0, length) as T;
      this.storage = new this.create(0);
      this.nextCapacity = Math.max(16, length);
      return taken;
    }
    return this.storage.slice(0, length) as T;
  }
}
