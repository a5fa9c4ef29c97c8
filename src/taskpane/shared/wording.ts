/**
 * How the task pane words numbers: counts with their noun and dollar amounts, grouped the US way as every message of
 * the pane is in US English, so that a count reads the same in a message, a badge and a progress bar.
 */

const grouped = new Intl.NumberFormat("en-US");
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/**
 * A count with its noun, singular for exactly one.
 *
 * @example countOf(1, "row", "rows") // "1 row"
 * @example countOf(12000, "row", "rows") // "12,000 rows"
 */
export function countOf(count: number, one: string, many: string): string {
  return `${grouped.format(count)} ${count === 1 ? one : many}`;
}

/** A number grouped by thousands: `groupedNumber(310000)` is "310,000". */
export function groupedNumber(count: number): string {
  return grouped.format(count);
}

/** Dollars as money: `dollarsText(1234.5)` is "$1,234.50". */
export function dollarsText(dollars: number): string {
  return usd.format(dollars);
}

/** Integer cents as money: `centsText(123450)` is "$1,234.50". */
export function centsText(cents: number): string {
  return usd.format(cents / 100);
}
