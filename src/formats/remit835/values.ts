import type { Cents } from "../../engine";
import type { IsoDate } from "../../engine";

// X12 "R" (decimal) money: optional minus, digits, optional point and decimals. No exponent, no thousands separator.
const DECIMAL_TEXT = /^(-?)(\d{0,13})(?:\.(\d*))?$/;

/**
 * The largest amount one service line or claim may carry, in cents: $100,000,000.00 either way. The costliest
 * claims on record (transplants, months of intensive care, gene therapies) stay in the low millions, so anything
 * beyond this is a corrupt or placeholder value (issue 10 "absurd magnitudes"), never a charge.
 */
export const MAX_CLAIM_AMOUNT_CENTS = 10_000_000_000 as Cents;

/**
 * The most units one service line may carry: 100,000. Drug units (per 0.1 mg, per unit of toxin) and minutes run
 * to the thousands; a larger count is a corrupt value (10^300 read as a number would still be "finite").
 */
export const MAX_UNIT_QUANTITY = 100_000;

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

/**
 * A line or claim amount: an X12 decimal no larger than {@link MAX_CLAIM_AMOUNT_CENTS} either way; null otherwise.
 * @example claimAmountFromText("1e20") // null
 */
export function claimAmountFromText(text: string): Cents | null {
  const cents = centsFromDecimalText(text);
  return cents !== null && Math.abs(cents) <= MAX_CLAIM_AMOUNT_CENTS ? cents : null;
}

const QUANTITY_TEXT = /^-?(\d+\.?\d*|\.\d+)$/;

/** Reads an 835 quantity element (units, CAS quantity): a decimal number, or null when it is not one. */
export function quantityFromText(text: string): number | null {
  return QUANTITY_TEXT.test(text) ? Number(text) : null;
}

/**
 * Units of a service line or adjustment: a decimal from 0 to {@link MAX_UNIT_QUANTITY}, or down to minus that on a
 * reversal, whose units payers negate with the amounts (CLP02 = 22). Zero is real: a denied line pays 0 units.
 */
export function unitQuantityFromText(text: string, negativeAllowed: boolean): number | null {
  const quantity = quantityFromText(text);
  if (quantity === null || !Number.isFinite(quantity) || Math.abs(quantity) > MAX_UNIT_QUANTITY) return null;
  return quantity < 0 && !negativeAllowed ? null : quantity;
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

/** Whether a character is a control character (C0, DEL or C1), which no name, id or code of an 835 contains. */
export function isControlCharacter(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** The most days one stay or count may carry: 9,999 (27 years); more is a corrupt value. */
export const MAX_DAY_COUNT = 9_999;

/** A count of days (MIA01, MIA03): a whole number up to {@link MAX_DAY_COUNT}, negative only on a reversal. */
export function dayCountFromText(text: string, negativeAllowed: boolean): number | null {
  if (!/^-?\d{1,4}$/.test(text)) return null;
  const count = Number(text);
  return count < 0 && !negativeAllowed ? null : count === 0 ? 0 : count;
}

/** The largest MS-DRG relative weight accepted: CMS's heaviest DRGs weigh under 30 (FY2026), so 100 is corrupt. */
export const MAX_DRG_WEIGHT = 100;

/** A DRG relative weight (CLP12): a positive decimal up to {@link MAX_DRG_WEIGHT}, like 1.9289. */
export function drgWeightFromText(text: string): number | null {
  if (!/^(\d{1,3}(\.\d{0,6})?|\.\d{1,6})$/.test(text)) return null;
  const weight = Number(text);
  return weight > 0 && weight <= MAX_DRG_WEIGHT ? weight : null;
}

/** A reimbursement rate (MOA01, X12 data element 954): a decimal fraction from 0 to 1, like 0.8 for 80%. */
export function reimbursementRateFromText(text: string): number | null {
  if (!/^(\d(\.\d{0,6})?|\.\d{1,6})$/.test(text)) return null;
  const rate = Number(text);
  return rate <= 1 ? rate : null;
}

/**
 * A remittance advice remark code (RARC: M15, MA01, N130) as the LQ, MIA and MOA segments send it; digit-only codes
 * are accepted too, as 4010 payers sent them.
 */
export function isRemarkCode(text: string): boolean {
  return /^[A-Z]{1,2}\d{1,4}$|^\d{1,4}$/.test(text);
}
