/**
 * A1 addresses: parsing "Sheet1!B2:D5", "'My Sheet'!A1", "A:C", "2:5" into 0-based rectangles and back,
 * in the forms Excel's `range.address` returns.
 */

/** Excel's grid limits. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based, as Excel's rowIndex/columnIndex/rowCount/columnCount. */
export interface CellRect {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** An address split into its optional sheet and its rectangle. */
export interface ParsedAddress {
  readonly sheet: string | null;
  readonly rect: CellRect;
}

/** 0 -> "A", 27 -> "AB". */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** "A" -> 0, "AB" -> 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

interface Corner {
  row: number | null;
  column: number | null;
}

function parseCorner(text: string): Corner | null {
  const cell = CELL.exec(text);
  if (cell) return { column: columnIndex(cell[1]!), row: Number(cell[2]) - 1 };
  const column = COLUMN.exec(text);
  if (column) return { column: columnIndex(column[1]!), row: null };
  const row = ROW.exec(text);
  if (row) return { column: null, row: Number(row[1]) - 1 };
  return null;
}

/** Splits "Sheet1!A1" / "'My ''Q'' Sheet'!A1" into sheet and the rest. */
function splitSheet(text: string): { sheet: string | null; rest: string } {
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { sheet: null, rest: text };
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, rest: text.slice(bang + 1) };
}

/** Parses an A1 address; null when it is not one (e.g. a name). */
export function parseAddress(text: string): ParsedAddress | null {
  const { sheet, rest } = splitSheet(text.trim().replace(/^=/, ""));
  const [first, second, extra] = rest.split(":");
  if (first === undefined || extra !== undefined) return null;
  const a = parseCorner(first);
  const b = second === undefined ? a : parseCorner(second);
  if (a === null || b === null) return null;
  // A bare column or row is only valid as part of a range ("A:A", "2:2").
  if (second === undefined && (a.row === null || a.column === null)) return null;
  if ((a.row === null) !== (b.row === null) || (a.column === null) !== (b.column === null)) return null;
  const top = Math.min(a.row ?? 0, b.row ?? 0);
  const bottom = a.row === null ? MAX_ROWS - 1 : Math.max(a.row, b.row ?? 0);
  const left = Math.min(a.column ?? 0, b.column ?? 0);
  const right = a.column === null ? MAX_COLUMNS - 1 : Math.max(a.column, b.column ?? 0);
  if (bottom >= MAX_ROWS || right >= MAX_COLUMNS) return null;
  return { sheet, rect: { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 } };
}

/** "B2:D5", "B2" for one cell, "A:C" for whole columns, "2:5" for whole rows. */
export function formatRect(rect: CellRect, absolute = false): string {
  const d = absolute ? "$" : "";
  const lastRow = rect.row + rect.rowCount - 1;
  const lastColumn = rect.column + rect.columnCount - 1;
  if (rect.rowCount === MAX_ROWS) return `${d}${columnLetters(rect.column)}:${d}${columnLetters(lastColumn)}`;
  if (rect.columnCount === MAX_COLUMNS) return `${d}${rect.row + 1}:${d}${lastRow + 1}`;
  const first = `${d}${columnLetters(rect.column)}${d}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${d}${columnLetters(lastColumn)}${d}${lastRow + 1}`;
}

/** Quotes a sheet name when Excel would ("'My Sheet'"). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && parseCorner(name) === null ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!B2:D5", as `range.address`. */
/**
 * A formula's text with its references to sheet `from` pointing at sheet `to` (quoted or not, any case), as Excel
 * rewrites formulas when a sheet is renamed. Text inside string literals is left alone.
 */
export function renameSheetInFormula(formula: string, from: string, to: string): string {
  const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const quoted = `'${escaped(from.replace(/'/g, "''"))}'!`;
  const bare = `(?<![A-Za-z0-9_.'])${escaped(from)}!`;
  const reference = new RegExp(`${quoted}|${bare}`, "gi");
  // Split on string literals ("..." with "" inside) and rewrite only the parts outside them.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(reference, `${quoteSheetName(to)}!`)))
    .join("");
}

export function formatAddress(sheet: string, rect: CellRect, absolute = false): string {
  return `${quoteSheetName(sheet)}!${formatRect(rect, absolute)}`;
}

/** The overlap of two rectangles, or null. */
export function intersect(a: CellRect, b: CellRect): CellRect | null {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const bottom = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const right = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  return bottom > row && right > column ? { row, column, rowCount: bottom - row, columnCount: right - column } : null;
}

/** True when (row, column) lies inside rect. */
export function contains(rect: CellRect, row: number, column: number): boolean {
  return (
    row >= rect.row &&
    row < rect.row + rect.rowCount &&
    column >= rect.column &&
    column < rect.column + rect.columnCount
  );
}
