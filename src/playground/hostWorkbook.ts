import type { RecordedChart, RecordedConditionalFormat, RecordedRangeFormat } from "./simulator";

/**
 * What the playground's grid needs from a workbook: the workbook simulator's host-side, synchronous API
 * (the user's side of the screen; the add-in talks to the same workbook through `simulator.excel`).
 */
export interface HostWorkbook {
  /** The sheets shown as tabs (hidden sheets left out, as in Excel). */
  visibleSheetNames(): readonly string[];
  activeSheetName(): string;
  /** Rows and columns from A1 to the last non-empty cell. */
  usedSize(sheet: string): { readonly rows: number; readonly columns: number };
  /** One cell, 0-based; `text` is the value as its number format shows it. */
  cell(sheet: string, row: number, column: number): HostCell;
  /** Enters `input` as a user types it: "=..." is a formula, anything else a constant; "" clears the cell. */
  setCellInput(sheet: string, row: number, column: number, input: string): unknown;
  /** Range formats (fills, fonts, column widths) and freeze panes the add-in set on a sheet, in the order set. */
  rangeFormats(sheet: string): readonly RecordedRangeFormat[];
  /** Conditional formats of a sheet, oldest first. */
  conditionalFormats(sheet: string): readonly RecordedConditionalFormat[];
  /** Native charts on a sheet, oldest first. */
  charts(sheet: string): readonly RecordedChart[];
  /** A formula's value as if entered on `sheet` (errors as their text), for conditional formats' rules. */
  evaluate(sheet: string, formula: string): unknown;
  /** Calls `listener` after any change to the workbook; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** A cell as the grid shows it. */
export interface HostCell {
  readonly value: unknown;
  readonly formula?: string | null;
  readonly text: string;
  readonly numberFormat?: string;
  /** Why an error value arose (e.g. a custom function's message), when the workbook knows. */
  readonly errorMessage?: string;
}

/** "A".."Z", "AA".. for a 0-based column index. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A1-style address of a 0-based cell: `a1Address(6, 1)` is "B7". */
export function a1Address(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** The text a user would edit for a cell: its formula, else its constant as typed (TRUE/FALSE for booleans). */
export function cellInputText(cell: HostCell): string {
  if (typeof cell.formula === "string" && cell.formula !== "") return cell.formula;
  const { value } = cell;
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number" || typeof value === "string") return String(value);
  return cell.text;
}
