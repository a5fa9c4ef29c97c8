// Payer fee schedule import: file reading, header detection, column mapping and the validation preview.
import { fail, ok, type Result } from "../../engine";
import { readDelimitedText, type Delimiter } from "./delimitedText";
import { decodeScheduleFile, PAYER_SCHEDULE_MAX_BYTES, type DecodedText, type ScheduleFile } from "./fileInput";
import { problem, type PayerScheduleIssue } from "./issues";
import { previewPayerSchedule, type PayerSchedulePreview, type PreviewOptions } from "./preview";

export {
  checkScheduleFileSize,
  decodeScheduleFile,
  PAYER_SCHEDULE_MAX_BYTES,
  type DecodedText,
  type ScheduleFile,
} from "./fileInput";
export { readDelimitedText, DELIMITERS, type Delimiter, type DelimitedText } from "./delimitedText";
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
export { parseRate, parseScheduleDate, looksLikeFormula, cellValue, type DecimalStyle } from "./cellValues";
export {
  previewPayerSchedule,
  type PayerScheduleRow,
  type PayerSchedulePreview,
  type PreviewCounts,
  type PreviewOptions,
} from "./preview";
export {
  payerScheduleIssueMessage,
  formatBytes,
  type PayerScheduleIssue,
  type PayerScheduleProblem,
  type ProblemColumn,
  type Severity,
} from "./issues";

/** A preview of a text file, with how the file was read. */
export interface PayerScheduleFilePreview extends PayerSchedulePreview {
  readonly delimiter: Delimiter;
  readonly encoding: DecodedText["encoding"];
}

/**
 * Reads a CSV, TSV or delimited TXT payer schedule file and previews it (see {@link previewPayerSchedule}).
 * Refuses, as a value, a file over the size limit (default {@link PAYER_SCHEDULE_MAX_BYTES}), an empty file, a file
 * that is not text (PDF, XLSX, XLS, ZIP, images, JSON, XML) and a file without a schedule header.
 * How the file was read (Windows encoding, unclosed quotes) is added to the problems.
 */
export function previewPayerScheduleFile(
  file: ScheduleFile,
  options: PreviewOptions & { readonly limitBytes?: number } = {},
): Result<PayerScheduleFilePreview, PayerScheduleIssue> {
  const decoded = decodeScheduleFile(file, options.limitBytes ?? PAYER_SCHEDULE_MAX_BYTES);
  if (!decoded.ok) return decoded;
  const { grid, delimiter, unbalancedQuoteRows } = readDelimitedText(decoded.value.text);
  const preview = previewPayerSchedule(grid, options);
  if (!preview.ok) return fail(preview.issue);
  const readingProblems = [
    ...(decoded.value.encoding === "windows-1252" ? [problem({ code: "fileDecodedAsWindows1252" })] : []),
    ...unbalancedQuoteRows.map((rowNumber) => problem({ code: "quotesUnbalanced", rowNumber }, rowNumber)),
  ];
  const counts = {
    ...preview.value.counts,
    warnings: preview.value.counts.warnings + readingProblems.filter((p) => p.severity === "warning").length,
    infos: preview.value.counts.infos + readingProblems.filter((p) => p.severity === "info").length,
  };
  return ok({
    ...preview.value,
    problems: [...readingProblems, ...preview.value.problems],
    counts,
    delimiter,
    encoding: decoded.value.encoding,
  });
}
