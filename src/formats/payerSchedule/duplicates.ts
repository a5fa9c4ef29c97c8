import { FIRST_DATE, LAST_DATE } from "../../engine";
import type { Decimal } from "../../engine";
import type { FeeScheduleRow, HcpcsCode, Modifier } from "../../engine";
import type { IsoDate } from "../../engine";
import { problem, type PayerScheduleProblem } from "./issues";
import type { PayerScheduleRow } from "./rowReader";

const ratesText = (row: FeeScheduleRow): string =>
  [row.nonFacilityRate, row.facilityRate].map((rate) => rate?.toFixed(2) ?? "blank").join(" / ");
const sameRate = (a: Decimal | null, b: Decimal | null): boolean => (a === null ? b === null : b !== null && a.eq(b));
const sameRates = (a: FeeScheduleRow, b: FeeScheduleRow): boolean =>
  sameRate(a.nonFacilityRate, b.nonFacilityRate) && sameRate(a.facilityRate, b.facilityRate);
const startOf = (row: FeeScheduleRow): IsoDate => row.effectiveStartDate ?? FIRST_DATE;
const endOf = (row: FeeScheduleRow): IsoDate => row.effectiveEndDate ?? LAST_DATE;

/** Modifiers are two letters or digits: 36 x 36 values, plus one for "no modifier". */
const MODIFIER_VALUES = 36 * 36 + 1;

/**
 * A code's place among all HCPCS code shapes (under 400,000): five digits (CPT), four digits and F, T, U or M
 * (CPT Categories II and III, PLA, MAAA), a letter and four digits (HCPCS Level II).
 */
function codeIndex(code: string): number {
  const last = code.charCodeAt(4);
  if (last >= 48 && last <= 57) {
    const first = code.charCodeAt(0);
    return first >= 65 ? 140_000 + (first - 65) * 10_000 + Number(code.slice(1)) : Number(code);
  }
  return 100_000 + "FTUM".indexOf(code[4] ?? "") * 10_000 + Number(code.slice(0, 4));
}

/**
 * The key of a code and modifier as one small integer (under 2^30), equal exactly when the engine's
 * feeScheduleKey is. A small integer per row lets a million rows be checked with a map of numbers instead of a
 * map of a million strings.
 */
export function duplicateKey(hcpcsCode: HcpcsCode, modifier: Modifier | null): number {
  return codeIndex(hcpcsCode) * MODIFIER_VALUES + (modifier === null ? 0 : parseInt(modifier, 36) + 1);
}

/** Finds, row by row, the keys that occur more than once, so that only their rows are ever read again. */
export class RepeatedKeys {
  private readonly seen = new Set<number>();
  readonly repeated = new Set<number>();

  /** Notes one clean row's key. */
  add(key: number): void {
    if (this.seen.has(key)) this.repeated.add(key);
    else this.seen.add(key);
  }
}

/** What the duplicate check decided, by position among the clean rows (0-based, in source order). */
export interface DuplicateScan {
  /** Second copies of identical rows: left out with a warning. */
  readonly dropped: ReadonlySet<number>;
  /** Rows that give one code different rates on overlapping dates: all of them left out with an error. */
  readonly conflicting: ReadonlySet<number>;
  /** The problem of each row found to repeat an earlier one (one at most per row), by its position. */
  readonly problemAt: ReadonlyMap<number, PayerScheduleProblem>;
}

/** Where the rules of one group put their findings. */
interface Findings {
  readonly dropped: Set<number>;
  readonly conflicting: Set<number>;
  readonly problemAt: Map<number, PayerScheduleProblem>;
}

/**
 * Runs the duplicate rule over the rows of one code and modifier, in source order; calls `leftOut` with each row
 * the rule keeps out of the schedule.
 */
function scanGroup(
  group: readonly { position: number; row: PayerScheduleRow }[],
  { dropped, conflicting, problemAt }: Findings,
  leftOut: (row: PayerScheduleRow) => void,
): void {
  const seen: { position: number; row: PayerScheduleRow }[] = [];
  for (const entry of group) {
    const { row } = entry;
    const label = `${row.hcpcsCode}${row.modifier ? ` ${row.modifier}` : ""}`;
    const overlapping = seen.filter((o) => startOf(o.row) <= endOf(row) && startOf(row) <= endOf(o.row));
    const twin = overlapping.find(
      (o) => sameRates(o.row, row) && startOf(o.row) === startOf(row) && endOf(o.row) === endOf(row),
    );
    if (twin) {
      const issue = { code: "rowDuplicated", rowNumber: row.sourceRowNumber, firstRowNumber: twin.row.sourceRowNumber, key: label } as const; // prettier-ignore
      problemAt.set(entry.position, problem(issue, row.sourceRowNumber));
      dropped.add(entry.position);
      continue;
    }
    // One error per later row, naming the first row it contradicts: n copies give n - 1 errors, not n^2.
    const other = overlapping.find((o) => !sameRates(o.row, row));
    if (other) {
      conflicting.add(other.position).add(entry.position);
      const issue = {
        code: "rowsConflict",
        rowNumber: row.sourceRowNumber,
        firstRowNumber: other.row.sourceRowNumber,
        key: label,
        firstRates: ratesText(other.row),
        rates: ratesText(row),
      } as const;
      problemAt.set(entry.position, problem(issue, row.sourceRowNumber));
    }
    seen.push(entry);
  }
  for (const entry of group) if (dropped.has(entry.position) || conflicting.has(entry.position)) leftOut(entry.row);
}

/** Progress is offered once per this many clean rows, or groups (a group is read again, so they weigh more). */
const ROWS_PER_STEP = 1024;
const GROUPS_PER_STEP = 64;

/**
 * Finds rows that repeat a code and modifier on overlapping dates, with the same rule as the engine's
 * buildFeeSchedule: identical rows are a warning and the second copy is dropped; different rates are an error naming
 * both rows, and neither is kept, so the user chooses instead of the import choosing silently. `keys` holds each
 * clean row's {@link duplicateKey}, `repeated` the keys seen more than once ({@link RepeatedKeys}); only their rows
 * are read (through `rowAt`), and each row left out is passed to `leftOut`. Written as steps that yield (their count
 * of rows or groups done) where they may pause.
 */
export function* scanDuplicates(
  keys: readonly number[],
  repeated: ReadonlySet<number>,
  rowAt: (position: number) => PayerScheduleRow,
  leftOut: (row: PayerScheduleRow) => void,
): Generator<number, DuplicateScan, void> {
  const findings: Findings = { dropped: new Set(), conflicting: new Set(), problemAt: new Map() };
  if (repeated.size === 0) return findings;
  const groups = new Map<number, number[]>();
  for (let position = 0; position < keys.length; position++) {
    const key = keys[position] ?? -1;
    if (repeated.has(key)) {
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [position]);
      else group.push(position);
    }
    if (position % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield position + 1;
  }
  let done = 0;
  for (const positions of groups.values()) {
    scanGroup(
      positions.map((position) => ({ position, row: rowAt(position) })),
      findings,
      leftOut,
    );
    if (++done % GROUPS_PER_STEP === 0) yield done;
  }
  return findings;
}
