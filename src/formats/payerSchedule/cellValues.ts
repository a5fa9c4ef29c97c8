import { Decimal } from "../../engine";
import { parseIsoDate, type IsoDate } from "../../engine";

/**
 * A cell of a source grid reduced to what the import reads: text (trimmed), a number, or blank (null). Grids come
 * from text files (strings) or from a workbook (Office.js values, or exceljs cells: Date, rich text, formula results,
 * hyperlinks); a Date becomes its ISO day, as exceljs gives dates at UTC midnight.
 */
export type CellValue = string | number | null;

/** Reads one grid cell as text, number or blank. */
export function cellValue(cell: unknown): CellValue {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell === "string") return cell.trim() === "" ? null : cell.trim();
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell === "object") {
    const object = cell as { result?: unknown; text?: unknown; richText?: readonly { text?: unknown }[] };
    if (Array.isArray(object.richText)) return cellValue(object.richText.map((run) => String(run.text ?? "")).join(""));
    if ("result" in object) return cellValue(object.result);
    if ("text" in object) return cellValue(object.text);
  }
  return cellValue(String(cell));
}

/** The text of a cell for messages and descriptions ("" for blank). */
export function cellText(value: CellValue): string {
  return value === null ? "" : String(value);
}

// Formula-looking text is judged by the rule every file reader shares.
export { looksLikeFormula } from "../cmsPfs/textInput";

/**
 * The largest rate accepted, in dollars per unit. The dearest line items on any fee schedule are gene therapies
 * billed under J codes (J3399, onasemnogene abeparvovec, is paid about $2.1 million for one dose); ten million
 * dollars is far above any real fee and far below the absurd values of a damaged file (1E+20).
 */
export const MAX_RATE = new Decimal(10_000_000);

/** How a file writes decimals: "point" (1,234.50, US) or "comma" (1.234,50, most of Europe). */
export type DecimalStyle = "point" | "comma";

/** Currency marks and codes users leave in rate cells ("$1,234.50", "USD 12", "12,50 €"). */
const CURRENCY = /^(?:\$|USD|US\$|€|EUR|£)\s*|\s*(?:\$|USD|€|EUR|£)$/gi;
/** Thousands grouped by spaces (including the no-break spaces spreadsheets export): "1 234,50". */
const SPACE_GROUPS = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;

/** Plain digits with at most separators: most rate cells, read without the currency and sign rules. */
const PLAIN_NUMBER = /^[\d.,]+$/;

/** Strips currency marks and space grouping; returns the sign separately ("(12.00)" is accounting for -12.00). */
function bareNumberText(text: string): { negative: boolean; digits: string } {
  if (PLAIN_NUMBER.test(text)) return { negative: false, digits: text };
  let body = text.trim().replace(CURRENCY, "").trim();
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(body);
  if (parenthesised) {
    negative = true;
    body = (parenthesised[1] ?? "").replace(CURRENCY, "").trim();
  } else if (/^[-+]/.test(body)) {
    negative = body.startsWith("-");
    body = body.slice(1).replace(CURRENCY, "").trim();
  }
  if (SPACE_GROUPS.test(body)) body = body.replace(/[ \u00a0\u202f]/g, "");
  return { negative, digits: body };
}

const POINT_FORMS = [/^\d+(?:\.\d+)?$/, /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/, /^\.\d+$/];
const COMMA_FORMS = [/^\d+(?:,\d+)?$/, /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/, /^,\d+$/];

/**
 * Reads a rate: a number, or text with optional currency mark, thousands separators, sign or accounting
 * parentheses, in the file's decimal style. `null` when it is not a number ("N/A", "call", "$1,2a").
 * @example parseRate("$1,234.50", "point")?.toString() // "1234.5"
 * @example parseRate("1 234,50", "comma")?.toString() // "1234.5"
 */
export function parseRate(value: CellValue, style: DecimalStyle): Decimal | null {
  if (value === null) return null;
  if (typeof value === "number") return new Decimal(String(value));
  const { negative, digits } = bareNumberText(value);
  const forms = style === "point" ? POINT_FORMS : COMMA_FORMS;
  if (!forms.some((form) => form.test(digits))) return null;
  const plain = style === "point" ? digits.replace(/,/g, "") : digits.replace(/\./g, "").replace(",", ".");
  const rate = new Decimal(plain.startsWith(".") ? `0${plain}` : plain);
  return negative ? rate.negated() : rate;
}

/**
 * Votes for a file's decimal style, one rate cell at a time (so that a large file is never copied into a list):
 * text like "12,50" or "1.234,56" says comma, "12.50" or "1,234.56" says point; "1,234" alone proves nothing.
 * Point wins a tie (US payers are the norm).
 */
export class DecimalStyleVotes {
  private comma = 0;
  private point = 0;

  /** Counts one cell's vote. */
  add(value: CellValue): void {
    if (typeof value !== "string") return;
    const { digits } = bareNumberText(value);
    if (/^\d*,\d{1,2}$/.test(digits) || /^\d{1,3}(?:\.\d{3})+,\d+$/.test(digits) || /^\d+,\d{4,}$/.test(digits))
      this.comma++;
    else if (/^\d*\.\d+$/.test(digits) || /^\d{1,3}(?:,\d{3})+\.\d+$/.test(digits)) this.point++;
  }

  /** The style the votes so far decide. */
  get style(): DecimalStyle {
    return this.comma > this.point ? "comma" : "point";
  }
}

/** Decides a file's decimal style from its rate cells (see {@link DecimalStyleVotes}). */
export function detectDecimalStyle(values: readonly CellValue[]): DecimalStyle {
  const votes = new DecimalStyleVotes();
  for (const value of values) votes.add(value);
  return votes.style;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");
const fullYear = (text: string): number => (text.length === 2 ? 2000 + Number(text) : Number(text));

/**
 * Reads an effective date: an Excel serial (a number, or its digits as text when a date column was exported as
 * General), ISO text (a time of day is ignored), US "M/D/YYYY" (payers' usual form) or European "D.M.YYYY".
 * Two-digit years are 20YY. `null` when it is not a date.
 * @example parseScheduleDate("1/31/2025") // "2025-01-31"
 */
export function parseScheduleDate(value: CellValue): IsoDate | null {
  if (value === null) return null;
  if (typeof value === "number") return orNull(parseIsoDate(value));
  if (/^\d{5}$/.test(value)) return orNull(parseIsoDate(Number(value)));
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+Z?)?$/.exec(value);
  if (iso) return orNull(parseIsoDate(iso[1]));
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(value);
  if (us) return orNull(parseIsoDate(`${fullYear(us[3] ?? "")}-${pad2(Number(us[1]))}-${pad2(Number(us[2]))}`));
  const european = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/.exec(value);
  if (european)
    return orNull(
      parseIsoDate(`${fullYear(european[3] ?? "")}-${pad2(Number(european[2]))}-${pad2(Number(european[1]))}`),
    );
  return null;
}

function orNull<T>(result: { ok: true; value: T } | { ok: false }): T | null {
  return result.ok ? result.value : null;
}
