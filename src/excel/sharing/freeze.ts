/**
 * "Freeze for sharing" (ARCHITECTURE.md s.5, issue 7 item 2): in the chosen sheets, every cell whose formula calls a
 * `PAYER.*` function gets the value it shows now, so the workbook reads the same in an Excel without the add-in.
 * A spilled result is frozen whole: the anchor holds the formula and the cells it spills into hold its values, so
 * all of them get their values. What was frozen is recorded (see `frozenRecord.ts`) before anything changes, and each
 * frozen sheet gets an as-of stamp beside its used range.
 *
 * How the spill of an anchor is found with the standard API only: when the anchor receives a constant, its spill
 * disappears, so the cells right of it and below it that were constants and are now empty were its spill. Those
 * are read before and after, and written back as values; cells that are formulas, or did not change, are never
 * written. (A spilled result whose first row or column shows empty cells is frozen up to them.)
 */
import { fail, ok, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { FROZEN_RECORD_SHEET, readFrozenRecord, writeFrozenRecord, type FrozenEntry } from "./frozenRecord";
import { excelFailed, officeError, type ExcelFailedIssue } from "../core/officeErrors";
import {
  a1,
  isNotCalculated,
  payerCellsOf,
  readBlocks,
  readUsedAreas,
  type PayerFormulaCell,
  type UsedArea,
} from "./payerFormulas";

/** Why sheets were not frozen (or repaired), as values. */
export type SharingIssue =
  | { readonly code: "noSheetChosen" }
  | { readonly code: "sheetsMissing"; readonly sheetNames: readonly string[] }
  | { readonly code: "recordSheetChosen" }
  | { readonly code: "cancelled" }
  | ExcelFailedIssue;

/** The message a finance user reads for a sharing issue. */
export function describeSharingIssue(issue: SharingIssue): string {
  switch (issue.code) {
    case "noSheetChosen":
      return "Choose at least one sheet.";
    case "sheetsMissing":
      return `This workbook has no sheet named ${issue.sheetNames.map((n) => `"${n}"`).join(", ")} any more; refresh the list of sheets.`;
    case "recordSheetChosen":
      return `"${FROZEN_RECORD_SHEET}" is the record of frozen cells: leave it out of the sheets to freeze.`;
    case "cancelled":
      return "Cancelled. Cells frozen before the cancel keep their values and are in the record; Repair formulas restores them.";
    case "excelFailed":
      return `Excel stopped: ${issue.message} (${issue.excelCode}). Every cell frozen so far is in the "${FROZEN_RECORD_SHEET}" record; Repair formulas restores them.`;
  }
}

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
  const areas = await checkSheets(excel, sheetNames);
  if (!areas.ok) return areas;
  const counts = new Map(sheetNames.map((sheet) => [sheet, { sheet, formulaCells: 0, notCalculated: 0 }]));
  for (const area of areas.value) {
    await readBlocks(excel, area, (block) => {
      const count = counts.get(area.sheet) as FreezeSheetCount & { formulaCells: number; notCalculated: number };
      for (const cell of payerCellsOf(area.sheet, block)) {
        if (isNotCalculated(cell)) count.notCalculated++;
        else count.formulaCells++;
      }
    });
  }
  return ok([...counts.values()]);
}

/** A value as written back so it stays what it was: text stays text (even "00123" or "=x"), an error an error. */
export function frozenValue(value: unknown, valueType: string): string | number | boolean {
  if (valueType === "Error") return String(value);
  if (typeof value === "string") return value === "" ? "" : `'${value}`;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return "";
}

/** "2026-11-27 14:05 UTC". */
export function stampTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A sheet's cells as read: formulas and values by absolute row, for the spill comparison. */
class Grid {
  private readonly formulas = new Map<number, readonly unknown[]>();
  private readonly values = new Map<number, readonly unknown[]>();
  private readonly types = new Map<number, readonly string[]>();
  constructor(readonly column: number) {}
  add(block: { row: number; formulas: readonly (readonly unknown[])[]; values: readonly (readonly unknown[])[] }) {
    block.formulas.forEach((row, r) => this.formulas.set(block.row + r, row));
    block.values.forEach((row, r) => this.values.set(block.row + r, row));
  }
  addTypes(row: number, types: readonly (readonly string[])[]) {
    types.forEach((t, r) => this.types.set(row + r, t));
  }
  formula(row: number, column: number): unknown {
    return this.formulas.get(row)?.[column - this.column];
  }
  value(row: number, column: number): unknown {
    return this.values.get(row)?.[column - this.column];
  }
  type(row: number, column: number): string {
    return this.types.get(row)?.[column - this.column] ?? "Empty";
  }
}

const isFormula = (cell: unknown) => typeof cell === "string" && cell.startsWith("=");

/** The spill of `anchor` (rows, columns), from the cells before and after the anchor got a constant. */
function spillSize(anchor: PayerFormulaCell, before: Grid, after: Grid, area: UsedArea): [number, number] {
  const wasSpilled = (row: number, column: number) =>
    !isFormula(before.formula(row, column)) && before.value(row, column) !== "" && after.value(row, column) === "";
  let columns = 1;
  while (anchor.column + columns < area.column + area.columnCount && wasSpilled(anchor.row, anchor.column + columns)) {
    columns++;
  }
  let rows = 1;
  while (anchor.row + rows < area.row + area.rowCount && wasSpilled(anchor.row + rows, anchor.column)) rows++;
  return [rows, columns];
}

/** Anchors written per request. */
const ANCHORS_PER_WRITE = 2_000;
/** Cells of spilled blocks written per request. */
const SPILL_CELLS_PER_WRITE = 50_000;

/** Freezes one sheet; returns its record entries and counts. */
async function freezeSheet(
  excel: ExcelGateway,
  area: UsedArea,
  frozenAt: string,
  record: FrozenEntry[],
  signal: AbortSignal | undefined,
): Promise<(FreezeSheetCount & { spilledCells: number }) | "cancelled"> {
  const before = new Grid(area.column);
  const anchors: PayerFormulaCell[] = [];
  let notCalculated = 0;
  const read = await readBlocks(
    excel,
    area,
    (block) => {
      before.add(block);
      before.addTypes(block.row, block.valueTypes);
      for (const cell of payerCellsOf(area.sheet, block)) {
        if (isNotCalculated(cell)) notCalculated++;
        else anchors.push(cell);
      }
    },
    signal,
  );
  if (!read) return "cancelled";
  if (anchors.length === 0) return { sheet: area.sheet, formulaCells: 0, notCalculated, spilledCells: 0 };

  // The record first: from here on, every formula that changes can be restored.
  const entries = anchors.map((cell) => ({
    sheet: area.sheet,
    range: a1(cell.row, cell.column),
    formula: cell.formula,
    frozenAt,
  }));
  await writeFrozenRecord(excel, [...record, ...entries]);

  await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(area.sheet);
    for (let start = 0; start < anchors.length; start += ANCHORS_PER_WRITE) {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      for (const cell of anchors.slice(start, start + ANCHORS_PER_WRITE)) {
        sheet.getRangeByIndexes(cell.row, cell.column, 1, 1).values = [[frozenValue(cell.value, cell.valueType)]];
      }
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per batch of anchors
      await context.sync();
    }
  });

  const after = new Grid(area.column);
  await readBlocks(excel, area, (block) => after.add(block));
  let spilledCells = 0;
  const blocks = anchors.map((anchor, i) => {
    const [rows, columns] = spillSize(anchor, before, after, area);
    if (rows * columns > 1) {
      const entry = entries[i] as FrozenEntry;
      entries[i] = { ...entry, range: `${entry.range}:${a1(anchor.row + rows - 1, anchor.column + columns - 1)}` };
      spilledCells += rows * columns - 1;
    }
    return { anchor, rows, columns };
  });
  await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(area.sheet);
    let pending = 0;
    for (const { anchor, rows, columns } of blocks) {
      if (rows * columns > 1) {
        sheet.getRangeByIndexes(anchor.row, anchor.column, rows, columns).values = Array.from(
          { length: rows },
          (_, r) =>
            Array.from({ length: columns }, (_, c) => {
              const [row, column] = [anchor.row + r, anchor.column + c];
              return frozenValue(before.value(row, column), before.type(row, column));
            }),
        );
        pending += rows * columns;
      }
      if (pending >= SPILL_CELLS_PER_WRITE) {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per batch of cells
        await context.sync();
        pending = 0;
      }
    }
    const stamp = sheet.getRangeByIndexes(area.row, area.column + area.columnCount + 1, 1, 1);
    stamp.values = [
      [
        `'Values frozen for sharing ${frozenAt}: ${anchors.length.toLocaleString("en-US")} PAYER formulas replaced ` +
          `by their values (see sheet "${FROZEN_RECORD_SHEET}").`,
      ],
    ];
    stamp.format.font.set({ italic: true, color: "#9C5700" });
    await context.sync();
  });
  record.push(...entries);
  await writeFrozenRecord(excel, record);
  return { sheet: area.sheet, formulaCells: anchors.length, notCalculated, spilledCells };
}

/**
 * Freezes the chosen sheets (after the user confirmed {@link previewFreeze}'s counts). Sheets are read and written
 * in blocks, one request per block; formulas showing #NAME? are left alone (there is no value to keep).
 */
export async function freezeForSharing(
  excel: ExcelGateway,
  sheetNames: readonly string[],
  options: FreezeOptions = {},
): Promise<Result<FreezeReport, SharingIssue>> {
  const areas = await checkSheets(excel, sheetNames);
  if (!areas.ok) return areas;
  const frozenAt = stampTime(options.now?.() ?? new Date());
  const record = await readFrozenRecord(excel);
  const done: (FreezeSheetCount & { spilledCells: number })[] = [];
  try {
    for (const [i, area] of areas.value.entries()) {
      options.onProgress?.({ done: i, total: areas.value.length });
      const frozen = await freezeSheet(excel, area, frozenAt, record, options.signal);
      if (frozen === "cancelled") return fail({ code: "cancelled" });
      done.push(frozen);
    }
  } catch (error) {
    const office = officeError(error);
    if (office === null) throw error;
    return fail(excelFailed(office));
  }
  options.onProgress?.({ done: areas.value.length, total: areas.value.length });
  const empty = sheetNames
    .filter((n) => !done.some((d) => d.sheet === n))
    .map((sheet) => ({ sheet, formulaCells: 0, notCalculated: 0, spilledCells: 0 }));
  return ok({ sheets: [...done, ...empty], frozenAt });
}
