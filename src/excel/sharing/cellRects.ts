/**
 * Rectangles of cells, for writes that must fit one commit request: a column of per-row PAYER formulas in a table
 * becomes one rectangle (one command, whatever its length) instead of one command per cell. Also what one commit
 * request may hold, and how its size is estimated.
 */
import { columnLetters } from "../core/columnLetters";

/** A block of cells on one sheet: 0-based top-left and size. */
export interface CellRect {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** "B7" for 0-based (6, 1). */
export const a1 = (row: number, column: number): string => `${columnLetters(column)}${row + 1}`;

/** "B7" for one cell, "A6:F40" for a block. */
export function rectAddress(rect: CellRect): string {
  const first = a1(rect.row, rect.column);
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${a1(rect.row + rect.rowCount - 1, rect.column + rect.columnCount - 1)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function parseCell(text: string): { row: number; column: number } | null {
  const match = CELL.exec(text.trim());
  if (match === null) return null;
  const column = [...match[1]!.toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  const row = Number(match[2]) - 1;
  return row < 0 ? null : { row, column };
}

/** The block of "B7" or "A6:F40" (as {@link rectAddress} writes them); null for anything else. */
export function parseRectAddress(address: string): CellRect | null {
  const [from, to, extra] = address.split(":");
  if (from === undefined || extra !== undefined) return null;
  const first = parseCell(from);
  const last = to === undefined ? first : parseCell(to);
  if (first === null || last === null || last.row < first.row || last.column < first.column) return null;
  return {
    row: first.row,
    column: first.column,
    rowCount: last.row - first.row + 1,
    columnCount: last.column - first.column + 1,
  };
}

/**
 * The cells grouped into rectangles, each holding only given cells: runs down each column first (per-row formulas),
 * then runs of the same rows side by side merged (several such columns). Each rectangle lists its cells row-major.
 */
export function rectsOf<Cell extends { readonly row: number; readonly column: number }>(
  cells: readonly Cell[],
): { readonly rect: CellRect; readonly cells: readonly Cell[] }[] {
  const byColumn = [...cells].sort((a, b) => a.column - b.column || a.row - b.row);
  const runs: { column: number; row: number; cells: Cell[] }[] = [];
  for (const cell of byColumn) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.column === cell.column && last.row + last.cells.length === cell.row)
      last.cells.push(cell);
    else runs.push({ column: cell.column, row: cell.row, cells: [cell] });
  }
  runs.sort((a, b) => a.row - b.row || a.cells.length - b.cells.length || a.column - b.column);
  const rects: { rect: CellRect; columns: Cell[][] }[] = [];
  for (const run of runs) {
    const last = rects[rects.length - 1];
    const fits =
      last !== undefined &&
      last.rect.row === run.row &&
      last.rect.rowCount === run.cells.length &&
      last.rect.column + last.rect.columnCount === run.column;
    if (fits) {
      last.rect = { ...last.rect, columnCount: last.rect.columnCount + 1 };
      last.columns.push(run.cells);
    } else
      rects.push({
        rect: { row: run.row, column: run.column, rowCount: run.cells.length, columnCount: 1 },
        columns: [run.cells],
      });
  }
  return rects.map(({ rect, columns }) => ({
    rect,
    cells: Array.from({ length: rect.rowCount }, (_, r) => columns.map((column) => column[r]!)).flat(),
  }));
}

/**
 * What one commit request may hold. Excel on the web refuses a request over 5 MB; a command that addresses a range
 * (its sheet, its range, the call) takes a few hundred bytes as office.js sends it, so 5,000 of them stay near 2 MB,
 * leaving room for the formulas a repair writes. Over these, an operation refuses up front rather than commit in parts.
 */
export const COMMIT_LIMITS = {
  /** Separate places (rectangles) changed. */
  places: 5_000,
  /** Estimated request bytes, under Excel on the web's 5 MB. */
  bytes: 4 * 1024 * 1024,
  /** Estimated bytes of one command addressing a range, without the data it carries. */
  bytesPerCommand: 400,
} as const;
