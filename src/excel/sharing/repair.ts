/**
 * "Repair formulas" (ARCHITECTURE.md s.5, issue 7 item 3).
 *
 * Why cells need repairing: a `PAYER.*` function exists only while the add-in is loaded. When a workbook is opened
 * or edited in an Excel without the add-in (a colleague's machine, Excel on a phone, a workbook opened before the
 * add-in finished loading), Excel cannot find the function and the cell shows #NAME?. Excel keeps that result: when
 * the add-in is back, nothing those cells depend on has changed, so Excel does not calculate them again, and they
 * stay #NAME? (a known Excel behaviour; the manual fix is to re-enter each formula). Re-entering the formula text
 * makes Excel parse it again, now finding the function, and calculate it.
 *
 * Optionally, repair also restores the cells "freeze for sharing" turned into values, from its record: each frozen
 * range is cleared (its values were the formula's spill) and the original formula is entered at its anchor.
 */
import { fail, ok, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import type { SharingIssue } from "./freeze";
import { FROZEN_RECORD_SHEET, readFrozenRecord, writeFrozenRecord, type FrozenEntry } from "./frozenRecord";
import { excelFailed, officeError } from "../core/officeErrors";
import { payerCellsOf, readBlocks, readUsedAreas, type PayerFormulaCell } from "./payerFormulas";

/** What a repair does (or did) on one sheet. */
export interface RepairSheetCount {
  readonly sheet: string;
  /** PAYER.* formulas showing #NAME?. */
  readonly notCalculated: number;
  /** Frozen ranges recorded for the sheet. */
  readonly frozen: number;
}

/** What a repair is asked to do. */
export interface RepairRequest {
  /** Sheets to repair; null for every sheet of the workbook. */
  readonly sheetNames: readonly string[] | null;
  /** Also re-enter the formulas that "freeze for sharing" replaced with values. */
  readonly restoreFrozen: boolean;
}

/** Formulas re-entered per request. */
const CELLS_PER_WRITE = 2_000;

/** True for a cell Excel could not calculate because the function was missing. */
const showsNameError = (cell: PayerFormulaCell): boolean => cell.valueType === "Error" && cell.value === "#NAME?";

async function sheetsToRepair(
  excel: ExcelGateway,
  sheetNames: readonly string[] | null,
): Promise<Result<readonly string[], SharingIssue>> {
  if (sheetNames !== null) return sheetNames.length === 0 ? fail({ code: "noSheetChosen" }) : ok(sheetNames);
  const all = await excel.run(async (context) => {
    const worksheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    return worksheets.items.map((s) => s.name);
  });
  return ok(all.filter((n) => n.toLowerCase() !== FROZEN_RECORD_SHEET.toLowerCase()));
}

/** Finds the #NAME? cells of the sheets and the frozen ranges recorded for them, without changing anything. */
async function survey(
  excel: ExcelGateway,
  request: RepairRequest,
  signal?: AbortSignal,
): Promise<
  Result<{ sheets: readonly string[]; broken: PayerFormulaCell[]; record: FrozenEntry[] } | "cancelled", SharingIssue>
> {
  const sheets = await sheetsToRepair(excel, request.sheetNames);
  if (!sheets.ok) return sheets;
  const { areas, missing } = await readUsedAreas(excel, sheets.value);
  if (missing.length > 0) return fail({ code: "sheetsMissing", sheetNames: missing });
  const broken: PayerFormulaCell[] = [];
  for (const area of areas) {
    const read = await readBlocks(
      excel,
      area,
      (block) => broken.push(...payerCellsOf(area.sheet, block).filter(showsNameError)),
      signal,
    );
    if (!read) return ok("cancelled");
  }
  return ok({ sheets: sheets.value, broken, record: request.restoreFrozen ? await readFrozenRecord(excel) : [] });
}

const inSheets = (sheets: readonly string[]) => (entry: FrozenEntry) =>
  sheets.some((s) => s.toLowerCase() === entry.sheet.toLowerCase());

/** The counts per sheet the panel shows before repairing. */
export async function previewRepair(
  excel: ExcelGateway,
  request: RepairRequest,
): Promise<Result<RepairSheetCount[], SharingIssue>> {
  const found = await survey(excel, request);
  if (!found.ok) return found;
  if (found.value === "cancelled") return fail({ code: "cancelled" });
  const { sheets, broken, record } = found.value;
  return ok(
    sheets.map((sheet) => ({
      sheet,
      notCalculated: broken.filter((c) => c.sheet === sheet).length,
      frozen: record.filter(inSheets([sheet])).length,
    })),
  );
}

/** What a repair did. */
export interface RepairReport {
  /** #NAME? formulas re-entered. */
  readonly reentered: number;
  /** Frozen ranges given their formula back. */
  readonly restored: number;
  readonly sheets: readonly RepairSheetCount[];
}

/**
 * Re-enters the `PAYER.*` formulas showing #NAME? in the chosen sheets (and, when asked, the frozen ones), a batch
 * of cells per request. Restored entries leave the record; the record sheet goes when it is empty.
 */
export async function repairFormulas(
  excel: ExcelGateway,
  request: RepairRequest,
  options: { readonly signal?: AbortSignal } = {},
): Promise<Result<RepairReport, SharingIssue>> {
  const found = await survey(excel, request, options.signal);
  if (!found.ok) return found;
  if (found.value === "cancelled") return fail({ code: "cancelled" });
  const { sheets, broken, record } = found.value;
  const restoring = record.filter(inSheets(sheets));
  try {
    await excel.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const writes: (() => void)[] = [
        ...broken.map((cell) => () => {
          worksheets.getItem(cell.sheet).getRangeByIndexes(cell.row, cell.column, 1, 1).formulas = [[cell.formula]];
        }),
        ...restoring.map((entry) => () => {
          const range = worksheets.getItem(entry.sheet).getRange(entry.range);
          range.clear("Contents");
          range.getCell(0, 0).formulas = [[entry.formula]];
        }),
      ];
      for (let start = 0; start < writes.length; start += CELLS_PER_WRITE) {
        for (const write of writes.slice(start, start + CELLS_PER_WRITE)) write();
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per batch of cells
        await context.sync();
      }
    });
    if (restoring.length > 0)
      await writeFrozenRecord(
        excel,
        record.filter((e) => !restoring.includes(e)),
      );
  } catch (error) {
    const office = officeError(error);
    if (office === null) throw error;
    return fail(excelFailed(office));
  }
  return ok({
    reentered: broken.length,
    restored: restoring.length,
    sheets: sheets.map((sheet) => ({
      sheet,
      notCalculated: broken.filter((c) => c.sheet === sheet).length,
      frozen: restoring.filter(inSheets([sheet])).length,
    })),
  });
}
