/**
 * Where a payer schedule comes from (a chosen file or a block of the workbook), the grid it is read into once, and
 * its preview under the user's choices, run on that grid again whenever a choice changes (the file is not read
 * again). Small sources are read and previewed at once; large ones in slices, with progress and cancel. Pure, apart
 * from reading a chosen file's bytes.
 */
import type { WorkbookGrid } from "../../excel/core/rangeGrid";
import {
  checkScheduleFileSize,
  payerScheduleIssueMessage,
  previewPayerSchedule,
  previewPayerScheduleAsync,
  previewScheduleText,
  previewScheduleTextAsync,
  readPayerScheduleFile,
  readPayerScheduleFileAsync,
  type PacingOptions,
  type PayerScheduleIssue,
  type PayerSchedulePreview,
  type PreviewOptions,
  type ScheduleFile,
  type ScheduleText,
} from "../../formats/payerSchedule";
import type { Result } from "../../engine";
import type { ScheduleWorkbookFile } from "../../excel/payerSchedule/readScheduleWorkbookFile";
import { readFileBytes, type ChosenFile } from "../shared/readFileBytes";

/** The schedule being previewed. */
export type ScheduleSource =
  { readonly kind: "file"; readonly file: ScheduleFile } | { readonly kind: "range"; readonly grid: WorkbookGrid };

/** A preview, or the message saying why there is none (no header, an impossible mapping...). */
export type SourcePreview =
  { readonly ok: true; readonly preview: PayerSchedulePreview } | { readonly ok: false; readonly message: string };

/** The user's choices over the automatic ones; `headerRowNumber` is the header's row in the source (1-based). */
export interface SourceChoices {
  readonly mapping?: PreviewOptions["mapping"];
  readonly headerRowNumber?: number;
}

/** The source's first row number: 1 for a file, the range's first workbook row otherwise. */
export function firstRowNumberOf(source: ScheduleSource): number {
  return source.kind === "file" ? 1 : source.grid.firstRowNumber;
}

/** A source read into the grid every preview of it runs on. */
export type ReadSource =
  { readonly kind: "file"; readonly text: ScheduleText } | { readonly kind: "range"; readonly grid: WorkbookGrid };

/** A read source, or the message saying why the file cannot be read. */
export type SourceRead =
  { readonly ok: true; readonly read: ReadSource } | { readonly ok: false; readonly message: string };

/** Files up to this size are read at once; larger ones in slices (a 1 MB file reads in about 30 ms). */
export const READ_AT_ONCE_BYTES = 1024 * 1024;
/** Sources up to this many rows are previewed at once; larger ones in slices. */
export const PREVIEW_AT_ONCE_ROWS = 20_000;

/** Whether a source is small enough to read at once. */
export function readsAtOnce(source: ScheduleSource): boolean {
  return source.kind === "range" || source.file.bytes.byteLength <= READ_AT_ONCE_BYTES;
}

/** Whether a read source is small enough to preview at once. */
export function previewsAtOnce(read: ReadSource): boolean {
  return (read.kind === "file" ? read.text.grid.length : read.grid.values.length) <= PREVIEW_AT_ONCE_ROWS;
}

const asRead = (source: ScheduleSource, text: Result<ScheduleText, PayerScheduleIssue>): SourceRead =>
  text.ok ? { ok: true, read: { kind: "file", text: text.value } } : { ok: false, message: payerScheduleIssueMessage(text.issue) }; // prettier-ignore

/** Reads a source at once. */
export function readSourceNow(source: ScheduleSource): SourceRead {
  return source.kind === "range" ? { ok: true, read: source } : asRead(source, readPayerScheduleFile(source.file));
}

/** Reads a source in slices; null when cancelled. */
export async function readSourceInSlices(source: ScheduleSource, pacing: PacingOptions): Promise<SourceRead | null> {
  if (source.kind === "range") return { ok: true, read: source };
  const text = await readPayerScheduleFileAsync(source.file, pacing);
  return !text.ok && text.issue.code === "cancelled" ? null : asRead(source, text);
}

function optionsOf(read: ReadSource, choices: SourceChoices): PreviewOptions {
  const first = read.kind === "file" ? 1 : read.grid.firstRowNumber;
  return {
    mapping: choices.mapping,
    headerRowIndex: choices.headerRowNumber === undefined ? undefined : choices.headerRowNumber - first,
    firstRowNumber: first,
  };
}

const asPreview = (result: Result<PayerSchedulePreview, PayerScheduleIssue>): SourcePreview =>
  result.ok ? { ok: true, preview: result.value } : { ok: false, message: payerScheduleIssueMessage(result.issue) };

/** Previews a read source with the user's choices, at once. */
export function previewReadNow(read: ReadSource, choices: SourceChoices): SourcePreview {
  const options = optionsOf(read, choices);
  return asPreview(
    read.kind === "file" ? previewScheduleText(read.text, options) : previewPayerSchedule(read.grid.values, options),
  );
}

/** Previews a read source with the user's choices in slices, with progress; null when cancelled. */
export async function previewReadInSlices(
  read: ReadSource,
  choices: SourceChoices,
  pacing: PacingOptions,
): Promise<SourcePreview | null> {
  const options = optionsOf(read, choices);
  const result =
    read.kind === "file"
      ? await previewScheduleTextAsync(read.text, options, pacing)
      : await previewPayerScheduleAsync(read.grid.values, options, pacing);
  return !result.ok && result.issue.code === "cancelled" ? null : asPreview(result);
}

/** Extensions of Excel workbooks, which the add-in reads through Excel itself (no workbook parser in the pane). */
const WORKBOOK_EXTENSIONS = /\.(xlsx|xlsm|xlsb|xls|ods)$/i;

/** The message for a file that must be opened in Excel instead, or null for a file to read as text. */
export function workbookFileMessage(fileName: string): string | null {
  return WORKBOOK_EXTENSIONS.test(fileName)
    ? `"${fileName}" is an Excel workbook: open it in Excel and use 'From the workbook' with the schedule selected.`
    : null;
}

/**
 * Reads a chosen file, refusing up front (by its size, before reading) a file over the limit and a workbook, and
 * saying why when the browser cannot read it (a file moved or locked since it was chosen): never a rejection.
 */
export async function readChosenFile(
  file: ChosenFile,
  limitBytes?: number,
): Promise<{ ok: true; file: ScheduleFile } | { ok: false; message: string }> {
  const workbook = workbookFileMessage(file.name);
  if (workbook !== null) return { ok: false, message: workbook };
  const size = checkScheduleFileSize(file.size, limitBytes);
  if (!size.ok) return { ok: false, message: payerScheduleIssueMessage(size.issue) };
  const bytes = await readFileBytes(file);
  return bytes.ok
    ? { ok: true, file: { name: file.name, bytes: bytes.value } }
    : { ok: false, message: `"${file.name}" cannot be read: ${bytes.issue}.` };
}

/** Whether a chosen file is an .xlsx workbook, which Excel itself can open for the add-in (ExcelApi 1.13). */
export function isXlsxFile(fileName: string): boolean {
  return /\.xlsx$/i.test(fileName);
}

/** The message for an .xlsx file chosen in an Excel that cannot insert a file's worksheets. */
export function xlsxUnsupportedMessage(fileName: string): string {
  return (
    `This version of Excel cannot open .xlsx files from the add-in (that needs Excel 2021, Microsoft 365 or Excel ` +
    `on the web). Open "${fileName}" in Excel, then use 'From the workbook' with the schedule selected.`
  );
}

/** What reading an .xlsx file needs from Excel: whether it can, and the reading itself (a grid, or a message). */
export interface WorkbookFileReading {
  readonly canInsertWorkbookFiles: boolean;
  readonly read: (file: ScheduleWorkbookFile) => Promise<{ ok: true; grid: WorkbookGrid } | { ok: false; message: string }>; // prettier-ignore
}

/** The bytes as base64, a slice at a time (one call with every byte as an argument overflows the stack). */
function base64Of(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Reads a chosen .xlsx file through Excel (its first sheet, as "From the workbook" reads a range), refusing it up
 * front where this Excel cannot insert a file's worksheets or the file is over the size limit: never a rejection.
 */
export async function readChosenWorkbook(
  file: ChosenFile,
  excel: WorkbookFileReading,
  limitBytes?: number,
): Promise<{ ok: true; source: ScheduleSource } | { ok: false; message: string }> {
  if (!excel.canInsertWorkbookFiles) return { ok: false, message: xlsxUnsupportedMessage(file.name) };
  const size = checkScheduleFileSize(file.size, limitBytes);
  if (!size.ok) return { ok: false, message: payerScheduleIssueMessage(size.issue) };
  const bytes = await readFileBytes(file);
  if (!bytes.ok) return { ok: false, message: `"${file.name}" cannot be read: ${bytes.issue}.` };
  const read = await excel.read({ name: file.name, base64: base64Of(bytes.value) });
  return read.ok ? { ok: true, source: { kind: "range", grid: read.grid } } : read;
}

/** Words of file names that say what the file is, not whose: dropped when proposing the payer's name. */
const NOT_PAYER = new Set(["fee", "fees", "schedule", "schedules", "rates", "rate", "fs", "final", "copy", "export"]);

/**
 * A payer name proposed from the source: the file name without extension, years and generic words
 * ("Acme_PPO_2025_fee_schedule.csv" -> "Acme PPO"), or the range's sheet name; the user corrects it.
 */
export function proposedPayer(source: ScheduleSource): string {
  const text = source.kind === "file" ? source.file.name.replace(/\.[^.]*$/, "") : source.grid.sheetName;
  return text
    .split(/[^A-Za-z0-9&]+/)
    .filter((word) => word !== "" && !/^(19|20)\d\d$/.test(word) && !NOT_PAYER.has(word.toLowerCase()))
    .join(" ");
}
