import { Decimal } from "../decimal";
import { isBlankCell } from "./blank";

/** How a text writes decimals: "point" (1,234.50, US) or "comma" (1.234,50, most of Europe). */
export type DecimalStyle = "point" | "comma";

/** What a numeric text may carry besides its number. */
export interface NumberTextOptions {
  /** The decimal separator; "point" unless a file says otherwise. */
  readonly style?: DecimalStyle;
  /** Whether currency marks and codes are allowed ("$1,234.50", "USD 12", "12,50 €"): money cells only. */
  readonly currency?: boolean;
}

/** Currency marks and codes users leave in money cells, before or after the number. */
const CURRENCY = /^(?:\$|USD|US\$|€|EUR|£)\s*|\s*(?:\$|USD|€|EUR|£)$/gi;
/** Thousands grouped by spaces (including the no-break spaces spreadsheets export): "1 234,50". */
const SPACE_GROUPS = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;
/** Plain digits with at most separators: most cells, read without the currency and sign rules. */
const PLAIN_NUMBER = /^[\d.,]+$/;

/** A numeric text's sign, and its digits and separators once currency marks and space groups are gone. */
export interface NumberTextParts {
  readonly negative: boolean;
  readonly digits: string;
}

/**
 * Splits numeric text into sign and digits: a leading "+" or "-" (before or after a currency mark: "-$80", "$-80")
 * or accounting parentheses ("(12.00)" is -12.00) give the sign; space-grouped thousands lose their spaces. The
 * digits are not checked here: {@link parseNumberText} does that.
 */
export function numberTextParts(text: string, currency = true): NumberTextParts {
  const trimmed = text.trim();
  if (PLAIN_NUMBER.test(trimmed)) return { negative: false, digits: trimmed };
  const bare = (part: string) => (currency ? part.replace(CURRENCY, "").trim() : part.trim());
  let body = bare(trimmed);
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(body);
  if (parenthesised) {
    negative = true;
    body = bare(parenthesised[1] ?? "");
  } else if (/^[-+]/.test(body)) {
    negative = body.startsWith("-");
    body = bare(body.slice(1));
  }
  if (SPACE_GROUPS.test(body)) body = body.replace(/[ \u00a0\u202f]/g, "");
  return { negative, digits: body };
}

// Thousands separators only in groups of three, so "1,5" (a decimal comma in a US reading) is refused, not 15.
const FORMS: { readonly [S in DecimalStyle]: readonly RegExp[] } = {
  point: [/^\d+(?:\.\d*)?$/, /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/, /^\.\d+$/],
  comma: [/^\d+(?:,\d*)?$/, /^\d{1,3}(?:\.\d{3})+(?:,\d*)?$/, /^,\d+$/],
};

/**
 * Reads numeric text as users type it and exports write it: an optional sign or accounting parentheses, thousands
 * separators in groups of three (or spaces), decimals in the given style and, for money, a currency mark. No
 * exponent: "1e20" in a cell is a damaged value, not a number anyone typed. Null when the text is not a number;
 * "-0" reads as 0.
 * @example parseNumberText("$1,234.50", { currency: true })?.toString() // "1234.5"
 * @example parseNumberText("1 234,50", { style: "comma" })?.toString() // "1234.5"
 * @example parseNumberText("1,5") // null
 */
export function parseNumberText(text: string, options: NumberTextOptions = {}): Decimal | null {
  const style = options.style ?? "point";
  const { negative, digits } = numberTextParts(text, options.currency ?? false);
  if (!FORMS[style].some((form) => form.test(digits))) return null;
  const plain = style === "point" ? digits.replace(/,/g, "") : digits.replace(/\./g, "").replace(",", ".");
  const value = new Decimal(plain.startsWith(".") ? `0${plain}` : plain);
  return negative && !value.isZero() ? value.negated() : value;
}

/**
 * A number from a cell as the decimal the user typed. Excel keeps 15 significant digits and shows no more, so a
 * value that carries binary noise from a formula (1.1 * 1.05 = 1.1550000000000002) reads as 1.155. Null when the
 * number is not finite.
 * @example decimalOfNumber(0.1 + 0.2)?.toString() // "0.3"
 */
export function decimalOfNumber(value: number): Decimal | null {
  return Number.isFinite(value) ? new Decimal(Number(value.toPrecision(15)).toString()) : null;
}

/** A number cell read exactly, or why it cannot be. */
export type NumberRead = Decimal | "blank" | "malformed";

/**
 * Reads a number cell: a finite number ({@link decimalOfNumber}) or numeric text ({@link parseNumberText}).
 * @example readNumberCell(" 1,250 ") // Decimal 1250
 */
export function readNumberCell(value: unknown, options: NumberTextOptions = {}): NumberRead {
  if (typeof value === "number") return decimalOfNumber(value) ?? "malformed";
  if (isBlankCell(value)) return "blank";
  if (typeof value !== "string") return "malformed";
  return parseNumberText(value, options) ?? "malformed";
}

/** A count cell (units, lines, a volume) as a number, or why it cannot be. */
export type QuantityRead = number | "blank" | "malformed";

/**
 * Reads a count: a finite number, or numeric text without currency ("2", "1,250", "2.5"). Signed, as volumes net
 * over reversals; a reader that needs more than zero (units of a priced line) says so itself.
 * @example readQuantity("1,250") // 1250
 */
export function readQuantity(value: unknown): QuantityRead {
  if (typeof value === "number") return Number.isFinite(value) ? value : "malformed";
  const read = readNumberCell(value);
  return typeof read === "string" ? read : read.toNumber();
}
