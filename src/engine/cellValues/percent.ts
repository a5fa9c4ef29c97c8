import { Decimal } from "../decimal";
import { isBlankCell } from "./blank";
import { decimalOfNumber, parseNumberText } from "./numberText";

/** A percentage cell read as an exact fraction, or why it cannot be. */
export type FractionRead = Decimal | "blank" | "malformed";

/**
 * Reads a percentage as a fraction (ARCHITECTURE.md 4: 5% = 0.05). A number is the fraction already: a cell
 * formatted as % holds 1.15 for 115%, and Excel passes 5% as 0.05. Text "115%" (or " 3.5 % ") is divided by 100;
 * other numeric text is the fraction itself ("1.15"). Signed: an uplift may be a cut; readers that need zero or
 * more (a contract's percent) say so themselves.
 * @example readFraction(0.05) // Decimal 0.05
 * @example readFraction(" 3.5% ") // Decimal 0.035
 */
export function readFraction(value: unknown): FractionRead {
  if (typeof value === "number") return decimalOfNumber(value) ?? "malformed";
  if (isBlankCell(value)) return "blank";
  if (typeof value !== "string") return "malformed";
  const text = value.trim();
  const percent = text.endsWith("%");
  const number = parseNumberText(percent ? text.slice(0, -1) : text);
  if (number === null) return "malformed";
  return percent ? number.dividedBy(100) : number;
}

/**
 * A fraction as people read a percentage: 1.15 -> "115%", 0.0275 -> "2.75%", exactly (no float noise), or with a
 * fixed number of decimals. A JS number is read as its cell would be ({@link decimalOfNumber}).
 * @example percentText(new Decimal("0.625")) // "62.5%"
 * @example percentText(0.12345, 1) // "12.3%"
 */
export function percentText(fraction: Decimal | number, decimals?: number): string {
  const exact = typeof fraction === "number" ? (decimalOfNumber(fraction) ?? new Decimal(fraction)) : fraction;
  const percent = exact.times(100);
  return `${decimals === undefined ? percent.toString() : percent.toFixed(decimals)}%`;
}
