/**
 * How the sample workbook lays out its sheets: one table per sheet at A1 (header row, then one row per record) with
 * per-column number formats, and the formats and date cells every sheet shares.
 */
import type { CellInput, SheetSnapshot } from "../simulator";

/** The number formats of the sample's cells. Dates the add-in counts by month are real dates (DATE). */
export const FORMATS = {
  MONEY: "$#,##0.00",
  PERCENT: "0.0%",
  TEXT: "@",
  /** The claims' submission and remittance dates are real Excel dates, as the remittance import writes them. */
  DATE: "yyyy-mm-dd",
} as const;

/** An ISO date as an Excel serial day number (days since 1899-12-30). */
export const excelDay = (iso: string): number => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

/** Column letter of a 0-based index (0 -> A, 26 -> AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** One column of a sheet's table: its header, its cell for a record (and the record's Excel row), its format. */
export interface Column<Row> {
  header: string;
  value: (row: Row, excelRow: number) => CellInput;
  format?: string;
}

/** One sheet holding one table at A1: header row, then one row per record, with per-column number formats. */
export function tableSheet<Row>(
  sheetName: string,
  tableName: string,
  columns: Column<Row>[],
  rows: readonly Row[],
): SheetSnapshot {
  const cells: CellInput[][] = [
    columns.map((c) => c.header),
    ...rows.map((row, i) => columns.map((c) => c.value(row, i + 2))),
  ];
  const last = rows.length + 1;
  const numberFormats = columns.flatMap((c, i) =>
    c.format && rows.length > 0 ? [{ address: `${columnLetter(i)}2:${columnLetter(i)}${last}`, format: c.format }] : [],
  );
  return {
    name: sheetName,
    cells,
    numberFormats,
    tables: [{ name: tableName, address: `A1:${columnLetter(columns.length - 1)}${last}` }],
  };
}
