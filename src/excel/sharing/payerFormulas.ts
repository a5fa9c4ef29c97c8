/**
 * Finds the cells of chosen sheets whose formula calls a `PAYER.*` custom function, reading each sheet's used range
 * a block of rows per request (one sync per block, never per cell), with what each cell shows now, and the extent of
 * each one's spilled result, all without changing anything.
 */
import type { ExcelGateway } from "../core/excelGateway";
import { isLeftoverSheet, STAGING_SHEET_PREFIX } from "../core/operation";
import type { CellRect } from "./cellRects";

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
  /**
   * False when its result cannot spill: the cells right of it and below it hold formulas of their own or lie outside
   * the used range (a spilled cell holds no formula). True when it may: {@link findSpills} asks Excel.
   */
  readonly maySpill: boolean;
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

/**
 * The `PAYER.*` formula cells of a block. `lastRow` is the area's last row (0-based): a cell on the block's last row
 * with rows below it may spill into the next block.
 */
export function payerCellsOf(
  sheet: string,
  block: SheetBlock,
  lastRow = block.row + block.formulas.length - 1,
): PayerFormulaCell[] {
  const cells: PayerFormulaCell[] = [];
  const blockLastRow = block.row + block.formulas.length - 1;
  // A formula's text never equals what it shows; a text constant such as "=x" reads the same as both.
  const holdsFormula = (r: number, c: number) => {
    const formula = block.formulas[r]?.[c];
    return typeof formula === "string" && formula.startsWith("=") && formula !== block.values[r]?.[c];
  };
  block.formulas.forEach((row, r) =>
    row.forEach((formula, c) => {
      if (!callsPayerFunction(formula)) return;
      const right = c + 1 < row.length && !holdsFormula(r, c + 1);
      const below =
        block.row + r === blockLastRow
          ? block.row + r < lastRow
          : r + 1 < block.formulas.length && !holdsFormula(r + 1, c);
      cells.push({
        sheet,
        row: block.row + r,
        column: block.column + c,
        formula,
        value: block.values[r]?.[c],
        valueType: block.valueTypes[r]?.[c] ?? "Empty",
        maySpill: right || below,
      });
    }),
  );
  return cells;
}

/** Spill queries per request: a few bytes each, well under Excel on the web's 5 MB. */
const SPILL_QUERIES_PER_READ = 5_000;

/**
 * The spilled result of each cell that may spill (ExcelApi 1.12 `getSpillingToRangeOrNullObject`: the dynamic array's
 * whole extent, anchor included), by index in `cells`; a cell whose result fills one cell has none. One request per
 * chunk of cells; nothing is changed.
 */
export async function findSpills(
  excel: ExcelGateway,
  sheet: string,
  cells: readonly PayerFormulaCell[],
): Promise<Map<number, CellRect>> {
  const asked = cells.flatMap((cell, index) => (cell.maySpill ? [{ cell, index }] : []));
  const spills = new Map<number, CellRect>();
  for (let start = 0; start < asked.length; start += SPILL_QUERIES_PER_READ) {
    const chunk = asked.slice(start, start + SPILL_QUERIES_PER_READ);
    await excel.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      const ranges = chunk.map(({ cell }) =>
        worksheet
          .getRangeByIndexes(cell.row, cell.column, 1, 1)
          .getSpillingToRangeOrNullObject()
          .load("rowIndex,columnIndex,rowCount,columnCount"),
      );
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk of queries
      await context.sync();
      ranges.forEach((range, i) => {
        if (range.isNullObject || range.rowCount * range.columnCount < 2) return;
        spills.set(chunk[i]!.index, {
          row: range.rowIndex,
          column: range.columnIndex,
          rowCount: range.rowCount,
          columnCount: range.columnCount,
        });
      });
    });
  }
  return spills;
}

/**
 * What a cell shows when Excel could not run its function: #NAME? (the add-in was not loaded when the workbook was
 * opened or edited) or #BUSY! (still loading). Such a value is not a result and must never be frozen.
 */
export function isNotCalculated(cell: Pick<PayerFormulaCell, "value" | "valueType">): boolean {
  return cell.valueType === "Error" && (cell.value === "#NAME?" || cell.value === "#BUSY!");
}

/**
 * The workbook's sheet names in tab order, without those in `leaveOut` (the record of frozen cells, never frozen or
 * repaired itself) and without the add-in's working sheets (staging sheets, leftovers of interrupted runs).
 */
export async function listSheetNames(excel: ExcelGateway, leaveOut: readonly string[] = []): Promise<string[]> {
  return excel.run(async (context) => {
    const worksheets = context.workbook.worksheets.load("items/name,items/visibility");
    await context.sync();
    const skip = new Set(leaveOut.map((n) => n.toLowerCase()));
    // A hidden sheet is one the user does not see or share as such (the uplift model's line sheet): not offered.
    return worksheets.items
      .filter((s) => s.visibility === "Visible")
      .map((s) => s.name)
      .filter((n) => !skip.has(n.toLowerCase()) && !n.startsWith(STAGING_SHEET_PREFIX) && !isLeftoverSheet(n));
  });
}
