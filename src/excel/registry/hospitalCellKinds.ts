/**
 * The cell kinds of the hospital tables (issue 14): MS-DRGs, revenue codes, OPPS status indicators and APCs, day
 * numbers, wage indexes and the CMS tables' weights and lengths of stay. Each reads with the engine's own parser, so
 * a cell reads exactly as a function argument or an imported file would.
 */
import { Decimal, parseMsDrg, parseRevenueCode, parseStatusIndicator, readDollars, readQuantity } from "../../engine";
import type { MsDrg, OppsStatusIndicator, RevenueCode } from "../../engine";
import type { CellKind } from "./cellKinds";

/** An MS-DRG: 1 to 999, its leading zeros put back (39 is DRG 039). */
export const drgCell: CellKind<MsDrg> = {
  expected: "an MS-DRG from 001 to 999, like 470",
  read: (value) => {
    const parsed = parseMsDrg(value);
    return parsed.ok ? parsed.value : undefined;
  },
};

/** A UB-04 revenue code of four digits; Excel's dropped leading zero is put back (278 is 0278). */
export const revenueCodeCell: CellKind<RevenueCode> = {
  expected: "a 4-digit revenue code like 0278 or 0450",
  read: (value) => {
    const parsed = parseRevenueCode(value);
    return parsed.ok ? parsed.value : undefined;
  },
};

/** An OPPS payment status indicator of Addendum B (J1, T, N...). */
export const statusIndicatorCell: CellKind<OppsStatusIndicator> = {
  expected: "an OPPS status indicator of Addendum B, like J1, T, S or N",
  read: (value) => (typeof value === "string" ? (parseStatusIndicator(value) ?? undefined) : undefined),
};

/** An APC number as CMS writes it, 4 digits ("0760"); a number gets its leading zeros back. */
export const apcCell: CellKind<string> = {
  expected: "an APC number of up to 4 digits, like 5012",
  read: (value) => {
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
    return /^\d{1,4}$/.test(text) ? text.padStart(4, "0") : undefined;
  },
};

/** The longest stay a per diem tier may name (ten years, as the engine's length of stay). */
const MAX_DAY = 3650;

/** A day of a stay, counted from 1 (per diem tiers). */
export const dayCell: CellKind<number> = {
  expected: `a whole day number from 1 to ${MAX_DAY}, like 4`,
  read: (value) => {
    const day = readQuantity(value);
    return typeof day === "number" && Number.isInteger(day) && day >= 1 && day <= MAX_DAY ? day : undefined;
  },
};

/** A decimal of zero or more, at most `most` (weights, lengths of stay, wage indexes). */
function boundedDecimal(most: number, expected: string, aboveZero: boolean): CellKind<Decimal> {
  return {
    expected,
    read: (value) => {
      const read = readDollars(value, "zeroOrMore");
      if (typeof read === "string" || read.gt(most)) return undefined;
      return aboveZero && read.isZero() ? undefined : read;
    },
  };
}

/**
 * A CBSA wage index: CMS's range is about 0.2 to 2 (FY2026); above 0 and at most 5, beyond which it is a typo (87.32
 * for 0.8732).
 */
export const wageIndexCell: CellKind<Decimal> = boundedDecimal(5, "a wage index above 0, like 0.8732 or 1.2104", true);

/** An MS-DRG relative weight or an OPPS relative weight (the highest MS-DRG weight is about 27). */
export const relativeWeightCell: CellKind<Decimal> = boundedDecimal(1000, "a relative weight, zero or more, like 1.9289", false); // prettier-ignore

/** A geometric or arithmetic mean length of stay in days. */
export const meanStayCell: CellKind<Decimal> = boundedDecimal(3650, "a mean length of stay in days, like 1.9", false);

/** A federal fiscal year (FY2026 = 2025-10-01 to 2026-09-30). */
export const fiscalYearCell: CellKind<number> = {
  expected: "a federal fiscal year like 2026",
  read: (value) => {
    const year = readQuantity(typeof value === "string" ? value.trim().replace(/^FY\s*/i, "") : value);
    return typeof year === "number" && Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined;
  },
};

/** CMS's Y/N flags (post-acute transfer, special pay), or TRUE/FALSE. */
export const yesNoCell: CellKind<boolean> = {
  expected: "Y or N (or TRUE/FALSE)",
  read: (value) => {
    if (typeof value === "boolean") return value;
    const text = String(value).trim().toLowerCase();
    return ["y", "yes", "true", "1"].includes(text)
      ? true
      : ["n", "no", "false", "0"].includes(text)
        ? false
        : undefined;
  },
};

/** A shared zero (Decimals are immutable). */
export const ZERO = new Decimal(0);
