import {
  describePayerScheduleImportIssue,
  importPayerSchedule as writeSchedule,
  readWorkbookNames,
  type PayerScheduleImportRequest,
  type WorkbookNames,
} from "../../excel/payerSchedule/payerScheduleImport";
import {
  listRangeSources,
  readRangeAsGrid as readGrid,
  type RangeReadIssue,
  type RangeSource,
  type RangeSources,
  type WorkbookGrid,
} from "../../excel/core/rangeGrid";
import {
  describeScheduleWorkbookIssue,
  readScheduleWorkbookFile,
  type ScheduleWorkbookFile,
} from "../../excel/payerSchedule/readScheduleWorkbookFile";
import type { WrittenTable } from "../../excel/core/tableWriter";
import type { Result } from "../../engine";
import { rowsProgress, type WithControls } from "../progress/operation";
import { writerCommand } from "../progress/writerCommand";
import { countOf } from "../shared/wording";
import type { TaskPaneCommand } from "../taskPaneCommand";

/** Reads the selected range, or a table or named range, as a grid for the preview. */
export const readRangeAsGrid: TaskPaneCommand<RangeSource, Result<WorkbookGrid, RangeReadIssue>> = {
  name: "payerSchedule.readRange",
  label: "Read the range",
  run: (excel, source) => readGrid(excel, source),
};

/**
 * Reads a payer's .xlsx file through Excel (its sheets inserted, the first read, all removed): the grid, or the
 * message saying why not. The workbook ends as it was either way.
 */
export const readScheduleWorkbook: TaskPaneCommand<
  ScheduleWorkbookFile,
  { ok: true; grid: WorkbookGrid } | { ok: false; message: string }
> = {
  name: "payerSchedule.readWorkbookFile",
  label: "Read the workbook file",
  run: async (excel, file) => {
    const read = await readScheduleWorkbookFile(excel, file);
    return read.ok ? { ok: true, grid: read.value } : { ok: false, message: describeScheduleWorkbookIssue(read.issue) };
  },
};

/** Lists the tables and named ranges a schedule can be read from. */
export const listScheduleRanges: TaskPaneCommand<void, RangeSources> = {
  name: "payerSchedule.listRanges",
  label: "List ranges",
  run: (excel) => listRangeSources(excel),
};

/** Reads the sheet and table names in use, so the panel warns before a name clashes. */
export const readScheduleNames: TaskPaneCommand<void, WorkbookNames> = {
  name: "payerSchedule.readNames",
  label: "Read names",
  run: (excel) => readWorkbookNames(excel),
};

/** Input of {@link importPayerSchedule}: the request, plus the progress UI's controls when there is one. */
export type ImportPayerScheduleInput = WithControls<PayerScheduleImportRequest>;

/**
 * Writes the previewed clean rows into a new sheet and fee schedule table (chunked, cancellable, atomic, never over
 * an existing sheet unless confirmed); refuses a preview with errors unless the user chose to skip those rows.
 * The success message says which name to put in a contract.
 */
export const importPayerSchedule = writerCommand({
  name: "payerSchedule.import",
  label: "Import",
  write: (excel, request: PayerScheduleImportRequest, { signal, onProgress }) =>
    writeSchedule(excel, request, { signal, onProgress: rowsProgress(onProgress) }),
  describe: describePayerScheduleImportIssue,
  isCancel: (issue) => issue.code === "writeFailed" && issue.issue.code === "cancelled",
  succeeded: ({ tableName, sheetName, rowCount }: WrittenTable, request) => {
    const skipped = request.skipRowsWithErrors === true ? request.preview.counts.rowsWithErrors : 0;
    return (
      `Imported ${countOf(rowCount, "rate", "rates")} into table ${tableName} on sheet "${sheetName}"` +
      (skipped > 0 ? `, skipping ${countOf(skipped, "row", "rows")} with errors` : "") +
      `. To price claims with it, enter ${tableName} in a contract's Fee Schedule column (PayerContracts table).`
    );
  },
});
