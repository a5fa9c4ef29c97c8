import type { IsoDate } from "../isoDate";

/** The first day of service that can exist: open start dates mean "since always". */
export const FIRST_DATE = "0001-01-01" as IsoDate;
/** The last day of service that can exist: open end dates mean "until further notice" (TiC uses 9999-12-31). */
export const LAST_DATE = "9999-12-31" as IsoDate;

/** The calendar day after an ISO date ("2024-12-31" -> "2025-01-01"); ISO text keeps comparing as dates. */
export function dayAfter(date: IsoDate): IsoDate {
  if (date >= LAST_DATE) return LAST_DATE;
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const next = new Date(0);
  next.setUTCFullYear(year, month - 1, day + 1); // unlike Date.UTC, also right for years below 100
  return `${String(next.getUTCFullYear()).padStart(4, "0")}-${String(next.getUTCMonth() + 1).padStart(2, "0")}-${String(next.getUTCDate()).padStart(2, "0")}` as IsoDate;
}

/** Whether `date` lies in [start, end], both ends inclusive (contract and schedule periods include both days). */
export function isWithin(date: IsoDate, start: IsoDate, end: IsoDate): boolean {
  return start <= date && date <= end;
}

/** How many of the sorted `boundaries` are on or before `date`: the index of the period the date falls in. */
export function periodIndex(boundaries: readonly IsoDate[], date: IsoDate): number {
  let low = 0;
  let high = boundaries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (boundaries[middle]! <= date) low = middle + 1;
    else high = middle;
  }
  return low;
}
