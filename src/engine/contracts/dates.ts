import type { IsoDate } from "../isoDate";

/** The first day of service that can exist: open start dates mean "since always". */
export const FIRST_DATE = "0001-01-01" as IsoDate;
/** The last day of service that can exist: open end dates mean "until further notice" (TiC uses 9999-12-31). */
export const LAST_DATE = "9999-12-31" as IsoDate;

/** The calendar day after an ISO date ("2024-12-31" -> "2025-01-01"); ISO text keeps comparing as dates. */
export function dayAfter(date: IsoDate): IsoDate {
  if (date >= LAST_DATE) return LAST_DATE;
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return shifted(year, month, day + 1);
}

/** The calendar day before an ISO date ("2025-01-01" -> "2024-12-31"). */
export function dayBefore(date: IsoDate): IsoDate {
  if (date <= FIRST_DATE) return FIRST_DATE;
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return shifted(year, month, day - 1);
}

/** The ISO date of a year, month and day, the day possibly past either end of its month. */
function shifted(year: number, month: number, day: number): IsoDate {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, also right for years below 100
  return `${String(date.getUTCFullYear()).padStart(4, "0")}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}` as IsoDate;
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
