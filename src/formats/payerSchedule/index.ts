// Payer fee schedule import: file reading, header detection, column mapping and the validation preview.
import { fail, ok, type Result } from "../../engine";
import { readDelimitedText, readDelimitedTextAsync, type DelimitedText, type Delimiter } from "./delimitedText";
import { decodeScheduleFile, PAYER_SCHEDULE_MAX_BYTES, type DecodedText, type ScheduleFile } from "./fileInput";
import { problem, type PayerScheduleIssue, type PayerScheduleProblem } from "./issues";
import type { PacingOptions } from "./pacing";
import {
  previewPayerSchedule,
  previewPayerScheduleAsync,
  type PayerSchedulePreview,
  type PreviewOptions,
} from "./preview";

export {
  checkScheduleFileSize,
  decodeScheduleFile,
  PAYER_SCHEDULE_MAX_BYTES,
  type DecodedText,
  type ScheduleFile,
} from "./fileInput";
export {
  readDelimitedText,
  readDelimitedTextAsync,
  DELIMITERS,
  type Delimiter,
  type DelimitedText,
} from "./delimitedText";
export {
  checkColumnMapping,
  detectHeaderRow,
  headerScore,
  suggestColumnMapping,
  PAYER_SCHEDULE_FIELDS,
  PAYER_SCHEDULE_FIELD_ORDER,
  type ColumnCandidate,
  type ColumnMapping,
  type FieldMapping,
  type MappingSuggestion,
  type PayerScheduleField,
} from "./columnMapping";
export { parseRate, parseScheduleDate, looksLikeFormula, cellValue, MAX_RATE, type DecimalStyle } from "./cellValues";
export {
  previewPayerSchedule,
  previewPayerScheduleAsync,
  type PayerScheduleRow,
  type PayerSchedulePreview,
  type PreviewCounts,
  type PreviewOptions,
  type SourceGrid,
} from "./preview";
export { PreviewRows } from "./previewRows";
export { runInSlices, type PacingOptions, type ScheduleProgress } from "./pacing";
export {
  payerScheduleIssueMessage,
  formatBytes,
  type PayerScheduleIssue,
  type PayerScheduleProblem,
  type ProblemColumn,
  type Severity,
} from "./issues";

/** A schedule file read once: its grid (the one copy of the file the import keeps) and how it was read. */
export interface ScheduleText extends DelimitedText {
  readonly encoding: DecodedText["encoding"];
  /**
   * What the reading noticed: Windows encoding (info), quotes never closed (warning, by row), a last line without a
   * line break (warning: a file cut short ends so, though some tools write files that way too).
   */
  readonly readingProblems: readonly PayerScheduleProblem[];
}

/** A preview of a text file, with how the file was read. */
export interface PayerScheduleFilePreview extends PayerSchedulePreview {
  readonly delimiter: Delimiter;
  readonly encoding: DecodedText["encoding"];
}

/** Options of a file read: the size limit (default {@link PAYER_SCHEDULE_MAX_BYTES}). */
export interface ReadOptions {
  readonly limitBytes?: number;
}

function scheduleText(decoded: DecodedText, read: DelimitedText): ScheduleText {
  const lastRow = read.grid.length;
  const unterminated = !/[\r\n]$/.test(decoded.text) && (read.grid[lastRow - 1] ?? []).some((c) => c.trim() !== "");
  const readingProblems = [
    ...(decoded.encoding === "windows-1252" ? [problem({ code: "fileDecodedAsWindows1252" })] : []),
    ...read.unbalancedQuoteRows.map((rowNumber) => problem({ code: "quotesUnbalanced", rowNumber }, rowNumber)),
    ...(unterminated ? [problem({ code: "lastLineUnterminated", rowNumber: lastRow }, lastRow)] : []),
  ];
  return { ...read, encoding: decoded.encoding, readingProblems };
}

/**
 * Reads a CSV, TSV or delimited TXT payer schedule file into a grid, once. Refuses, as a value, a file over the
 * size limit, an empty file and a file that is not text (PDF, XLSX, XLS, ZIP, images, JSON, XML).
 */
export function readPayerScheduleFile(
  file: ScheduleFile,
  options: ReadOptions = {},
): Result<ScheduleText, PayerScheduleIssue> {
  const decoded = decodeScheduleFile(file, options.limitBytes ?? PAYER_SCHEDULE_MAX_BYTES);
  if (!decoded.ok) return decoded;
  return ok(scheduleText(decoded.value, readDelimitedText(decoded.value.text)));
}

/**
 * {@link readPayerScheduleFile} in slices, with progress (characters read) and cancel (the issue "cancelled"), so
 * that a large file does not freeze the task pane.
 */
export async function readPayerScheduleFileAsync(
  file: ScheduleFile,
  options: ReadOptions & PacingOptions = {},
): Promise<Result<ScheduleText, PayerScheduleIssue>> {
  const decoded = decodeScheduleFile(file, options.limitBytes ?? PAYER_SCHEDULE_MAX_BYTES);
  if (!decoded.ok) return decoded;
  const read = await readDelimitedTextAsync(decoded.value.text, options);
  return read === null ? fail({ code: "cancelled" }) : ok(scheduleText(decoded.value, read));
}

/** A preview of a file's grid with how the file was read: its reading problems first, counted with the others. */
function withReading(
  preview: Result<PayerSchedulePreview, PayerScheduleIssue>,
  text: ScheduleText,
): Result<PayerScheduleFilePreview, PayerScheduleIssue> {
  if (!preview.ok) return preview;
  const { readingProblems } = text;
  const counts = {
    ...preview.value.counts,
    warnings: preview.value.counts.warnings + readingProblems.filter((p) => p.severity === "warning").length,
    infos: preview.value.counts.infos + readingProblems.filter((p) => p.severity === "info").length,
  };
  return ok({
    ...preview.value,
    problems: readingProblems.length === 0 ? preview.value.problems : [...readingProblems, ...preview.value.problems],
    counts,
    delimiter: text.delimiter,
    encoding: text.encoding,
  });
}

/** Previews a file read by {@link readPayerScheduleFile} (see {@link previewPayerSchedule}); re-run it on a new mapping. */
export function previewScheduleText(
  text: ScheduleText,
  options: PreviewOptions = {},
): Result<PayerScheduleFilePreview, PayerScheduleIssue> {
  return withReading(previewPayerSchedule(text.grid, options), text);
}

/** {@link previewScheduleText} in slices, with progress and cancel (see {@link previewPayerScheduleAsync}). */
export async function previewScheduleTextAsync(
  text: ScheduleText,
  options: PreviewOptions = {},
  pacing: PacingOptions = {},
): Promise<Result<PayerScheduleFilePreview, PayerScheduleIssue>> {
  return withReading(await previewPayerScheduleAsync(text.grid, options, pacing), text);
}

/**
 * Reads a CSV, TSV or delimited TXT payer schedule file and previews it (see {@link previewPayerSchedule}).
 * Refuses, as a value, a file over the size limit (default {@link PAYER_SCHEDULE_MAX_BYTES}), an empty file, a file
 * that is not text (PDF, XLSX, XLS, ZIP, images, JSON, XML) and a file without a schedule header.
 * How the file was read (Windows encoding, unclosed quotes) is added to the problems.
 */
export function previewPayerScheduleFile(
  file: ScheduleFile,
  options: PreviewOptions & ReadOptions = {},
): Result<PayerScheduleFilePreview, PayerScheduleIssue> {
  const text = readPayerScheduleFile(file, options);
  return text.ok ? previewScheduleText(text.value, options) : text;
}
