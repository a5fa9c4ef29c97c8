import type { Brand } from "./brand";
import { Decimal } from "./decimal";

/** A money amount in whole cents (an integer), the unit in which lines are compared and summed. */
export type Cents = Brand<number, "Cents">;

/**
 * Rounds a dollar amount half-up to whole cents, the single rounding done per line at the end
 * (ARCHITECTURE.md section 6; it reproduces CMS's published payment amounts, DOMAIN.md section 9).
 * @example toCents(new Decimal("1339.8123")) // 133981
 */
export function toCents(dollars: Decimal): Cents {
  return dollars.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() as Cents;
}

/** Dollars as a JS number for the Excel boundary: 133981 -> 1339.81. */
export function centsToDollars(cents: Cents): number {
  return cents / 100;
}

/** Dollars as exact decimal text with two places: 133981 -> "1339.81". */
export function formatCents(cents: Cents): string {
  return new Decimal(cents).dividedBy(100).toFixed(2);
}
