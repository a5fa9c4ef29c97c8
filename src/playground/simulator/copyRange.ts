/**
 * `range.copyFrom(source, copyType, skipBlanks, transpose)` (ExcelApi 1.9), with Excel's rules: the destination
 * starts at its top-left cell and grows to the source's size; a destination that is an exact multiple of the source
 * in rows or columns receives that many copies; copied formulas have their relative references moved (see
 * formulaShift.ts); "Values" pastes computed values (text stays text, even "=..." or "00123"); "Formats" pastes
 * number formats, conditional formats and recorded range formats (fonts, fills) but not column widths or row
 * heights, which Excel copies only with its "ColumnWidths" type; "All" is formulas and formats. The cells of a
 * spill are pasted as the anchor's formula alone when the anchor is copied, else as values, as Excel does.
 * Not simulated: "Link" (ExcelApiOnline) and RangeAreas sources.
 */
import type { RawCellContent } from "hyperformula";
import { formatRect, intersect, MAX_COLUMNS, MAX_ROWS, parseAddress, type CellRect } from "./addresses";
import { cellKey, type RangeEntity, type Recorded, type SheetEntity } from "./entities";
import { ErrorCodes, invalidArgument, SimulatorError } from "./errors";
import { shiftFormula } from "./formulaShift";
import type { WorkbookModel } from "./workbookModel";

/** The copy types the simulator pastes, with what each takes from the source. */
const COPY_TYPES = {
  All: { contents: "formulas", formats: true },
  Formulas: { contents: "formulas", formats: false },
  Values: { contents: "values", formats: false },
  Formats: { contents: null, formats: true },
} as const satisfies Record<string, { contents: "formulas" | "values" | null; formats: boolean }>;

type CopyType = keyof typeof COPY_TYPES;

/** One source cell as read before anything is written (source and destination may overlap). */
interface SourceCell {
  readonly row: number;
  readonly column: number;
  readonly value: string | number | boolean | null;
  readonly formula: string | null;
  readonly numberFormat: string;
  /** A spilled cell whose anchor is copied too: pasted empty, the anchor's formula spills again. */
  readonly spilledFromCopy: boolean;
}

/** Recorded format properties and calls Excel does not paste (widths and heights). */
const NOT_PASTED = /^(columnWidth|rowHeight|autofitColumns|autofitRows)/;

function readSource(model: WorkbookModel, { sheet, rect }: RangeEntity): SourceCell[][] {
  const { cells } = model;
  return cells.map(sheet, rect, (row, column) => {
    const spill = cells.engine.spillOf(sheet.name, row, column);
    const isChild = spill !== null && (spill.row !== row || spill.column !== column);
    return {
      row,
      column,
      value: cells.value(sheet, row, column),
      formula: isChild ? null : cells.formula(sheet, row, column),
      numberFormat: cells.numberFormat(sheet, row, column),
      spilledFromCopy: isChild && intersect(rect, { ...spill.rect, rowCount: 1, columnCount: 1 }) !== null,
    };
  });
}

/** How many copies fit: an exact multiple of the source, else one. */
const copies = (destination: number, source: number) =>
  destination > source && destination % source === 0 ? destination / source : 1;

/** Engine contents of a pasted constant: text stays text, whatever it looks like. */
function constantRaw(value: string | number | boolean | null): RawCellContent {
  if (typeof value !== "string") return value;
  return /^#[A-Z/0!?]+[!?A]?$/.test(value) ? value : `'${value}`;
}

/** The pasted contents of one cell, or undefined to leave it as it is. */
function pastedRaw(
  model: WorkbookModel,
  target: { sheet: SheetEntity; row: number; column: number },
  cell: SourceCell,
  contents: "formulas" | "values",
): RawCellContent {
  if (cell.spilledFromCopy && contents === "formulas") return null;
  if (contents === "formulas" && cell.formula !== null) {
    const formula = shiftFormula(cell.formula, target.row - cell.row, target.column - cell.column);
    return model.cells.enteredRaw(target.sheet, target.row, target.column, formula);
  }
  target.sheet.userFormulas.delete(cellKey(target.row, target.column));
  return constantRaw(cell.value);
}

/** Adds to `to` a copy of each record of `from` that lies in the source, moved to each pasted block. */
function pasteRecords<R extends Recorded & { readonly address: string }>(
  from: readonly R[],
  to: R[],
  source: CellRect,
  blocks: readonly { row: number; column: number }[],
  transpose: boolean,
): void {
  for (const record of [...from]) {
    const parsed = parseAddress(record.address);
    const overlap = parsed === null ? null : intersect(parsed.rect, source);
    if (overlap === null) continue;
    const [dr, dc] = [overlap.row - source.row, overlap.column - source.column];
    const properties = Object.fromEntries(Object.entries(record.properties).filter(([k]) => !NOT_PASTED.test(k)));
    const calls = record.calls.filter((c) => !NOT_PASTED.test(c.path));
    for (const block of blocks) {
      const rect = transpose
        ? {
            row: block.row + dc,
            column: block.column + dr,
            rowCount: overlap.columnCount,
            columnCount: overlap.rowCount,
          }
        : { ...overlap, row: block.row + dr, column: block.column + dc };
      to.push({
        ...record,
        address: formatRect(rect),
        properties: structuredClone(properties),
        calls: structuredClone(calls),
      });
    }
  }
}

/**
 * What `clear("All")` or `clear("Formats")` does to the recorded formats of a sheet: the conditional formats and the
 * range formats (fonts, fills) lying inside `rect` go; column widths and row heights stay, as in Excel.
 */
export function clearRecords(sheet: SheetEntity, rect: CellRect): void {
  const inside = (record: { readonly address: string }) => {
    const at = parseAddress(record.address)?.rect;
    const overlap = at === undefined ? null : intersect(at, rect);
    return overlap !== null && overlap.rowCount === at!.rowCount && overlap.columnCount === at!.columnCount;
  };
  const keptConditional = sheet.conditionalFormats.filter((record) => !inside(record));
  sheet.conditionalFormats.splice(0, sheet.conditionalFormats.length, ...keptConditional);
  const keptFormats = sheet.rangeFormats.flatMap((record) => {
    if (!inside(record)) return [record];
    const properties = Object.fromEntries(Object.entries(record.properties).filter(([key]) => NOT_PASTED.test(key)));
    const calls = record.calls.filter((call) => NOT_PASTED.test(call.path));
    return Object.keys(properties).length + calls.length === 0 ? [] : [{ ...record, properties, calls }];
  });
  sheet.rangeFormats.splice(0, sheet.rangeFormats.length, ...keptFormats);
  const keptValidations = sheet.dataValidations.filter((record) => !inside(record));
  sheet.dataValidations.splice(0, sheet.dataValidations.length, ...keptValidations);
}

/** The pasted rectangle and its blocks (one per copy), for a source of `height` x `width` after transposing. */
function pasteArea(target: CellRect, height: number, width: number) {
  const [down, across] = [copies(target.rowCount, height), copies(target.columnCount, width)];
  const rect: CellRect = {
    row: target.row,
    column: target.column,
    rowCount: height * down,
    columnCount: width * across,
  };
  if (rect.row + rect.rowCount > MAX_ROWS || rect.column + rect.columnCount > MAX_COLUMNS)
    throw invalidArgument(`The pasted range would lie outside the worksheet (${formatRect(rect)})`);
  const blocks = Array.from({ length: down * across }, (_, i) => ({
    row: rect.row + Math.floor(i / across) * height,
    column: rect.column + (i % across) * width,
  }));
  return { rect, blocks };
}

/** Pastes `source` onto `destination` (see the module comment). */
export function copyRange(
  model: WorkbookModel,
  destination: RangeEntity,
  source: RangeEntity,
  copyType: string,
  skipBlanks: boolean,
  transpose: boolean,
): void {
  if (!(copyType in COPY_TYPES)) {
    throw new SimulatorError(ErrorCodes.notImplemented, `The simulator does not paste copy type "${copyType}"`);
  }
  const { contents, formats } = COPY_TYPES[copyType as CopyType];
  const { cells } = model;
  const read = readSource(model, source);
  const [height, width] = transpose
    ? [source.rect.columnCount, source.rect.rowCount]
    : [source.rect.rowCount, source.rect.columnCount];
  const { sheet } = destination;
  const { rect, blocks } = pasteArea(destination.rect, height, width);
  const sourceOf = (row: number, column: number) => {
    const [r, c] = [(row - rect.row) % height, (column - rect.column) % width];
    const cell = transpose ? read[c]![r]! : read[r]![c]!;
    return skipBlanks && cell.formula === null && (cell.value === null || cell.value === "") ? null : cell;
  };
  if (formats) {
    // Formats first: a formula pasted with its cell's format is not read as text by a text-formatted destination.
    cells.map(sheet, rect, (row, column) => {
      const cell = sourceOf(row, column);
      if (cell !== null) cells.setNumberFormat(sheet, { row, column, rowCount: 1, columnCount: 1 }, cell.numberFormat);
    });
    pasteRecords(source.sheet.conditionalFormats, sheet.conditionalFormats, source.rect, blocks, transpose);
    pasteRecords(source.sheet.rangeFormats, sheet.rangeFormats, source.rect, blocks, transpose);
    pasteRecords(source.sheet.dataValidations, sheet.dataValidations, source.rect, blocks, transpose);
  }
  if (contents !== null) {
    const raws = cells.map(sheet, rect, (row, column) => {
      const cell = sourceOf(row, column);
      return cell === null
        ? cells.currentRaw(sheet, row, column)
        : pastedRaw(model, { sheet, row, column }, cell, contents);
    });
    cells.engine.setContents(sheet.name, rect.row, rect.column, raws);
  }
  model.cellsChanged(sheet, rect, "RangeEdited");
}
