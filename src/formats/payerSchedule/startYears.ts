import type { FeeScheduleRow } from "../../engine";

/**
 * Counts the clean rows of a preview by the year they start in (rows without a start date are not counted), so
 * that the year a schedule is "for" can be told without reading the rows again. Rows can be counted out again
 * (duplicates are found after the first pass). The rule that picks the year is the Excel layer's `scheduleYear`.
 */
export class StartYears {
  private readonly byYear = new Map<number, number>();

  /** Counts a row's start year. */
  add(row: Pick<FeeScheduleRow, "effectiveStartDate">): void {
    this.change(row, 1);
  }

  /** Takes a counted row out again. */
  remove(row: Pick<FeeScheduleRow, "effectiveStartDate">): void {
    this.change(row, -1);
  }

  private change(row: Pick<FeeScheduleRow, "effectiveStartDate">, by: number): void {
    if (row.effectiveStartDate === null) return;
    const year = Number(row.effectiveStartDate.slice(0, 4));
    const count = (this.byYear.get(year) ?? 0) + by;
    if (count === 0) this.byYear.delete(year);
    else this.byYear.set(year, count);
  }

  /** How many counted rows start in each year. */
  get counts(): ReadonlyMap<number, number> {
    return new Map(this.byYear);
  }
}
