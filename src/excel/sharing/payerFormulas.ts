/**
 * Finds the cells of chosen sheets whose formula calls a `PAYER.*` custom function, reading each sheet's used range
 * a block of rows per request (one sync per block, never per cell), with what each cell shows now.
 */
import { columnLetters as columnName } from "../core/columnLetters";
import type { ExcelGateway } from "../core/excelGateway";

/** A `PAYER.` call in a formula: the namespace not preceded by a letter, digit, "_" or "." (so `XPAYER.` is not). */
const PAYER_CALL = /(^|[^A-Za-z0-9_.])PAYER\./i;

/** True when `formula` calls one of the add-in's functions (case-insensitive, as Excel reads function names). */
export function callsPayerFunction(formula: unknown): formula is string {
  return typeof formula === "string" && formula.startsWith("=") && PAYER_CALL.test(formula);
}

/** One cell holding a `PAYER.*` formula, and what it shows now. 0-based row and column. */
export interface PayerFormulaCell {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly formula: string;
  readonly value: unknown;
  /** `Range.valueTypes`: "Error" for #NAME?, #N/A..., else "Double", "String", "Boolean", "Empty". */
  readonly valueType: string;
}

/** A block of a sheet as read: its top-left and its formulas, values and value types. */
export interface SheetBlock {
  readonly row: number;
  readonly column: number;
  readonly formulas: readonly (readonly unknown[])[];
  readonly values: readonly (readonly unknown[])[];
  readonly valueTypes: readonly (readonly string[])[];
}

/** A sheet's used range: 0-based top-left and size; null for an empty sheet. */
export interface UsedArea {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** Cells read per request: a few MB of formulas and values at most, well under Excel on the web's 5 MB. */
export const CELLS_PER_READ = 50_000;

/** "B7" for 0-based (6, 1). */
export const a1 = (row: number, column: number): string => `${columnName(column)}${row + 1}`;

/** The used ranges of the named sheets (one request); a missing sheet name is returned in `missing`. */
export async function readUsedAreas(
  excel: ExcelGateway,
  sheetNames: readonly string[],
): Promise<{ readonly areas: readonly UsedArea[]; readonly missing: readonly string[] }> {
  return excel.run(async (context) => {
    const sheets = sheetNames.map((name) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      const used = sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
      return { name, sheet, used };
    });
    await context.sync();
    const missing = sheets.filter((s) => s.sheet.isNullObject).map((s) => s.name);
    const areas = sheets
      .filter((s) => !s.sheet.isNullObject && !s.used.isNullObject)
      .map(({ name, used }) => ({
        sheet: name,
        row: used.rowIndex,
        column: used.columnIndex,
        rowCount: used.rowCount,
        columnCount: used.columnCount,
      }));
    return { areas, missing };
  });
}

/**
 * Reads an area in blocks of rows and hands each block to `visit` (formulas, values, value types), one request per
 * block. Stops early, returning false, when `signal` is aborted.
 */
export async function readBlocks(
  excel: ExcelGateway,
  area: UsedArea,
  visit: (block: SheetBlock) => void,
  signal?: AbortSignal,
): Promise<boolean> {
  const rowsPerRead = Math.max(1, Math.floor(CELLS_PER_READ / Math.max(1, area.columnCount)));
  return excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(area.sheet);
    for (let start = 0; start < area.rowCount; start += rowsPerRead) {
      if (signal?.aborted === true) return false;
      const count = Math.min(rowsPerRead, area.rowCount - start);
      const range = sheet
        .getRangeByIndexes(area.row + start, area.column, count, area.columnCount)
        .load("formulas,values,valueTypes");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per block keeps each response small
      await context.sync();
      visit({
        row: area.row + start,
        column: area.column,
        formulas: range.formulas,
        values: range.values,
        valueTypes: range.valueTypes as unknown as string[][],
      });
    }
    return true;
  });
}

/** The `PAYER.*` formula cells of a block. */
export function payerCellsOf(sheet: string, block: SheetBlock): PayerFormulaCell[] {
  const cells: PayerFormulaCell[] = [];
  block.formulas.forEach((row, r) =>
    row.forEach((formula, c) => {
      if (!callsPayerFunction(formula)) return;
      cells.push({
        sheet,
        row: block.row + r,
        column: block.column + c,
        formula,
        value: block.values[r]?.[c],
        valueType: block.valueTypes[r]?.[c] ?? "Empty",
      });
    }),
  );
  return cells;
}

/**
 * What a cell shows when Excel could not run its function: #NAME? (the add-in was not loaded when the workbook was
 * opened or edited) or #BUSY! (still loading). Such a value is not a result and must never be frozen.
 */
export function isNotCalculated(cell: Pick<PayerFormulaCell, "value" | "valueType">): boolean {
  return cell.valueType === "Error" && (cell.value === "#NAME?" || cell.value === "#BUSY!");
}

/** The workbook's sheet names in tab order, without the record of frozen cells (never frozen or repaired itself). */
export async function listSheetNames(excel: ExcelGateway, leaveOut: readonly string[] = []): Promise<string[]> {
  return excel.run(async (context) => {
    const worksheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const skip = new Set(leaveOut.map((n) => n.toLowerCase()));
    return worksheets.items.map((s) => s.name).filter((n) => !skip.has(n.toLowerCase()));
  });
}
