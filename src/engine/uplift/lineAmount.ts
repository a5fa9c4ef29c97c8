import { Decimal } from "../decimal";

/**
 * A rate multiplier (1 + uplift) as an exact fraction of integers, numerator / 10^places: 5% is 105/100,
 * 2.75% is 10275/10000. It lets a line's new amount be computed exactly with integer arithmetic, without a Decimal
 * per line (a million lines must take well under 0.5 s: ARCHITECTURE.md section 9).
 */
export interface UpliftFactor {
  /** The uplift fraction it was made from (0.05 for 5%). */
  readonly fraction: Decimal;
  readonly numerator: number;
  readonly denominator: number;
  /** The same fraction as BigInts, for the rare product of cents and numerator beyond 2^53. */
  readonly bigNumerator: bigint;
  readonly bigDenominator: bigint;
  /** Largest cents whose product with the numerator keeps the integer path exact. */
  readonly maxFastCents: number;
}

/**
 * The exact factor of an uplift fraction (at least -1, which the uplift table reader checks).
 * @example upliftFactor(new Decimal("0.05")) // numerator 105, denominator 100
 */
export function upliftFactor(fraction: Decimal): UpliftFactor {
  const multiplier = fraction.plus(1);
  const places = multiplier.decimalPlaces();
  const bigDenominator = 10n ** BigInt(places);
  const bigNumerator = BigInt(multiplier.times(new Decimal(10).pow(places)).toFixed(0));
  const numerator = Number(bigNumerator);
  const denominator = Number(bigDenominator);
  // 2 * cents * numerator + denominator must stay a safe integer for the fast path.
  const exact = Number.isSafeInteger(numerator) && Number.isSafeInteger(2 * denominator);
  let maxFastCents = 0;
  if (exact) {
    maxFastCents =
      numerator === 0 ? Number.MAX_SAFE_INTEGER : Math.floor((Number.MAX_SAFE_INTEGER - denominator) / 2 / numerator);
  }
  return { fraction, numerator, denominator, bigNumerator, bigDenominator, maxFastCents };
}

/**
 * A line's amount after the uplift, in cents: the current amount times (1 + uplift), rounded half-up to the cent once,
 * on this line (each claim line is priced and rounded on its own, as a payer pays it: ARCHITECTURE.md section 6).
 * A negative line (a reversal) is computed as the mirror of the line it reverses, so the two still net to zero.
 * @example upliftedLineCents(10001, upliftFactor(new Decimal("0.05"))) // 10501 (10501.05 rounded)
 */
export function upliftedLineCents(cents: number, factor: UpliftFactor): number {
  const magnitude = cents < 0 ? -cents : cents;
  let uplifted: number;
  if (magnitude <= factor.maxFastCents) {
    // Half-up rounding of magnitude * n / d in integers: floor((2 * magnitude * n + d) / (2 * d)).
    const twice = 2 * magnitude * factor.numerator + factor.denominator;
    const divisor = 2 * factor.denominator;
    uplifted = (twice - (twice % divisor)) / divisor;
  } else {
    const twice = 2n * BigInt(magnitude) * factor.bigNumerator + factor.bigDenominator;
    uplifted = Number(twice / (2n * factor.bigDenominator));
  }
  return cents < 0 ? 0 - uplifted : uplifted;
}

/**
 * The lesser-of clause applied after an uplift (DOMAIN.md 3.1 and 7): the uplift cannot lift a line above its
 * billed charge. A line already paid above its charge is not lowered by the cap (its ceiling is its current amount),
 * because the scenario measures the rate change, not a re-pricing of past lines; so an uplift of 0 changes nothing.
 * Works on magnitudes, so a reversal is capped as the mirror of the line it reverses.
 * @example capAtBilled(10000, 10500, 10200) // 10200
 * @example capAtBilled(10000, 10500, 9000) // 10000: already above the charge, kept as it is
 */
export function capAtBilled(currentCents: number, upliftedCents: number, billedCents: number): number {
  const magnitude = Math.abs(upliftedCents);
  const ceiling = Math.max(Math.abs(billedCents), Math.abs(currentCents));
  if (magnitude <= ceiling) return upliftedCents;
  return upliftedCents < 0 ? -ceiling : ceiling;
}
