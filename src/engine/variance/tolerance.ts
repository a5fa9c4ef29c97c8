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
  const beyondPercent = expected === 0 ? size > 0 : beyondFraction(size, Math.abs(expected), tolerance.fraction);
  return tolerance.rule === "both" ? beyondAmount && beyondPercent : beyondAmount || beyondPercent;
}

/** A fraction as integers num / den (den a power of ten), or null when it has more than 9 decimals. */
const integerRatios = new WeakMap<Decimal, { readonly num: number; readonly den: number } | null>();

/**
 * size > fraction x expected, exactly: in integers (size x den > num x expected) while the products stay below
 * 2^53, so a review of 100,000 lines builds no decimal per line; with decimals otherwise.
 */
function beyondFraction(size: number, expected: number, fraction: Decimal): boolean {
  let ratio = integerRatios.get(fraction);
  if (ratio === undefined) {
    const places = fraction.decimalPlaces();
    const den = 10 ** places;
    const num = fraction.times(den).toNumber();
    ratio = places <= 9 && Number.isSafeInteger(num) ? { num, den } : null;
    integerRatios.set(fraction, ratio);
  }
  if (ratio !== null) {
    const left = size * ratio.den;
    const right = ratio.num * expected;
    if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left > right;
  }
  return new Decimal(size).gt(fraction.times(expected));
}
