/**
 * Exact percentiles of a set of rates (DOMAIN.md 5.3: benchmark at percentiles, not means), defined as Excel's
 * PERCENTILE.INC and PERCENTRANK.INC so that the Benchmarks sheet's native formulas and PAYER.MARKET_RATE agree to
 * the cent. decimal.js throughout: Excel's doubles differ from these only far below a cent.
 *
 * Source: Microsoft's documentation of PERCENTILE.INC (rank (n - 1) x k, linear between the order statistics around
 * it) and PERCENTRANK.INC (the rank of x among the values over n - 1, linear between the values around x, truncated
 * to `significance` digits, #N/A outside the values); the same definition as LibreOffice's ScInterpreter.
 */
import { Decimal } from "../decimal";

/** Sorted copy, ascending (the inputs are left as they were). */
function ascending(values: readonly Decimal[]): Decimal[] {
  return [...values].sort((a, b) => a.comparedTo(b));
}

/**
 * The `fraction` (0 to 1) percentile of `values` as PERCENTILE.INC: with the values sorted a[0] <= ... <= a[n-1],
 * rank r = (n - 1) x fraction, result a[floor r] + (r - floor r) x (a[floor r + 1] - a[floor r]). Null for no
 * values. A fraction outside 0..1 is a bug of the caller (the functions check it first).
 * @example percentileInc([10, 20, 30, 40].map((n) => new Decimal(n)), new Decimal(0.9)) // 37 (rank 2.7)
 */
export function exactPercentileInc(values: readonly Decimal[], fraction: Decimal): Decimal | null {
  if (fraction.isNeg() || fraction.gt(1)) throw new RangeError(`percentile ${fraction.toString()} is outside 0..1`);
  if (values.length === 0) return null;
  const sorted = ascending(values);
  const rank = fraction.times(sorted.length - 1);
  const below = rank.floor().toNumber();
  const low = sorted[below]!;
  const high = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return low.plus(rank.minus(below).times(high.minus(low)));
}

/** Where a rate sits among others: its percent rank, or why it has none. */
export type PercentRank =
  { readonly kind: "rank"; readonly rank: Decimal } | { readonly kind: "belowAll" | "aboveAll" | "noValues" };

/**
 * The percent rank of `x` among `values` as PERCENTRANK.INC: with i values below x, i / (n - 1) when x is one of the
 * values, else (i - 1 + (x - a[i-1]) / (a[i] - a[i-1])) / (n - 1) (the inverse of {@link exactPercentileInc});
 * truncated (not rounded) to `significance` digits, as Excel does (default 3). A single value ranks 1. A rate below
 * the lowest or above the highest has no rank (Excel answers #N/A); the kind says which.
 * @example exactPercentRankInc([1, 2, 3, 4, 5].map((n) => new Decimal(n)), new Decimal(2.5)) // rank 0.375
 */
export function exactPercentRankInc(values: readonly Decimal[], x: Decimal, significance = 3): PercentRank {
  if (values.length === 0) return { kind: "noValues" };
  const sorted = ascending(values);
  if (x.lt(sorted[0]!)) return { kind: "belowAll" };
  if (x.gt(sorted[sorted.length - 1]!)) return { kind: "aboveAll" };
  if (sorted.length === 1) return { kind: "rank", rank: new Decimal(1) };
  const below = sorted.filter((value) => value.lt(x)).length;
  const steps = sorted.length - 1;
  const exact = sorted[below]!.eq(x)
    ? new Decimal(below).div(steps)
    : x
        .minus(sorted[below - 1]!)
        .div(sorted[below]!.minus(sorted[below - 1]!))
        .plus(below - 1)
        .div(steps);
  return { kind: "rank", rank: exact.toDecimalPlaces(significance, Decimal.ROUND_DOWN) };
}
