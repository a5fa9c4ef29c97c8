/**
 * Where a payer schedule comes from (a chosen file or a block of the workbook) and its preview under the user's
 * choices. Pure, apart from reading a chosen file's bytes.
 */
import type { WorkbookGrid } from "../../excel/core/rangeGrid";
import {
  checkScheduleFileSize,
  payerScheduleIssueMessage,
  previewPayerSchedule,
  previewPayerScheduleFile,
  type PayerSchedulePreview,
  type PreviewOptions,
  type ScheduleFile,
} from "../../formats/payerSchedule";

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

/** Previews a source with the user's choices (re-run on every change: it is fast for schedule-sized inputs). */
export function previewSource(source: ScheduleSource, choices: SourceChoices): SourcePreview {
  const first = firstRowNumberOf(source);
  const options: PreviewOptions = {
    mapping: choices.mapping,
    headerRowIndex: choices.headerRowNumber === undefined ? undefined : choices.headerRowNumber - first,
  };
  const result =
    source.kind === "file"
      ? previewPayerScheduleFile(source.file, options)
      : previewPayerSchedule(source.grid.values, { ...options, firstRowNumber: first });
  return result.ok
    ? { ok: true, preview: result.value }
    : { ok: false, message: payerScheduleIssueMessage(result.issue) };
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
 * Reads a chosen file, refusing up front (by its size, before reading) a file over the limit and a workbook.
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
  const bytes = await new Promise<Uint8Array>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(`The browser could not read "${file.name}".`));
    reader.readAsArrayBuffer(file);
  });
  return { ok: true, file: { name: file.name, bytes } };
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
