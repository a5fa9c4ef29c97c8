/**
 * A payer's fee schedule sent as an .xlsx file, read through Excel itself rather than a bundled workbook parser
 * (issue 18 item 5, ARCHITECTURE.md s.11): the file's sheets are inserted into the staging area
 * (`Workbook.insertWorksheetsFromBase64`, ExcelApi 1.13), the first one's used range is read as the grid a range
 * of the workbook gives, and the commit only removes the inserted sheets, so the workbook ends as it was. The grid
 * then goes through the preview and import of "From the workbook": same parsing, text stays text.
 */
import { catalogue, fail, ok, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import {
  deleteSheet,
  describeOperationIssue,
  runOperation,
  type OperationIssue,
  type OperationOptions,
} from "../core/operation";
import { describeRangeReadIssue, readRangeAsGrid, type RangeReadIssue, type WorkbookGrid } from "../core/rangeGrid";
import { DEFAULT_MAX_REQUEST_BYTES } from "../core/tableWriter";

/** The requirement set of `Workbook.insertWorksheetsFromBase64`. */
const INSERT_WORKSHEETS_REQUIREMENT = { set: "ExcelApi", version: "1.13" } as const;

/** Whether this Excel can insert a file's worksheets (ExcelApi 1.13): Excel 2021 and later, Excel on the web. */
export function canInsertWorkbookFiles(): boolean {
  return Office.context.requirements.isSetSupported(
    INSERT_WORKSHEETS_REQUIREMENT.set,
    INSERT_WORKSHEETS_REQUIREMENT.version,
  );
}

/**
 * The largest file sent: its base64 text (4 bytes for every 3) must fit one request under the add-in's request
 * budget (Excel on the web refuses requests over 5 MB).
 */
export const MAX_WORKBOOK_FILE_BYTES = Math.floor((DEFAULT_MAX_REQUEST_BYTES * 3) / 4);

/** A workbook file as the task pane sends it. */
export interface ScheduleWorkbookFile {
  readonly name: string;
  /** The file's bytes, base64-encoded. */
  readonly base64: string;
}

/** Why a workbook file gave no grid, as values; {@link describeScheduleWorkbookIssue} holds the messages. */
export type ScheduleWorkbookIssue =
  | { readonly code: "notAWorkbook"; readonly fileName: string }
  | { readonly code: "fileTooLarge"; readonly fileName: string; readonly bytes: number; readonly limitBytes: number }
  | { readonly code: "rangeUnreadable"; readonly issue: RangeReadIssue }
  | OperationIssue;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The message a finance user reads for a workbook file that gave no grid. */
export const describeScheduleWorkbookIssue: (issue: ScheduleWorkbookIssue) => string = catalogue<ScheduleWorkbookIssue>(
  {
    notAWorkbook: (issue) =>
      `"${issue.fileName}" is not an .xlsx workbook Excel can open (the file may be of another type or damaged). ` +
      "Nothing was changed. Save the schedule as .xlsx or CSV and choose it again.",
    fileTooLarge: (issue) =>
      `"${issue.fileName}" is ${megabytes(issue.bytes)}; Excel takes files up to ${megabytes(issue.limitBytes)} from ` +
      "the add-in. Nothing was changed. Save the schedule as CSV and choose that, or open the file in Excel and use " +
      "'From the workbook'.",
    rangeUnreadable: (issue) => describeRangeReadIssue(issue.issue),
    cancelled: describeOperationIssue,
    excelRefused: describeOperationIssue,
  },
);

/** The file name without its extension: how the grid names the sheet (and the payer proposed from it). */
const shownAs = (fileName: string) => fileName.replace(/\.[^.]*$/, "");

/**
 * Reads the first sheet of a workbook file as a grid, leaving the workbook as it was (whatever happens: the
 * inserted sheets are staging sheets until the commit removes them). A file over {@link MAX_WORKBOOK_FILE_BYTES} is
 * refused before any request. Requests: a look at the sheets, the insert,
 * the staging names, the used range, one per 100,000 cells of values, the runner's look, the commit.
 * @example const grid = await readScheduleWorkbookFile(hostExcel(), { name: "Acme PPO 2026.xlsx", base64 });
 */
export async function readScheduleWorkbookFile(
  excel: ExcelGateway,
  file: ScheduleWorkbookFile,
  options: Pick<OperationOptions, "signal"> = {},
): Promise<Result<WorkbookGrid, ScheduleWorkbookIssue>> {
  const bytes = Math.floor((file.base64.replace(/=+$/, "").length * 3) / 4);
  if (bytes > MAX_WORKBOOK_FILE_BYTES)
    return fail({ code: "fileTooLarge", fileName: file.name, bytes, limitBytes: MAX_WORKBOOK_FILE_BYTES });
  return runOperation(excel, { what: `the reading of "${file.name}"`, signal: options.signal }, async (op) => {
    const inserted = await op.insertFileSheets(file.base64);
    if (inserted === null || inserted.length === 0)
      return fail<ScheduleWorkbookIssue>({ code: "notAWorkbook", fileName: file.name });
    const grid = await readRangeAsGrid(op.excel, { kind: "sheet", id: inserted[0]!.id, shownAs: shownAs(file.name) });
    if (!grid.ok) return fail<ScheduleWorkbookIssue>({ code: "rangeUnreadable", issue: grid.issue });
    const steps = inserted.map((sheet) => deleteSheet(sheet.id, `remove the sheets of "${file.name}" read for the preview`)); // prettier-ignore
    return ok({ output: grid.value, steps });
  });
}
