/**
 * Rectangles of cells laid out by a builder (uplift model, portfolio summary) and written in one command each, in
 * the add-in's house look: one dark-blue header fill, light-blue totals, pale-yellow input cells.
 */

import { NUMBER_FORMATS } from "./numberFormats";

/** A cell to write: a number, text, boolean, a formula ("=..."), or null for empty. */
export type PlanCell = string | number | boolean | null;

/** A rectangle of cells written in one command, with its number format and formatting. */
export interface PlanBlock {
  /** 0-based top-left. */
  readonly row: number;
  readonly column: number;
  readonly cells: readonly (readonly PlanCell[])[];
  /** One number format for the block, or one per column. "@" keeps text as text: never on formula cells. */
  readonly numberFormat?: string | readonly string[];
  readonly style?: BlockStyle;
}

/**
 * One line of text in column A (a sheet's title, the subtitle saying what it covers, a note on how to read it),
 * formatted as text so that a table or contract name in it is never read as a formula.
 */
export function textLine(row: number, line: string, style: "title" | "subtitle" | "note"): PlanBlock {
  return { row, column: 0, cells: [[line]], numberFormat: NUMBER_FORMATS.text, style };
}

/** How a block looks: the few styles a presentable sheet needs. */
export type BlockStyle = "title" | "subtitle" | "note" | "heading" | "header" | "input" | "total" | "body";

/** The fill colours of the styles that have one; `input` also shades single input cells. */
export const BLOCK_FILLS = { header: "#1F4E79", input: "#FFF2CC", total: "#DDEBF7" } as const;

/** The look of each block style, as `RangeFormat.set` takes it (undefined: Excel's default look). */
export const BLOCK_STYLES: Record<BlockStyle, Excel.Interfaces.RangeFormatUpdateData | undefined> = {
  title: { font: { size: 16, bold: true, color: "#1F4E79" } },
  subtitle: { font: { color: "#595959" } },
  note: { font: { italic: true, color: "#595959" } },
  heading: { font: { size: 12, bold: true, color: "#1F4E79" } },
  header: { font: { bold: true, color: "#FFFFFF" }, fill: { color: BLOCK_FILLS.header }, wrapText: true },
  total: { font: { bold: true }, fill: { color: BLOCK_FILLS.total } },
  input: { fill: { color: BLOCK_FILLS.input } },
  body: undefined,
};

/** Queues a block's number formats (before the cells, so codes stay text), cells and style; an empty block is skipped. */
export function writeBlock(sheet: Excel.Worksheet, block: PlanBlock): void {
  const height = block.cells.length;
  const width = block.cells[0]?.length ?? 0;
  if (height === 0 || width === 0) return;
  const range = sheet.getRangeByIndexes(block.row, block.column, height, width);
  const formats = block.numberFormat;
  if (formats !== undefined) {
    range.numberFormat = Array.from({ length: height }, () =>
      Array.from({ length: width }, (_, c) => (typeof formats === "string" ? formats : (formats[c] ?? "General"))),
    );
  }
  range.formulas = block.cells.map((row) => row.map((cell) => cell ?? ""));
  const style = block.style === undefined ? undefined : BLOCK_STYLES[block.style];
  if (style !== undefined) range.format.set(style);
}

/** Queues the width (in points) of each column from A, in order. */
export function setColumnWidths(sheet: Excel.Worksheet, widths: readonly number[]): void {
  widths.forEach((width, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = width;
  });
}
