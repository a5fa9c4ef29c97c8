/**
 * Column kinds of the tables the add-in writes, their number formats, and the conversion of each cell to what
 * is sent to Excel. The rule that matters (ARCHITECTURE.md s.10, CSV injection): only a "formula" column can
 * produce a formula; text goes into cells formatted "@" so Excel keeps "=HYPERLINK(...)", "+1-555" or "00110"
 * as typed, and every other kind accepts only values that cannot be read as a formula (numbers, booleans).
 */
import { parseIsoDate } from "../../engine";

/** What a column holds. */
export type ColumnKind = "text" | "number" | "money" | "percent" | "date" | "boolean" | "formula";

/** One column of a table to write. */
export interface TableColumn {
  /** Header text, unique in the table (case-insensitive, as Excel compares them). */
  readonly name: string;
  readonly kind: ColumnKind;
  /** Overrides the kind's number format (not allowed for "text": its "@" is what keeps text as text). */
  readonly numberFormat?: string;
}

/** A cell as a caller gives it: null or "" leaves the cell empty. Dates are ISO text or Excel serials. */
export type CellValue = string | number | boolean | null;

/** What one cell becomes in the `values` array sent to Excel. */
export type ExcelCell = string | number | boolean;

/** The number format each kind gets unless the column names one. */
export const DEFAULT_NUMBER_FORMATS: { readonly [K in ColumnKind]: string } = {
  text: "@",
  number: "General",
  money: "$#,##0.00",
  percent: "0.00%",
  date: "yyyy-mm-dd",
  boolean: "General",
  formula: "General",
};

/** What a column of each kind holds, in the README's words ("written as"). */
export const COLUMN_KIND_WORDS: { readonly [K in ColumnKind]: string } = {
  text: "text",
  number: "a number",
  money: "dollars",
  percent: "a percentage",
  date: "a date",
  boolean: "TRUE or FALSE",
  formula: "a formula",
};

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARACTERS = 32_767;

/** Excel's limit on the characters of a formula. */
export const MAX_FORMULA_CHARACTERS = 8_192;

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** The number format a column is written with. */
export function numberFormatOf(column: TableColumn): string {
  return column.kind === "text" ? "@" : (column.numberFormat ?? DEFAULT_NUMBER_FORMATS[column.kind]);
}

/** A cell converted for Excel, or what the column expected instead. */
export type CellConversion = { readonly ok: true; readonly cell: ExcelCell } | { readonly ok: false; expected: string };

const EXPECTED: { readonly [K in ColumnKind]: string } = {
  text: "text of at most 32,767 characters",
  number: "a number",
  money: "an amount in dollars (a number)",
  percent: "a fraction such as 0.05 for 5%",
  date: "a date as ISO text (2025-03-31) or an Excel date number",
  boolean: "TRUE or FALSE",
  formula: 'a formula starting with "=", or a number',
};

const accept = (cell: ExcelCell): CellConversion => ({ ok: true, cell });

/** Converts one cell for a column of `kind`; never lets a non-formula column carry a string Excel would parse. */
export function toExcelCell(kind: ColumnKind, value: CellValue): CellConversion {
  if (value === null || value === "") return accept("");
  const refuse: CellConversion = { ok: false, expected: EXPECTED[kind] };
  switch (kind) {
    case "text": {
      if (typeof value === "number" && !Number.isFinite(value)) return refuse;
      const text = typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value);
      return text.length <= MAX_CELL_CHARACTERS ? accept(text) : refuse;
    }
    case "number":
    case "money":
    case "percent":
      return typeof value === "number" && Number.isFinite(value) ? accept(value) : refuse;
    case "boolean":
      return typeof value === "boolean" ? accept(value) : refuse;
    case "date": {
      // Sent as a serial number, so Excel never parses date text in the user's locale (3/4 is March or April).
      const date = parseIsoDate(value);
      if (!date.ok) return refuse;
      const [y, m, d] = date.value.split("-").map(Number) as [number, number, number];
      return accept((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
    }
    case "formula":
      if (typeof value === "number") return Number.isFinite(value) ? accept(value) : refuse;
      return typeof value === "string" && value.startsWith("=") && value.length <= MAX_FORMULA_CHARACTERS
        ? accept(value)
        : refuse;
  }
}
