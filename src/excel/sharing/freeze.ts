/**
 * "Freeze for sharing" (ARCHITECTURE.md s.5, issue 7 item 2): in the chosen sheets, every cell whose formula calls a
 * `PAYER.*` function gets the value it shows now, so the workbook reads the same in an Excel without the add-in.
 * A spilled result is frozen whole: the anchor holds the formula and the cells it spills into hold its values, so
 * all of them get their values. What was frozen is recorded (see `frozenRecord.ts`), and each frozen sheet gets an
 * as-of stamp beside its used range.
 *
 * All or nothing, through the operation runner (issue 10):
 * - read, changing nothing: each sheet's PAYER formulas, and each one's spilled extent as Excel gives it;
 * - staged: a hidden sheet per frozen sheet receives, at the SAME addresses, the values of each block of PAYER cells
 *   (pasted as values by Excel itself, so text stays text, "00123" and "=x" included, and an error stays that error),
 *   and a hidden sheet the whole new record (earlier entries and the new ones);
 * - committed in one request: the new record in place of the earlier one, then each block pasted back as values from
 *   its staged twin (one command per block whatever its size), the stamps, and the staging sheets removed.
 * A change too large for one request is refused up front, before anything is staged.
 */
import { fail, ok, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { deleteSheet, runOperation, type CommitStep, type OperationContext, type StagedSheet } from "../core/operation";
import { COMMIT_LIMITS, rectAddress, rectsOf, type CellRect } from "./cellRects";
import {
  FROZEN_RECORD_SHEET,
  lookAtFrozenRecord,
  rowOfEntry,
  stageFrozenRecord,
  type FrozenEntry,
  type RecordRow,
} from "./frozenRecord";
import {
  findSpills,
  isNotCalculated,
  payerCellsOf,
  readBlocks,
  readUsedAreas,
  type PayerFormulaCell,
  type UsedArea,
} from "./payerFormulas";
import { readWithoutChanging, type SharingIssue } from "./sharingIssues";

/** What a freeze would do to one sheet: the confirmation lists these. */
export interface FreezeSheetCount {
  readonly sheet: string;
  /** PAYER.* formulas that will become values. */
  readonly formulaCells: number;
  /** PAYER.* formulas showing #NAME? or #BUSY! (not calculated): left as formulas. */
  readonly notCalculated: number;
}

/** What a freeze did. */
export interface FreezeReport {
  readonly sheets: readonly (FreezeSheetCount & { readonly spilledCells: number })[];
  readonly frozenAt: string;
}

/** Options: cancel, progress in sheets, a clock for the stamp. */
export interface FreezeOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
  readonly now?: () => Date;
}

/** The operation in the user's words, for the runner's messages. */
const FREEZE = "the freeze for sharing";

/** "2026-11-27 14:05 UTC". */
export function stampTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

async function checkSheets(
  excel: ExcelGateway,
  sheetNames: readonly string[],
): Promise<Result<readonly UsedArea[], SharingIssue>> {
  if (sheetNames.length === 0) return fail({ code: "noSheetChosen" });
  if (sheetNames.some((n) => n.toLowerCase() === FROZEN_RECORD_SHEET.toLowerCase())) {
    return fail({ code: "recordSheetChosen" });
  }
  const { areas, missing } = await readUsedAreas(excel, sheetNames);
  return missing.length > 0 ? fail({ code: "sheetsMissing", sheetNames: missing }) : ok(areas);
}

/** The counts per sheet the confirmation shows, without changing anything. */
export async function previewFreeze(
  excel: ExcelGateway,
  sheetNames: readonly string[],
): Promise<Result<FreezeSheetCount[], SharingIssue>> {
  return readWithoutChanging("the review of the freeze", async () => {
    const areas = await checkSheets(excel, sheetNames);
    if (!areas.ok) return areas;
    const counts = new Map(sheetNames.map((sheet) => [sheet, { sheet, formulaCells: 0, notCalculated: 0 }]));
    for (const area of areas.value) {
      await readBlocks(excel, area, (block) => {
        const count = counts.get(area.sheet)!;
        for (const cell of payerCellsOf(area.sheet, block)) {
          if (isNotCalculated(cell)) count.notCalculated++;
          else count.formulaCells++;
        }
      });
    }
    return ok([...counts.values()]);
  });
}

/** One sheet's part of a freeze: its PAYER cells grouped into the blocks pasted as values. */
interface SheetFreeze {
  readonly area: UsedArea;
  readonly notCalculated: number;
  /** Blocks of anchors whose result fills one cell, then spilled results, anchor included. */
  readonly blocks: readonly CellRect[];
  readonly entries: readonly FrozenEntry[];
  readonly spilledCells: number;
}

/** Reads one sheet's PAYER cells and the extent of each one's spill; changes nothing. */
async function planSheet(
  op: OperationContext,
  area: UsedArea,
  frozenAt: string,
  signal: AbortSignal | undefined,
): Promise<SheetFreeze> {
  const anchors: PayerFormulaCell[] = [];
  let notCalculated = 0;
  const lastRow = area.row + area.rowCount - 1;
  const read = await readBlocks(
    op.excel,
    area,
    (block) => {
      for (const cell of payerCellsOf(area.sheet, block, lastRow)) {
        if (isNotCalculated(cell)) notCalculated++;
        else anchors.push(cell);
      }
    },
    signal,
  );
  if (!read) op.checkCancelled();
  const spills = await findSpills(op.excel, area.sheet, anchors);
  const single = anchors.filter((_, i) => !spills.has(i));
  const spilled = [...spills.values()];
  const entries = anchors.map((cell, i) => ({
    sheet: area.sheet,
    range: rectAddress(spills.get(i) ?? { row: cell.row, column: cell.column, rowCount: 1, columnCount: 1 }),
    formula: cell.formula,
    frozenAt,
  }));
  return {
    area,
    notCalculated,
    blocks: [...rectsOf(single).map((group) => group.rect), ...spilled],
    entries,
    spilledCells: spilled.reduce((n, rect) => n + rect.rowCount * rect.columnCount - 1, 0),
  };
}

/** The commit's size, or the issue when it would not fit one request. */
function checkSize(plans: readonly SheetFreeze[]): SharingIssue | null {
  const places = plans.reduce((n, plan) => n + plan.blocks.length, 0);
  const bytes = (places + plans.length) * COMMIT_LIMITS.bytesPerCommand; // + a stamp per sheet
  if (places <= COMMIT_LIMITS.places && bytes <= COMMIT_LIMITS.bytes) return null;
  return {
    code: "tooLargeForOneRequest",
    action: "freeze",
    cells: plans.reduce((n, plan) => n + plan.blocks.reduce((m, b) => m + b.rowCount * b.columnCount, 0), 0),
    placesBySheet: plans.map((plan) => ({ sheet: plan.area.sheet, places: plan.blocks.length })),
    bytes,
  };
}

/** Paste commands per staging request. */
const COPIES_PER_WRITE = 1_000;

/** Stages each sheet's blocks as values at the same addresses, a chunk of blocks per request; progress in sheets. */
async function stageValues(
  op: OperationContext,
  plans: readonly SheetFreeze[],
  staged: readonly StagedSheet[],
  total: number,
): Promise<void> {
  for (const [i, plan] of plans.entries()) {
    for (let start = 0; start < plan.blocks.length; start += COPIES_PER_WRITE) {
      const chunk = plan.blocks.slice(start, start + COPIES_PER_WRITE);
      const last = start + COPIES_PER_WRITE >= plan.blocks.length;
      await op.write(
        (context) => {
          const source = context.workbook.worksheets.getItem(plan.area.sheet);
          const target = context.workbook.worksheets.getItem(staged[i]!.id);
          for (const block of chunk) {
            const address = rectAddress(block);
            target.getRange(address).copyFrom(source.getRange(address), "Values");
          }
        },
        last ? { done: i + 1, total } : undefined,
      );
    }
  }
}

/** The step that pastes a sheet's staged values over its PAYER cells and stamps it: safe to apply twice. */
function freezeSheetStep(plan: SheetFreeze, staged: StagedSheet, frozenAt: string): CommitStep {
  const { area } = plan;
  const stampText =
    `Values frozen for sharing ${frozenAt}: ${plan.entries.length.toLocaleString("en-US")} PAYER formulas replaced ` +
    `by their values (see sheet "${FROZEN_RECORD_SHEET}").`;
  return {
    describe: `replace the PAYER formulas of sheet "${area.sheet}" with their values`,
    apply: (context) => {
      const sheet = context.workbook.worksheets.getItem(area.sheet);
      const source = context.workbook.worksheets.getItem(staged.id);
      for (const block of plan.blocks) {
        const address = rectAddress(block);
        sheet.getRange(address).copyFrom(source.getRange(address), "Values");
      }
      const stamp = sheet.getRangeByIndexes(area.row, area.column + area.columnCount + 1, 1, 1);
      stamp.numberFormat = [["@"]];
      stamp.values = [[stampText]];
      stamp.format.font.set({ italic: true, color: "#9C5700" });
    },
  };
}

/**
 * Freezes the chosen sheets (after the user confirmed {@link previewFreeze}'s counts), all or nothing (see the module
 * comment); formulas showing #NAME? are left alone (there is no value to keep).
 */
export async function freezeForSharing(
  excel: ExcelGateway,
  sheetNames: readonly string[],
  options: FreezeOptions = {},
): Promise<Result<FreezeReport, SharingIssue>> {
  const frozenAt = stampTime(options.now?.() ?? new Date());
  return runOperation(excel, { what: FREEZE, signal: options.signal, onProgress: options.onProgress }, async (op) => {
    const areas = await checkSheets(op.excel, sheetNames);
    if (!areas.ok) return areas;
    const record = await lookAtFrozenRecord(op.excel);
    if (!record.ok) return record;
    const plans: SheetFreeze[] = [];
    for (const area of areas.value) plans.push(await planSheet(op, area, frozenAt, options.signal));
    const frozen = plans.filter((plan) => plan.entries.length > 0);
    const report: FreezeReport = {
      sheets: sheetNames.map((sheet) => {
        const plan = plans.find((p) => p.area.sheet === sheet);
        return {
          sheet,
          formulaCells: plan?.entries.length ?? 0,
          notCalculated: plan?.notCalculated ?? 0,
          spilledCells: plan?.spilledCells ?? 0,
        };
      }),
      frozenAt,
    };
    if (frozen.length === 0) return ok({ output: report, steps: [] });
    const tooLarge = checkSize(frozen);
    if (tooLarge !== null) return fail(tooLarge);

    const sheets = await op.addStagingSheets(frozen.length + 1);
    const valueSheets = sheets.slice(0, frozen.length);
    await stageValues(op, frozen, valueSheets, frozen.length);
    const rows: RecordRow[] = [...record.value.rows, ...frozen.flatMap((plan) => plan.entries.map(rowOfEntry))];
    const recordSteps = await stageFrozenRecord(op, sheets[frozen.length]!, record.value.sheet, rows);
    return ok({
      output: report,
      steps: [
        // The record first: a commit stopped midway never leaves values whose formulas are recorded nowhere.
        ...recordSteps,
        ...frozen.map((plan, i) => freezeSheetStep(plan, valueSheets[i]!, frozenAt)),
        ...valueSheets.map((sheet) => deleteSheet(sheet.id, "remove the freeze's working sheets")),
      ],
    });
  });
}
