/**
 * The workbook snapshot shape the simulator loads. Declared here only until `../simulator` exports it; the shape is
 * fixed by the playground issue, so switching the import is a one-line change.
 */

/** One cell as written: a string starting with "=" is a formula; null is an empty cell. */
export type CellInput = string | number | boolean | null;

/** One worksheet: its cells from A1, optional number formats (A1 ranges) and tables (address includes the header). */
export interface SheetSnapshot {
  name: string;
  cells: CellInput[][];
  numberFormats?: { address: string; format: string }[];
  tables?: { name: string; address: string }[];
}

/** A whole workbook: sheets in tab order, the active sheet, workbook-scoped names and add-in settings. */
export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  activeSheet?: string;
  names?: { name: string; formula: string }[];
  settings?: Record<string, unknown>;
}
