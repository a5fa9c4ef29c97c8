/**
 * Days in accounts receivable (DOMAIN.md 4.1), where the user has A/R balances: claims tables carry what was billed
 * and paid, not the balance the practice management system reports, so the balances are inputs. Two definitions:
 * - AAFP (practice): (total A/R - credit balances) / (gross charges / days in the period) [S26];
 * - MAP Net days in A/R: net A/R / average daily net patient service revenue [S25b].
 * The period's charges and revenue are those of the lines submitted in the `periodDays` days up to the as-of date.
 */

/** The period a new sheet averages daily charges and revenue over: the last 3 months, as practices report it. */
export const DEFAULT_AR_PERIOD_DAYS = 90;

/**
 * AAFP days in A/R; null when the period has no charges (no daily average to divide by).
 * @example daysInArAafp({ arCents: 5_000_000, creditCents: 200_000, chargeCents: 9_000_000, periodDays: 90 }) // 48
 */
export function daysInArAafp(input: {
  readonly arCents: number;
  readonly creditCents: number;
  readonly chargeCents: number;
  readonly periodDays: number;
}): number | null {
  const { arCents, creditCents, chargeCents, periodDays } = input;
  return chargeCents > 0 && periodDays > 0 ? (arCents - creditCents) / (chargeCents / periodDays) : null;
}

/**
 * MAP net days in A/R; null when the period has no net revenue.
 * @example netDaysInArMap({ netArCents: 1_800_000, netRevenueCents: 4_500_000, periodDays: 90 }) // 36
 */
export function netDaysInArMap(input: {
  readonly netArCents: number;
  readonly netRevenueCents: number;
  readonly periodDays: number;
}): number | null {
  const { netArCents, netRevenueCents, periodDays } = input;
  return netRevenueCents > 0 && periodDays > 0 ? netArCents / (netRevenueCents / periodDays) : null;
}
