import { FIRST_DATE, LAST_DATE } from "../../engine";
import type { Decimal } from "../../engine";
import { feeScheduleKey, type FeeScheduleRow } from "../../engine";
import type { IsoDate } from "../../engine";
import { problem, type PayerScheduleProblem } from "./issues";
import type { PayerScheduleRow } from "./preview";

const ratesText = (row: FeeScheduleRow): string =>
  [row.nonFacilityRate, row.facilityRate].map((rate) => rate?.toFixed(2) ?? "blank").join(" / ");
const sameRate = (a: Decimal | null, b: Decimal | null): boolean => (a === null ? b === null : b !== null && a.eq(b));
const sameRates = (a: FeeScheduleRow, b: FeeScheduleRow): boolean =>
  sameRate(a.nonFacilityRate, b.nonFacilityRate) && sameRate(a.facilityRate, b.facilityRate);
const startOf = (row: FeeScheduleRow): IsoDate => row.effectiveStartDate ?? FIRST_DATE;
const endOf = (row: FeeScheduleRow): IsoDate => row.effectiveEndDate ?? LAST_DATE;

/**
 * Finds rows that repeat a code and modifier on overlapping dates, with the same rule as the engine's
 * buildFeeSchedule: identical rows are a warning and the second copy is dropped; different rates are an error naming
 * both rows, and neither is kept, so the user chooses instead of the import choosing silently.
 */
export function findDuplicates(rows: readonly PayerScheduleRow[]): {
  rows: PayerScheduleRow[];
  problems: PayerScheduleProblem[];
  dropped: number;
} {
  const problems: PayerScheduleProblem[] = [];
  const seen = new Map<string, PayerScheduleRow[]>();
  const conflicting = new Set<PayerScheduleRow>();
  const dropped = new Set<PayerScheduleRow>();
  for (const row of rows) {
    const key = feeScheduleKey(row.hcpcsCode, row.modifier);
    const earlier = seen.get(key) ?? [];
    const label = `${row.hcpcsCode}${row.modifier ? ` ${row.modifier}` : ""}`;
    const overlapping = earlier.filter((other) => startOf(other) <= endOf(row) && startOf(row) <= endOf(other));
    const twin = overlapping.find(
      (other) => sameRates(other, row) && startOf(other) === startOf(row) && endOf(other) === endOf(row),
    );
    if (twin) {
      const firstRowNumber = twin.sourceRowNumber;
      const issue = { code: "rowDuplicated", rowNumber: row.sourceRowNumber, firstRowNumber, key: label } as const;
      problems.push(problem(issue, row.sourceRowNumber));
      dropped.add(row);
      continue;
    }
    // One error per later row, naming the first row it contradicts: n copies give n - 1 errors, not n^2.
    const other = overlapping.find((o) => !sameRates(o, row));
    if (other) {
      conflicting.add(other).add(row);
      problems.push(
        problem(
          {
            code: "rowsConflict",
            rowNumber: row.sourceRowNumber,
            firstRowNumber: other.sourceRowNumber,
            key: label,
            firstRates: ratesText(other),
            rates: ratesText(row),
          },
          row.sourceRowNumber,
        ),
      );
    }
    seen.set(key, [...earlier, row]);
  }
  return {
    rows: rows.filter((row) => !conflicting.has(row) && !dropped.has(row)),
    problems,
    dropped: dropped.size,
  };
}
