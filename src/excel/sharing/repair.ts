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
 *
 * All or nothing, through the operation runner (issue 10): every write is in the one commit request, a block of
 * cells per command (restored blocks first, observable: their anchors hold their formulas again; then the
 * re-entered formulas, the same text again, safe to repeat; then the record replaced without the restored entries).
 * A repair too large for one request is refused up front.
 */
import { fail, ok, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { deleteSheet, runOperation, type CommitStep, type OperationContext } from "../core/operation";
import { jsonBytes } from "../core/writePlan";
import { COMMIT_LIMITS, parseRectAddress, rectsOf, type CellRect } from "./cellRects";
import { FROZEN_RECORD_SHEET, lookAtFrozenRecord, stageFrozenRecord, type FrozenRecord } from "./frozenRecord";
import { listSheetNames, payerCellsOf, readBlocks, readUsedAreas, type PayerFormulaCell } from "./payerFormulas";
import { readWithoutChanging, type SharingIssue } from "./sharingIssues";

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

/** What a repair did. */
export interface RepairReport {
  /** #NAME? formulas re-entered. */
  readonly reentered: number;
  /** Frozen ranges given their formula back. */
  readonly restored: number;
  readonly sheets: readonly RepairSheetCount[];
}

/** Cancel: checked before every request until the commit. */
export interface RepairOptions {
  readonly signal?: AbortSignal;
}

/** The operation in the user's words, for the runner's messages. */
const REPAIR = "the repair of formulas";

/** True for a cell Excel could not calculate because the function was missing. */
const showsNameError = (cell: PayerFormulaCell): boolean => cell.valueType === "Error" && cell.value === "#NAME?";

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A frozen entry the repair can restore: its range read back into a block. */
interface Restorable {
  readonly sheet: string;
  readonly rect: CellRect;
  readonly formula: string;
}

/** What a repair found, without changing anything. */
interface Survey {
  readonly sheets: readonly string[];
  readonly broken: readonly PayerFormulaCell[];
  /** The record, when restoring was asked for. */
  readonly record: FrozenRecord | null;
}

/** Finds the #NAME? cells of the sheets and, when asked, the record; null when cancelled while reading. */
async function survey(
  excel: ExcelGateway,
  request: RepairRequest,
  signal?: AbortSignal,
): Promise<Result<Survey | null, SharingIssue>> {
  if (request.sheetNames !== null && request.sheetNames.length === 0) return fail({ code: "noSheetChosen" });
  const sheets = request.sheetNames ?? (await listSheetNames(excel, [FROZEN_RECORD_SHEET]));
  const { areas, missing } = await readUsedAreas(excel, sheets);
  if (missing.length > 0) return fail({ code: "sheetsMissing", sheetNames: missing });
  const broken: PayerFormulaCell[] = [];
  for (const area of areas) {
    const read = await readBlocks(
      excel,
      area,
      (block) => broken.push(...payerCellsOf(area.sheet, block).filter(showsNameError)),
      signal,
    );
    if (!read) return ok(null);
  }
  if (!request.restoreFrozen) return ok({ sheets, broken, record: null });
  const record = await lookAtFrozenRecord(excel);
  return record.ok ? ok({ sheets, broken, record: record.value }) : record;
}

/** The record's rows this repair restores: entries of the repaired sheets whose range is a block. */
function restorableRows(found: Survey) {
  return (found.record?.rows ?? []).flatMap((row) => {
    const entry = row.entry;
    const rect = entry === null ? null : parseRectAddress(entry.range);
    if (entry === null || rect === null || !found.sheets.some((s) => same(s, entry.sheet))) return [];
    return [{ row, restorable: { sheet: entry.sheet, rect, formula: entry.formula } }];
  });
}

const inside = (rect: CellRect, row: number, column: number) =>
  row >= rect.row && row < rect.row + rect.rowCount && column >= rect.column && column < rect.column + rect.columnCount;

/** Counts per sheet: #NAME? formulas and frozen ranges. */
function countsOf(
  sheets: readonly string[],
  broken: readonly PayerFormulaCell[],
  restoring: readonly Restorable[],
): RepairSheetCount[] {
  return sheets.map((sheet) => ({
    sheet,
    notCalculated: broken.filter((c) => c.sheet === sheet).length,
    frozen: restoring.filter((r) => same(r.sheet, sheet)).length,
  }));
}

/** The counts per sheet the panel shows before repairing. */
export async function previewRepair(
  excel: ExcelGateway,
  request: RepairRequest,
): Promise<Result<RepairSheetCount[], SharingIssue>> {
  return readWithoutChanging("the review of the repair", async () => {
    const found = await survey(excel, request);
    if (!found.ok) return found;
    const value = found.value!; // no signal: never cancelled
    return ok(
      countsOf(
        value.sheets,
        value.broken,
        restorableRows(value).map((r) => r.restorable),
      ),
    );
  });
}

/** A block of formulas written in one command. */
interface FormulaBlock {
  readonly sheet: string;
  readonly rect: CellRect;
  readonly formulas: string[][];
}

/** Cells grouped into blocks, sheet by sheet, each block's formulas row-major. */
function formulaBlocks(cells: readonly { sheet: string; row: number; column: number; formula: string }[]) {
  const sheets = [...new Set(cells.map((c) => c.sheet.toLowerCase()))];
  return sheets.flatMap((key) =>
    rectsOf(cells.filter((c) => c.sheet.toLowerCase() === key)).map(({ rect, cells: inRect }): FormulaBlock => ({
      sheet: inRect[0]!.sheet,
      rect,
      formulas: Array.from({ length: rect.rowCount }, (_, r) =>
        inRect.slice(r * rect.columnCount, (r + 1) * rect.columnCount).map((c) => c.formula),
      ),
    })),
  );
}

const rangeOf = (context: Excel.RequestContext, sheet: string, rect: CellRect) =>
  context.workbook.worksheets.getItem(sheet).getRangeByIndexes(rect.row, rect.column, rect.rowCount, rect.columnCount);

/** Excel may write a function's name in its own case: a formula is compared without case. */
const holds = (range: Excel.Range, formulas: readonly (readonly string[])[]) => () =>
  formulas.every((row, r) => row.every((formula, c) => same(String(range.formulas[r]?.[c] ?? ""), formula)));

/** Gives frozen single cells their formulas back, a block at a time. Observed: the block holds them again. */
function restoreBlockStep(block: FormulaBlock): CommitStep {
  return {
    describe: `restore the frozen formulas of sheet "${block.sheet}"`,
    apply: (context) => {
      rangeOf(context, block.sheet, block.rect).formulas = block.formulas;
    },
    observe: (context) => holds(rangeOf(context, block.sheet, block.rect).load("formulas"), block.formulas),
  };
}

/** Clears a frozen spilled block and enters its formula at the anchor. Observed: the anchor holds it again. */
function restoreSpillStep(restorable: Restorable): CommitStep {
  const anchor = { ...restorable.rect, rowCount: 1, columnCount: 1 };
  return {
    describe: `restore the frozen formulas of sheet "${restorable.sheet}"`,
    apply: (context) => {
      rangeOf(context, restorable.sheet, restorable.rect).clear("Contents");
      rangeOf(context, restorable.sheet, anchor).formulas = [[restorable.formula]];
    },
    observe: (context) => holds(rangeOf(context, restorable.sheet, anchor).load("formulas"), [[restorable.formula]]),
  };
}

/** Re-enters #NAME? formulas, a block at a time: the same text again, safe to repeat, not observed. */
function reenterStep(block: FormulaBlock): CommitStep {
  return {
    describe: `enter the #NAME? formulas of sheet "${block.sheet}" again`,
    apply: (context) => {
      rangeOf(context, block.sheet, block.rect).formulas = block.formulas;
    },
  };
}

/** The commit's size, or the issue when it would not fit one request. */
function checkSize(
  reentries: readonly FormulaBlock[],
  restores: readonly { readonly sheet: string; readonly formulas: readonly (readonly string[])[] }[],
): SharingIssue | null {
  const blocks = [...reentries, ...restores];
  const bytes = blocks.reduce((n, b) => n + COMMIT_LIMITS.bytesPerCommand + jsonBytes(b.formulas), 0);
  if (blocks.length <= COMMIT_LIMITS.places && bytes <= COMMIT_LIMITS.bytes) return null;
  const places = new Map<string, { sheet: string; places: number }>();
  for (const block of blocks) {
    const entry = places.get(block.sheet.toLowerCase()) ?? { sheet: block.sheet, places: 0 };
    places.set(block.sheet.toLowerCase(), { ...entry, places: entry.places + 1 });
  }
  return {
    code: "tooLargeForOneRequest",
    action: "repair",
    cells: blocks.reduce((n, b) => n + b.formulas.flat().length, 0),
    placesBySheet: [...places.values()],
    bytes,
  };
}

/** Stages what the commit needs (the new record, or an empty sheet whose removal starts the commit) and its steps. */
async function stageRepair(
  op: OperationContext,
  record: FrozenRecord | null,
  restoredRows: ReadonlySet<unknown>,
  steps: { readonly restores: readonly CommitStep[]; readonly reentries: readonly CommitStep[] },
): Promise<CommitStep[]> {
  if (record === null || steps.restores.length === 0) {
    // Re-entering a formula is not observable (the text is the same): the removal of this empty working sheet, as
    // the first step, tells whether the commit began to apply.
    const [marker] = await op.addStagingSheets(1);
    return [deleteSheet(marker!.id, "remove the repair's working sheet"), ...steps.reentries];
  }
  const kept = record.rows.filter((row) => !restoredRows.has(row));
  const [staged] = kept.length > 0 ? await op.addStagingSheets(1) : [null];
  const recordSteps = await stageFrozenRecord(op, staged ?? null, record.sheet, kept);
  // Restores first (observable), the record last: a commit stopped midway keeps the record of every frozen cell.
  return [...steps.restores, ...steps.reentries, ...recordSteps];
}

/**
 * Re-enters the `PAYER.*` formulas showing #NAME? in the chosen sheets (and, when asked, the frozen ones), all or
 * nothing (see the module comment). Restored entries leave the record; the record sheet goes when it is empty.
 */
export async function repairFormulas(
  excel: ExcelGateway,
  request: RepairRequest,
  options: RepairOptions = {},
): Promise<Result<RepairReport, SharingIssue>> {
  return runOperation(excel, { what: REPAIR, signal: options.signal }, async (op) => {
    const found = await survey(op.excel, request, options.signal);
    if (!found.ok) return found;
    if (found.value === null) op.checkCancelled();
    const value = found.value!;
    const restoring = restorableRows(value);
    const restorables = restoring.map((r) => r.restorable);
    // A #NAME? formula typed into a frozen block is cleared by the block's restore, not entered again.
    const broken = value.broken.filter(
      (cell) => !restorables.some((r) => same(r.sheet, cell.sheet) && inside(r.rect, cell.row, cell.column)),
    );
    const report: RepairReport = {
      reentered: broken.length,
      restored: restoring.length,
      sheets: countsOf(value.sheets, broken, restorables),
    };
    if (broken.length === 0 && restoring.length === 0) return ok({ output: report, steps: [] });

    const single = restorables.filter((r) => r.rect.rowCount * r.rect.columnCount === 1);
    const restoreBlocks = formulaBlocks(single.map((r) => ({ ...r, row: r.rect.row, column: r.rect.column })));
    const spilled = restorables.filter((r) => r.rect.rowCount * r.rect.columnCount > 1);
    const reentryBlocks = formulaBlocks(broken);
    const tooLarge = checkSize(reentryBlocks, [
      ...restoreBlocks,
      ...spilled.map((r) => ({ sheet: r.sheet, formulas: [[r.formula]] })),
    ]);
    if (tooLarge !== null) return fail(tooLarge);

    const steps = await stageRepair(op, value.record, new Set(restoring.map((r) => r.row)), {
      restores: [...restoreBlocks.map(restoreBlockStep), ...spilled.map(restoreSpillStep)],
      reentries: reentryBlocks.map(reenterStep),
    });
    return ok({ output: report, steps });
  });
}
