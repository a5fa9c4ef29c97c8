import { Decimal } from "../decimal";

/**
 * Decimals an uplift fraction to a market rate is rounded to: 6 (0.0001%), the most the uplift model sheet's line
 * formula carries exactly (modelPlan.ts), so that the sheet and the engine price each line alike.
 */
export const MARKET_UPLIFT_DECIMALS = 6;

/**
 * The uplift that brings a code to a market rate, or why there is none: without a positive current amount per unit
 * (no volume, or nothing paid) there is no rate of ours to raise.
 */
export type MarketUplift =
  | {
      readonly kind: "toTarget";
      /** What we are paid per unit today: current dollars / volume, exact to 40 significant digits. */
      readonly averageRate: Decimal;
      /** target / averageRate - 1, at least 0 (a code already at or above market is not cut), 6 decimals. */
      readonly fraction: Decimal;
    }
  | { readonly kind: "noCurrentRate" };

/**
 * The uplift fraction that takes a code from its current average paid per unit to `targetRate` (a market percentile
 * in dollars): target / average - 1, never negative, since a negotiation never proposes a cut. Computed as
 * target x volume / current dollars - 1 in exact decimals, then rounded half-up to {@link MARKET_UPLIFT_DECIMALS}.
 * @example upliftToMarket(new Decimal(120), 20000, 2) // average 100, fraction 0.2
 * @example upliftToMarket(new Decimal(90), 10000, 1) // average 100, fraction 0: already above market
 */
export function upliftToMarket(targetRate: Decimal, currentCents: number, volumeQuantity: number): MarketUplift {
  if (!(currentCents > 0 && volumeQuantity > 0)) return { kind: "noCurrentRate" };
  const volume = new Decimal(String(volumeQuantity));
  const currentDollars = new Decimal(currentCents).div(100);
  const ratio = targetRate.times(volume).div(currentDollars).minus(1);
  const fraction = ratio.isNeg()
    ? new Decimal(0)
    : ratio.toDecimalPlaces(MARKET_UPLIFT_DECIMALS, Decimal.ROUND_HALF_UP);
  return { kind: "toTarget", averageRate: currentDollars.div(volume), fraction };
}
