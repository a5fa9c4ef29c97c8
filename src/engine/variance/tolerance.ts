import { Decimal } from "../decimal";
import type { Cents } from "../money";

/**
 * How far an allowed amount may stray from the expected allowed amount before a line is flagged (DOMAIN.md 4.1,
 * "payment accuracy": the tolerance is ours to define, "$1 and/or 1-5%"). With `rule` "both" a line is flagged
 * only when the variance exceeds the dollars AND the percent (small lines' rounding and big lines' cents are both
 * ignored); with "either" when it exceeds one of them.
 */
export interface VarianceTolerance {
  /** Whole cents, e.g. 100 for $1.00. */
  readonly amount: Cents;
  /** A fraction of the expected amount, e.g. 0.01 for 1%. */
  readonly fraction: Decimal;
  readonly rule: "both" | "either";
}

/** $1.00 and 1%: a variance is flagged when it is more than a dollar and more than 1% of the expected amount. */
export const DEFAULT_VARIANCE_TOLERANCE: VarianceTolerance = {
  amount: 100 as Cents,
  fraction: new Decimal("0.01"),
  rule: "both",
};

/**
 * True when `variance` (allowed - expected, cents) lies beyond the tolerance. An expected amount of zero makes any
 * non-zero variance exceed the percent part (there is no percent of nothing).
 */
export function exceedsTolerance(variance: Cents, expected: Cents, tolerance: VarianceTolerance): boolean {
  const size = Math.abs(variance);
  const beyondAmount = size > tolerance.amount;
  const beyondPercent = expected === 0 ? size > 0 : new Decimal(size).gt(tolerance.fraction.times(Math.abs(expected)));
  return tolerance.rule === "both" ? beyondAmount && beyondPercent : beyondAmount || beyondPercent;
}
