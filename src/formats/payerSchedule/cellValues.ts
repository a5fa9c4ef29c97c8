import { Decimal, type DecimalStyle, type IsoDate } from "../../engine";
import { isBlankCell, numberTextParts, readDateCell, readDollars } from "../../engine";

/**
 * A cell of a source grid reduced to what the import reads: text (trimmed), a number, or blank (null). Grids come
 * from text files (strings) or from a workbook (Office.js values, or exceljs cells: Date, rich text, formula results,
 * hyperlinks); a Date becomes its ISO day, as exceljs gives dates at UTC midnight.
 */
export type CellValue = string | number | null;

/** Reads one grid cell as text, number or blank. */
export function cellValue(cell: unknown): CellValue {
  if (isBlankCell(cell)) return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell === "string") return cell.trim();
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

// How a file writes decimals ("point" or "comma") is the vocabulary's; the style of a file is decided below.
export type { DecimalStyle };

/**
 * Reads a rate as the vocabulary reads dollars, in the file's decimal style: a number, or text with optional
 * currency mark, thousands separators, sign or accounting parentheses. Signed, so that a column of negative
 * numbers still reads as rates when columns are mapped; the row reader refuses a negative rate. `null` when it is
 * not a number ("N/A", "call", "$1,2a").
 * @example parseRate("$1,234.50", "point")?.toString() // "1234.5"
 * @example parseRate("1 234,50", "comma")?.toString() // "1234.5"
 */
export function parseRate(value: CellValue, style: DecimalStyle): Decimal | null {
  const rate = readDollars(value, "signed", style);
  return typeof rate === "string" ? null : rate;
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
    const { digits } = numberTextParts(value);
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

/**
 * Reads an effective date as the vocabulary reads date cells: an Excel serial (a number, or its digits as text when
 * a date column was exported as General), ISO text (a time of day is ignored), US "M/D/YYYY" (payers' usual form)
 * or European "D.M.YYYY"; a two-digit year as Excel reads it. `null` when it is not a date.
 * @example parseScheduleDate("1/31/2025") // "2025-01-31"
 */
export function parseScheduleDate(value: CellValue): IsoDate | null {
  if (value === null) return null;
  const date = readDateCell(value);
  return date.ok ? date.value : null;
}
