import type { HostWorkbook } from "./hostWorkbook";

/** Fixed geometry of the grid, in CSS pixels (Excel's defaults at 100% zoom, slightly roomier). */
export const ROW_HEIGHT = 22;
export const HEADER_HEIGHT = 24;
export const ROW_HEADER_WIDTH = 52;
const MIN_COLUMN_WIDTH = 72;
/** The grid draws Excel's 11-pt default font at 13 px, so every length in points (fonts, widths) scales alike. */
export const PX_PER_POINT = 13 / 11;
const MAX_COLUMN_WIDTH = 260;
/** The cells' font, as playground.html styles them; columns are sized by measuring text in it. */
const CELL_FONT = '13px Calibri, Carlito, "Segoe UI", "Liberation Sans", Arial, sans-serif';
/** Cell padding plus room for the selection border. */
const CELL_PADDING = 14;
/** Rows sampled to size a column: enough to see headers and typical values, cheap on 3,000-row sheets. */
const SAMPLED_ROWS = 200;

/** How far the grid extends: the used range plus blank room to type into, as Excel always shows more cells. */
export function gridExtent(used: { rows: number; columns: number }): { rows: number; columns: number } {
  return { rows: Math.max(used.rows + 50, 100), columns: Math.max(used.columns + 4, 16) };
}

/** Measures text in the cells' font (a canvas where there is one; an average character width elsewhere). */
function textMeasurer(): (text: string) => number {
  const context = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
  if (context === null) return (text) => text.length * 7.5;
  context.font = CELL_FONT;
  return (text) => context.measureText(text).width;
}

/** Column widths fitted to the sheet's content (header and the first rows), like Excel's AutoFit on open. */
export function fitColumnWidths(workbook: HostWorkbook, sheet: string, columns: number): number[] {
  const used = workbook.usedSize(sheet);
  const rows = Math.min(used.rows, SAMPLED_ROWS);
  const measure = textMeasurer();
  return Array.from({ length: columns }, (_, column) => {
    let widest = 0;
    if (column < used.columns) {
      for (let row = 0; row < rows; row++) widest = Math.max(widest, measure(workbook.cell(sheet, row, column).text));
    }
    return Math.ceil(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, widest + CELL_PADDING)));
  });
}

/** Fitted widths, with the widths the workbook sets (in points) where it sets one, as Excel keeps a set width. */
export function withSetWidths(fitted: readonly number[], set: ReadonlyMap<number, number>): number[] {
  return fitted.map((width, column) => {
    const points = set.get(column);
    return points === undefined ? width : Math.round(points * PX_PER_POINT);
  });
}

/** Where a block of cells is drawn on the grid's canvas, in CSS pixels (a chart placed over cells). */
export function cellsBox(
  cells: { row: number; column: number; rowCount: number; columnCount: number },
  lefts: readonly number[],
  widths: readonly number[],
): { left: number; top: number; width: number; height: number } {
  const right = cells.column + cells.columnCount - 1;
  const left = lefts[cells.column] ?? ROW_HEADER_WIDTH;
  return {
    left,
    top: HEADER_HEIGHT + cells.row * ROW_HEIGHT,
    width: (lefts[right] ?? left) + (widths[right] ?? MIN_COLUMN_WIDTH) - left,
    height: cells.rowCount * ROW_HEIGHT,
  };
}

/** Left edge of each column (after the row headers) and the total width, from the column widths. */
export function columnOffsets(widths: readonly number[]): { lefts: number[]; total: number } {
  const lefts: number[] = [];
  let x = ROW_HEADER_WIDTH;
  for (const width of widths) {
    lefts.push(x);
    x += width;
  }
  return { lefts, total: x };
}

/** The rows to render for a viewport: the visible ones plus a few either side so scrolling does not flash. */
export function visibleRowWindow(
  scrollTop: number,
  viewportHeight: number,
  totalRows: number,
  overscan = 8,
): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - overscan);
  const last = Math.min(totalRows - 1, Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT) + overscan);
  return { first, last };
}
