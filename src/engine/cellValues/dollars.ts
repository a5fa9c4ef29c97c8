import type { Decimal } from "../decimal";
import { toCents, type Cents } from "../money";
import { readNumberCell, type DecimalStyle } from "./numberText";

/**
 * Which signs a dollar cell may carry, named where callers genuinely differ:
 * - `zeroOrMore`: a billed charge, a fee schedule rate, a registry amount. Nobody bills or contracts a negative
 *   price, so a negative one is refused ("negative"), never read as a discount.
 * - `signed`: an amount of a claims or remittance line. Exports carry reversals and take-backs as negative lines
 *   that net against the lines they reverse.
 */
export type SignRule = "zeroOrMore" | "signed";

/** A dollar cell read exactly, or why it cannot be. */
export type DollarsRead = Decimal | "blank" | "malformed" | "negative";

/**
 * Reads dollars exactly (no rounding: a rate is rounded to cents only at the end of a line's price): a number, or
 * text with a currency mark, thousands separators, a sign or accounting parentheses, in the given decimal style.
 * @example readDollars("$1,234.50", "zeroOrMore") // Decimal 1234.5
 * @example readDollars("(80.00)", "zeroOrMore") // "negative"
 */
export function readDollars(value: unknown, sign: SignRule, style: DecimalStyle = "point"): DollarsRead {
  const read = readNumberCell(value, { currency: true, style });
  if (typeof read === "string") return read;
  return sign === "zeroOrMore" && read.isNegative() && !read.isZero() ? "negative" : read;
}

/** How an amount cell is read as cents: its sign rule and, where one applies, the largest magnitude accepted. */
export interface CentsRule {
  readonly sign: SignRule;
  /** The largest magnitude accepted, in cents; beyond it the cell reads as "tooLarge". None: no bound. */
  readonly most?: number;
}

/** An amount cell read as whole cents, or why it cannot be. */
export type CentsRead = Cents | "blank" | "malformed" | "negative" | "tooLarge";

/** The largest amount accepted on one line, in cents ($100 billion): far above any claim line, far below 2^53. */
export const MAX_LINE_CENTS = 10_000_000_000_000;

function bounded(cents: number, rule: CentsRule): CentsRead {
  // `+ 0` turns -0 (from "-0.001") into 0.
  return rule.most !== undefined && Math.abs(cents) > rule.most ? "tooLarge" : ((cents + 0) as Cents);
}

/**
 * Reads an amount as whole cents ({@link readDollars}, then one half-up rounding away from zero, so a reversal
 * rounds as the mirror of the line it reverses). Numbers with at most two decimals, nearly all amounts, take a float
 * fast path that is exact for them (a million rows cannot afford a Decimal each: ARCHITECTURE.md section 9).
 * @example readCents(125.5, { sign: "signed" }) // 12550
 * @example readCents("-$80.005", { sign: "signed" }) // -8001
 */
export function readCents(value: unknown, rule: CentsRule): CentsRead {
  if (typeof value === "number" && Number.isFinite(value)) {
    if (rule.sign === "zeroOrMore" && value < 0) return "negative";
    const scaled = value * 100;
    const cents = Math.round(scaled);
    if (Math.abs(scaled - cents) < 1e-6) return bounded(cents, rule);
  }
  const dollars = readDollars(value, rule.sign);
  return typeof dollars === "string" ? dollars : bounded(toCents(dollars), rule);
}

/**
 * A {@link readCents} that remembers each distinct text: exports that store amounts as text repeat a few thousand
 * distinct values over a million rows, and decimal.js on each would blow the time budget.
 */
export function createCentsReader(rule: CentsRule): (value: unknown) => CentsRead {
  const textCache = new Map<string, CentsRead>();
  return (value) => {
    if (typeof value !== "string") return readCents(value, rule);
    let read = textCache.get(value);
    if (read === undefined) {
      read = readCents(value, rule);
      textCache.set(value, read);
    }
    return read;
  };
}
