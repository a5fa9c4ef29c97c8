import { Decimal } from "../decimal";
import type { Cents } from "../money";

/** A charge cell read as whole cents, or why it cannot be. */
export type ChargeRead = Cents | "blank" | "malformed" | "negative";

// Text amounts as exports write them: "1,234.50", "$125", " 80.00 ".
const AMOUNT_TEXT = /^-?\d+(\.\d*)?$|^-?\.\d+$/;

/**
 * Reads a billed charge (dollars, a number or numeric text) as whole cents, rounding half-up.
 * Numbers with at most two decimals, nearly all charges, take a float fast path that is exact for them (a million
 * rows cannot afford a Decimal each: ARCHITECTURE.md section 9); anything finer goes through decimal.js.
 */
export function readChargeCents(value: unknown): ChargeRead {
  if (value === null || value === undefined) return "blank";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "malformed";
    if (value < 0) return "negative";
    const scaled = value * 100;
    const cents = Math.round(scaled);
    if (Math.abs(scaled - cents) < 1e-6) return cents as Cents;
    return new Decimal(String(value)).times(100).toDecimalPlaces(0).toNumber() as Cents;
  }
  if (typeof value === "string") {
    const text = value.trim().replace(/^\$/, "").replace(/,/g, "");
    if (text === "") return "blank";
    if (!AMOUNT_TEXT.test(text)) return "malformed";
    const amount = new Decimal(text);
    if (amount.isNegative() && !amount.isZero()) return "negative";
    return amount.times(100).toDecimalPlaces(0).toNumber() as Cents;
  }
  return "malformed";
}
