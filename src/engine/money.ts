import type { Brand } from "./brand";
import { Decimal } from "./decimal";

/** A money amount in whole cents (an integer), the unit in which lines are compared and summed. */
export type Cents = Brand<number, "Cents">;

/**
 * Rounds a dollar amount half-up to whole cents, the single rounding done per line at the end
 * (ARCHITECTURE.md section 6; it reproduces CMS's own published amounts, DOMAIN.md section 9). Half a cent rounds
 * away from zero, so a negative amount (a reversal) rounds as the mirror of the line it reverses.
 * @example toCents(new Decimal("1339.8123")) // 133981
 */
export function toCents(dollars: Decimal): Cents {
  return halfUpCents(dollars.times(100));
}

const halfUpCents = (hundredths: Decimal): Cents =>
  hundredths.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() as Cents;

/** An exact amount as its {@link toCents} and whether the exact amount lies above them. */
export interface RoundedCents {
  readonly cents: Cents;
  /** A charge equal to `cents` is still below the exact amount (lesser-of: `chargeIsLess`). */
  readonly aboveCents: boolean;
}

/**
 * {@link toCents} with what lesser-of needs to compare a charge in whole cents exactly, from one multiplication.
 * @example roundedCents(new Decimal("106.9249")) // { cents: 10692, aboveCents: true }
 */
export function roundedCents(dollars: Decimal): RoundedCents {
  const hundredths = dollars.times(100);
  const cents = halfUpCents(hundredths);
  return { cents, aboveCents: hundredths.greaterThan(cents) };
}

/** Dollars as a JS number for the Excel boundary: 133981 -> 1339.81. */
export function centsToDollars(cents: Cents): number {
  return cents / 100;
}

/** Dollars as an exact decimal, for arithmetic that ends in one rounding: 133981 -> 1339.81. */
export function dollarsOf(cents: Cents): Decimal {
  return new Decimal(cents).dividedBy(100);
}

/** Dollars as exact decimal text with two places: 133981 -> "1339.81". */
export function formatCents(cents: Cents): string {
  // Integer arithmetic is exact for whole cents up to 2^53 and avoids a decimal object per line in long reviews.
  if (!Number.isSafeInteger(cents)) return new Decimal(cents).dividedBy(100).toFixed(2);
  const size = Math.abs(cents);
  return `${cents < 0 ? "-" : ""}${Math.floor(size / 100)}.${String(size % 100).padStart(2, "0")}`;
}

/**
 * Dollars as people read them in a message: "$1,339.81", "-$80.00".
 * @example dollarsText(-8000 as Cents) // "-$80.00"
 */
export function dollarsText(cents: Cents): string {
  const digits = formatCents(Math.abs(cents) as Cents).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return cents < 0 ? `-$${digits}` : `$${digits}`;
}

/**
 * The sum of amounts in cents: integers add exactly while the total stays below 2^53 (about $90 trillion); a
 * caller summing unbounded input checks `Number.isSafeInteger` on the total.
 * @example sumCents([12550, -2000]) // 10550
 */
export function sumCents(amounts: Iterable<number>): Cents {
  let total = 0;
  for (const amount of amounts) total += amount;
  return total as Cents;
}

/**
 * `minuend - subtrahend` in cents (a variance is allowed - expected: negative when underpaid).
 * @example centsDifference(9000 as Cents, 9250 as Cents) // -250
 */
export function centsDifference(minuend: Cents, subtrahend: Cents): Cents {
  return (minuend - subtrahend) as Cents;
}

/**
 * An amount times a factor, with the one half-up rounding to cents of {@link toCents} (a percent of a charge, an
 * uplift of a line).
 * @example scaleCents(10001 as Cents, new Decimal("1.05")) // 10501 (10501.05 rounded)
 */
export function scaleCents(cents: Cents, factor: Decimal): Cents {
  return toCents(dollarsOf(cents).times(factor));
}
