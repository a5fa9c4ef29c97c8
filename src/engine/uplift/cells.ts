import { Decimal, toDecimal } from "../decimal";

/** True for an empty cell: null, undefined, or text of spaces only (Excel passes empty cells as "" or null). */
export function isBlankCell(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** The largest amount accepted on one line, in cents ($100 billion): far above any claim line, far below 2^53. */
export const MAX_LINE_CENTS = 10_000_000_000_000;

/** An amount cell read as whole cents, or why it cannot be. */
export type AmountRead = number | "blank" | "malformed" | "tooLarge";

// Amounts as exports write them once "$" and thousands separators are gone: "1234.50", "-80", ".5".
const AMOUNT_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * Reads a dollar amount (a number, or text like "$1,234.50" or "-80.00") as whole cents, rounding half away from
 * zero so that a reversal (a negative line) rounds as the mirror of the line it reverses. Negative amounts are
 * accepted: claims exports carry reversals and take-backs, which net against the original lines.
 * Numbers with at most two decimals, nearly all amounts, take a float fast path that is exact for them (a million
 * rows cannot afford a Decimal each: ARCHITECTURE.md section 9); anything finer goes through decimal.js.
 * @example readAmountCents(125.5) // 12550
 * @example readAmountCents("$1,234.50") // 123450
 */
export function readAmountCents(value: unknown): AmountRead {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "malformed";
    const scaled = value * 100;
    const cents = Math.round(scaled);
    if (Math.abs(scaled - cents) < 1e-6) return Math.abs(cents) > MAX_LINE_CENTS ? "tooLarge" : cents + 0;
    return decimalCents(new Decimal(String(value)));
  }
  if (value === null || value === undefined) return "blank";
  if (typeof value !== "string") return "malformed";
  const text = value
    .trim()
    .replace(/^([+-]?)\$/, "$1")
    .replace(/,/g, "");
  if (text === "") return "blank";
  return AMOUNT_TEXT.test(text) ? decimalCents(new Decimal(text)) : "malformed";
}

function decimalCents(dollars: Decimal): AmountRead {
  const cents = dollars.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  // `+ 0` turns -0 (from "-0.001") into 0.
  return cents.abs().greaterThan(MAX_LINE_CENTS) ? "tooLarge" : cents.toNumber() + 0;
}

/**
 * A {@link readAmountCents} that remembers each distinct text: exports that store amounts as text repeat a few
 * thousand distinct values over a million rows, and decimal.js on each would blow the time budget.
 */
export function createAmountReader(): (value: unknown) => AmountRead {
  const textCache = new Map<string, AmountRead>();
  return (value) => {
    if (typeof value !== "string") return readAmountCents(value);
    let read = textCache.get(value);
    if (read === undefined) {
      read = readAmountCents(value);
      textCache.set(value, read);
    }
    return read;
  };
}

/** A volume cell (lines, units or a utilisation count) as a number, or why it cannot be. */
export type QuantityRead = number | "blank" | "malformed";

/** Reads a volume: a finite number or numeric text. */
export function readQuantity(value: unknown): QuantityRead {
  if (typeof value === "number") return Number.isFinite(value) ? value : "malformed";
  if (isBlankCell(value)) return "blank";
  if (typeof value !== "string") return "malformed";
  const quantity = toDecimal(value.replace(/,/g, ""));
  return quantity === null ? "malformed" : quantity.toNumber();
}

/** An uplift fraction read exactly, or why it cannot be. */
export type FractionRead = Decimal | "blank" | "malformed";

/**
 * Reads an uplift fraction exactly: a number (5% arrives from Excel as 0.05), decimal text, or percent text ("5%").
 * Numbers go through their shortest round-trip text, so 0.05 is exactly 5/100 rather than its binary expansion.
 * @example readFraction(0.05) // Decimal 0.05
 * @example readFraction(" 3.5% ") // Decimal 0.035
 */
export function readFraction(value: unknown): FractionRead {
  if (isBlankCell(value)) return "blank";
  if (typeof value === "string") {
    const text = value.trim();
    if (text.endsWith("%")) {
      const percent = toDecimal(text.slice(0, -1).trim());
      return percent === null ? "malformed" : percent.dividedBy(100);
    }
  }
  return toDecimal(value) ?? "malformed";
}
