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
 * FileReader rather than `Blob.arrayBuffer()`: the same bytes in every browser the add-in runs in, and in jsdom.
 */
export async function readChosenFile(
  file: File,
  limitBytes?: number,
): Promise<{ ok: true; file: ScheduleFile } | { ok: false; message: string }> {
  const workbook = workbookFileMessage(file.name);
  if (workbook !== null) return { ok: false, message: workbook };
  const size = checkScheduleFileSize(file.size, limitBytes);
  if (!size.ok) return { ok: false, message: payerScheduleIssueMessage(size.issue) };
  try {
    const bytes = await new Promise<Uint8Array>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.onerror = () => reject(reader.error ?? new Error("the browser refused to read it"));
      reader.readAsArrayBuffer(file);
    });
    return { ok: true, file: { name: file.name, bytes } };
  } catch (error) {
    const reason = error instanceof Error && error.message !== "" ? error.message : "the browser refused to read it";
    return { ok: false, message: `"${file.name}" cannot be read: ${reason.replace(/\.$/, "")}.` };
  }
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
