import type { Cents } from "../../engine";
import type { IsoDate } from "../../engine";

// X12 "R" (decimal) money: optional minus, digits, optional point and decimals. No exponent, no thousands separator.
const DECIMAL_TEXT = /^(-?)(\d{0,13})(?:\.(\d*))?$/;

/**
 * Reads an 835 money element ("1057.86", "-13.65", "5", ".5") into integer cents from its text, never through a
 * float, so 0.1 + 0.2 problems cannot arise. More than two decimals round half-up (X12 allows them; payers do not
 * send them for money). Null when the text is not a decimal number.
 * @example centsFromDecimalText("1175.4") // 117540
 */
export function centsFromDecimalText(text: string): Cents | null {
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) return null;
  const whole = match[2] ?? "";
  const fraction = match[3] ?? "";
  if (whole === "" && fraction === "") return null;
  let cents = Number(whole === "" ? "0" : whole) * 100 + Number((fraction + "00").slice(0, 2));
  if (fraction.length > 2 && fraction.charCodeAt(2) >= 53 /* "5" */) cents += 1;
  // "-0" and "-0.00" are zero, not negative zero, so equality checks stay simple.
  return (match[1] === "-" && cents !== 0 ? -cents : cents) as Cents;
}

const QUANTITY_TEXT = /^-?(\d+\.?\d*|\.\d+)$/;

/** Reads an 835 quantity element (units, CAS quantity): a decimal number, or null when it is not one. */
export function quantityFromText(text: string): number | null {
  return QUANTITY_TEXT.test(text) ? Number(text) : null;
}

/** Reads a CCYYMMDD date element into ISO text; null when it is not a real calendar date. */
export function isoDateFromX12(text: string): IsoDate | null {
  if (!/^\d{8}$/.test(text)) return null;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` as IsoDate;
}
