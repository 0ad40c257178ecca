/**
 * Which rows of a vector to append, as ordered (start, count) runs.
 *
 * A top-level column appends a whole chunk (one run); a list column appends
 * the element ranges its rows point at. Handing a builder every run of a
 * vector at once lets it copy that vector out of DuckDB once, however many
 * runs there are (a flattened constant list repeats the same range per row).
 */
export class RowRanges {
  readonly starts: number[] = [];
  readonly counts: number[] = [];
  /** Smallest start and largest end over all runs: the part of the vector worth copying out. */
  first = Number.POSITIVE_INFINITY;
  end = 0;
  rowCount = 0;

  static whole(size: number): RowRanges {
    const ranges = new RowRanges();
    ranges.add(0, size);
    return ranges;
  }

  get length(): number {
    return this.starts.length;
  }

  /** Adds a run, extending the previous one when it continues right where that ended. */
  add(start: number, count: number): void {
    if (count === 0) return;
    const last = this.starts.length - 1;
    if (last >= 0 && this.starts[last]! + this.counts[last]! === start) this.counts[last]! += count;
    else {
      this.starts.push(start);
      this.counts.push(count);
    }
    if (start < this.first) this.first = start;
    if (start + count > this.end) this.end = start + count;
    this.rowCount += count;
  }
}
