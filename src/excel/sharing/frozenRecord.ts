/**
 * The "Frozen for sharing" record: a visible sheet listing every cell block that "freeze for sharing" turned from a
 * `PAYER.*` formula into values (sheet, range, original formula, when), so that nothing is lost: "repair formulas"
 * re-enters the formulas from it, and an auditor can see which numbers are no longer live.
 *
 * The record is never edited in place: an operation stages the whole new record in a hidden sheet, and its commit
 * replaces the earlier record sheet with it (ARCHITECTURE.md s.5). Rows the add-in does not recognise (edited by
 * hand) are carried over as they are.
 */
import { fail, ok, type Result } from "../../engine";
import { findSheetNamed, type SheetRef } from "../core/builtSheets";
import type { ExcelGateway } from "../core/excelGateway";
import {
  deleteSheet,
  renameSheet,
  renameTable,
  showSheet,
  type CommitStep,
  type OperationContext,
  type StagedSheet,
} from "../core/operation";
import { jsonBytes, planChunks } from "../core/writePlan";
import type { Columns, TableSpec } from "../registry/columnDictionary";
import type { SharingIssue } from "./sharingIssues";

/** The record's sheet and table names (stable: documented in the README). */
export const FROZEN_RECORD_SHEET = "Frozen for sharing";
export const FROZEN_RECORD_TABLE = "FrozenForSharing";
/** The record's columns in the column dictionary, in order: all text (a formula's text must stay text). */
export const FROZEN_RECORD_SPEC = {
  title: "Frozen for sharing",
  purpose: `Written by the Sharing tab's "Freeze for sharing" on a sheet of that name (table ${FROZEN_RECORD_TABLE}): a row per cell block whose PAYER.* formula was replaced by its values, so that "Repair formulas" can enter the formulas again and an auditor can see which numbers are no longer live. Rows edited by hand are kept as they are.`,
  columns: {
    sheet: { header: "Sheet", written: "text", description: "The sheet of the frozen cells." },
    range: {
      header: "Range",
      written: "text",
      description: "The frozen cells: the formula's cell, or its whole spilled range (B7:G30).",
    },
    originalFormula: {
      header: "Original Formula",
      written: "text",
      description: "The formula the top-left cell held, as text.",
    },
    frozenAt: { header: "Frozen At", written: "text", description: 'When it was frozen ("2026-11-27 14:05 UTC").' },
  },
} satisfies TableSpec<Columns>;

/** The table's headers, in order. */
export const FROZEN_RECORD_HEADERS: readonly string[] = Object.values(FROZEN_RECORD_SPEC.columns).map((c) => c.header);

/** One frozen block: its anchor (top-left) held `formula`, and the whole range now holds its values. */
export interface FrozenEntry {
  readonly sheet: string;
  /** A1 range on `sheet`: "B7", or "B7:G30" for a spilled result. */
  readonly range: string;
  readonly formula: string;
  /** "2026-11-27 14:05 UTC". */
  readonly frozenAt: string;
}

/** One row of the record's table, as text; `entry` when the add-in recognises it. */
export interface RecordRow {
  readonly cells: readonly string[];
  readonly entry: FrozenEntry | null;
}

/** The record as found in the workbook. */
export interface FrozenRecord {
  /** The record's sheet, which the next record replaces; null when there is none. */
  readonly sheet: SheetRef | null;
  readonly rows: readonly RecordRow[];
}

/** Row of the table's header (0-based): below the title and the note. */
const HEADER_ROW = 3;
const INTRO = [
  "Frozen for sharing",
  "These cells held PAYER.* formulas and now hold the values they showed at the time given. To make them live again, " +
    "open the add-in's Sharing tab and run Repair formulas (restore frozen cells), or rebuild the model.",
] as const;
const COLUMN_WIDTHS = [90, 110, 420, 150] as const;
/** Rows staged per request at most; bytes are budgeted too (a formula may be long). */
const ROWS_PER_WRITE = 5_000;
const BYTES_PER_WRITE = 4 * 1024 * 1024;

function rowOf(cells: readonly unknown[]): RecordRow {
  const text = FROZEN_RECORD_HEADERS.map((_, c) => String(cells[c] ?? ""));
  const [sheet, range, formula, frozenAt] = text as [string, string, string, string];
  const recognised = sheet !== "" && range !== "" && formula.startsWith("=");
  return { cells: text, entry: recognised ? { sheet, range, formula, frozenAt } : null };
}

/** The recognised entries of a record, in table order. */
export const entriesOf = (record: FrozenRecord): FrozenEntry[] =>
  record.rows.flatMap((row) => (row.entry === null ? [] : [row.entry]));

/** A record row for an entry. */
export const rowOfEntry = (entry: FrozenEntry): RecordRow => ({
  cells: [entry.sheet, entry.range, entry.formula, entry.frozenAt],
  entry,
});

/**
 * Finds the record (two requests at most), without changing anything. Refuses a sheet of the record's name without
 * the record's table (it may be the user's own), and a record table moved to another sheet.
 */
export async function lookAtFrozenRecord(excel: ExcelGateway): Promise<Result<FrozenRecord, SharingIssue>> {
  const found = await excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name,items/id");
    const table = context.workbook.tables.getItemOrNullObject(FROZEN_RECORD_TABLE);
    await context.sync();
    const all = sheets.items.map((s) => ({ name: s.name, id: s.id }));
    if (table.isNullObject) return { sheets: all, tableSheet: null, values: [] as unknown[][] };
    const tableSheet = table.worksheet.load("name,id");
    const body = table.getDataBodyRange().load("values");
    await context.sync();
    return { sheets: all, tableSheet: { name: tableSheet.name, id: tableSheet.id }, values: body.values };
  });
  const named = findSheetNamed(found.sheets, FROZEN_RECORD_SHEET);
  if (found.tableSheet === null) {
    return named === null ? ok({ sheet: null, rows: [] }) : fail({ code: "recordSheetTaken", sheetName: named.name });
  }
  if (named === null || named.id !== found.tableSheet.id)
    return fail({ code: "recordTableElsewhere", sheetName: found.tableSheet.name });
  // Excel gives a table without rows one empty row: an empty row is not a row of the record.
  const rows = found.values.map(rowOf).filter((row) => row.cells.some((cell) => cell !== ""));
  return ok({ sheet: named, rows });
}

/** The entries recorded in the workbook, in table order; none when there is no record (or it is not recognised). */
export async function readFrozenRecord(excel: ExcelGateway): Promise<FrozenEntry[]> {
  const record = await lookAtFrozenRecord(excel);
  return record.ok ? entriesOf(record.value) : [];
}

/**
 * Stages the record holding `rows` in `staged` (a staging sheet the caller added), a chunk of rows per request, and
 * returns the commit steps that put it in place of `earlier`: the earlier record removed first (its table holds the
 * name), the new table and sheet named, the sheet shown. With no rows there is no record: `staged` is null and the
 * steps only remove the earlier one.
 */
export async function stageFrozenRecord(
  op: OperationContext,
  staged: StagedSheet | null,
  earlier: SheetRef | null,
  rows: readonly RecordRow[],
): Promise<CommitStep[]> {
  const removeEarlier =
    earlier === null ? [] : [deleteSheet(earlier.id, `remove the earlier record "${FROZEN_RECORD_SHEET}"`)];
  if (staged === null || rows.length === 0) return removeEarlier;
  const width = FROZEN_RECORD_HEADERS.length;
  const plan = planChunks(
    rows.map((row) => jsonBytes(row.cells)),
    { maxBytes: BYTES_PER_WRITE, reservedBytes: 8_192, maxRows: ROWS_PER_WRITE },
  );
  // A row alone over 4 MB would be a formula far beyond Excel's 8,192 characters: it cannot be in a workbook.
  if (!plan.ok) throw new Error(`A record row of ${plan.row.bytes} bytes cannot come from Excel`);
  let tableId = "";
  for (const [index, chunk] of plan.chunks.entries()) {
    const table = await op.write((context) => {
      const sheet = context.workbook.worksheets.getItem(staged.id);
      const added = index === 0 ? startRecord(sheet, rows.length, op.stagingTableName()) : null;
      sheet.getRangeByIndexes(HEADER_ROW + 1 + chunk.start, 0, chunk.count, width).values = rows
        .slice(chunk.start, chunk.start + chunk.count)
        .map((row) => [...row.cells]);
      return added;
    });
    if (table !== null) tableId = table.id;
  }
  return [
    ...removeEarlier,
    renameTable(tableId, FROZEN_RECORD_TABLE, `name the record's table ${FROZEN_RECORD_TABLE}`),
    renameSheet(staged.id, FROZEN_RECORD_SHEET, `name the new record "${FROZEN_RECORD_SHEET}"`),
    showSheet(staged.id, `show the record "${FROZEN_RECORD_SHEET}"`),
  ];
}

/**
 * Queues what precedes the rows: every text cell formatted "@" before any value lands (a sheet name or a formula's
 * text must stay text), the title, the note, the header and the table under a working name. Returns the table.
 */
function startRecord(sheet: Excel.Worksheet, rowCount: number, tableName: string): Excel.Table {
  const width = FROZEN_RECORD_HEADERS.length;
  const intro = sheet.getRangeByIndexes(0, 0, INTRO.length, 1);
  intro.numberFormat = [["@"]];
  intro.values = INTRO.map((line) => [line]);
  sheet.getRange("A1").format.font.set({ size: 16, bold: true, color: "#1F4E79" });
  const tableRange = sheet.getRangeByIndexes(HEADER_ROW, 0, rowCount + 1, width);
  tableRange.numberFormat = [["@"]];
  sheet.getRangeByIndexes(HEADER_ROW, 0, 1, width).values = [[...FROZEN_RECORD_HEADERS]];
  COLUMN_WIDTHS.forEach((columnWidth, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnWidth;
  });
  const table = sheet.tables.add(tableRange, true);
  table.name = tableName;
  return table.load("id");
}
