import type { PayerScheduleRow } from "./rowReader";

/**
 * The clean rows of a preview, read from the source grid when they are asked for. The grid is the one copy of the
 * file a preview holds; a million clean rows as objects (with their decimals) would hold it a second time, so only
 * their places are kept here (4 bytes a row) and each row is read again through the same mapping when needed:
 * to write the schedule, to show a sample.
 */
export class PreviewRows implements Iterable<PayerScheduleRow> {
  constructor(
    /** The grid index of each clean row, in source order. */
    private readonly gridIndexes: Int32Array,
    private readonly read: (gridIndex: number) => PayerScheduleRow,
  ) {}

  /** How many clean rows there are. */
  get length(): number {
    return this.gridIndexes.length;
  }

  /** The clean row at a position (0-based; negative counts from the end, as `Array.prototype.at`). */
  at(position: number): PayerScheduleRow | undefined {
    const index = this.gridIndexes.at(position);
    return index === undefined ? undefined : this.read(index);
  }

  /** The clean rows from `start` up to (not including) `end`, as an array: a page to show. */
  slice(start = 0, end = this.length): PayerScheduleRow[] {
    return Array.from(this.gridIndexes.subarray(start, end), (index) => this.read(index));
  }

  /** Each clean row mapped, in source order (one row read at a time). */
  map<T>(fn: (row: PayerScheduleRow, position: number) => T): T[] {
    return Array.from(this.gridIndexes, (index, position) => fn(this.read(index), position));
  }

  *[Symbol.iterator](): Iterator<PayerScheduleRow> {
    for (const index of this.gridIndexes) yield this.read(index);
  }
}
