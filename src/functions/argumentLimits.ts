/**
 * The checks every cell of a function argument passes before the engine reads it, so that garbage is refused with
 * `#VALUE!` and never priced: text holds no control characters (a NUL from a pasted export), numbers are finite, and
 * numeric arguments stay within sane bounds declared once here, far beyond any real claim yet far below the sizes that
 * turn into nonsense (units of 10^300, a billed charge of 1e20, an uplift of 1e9). The engine's own rules (units above
 * 0, an uplift of -100% or more, whole top_n) still apply after these.
 */
import type { ArgumentIssue } from "./argumentIssues";

/** A sane range for a numeric argument. */
export interface NumberLimit {
  /** The smallest value accepted, or null where the engine's own rule bounds the low end (units above 0). */
  readonly least: number | null;
  /** The largest value accepted. */
  readonly most: number;
  /** How the bounds are shown: 10,000 / $100,000,000 / 10 (1,000%). */
  readonly unit: "count" | "dollars" | "fraction";
  /** What the value is, for the message and the README: "units of service on one claim line". */
  readonly what: string;
}

/** The bounds of the numeric arguments; the argument tables name them and the README lists them. */
export const ARGUMENT_LIMITS = {
  // Clotting factors are billed per international unit (J7192): a line of a month's supply carries tens of thousands.
  lineUnits: { least: null, most: 100_000, unit: "count", what: "units of service on one claim line" },
  // The dearest single lines, gene therapies, are billed at a few million dollars.
  lineCharge: { least: 0, most: 100_000_000, unit: "dollars", what: "a billed charge on one claim line" },
  // A stay's total charges: the dearest inpatient stays (transplants, long ICU stays) bill a few million dollars.
  stayCharges: { least: 0, most: 100_000_000, unit: "dollars", what: "the total charges of one stay" },
  // Ten years, the engine's longest stay: more is a typing error.
  coveredDays: { least: 0, most: 3650, unit: "count", what: "the covered days of one stay" },
  // A remittance repeats a reversed line with every amount negated (835 CLP02 = 22), so its charges go both ways.
  remittedLineCharge: {
    least: -100_000_000,
    most: 100_000_000,
    unit: "dollars",
    what: "a billed charge on one remitted claim line (negative on a reversal)",
  },
  // A row may be a code's yearly total in a utilisation table, which can reach hundreds of millions of dollars for a
  // large system; negative rows are reversals, which net.
  rowAmount: {
    least: -10_000_000_000,
    most: 10_000_000_000,
    unit: "dollars",
    what: "an amount on one row (a claim line or a code's total)",
  },
  // A row's volume may be a code's yearly total too; a billion is beyond any one code's.
  rowVolume: {
    least: -1_000_000_000,
    most: 1_000_000_000,
    unit: "count",
    what: "a volume on one row (lines, units or a count)",
  },
  // +1,000% (eleven times the current rate) is beyond any negotiated uplift; larger values are typos (1e9).
  upliftFraction: { least: null, most: 10, unit: "fraction", what: "an uplift fraction" },
  // An allowed amount is one line's, like its charge; a reversal repeats it negated.
  lineAllowed: {
    least: -100_000_000,
    most: 100_000_000,
    unit: "dollars",
    what: "an expected or allowed amount on one claim line (negative on a reversal)",
  },
  // A tolerance beyond a million dollars, or beyond 100% of the expected amount, would call every line accurate.
  toleranceDollars: { least: 0, most: 1_000_000, unit: "dollars", what: "a payment tolerance in dollars" },
  tolerancePercent: {
    least: 0,
    most: 1,
    unit: "fraction",
    what: "a payment tolerance as a fraction of the expected amount",
  },
  // More codes than a sheet has rows cannot exist.
  topN: { least: null, most: 1_048_576, unit: "count", what: "a number of codes" },
} as const satisfies Readonly<Record<string, NumberLimit>>;

// C0 controls but tab, line feed and carriage return (an Excel cell holds those: Alt+Enter), DEL and the C1 controls.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

// Numeric text as users and exports write it, once "$", thousands separators and a trailing "%" are gone.
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const integers = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** A number as the message shows it: 1,000,000,000 for whole numbers, 1e+300 beyond what grouping can show. */
function shown(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? integers.format(value) : String(value);
}

/** The number a text cell holds ("$1,250", "1e20", "500%"), or null when it is not numeric text. */
export function numberInText(text: string): number | null {
  let body = text.trim();
  const percent = body.endsWith("%");
  if (percent) body = body.slice(0, -1).trim();
  body = body.replace(/^([+-]?)\$/, "$1").replace(/,/g, "");
  if (!NUMBER_TEXT.test(body)) return null;
  const value = Number(body);
  return percent ? value / 100 : value;
}

function numberIssue(
  argument: string,
  value: number,
  limit: NumberLimit | undefined,
  row: number | null,
): ArgumentIssue | null {
  if (!Number.isFinite(value)) return { code: "notFinite", argument, row, value: String(value) };
  if (limit === undefined || (value <= limit.most && (limit.least === null || value >= limit.least))) return null;
  return { code: "outOfRange", argument, row, value: shown(value), limit };
}

/**
 * The first row from `start` (up to `end`, exclusive) of a column whose cell may fail {@link cellIssue}, or -1: one
 * tight loop of a type test and a comparison or one regular-expression scan per cell, so that a million rows of good
 * cells stay cheap; only the rows it returns are looked at closely.
 */
export function nextCellToCheck(
  cells: readonly unknown[],
  start: number,
  end: number,
  limit: NumberLimit | undefined,
): number {
  const most = limit === undefined ? Number.POSITIVE_INFINITY : limit.most;
  const least = limit === undefined || limit.least === null ? Number.NEGATIVE_INFINITY : limit.least;
  // Numeric text in a bounded column is read by cellIssue; any other text only needs the control-character scan.
  const anyText = limit !== undefined;
  for (let row = start; row < end; row++) {
    const cell = cells[row];
    if (typeof cell === "number") {
      // NaN and the infinities fail `least <= cell <= most` or have cell - cell !== 0.
      if (cell - cell !== 0 || cell > most || cell < least) return row;
    } else if (typeof cell === "string" && (anyText || CONTROL_CHARACTER.test(cell))) {
      return row;
    }
  }
  return -1;
}

/**
 * Why one cell of an argument must be refused before it is read, or null: a control character in text, a number
 * that is not finite, or a number (or numeric text) outside the argument's limit. Other cells pass unchanged; what
 * they mean (a code, a date) is for the engine to judge.
 * @param row The cell's 1-based row in the argument's range, or null for a single value.
 * @example cellIssue("units", 1e300, ARGUMENT_LIMITS.lineUnits, 2) // { code: "outOfRange", argument: "units", row: 2, ... }
 */
export function cellIssue(
  argument: string,
  value: unknown,
  limit: NumberLimit | undefined,
  row: number | null,
): ArgumentIssue | null {
  if (typeof value === "number") return numberIssue(argument, value, limit, row);
  if (typeof value !== "string") return null;
  const control = CONTROL_CHARACTER.exec(value);
  if (control !== null) {
    return {
      code: "controlCharacter",
      argument,
      row,
      codePoint: value.charCodeAt(control.index),
      position: control.index + 1,
    };
  }
  if (limit === undefined) return null;
  const number = numberInText(value);
  return number === null ? null : numberIssue(argument, number, limit, row);
}
