import { dayAfter, FIRST_DATE, isWithin, LAST_DATE } from "./contracts/dates";
import type { Decimal } from "./decimal";
import type { HcpcsCode } from "./hcpcsCode";
import type { EngineIssue } from "./issues";
import type { IsoDate } from "./isoDate";
import type { Modifier } from "./modifiers";
import type { CareSetting } from "./placeOfService";
import { fail, ok, type Result } from "./result";

/**
 * One row of a payer fee schedule table (e.g. `FS_AcmePPO_2025`): the contracted rate of a code and modifier in each
 * setting, for the dates of service it is in effect (DOMAIN.md 3.1, "flat fee schedule").
 */
export interface FeeScheduleRow {
  readonly hcpcsCode: HcpcsCode;
  /** null = the code's blank-modifier row; else a modifier with its own rate (26, TC, 50, ...). */
  readonly modifier: Modifier | null;
  /** Dollars. A blank rate means the row has one rate, and the other setting's rate applies to both settings. */
  readonly nonFacilityRate: Decimal | null;
  readonly facilityRate: Decimal | null;
  /** Inclusive; null = open (in effect since always / until further notice). */
  readonly effectiveStartDate: IsoDate | null;
  readonly effectiveEndDate: IsoDate | null;
  /** The row's number in the sheet, for issues and the pricing trace. */
  readonly sourceRowNumber: number;
}

/** A fee schedule indexed by code + modifier, each key's rows sorted by start date. */
export interface FeeSchedule {
  /** The table name, as contracts refer to it ("FS_AcmePPO_2025"). */
  readonly name: string;
  readonly rowsByKey: ReadonlyMap<string, readonly FeeScheduleRow[]>;
  /**
   * Every date on which some row starts or stops being in effect, sorted: between two consecutive boundaries the
   * schedule gives the same answer for every code, which the batch pricer uses to price each period once.
   */
  readonly dateBoundaries: readonly IsoDate[];
}

/** A rate found for a line, and why this row. */
export interface FeeScheduleMatch {
  readonly row: FeeScheduleRow;
  readonly rate: Decimal;
  /** The line modifier that selected a modifier-specific row, or null for the blank-modifier row. */
  readonly matchedModifier: Modifier | null;
  /** Set when the row has one rate and it was used for the other setting too. */
  readonly singleRateNote: string | null;
}

/**
 * Modifiers that price a different service than the code alone: 26 (professional component), TC (technical
 * component), 53 (discontinued). A line carrying one needs its own row; the blank-modifier row is the global
 * service (26 + TC), so falling back to it would pay the whole service for a part of it (DOMAIN.md 2.3, 2.6).
 */
export const COMPONENT_MODIFIERS: readonly string[] = ["26", "TC", "53"];

/** The index key of a code and modifier ("71046|26", "99213|"). */
export function feeScheduleKey(hcpcsCode: HcpcsCode, modifier: Modifier | null): string {
  return `${hcpcsCode}|${modifier ?? ""}`;
}

const startOf = (row: FeeScheduleRow): IsoDate => row.effectiveStartDate ?? FIRST_DATE;
const endOf = (row: FeeScheduleRow): IsoDate => row.effectiveEndDate ?? LAST_DATE;
const sameRate = (a: Decimal | null, b: Decimal | null): boolean => (a === null ? b === null : b !== null && a.eq(b));
const sameRates = (a: FeeScheduleRow, b: FeeScheduleRow): boolean =>
  sameRate(a.nonFacilityRate, b.nonFacilityRate) && sameRate(a.facilityRate, b.facilityRate);
const overlaps = (a: FeeScheduleRow, b: FeeScheduleRow): boolean => startOf(a) <= endOf(b) && startOf(b) <= endOf(a);

function duplicateIssue(name: string, first: FeeScheduleRow, second: FeeScheduleRow): EngineIssue {
  return {
    code: "feeScheduleDuplicateRow",
    scheduleName: name,
    hcpcsCode: first.hcpcsCode,
    modifier: first.modifier,
    firstRowNumber: first.sourceRowNumber,
    secondRowNumber: second.sourceRowNumber,
  };
}

/**
 * Indexes fee schedule rows by code + modifier and reports what is wrong with them: a row without any rate, an end
 * date before its start, and conflicting duplicates (same key, overlapping dates, different rates), naming both
 * rows. Identical duplicates (a row pasted twice) are harmless and kept once. Conflicting rows stay in the index:
 * a lookup on a date both cover answers with the duplicate issue rather than picking one silently.
 */
export function buildFeeSchedule(
  name: string,
  rows: readonly FeeScheduleRow[],
): { readonly schedule: FeeSchedule; readonly issues: readonly EngineIssue[] } {
  const issues: EngineIssue[] = [];
  const rowsByKey = new Map<string, FeeScheduleRow[]>();
  const boundaries = new Set<IsoDate>();
  for (const row of rows) {
    if (row.nonFacilityRate === null && row.facilityRate === null) {
      issues.push({ code: "feeScheduleRowWithoutRate", scheduleName: name, rowNumber: row.sourceRowNumber });
      continue;
    }
    if (startOf(row) > endOf(row)) {
      issues.push({ code: "feeScheduleRowDatesReversed", scheduleName: name, rowNumber: row.sourceRowNumber });
      continue;
    }
    const key = feeScheduleKey(row.hcpcsCode, row.modifier);
    const existing = rowsByKey.get(key) ?? [];
    const overlapping = existing.filter((other) => overlaps(other, row));
    const pastedTwice = (other: FeeScheduleRow) =>
      sameRates(other, row) && startOf(other) === startOf(row) && endOf(other) === endOf(row);
    if (overlapping.some(pastedTwice)) continue;
    for (const other of overlapping) if (!sameRates(other, row)) issues.push(duplicateIssue(name, other, row));
    existing.push(row);
    rowsByKey.set(key, existing);
    if (row.effectiveStartDate !== null) boundaries.add(row.effectiveStartDate);
    if (row.effectiveEndDate !== null) boundaries.add(dayAfter(row.effectiveEndDate));
  }
  for (const list of rowsByKey.values()) list.sort((a, b) => (startOf(a) < startOf(b) ? -1 : 1));
  return { schedule: { name, rowsByKey, dateBoundaries: [...boundaries].sort() }, issues };
}

/** The row of one key in effect on a date: none, one, or the duplicate issue when two rows disagree. */
function rowInEffect(schedule: FeeSchedule, key: string, serviceDate: IsoDate): Result<FeeScheduleRow | null> {
  const rows = schedule.rowsByKey.get(key);
  if (rows === undefined) return ok(null);
  let found: FeeScheduleRow | null = null;
  for (const row of rows) {
    if (!isWithin(serviceDate, startOf(row), endOf(row))) continue;
    if (found !== null && !sameRates(found, row)) return fail(duplicateIssue(schedule.name, found, row));
    found ??= row;
  }
  return ok(found);
}

/**
 * The rate of a claim line on its date of service, in its setting. Which row:
 * 1. a row for one of the line's modifiers (in the line's order), e.g. `71046 26` or a payer's own `50` rate;
 * 2. else, when the line carries 26, TC or 53 ({@link COMPONENT_MODIFIERS}), no rate: those need their own row;
 * 3. else the code's blank-modifier row (59, LT, 25 and the like do not change the fee schedule rate).
 * A row with one rate uses it for both settings. `ok(null)` means the schedule has no rate (the contract's default
 * rule decides). Source: DOMAIN.md 3.1 (fee schedule rate[code, mod, POS class, DOS]).
 */
export function findFeeScheduleRate(
  schedule: FeeSchedule,
  hcpcsCode: HcpcsCode,
  modifiers: readonly Modifier[],
  setting: CareSetting,
  serviceDate: IsoDate,
): Result<FeeScheduleMatch | null> {
  let row: FeeScheduleRow | null = null;
  let matchedModifier: Modifier | null = null;
  for (const modifier of modifiers) {
    const found = rowInEffect(schedule, feeScheduleKey(hcpcsCode, modifier), serviceDate);
    if (!found.ok) return found;
    if (found.value !== null) {
      row = found.value;
      matchedModifier = modifier;
      break;
    }
  }
  if (row === null) {
    if (modifiers.some((m) => COMPONENT_MODIFIERS.includes(m))) return ok(null);
    const found = rowInEffect(schedule, feeScheduleKey(hcpcsCode, null), serviceDate);
    if (!found.ok) return found;
    if (found.value === null) return ok(null);
    row = found.value;
  }
  const own = setting === "facility" ? row.facilityRate : row.nonFacilityRate;
  const other = setting === "facility" ? row.nonFacilityRate : row.facilityRate;
  const rate = own ?? other;
  if (rate === null) throw new Error("buildFeeSchedule keeps only rows with a rate");
  const singleRateNote = own === null ? `the row has no ${setting} rate: its one rate applies to both settings` : null;
  return ok({ row, rate, matchedModifier, singleRateNote });
}
