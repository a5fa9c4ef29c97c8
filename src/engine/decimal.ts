import DecimalJs from "decimal.js";

/**
 * The engine's decimal type: decimal.js with enough precision that RVU x GPCI x CF products are exact
 * (they need about 15 significant digits) and half-up rounding, the rounding CMS uses for published amounts.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
/** Instance type of {@link Decimal}. */
export type Decimal = DecimalJs;

/** Exact decimal text: optional sign, digits, optional fraction (".5" and "5." are accepted, as Excel writes them). */
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * Reads a decimal from text or a finite number; `null` when the value is not one (blank included).
 * Numbers go through their shortest round-trip text, so 0.1 stays 0.1 rather than its binary expansion.
 */
export function toDecimal(value: unknown): Decimal | null {
  if (typeof value === "number") return Number.isFinite(value) ? new Decimal(String(value)) : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  return DECIMAL_TEXT.test(text) ? new Decimal(text) : null;
}

/**
 * Whether a decimal is exactly 1, read from its documented fields (digits `d`, exponent `e`, sign `s`; decimal.js
 * normalises them, so 1, 1.0 and 10e-1 all read d [1], e 0, s 1). `eq(1)` copies its operand into a new Decimal,
 * which the batch pricers would do for every line (issue 14 bench).
 * @example isOne(new Decimal("1.0")) // true
 */
export const isOne = (value: Decimal): boolean =>
  value.s === 1 && value.e === 0 && value.d.length === 1 && value.d[0] === 1;
