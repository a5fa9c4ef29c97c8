import { catalogue, type Messages } from "../../engine";
import { IMPORT_ISSUE_MESSAGES, type ImportIssue } from "../cmsPfs/importIssues";

/** How bad a problem is: `error` keeps the row out of the schedule, `warning` asks for a look, `info` says what was fixed. */
export type Severity = "error" | "warning" | "info";

/**
 * Problems of a payer fee schedule import, as values (STYLE.md "two error channels"). The shared CMS import issues
 * (bad value, rejected code, repeated row, no header) are reused as they are; the codes below are the ones only a
 * payer file has. File-level issues (no row number) refuse the file or describe how it was read.
 */
export type PayerScheduleIssue =
  | ImportIssue
  | { readonly code: "fileTooLarge"; readonly sizeBytes: number; readonly limitBytes: number }
  | { readonly code: "fileNotText"; readonly fileName: string; readonly detected: string; readonly advice: string }
  | { readonly code: "fileDecodedAsWindows1252" }
  | { readonly code: "cmsRelativeValueFile" }
  | { readonly code: "quotesUnbalanced"; readonly rowNumber: number }
  | { readonly code: "lastLineUnterminated"; readonly rowNumber: number }
  | { readonly code: "decimalCommaRead" }
  | { readonly code: "mappingColumnUnknown"; readonly field: string; readonly column: number; readonly width: number }
  | { readonly code: "mappingColumnTwice"; readonly column: number; readonly fields: readonly string[] }
  | { readonly code: "mappingFieldMissing"; readonly field: string }
  | {
      readonly code: "codeZerosRestored";
      readonly rowNumber: number;
      readonly column: string;
      readonly value: string;
      readonly hcpcsCode: string;
    }
  | { readonly code: "rateZero"; readonly rowNumber: number; readonly column: string }
  | { readonly code: "rowWithoutRate"; readonly rowNumber: number }
  | { readonly code: "rowWithoutCode"; readonly rowNumber: number }
  | { readonly code: "datesReversed"; readonly rowNumber: number; readonly start: string; readonly end: string }
  | {
      readonly code: "rowsConflict";
      readonly rowNumber: number;
      readonly firstRowNumber: number;
      readonly key: string;
      readonly firstRates: string;
      readonly rates: string;
    }
  | { readonly code: "noteRowSkipped"; readonly rowNumber: number; readonly text: string }
  | { readonly code: "headerRepeated"; readonly rowNumber: number }
  | { readonly code: "cancelled" };

/** The codes that belong to payer schedules only (those of {@link ImportIssue} keep their own messages). */
type OwnIssue = Exclude<PayerScheduleIssue, ImportIssue>;

/** "26.3 MB", "512 KB": sizes as a user reads them in a file dialog. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Messages for a finance user: what is wrong, where, and what to do. */
const PAYER_SCHEDULE_MESSAGES: Messages<OwnIssue> = {
  fileTooLarge: (i) =>
    `The file is ${formatBytes(i.sizeBytes)}; the limit is ${formatBytes(i.limitBytes)}. Filter it to the codes you need or split it, then import the parts.`,
  fileNotText: (i) => `"${i.fileName}" is ${i.detected}, not a CSV, TSV or text file. ${i.advice}`,
  cmsRelativeValueFile: () =>
    "This is the CMS relative value file (PPRRVU), not a payer fee schedule: it holds RVUs and Medicare indicators, not a payer's rates. Import it in the Medicare schedule tab.",
  fileDecodedAsWindows1252: () =>
    "The file is not UTF-8; it was read as Windows (ANSI) text, as Excel on Windows saves CSV. Check accented letters in descriptions.",
  quotesUnbalanced: (i) =>
    `Row ${i.rowNumber} opens a quoted cell that is never closed: the rows after it may have been read into one cell. Check the quotes in the file.`,
  lastLineUnterminated: (i) =>
    `Row ${i.rowNumber} is the last line of the file and has no line break after it: if the file was cut short, its values are incomplete. Check it against the payer's schedule.`,
  decimalCommaRead: () => 'Rates use a decimal comma (European export): "1.234,50" was read as 1234.50.',
  mappingColumnUnknown: (i) =>
    `${i.field} is mapped to column ${i.column + 1}, but the table has ${i.width} columns: choose another column.`,
  mappingColumnTwice: (i) => `Column ${i.column + 1} is mapped to ${i.fields.join(" and ")}: map each column once.`,
  mappingFieldMissing: (i) => `No column is mapped to ${i.field}: choose the column that holds it.`,
  codeZerosRestored: (i) =>
    `Row ${i.rowNumber}, column ${i.column}: code ${i.value} lost its leading zeros (a number in Excel); read as ${i.hcpcsCode}.`,
  rateZero: (i) => `Row ${i.rowNumber}, column ${i.column}: the rate is 0.00. Is the service really paid nothing?`,
  rowWithoutRate: (i) => `Row ${i.rowNumber} has a code but no rate: enter a non-facility or facility rate.`,
  rowWithoutCode: (i) => `Row ${i.rowNumber} has a rate but no code: enter its CPT/HCPCS code.`,
  datesReversed: (i) => `Row ${i.rowNumber} ends (${i.end}) before it starts (${i.start}): check its effective dates.`,
  rowsConflict: (i) =>
    `Rows ${i.firstRowNumber} and ${i.rowNumber} give ${i.key} different rates (${i.firstRates} and ${i.rates}) for the same dates: delete one or give them dates that do not overlap. Neither is imported.`,
  noteRowSkipped: (i) => `Row ${i.rowNumber} has no code and no rate ("${i.text}"): skipped as a note.`,
  headerRepeated: (i) => `Row ${i.rowNumber} repeats the header row: skipped.`,
  cancelled: () => "The preview was cancelled; nothing was read into the workbook.",
};

/** The message of a payer schedule issue, for the task pane's problems list. */
export const payerScheduleIssueMessage: (issue: PayerScheduleIssue) => string = catalogue<PayerScheduleIssue>({
  ...IMPORT_ISSUE_MESSAGES,
  ...PAYER_SCHEDULE_MESSAGES,
});

/** Where a problem is in the source: the header text of the column and its spreadsheet letter. */
export interface ProblemColumn {
  /** 0-based index in the grid. */
  readonly index: number;
  /** "A", "B", ... "AA": as the workbook or a spreadsheet view shows it. */
  readonly letter: string;
  readonly header: string;
}

/** One problem of the validation preview, located by source row and column, with its message ready to show. */
export interface PayerScheduleProblem {
  readonly severity: Severity;
  /** The 1-based row of the source (file line as a spreadsheet shows it, or workbook row); null for the whole file. */
  readonly rowNumber: number | null;
  readonly column: ProblemColumn | null;
  readonly issue: PayerScheduleIssue;
  /** The message to show, made from the issue when read. */
  readonly message: string;
}

/**
 * Severity of each issue code. Codes that refuse the whole file are errors too: they never reach a problems list,
 * but the table stays complete so that a new code must be given a severity.
 */
const SEVERITY = {
  fileEmpty: "error",
  fileNotCsv: "error",
  headerNotFound: "error",
  columnMissing: "error",
  noDataRows: "error",
  fileCutMidLine: "error",
  lastRowShort: "error",
  codeListUnfinished: "error",
  footnoteMissing: "error",
  quoteNeverClosed: "error",
  quoteSwallowedLines: "error",
  valueInvalid: "error",
  valueRejected: "error",
  controlCharacter: "error",
  formulaText: "info",
  rowDuplicated: "warning",
  localityConflict: "error",
  fileTooLarge: "error",
  fileNotText: "error",
  fileDecodedAsWindows1252: "info",
  cmsRelativeValueFile: "error",
  quotesUnbalanced: "warning",
  lastLineUnterminated: "warning",
  decimalCommaRead: "info",
  mappingColumnUnknown: "error",
  mappingColumnTwice: "error",
  mappingFieldMissing: "error",
  codeZerosRestored: "info",
  rateZero: "warning",
  rowWithoutRate: "error",
  rowWithoutCode: "error",
  datesReversed: "error",
  rowsConflict: "error",
  noteRowSkipped: "info",
  headerRepeated: "info",
  cancelled: "error",
} as const satisfies Record<PayerScheduleIssue["code"], Severity>;

/** A problem with its severity and message, located by row and column. */
export function problem(
  issue: PayerScheduleIssue,
  rowNumber: number | null = null,
  column: ProblemColumn | null = null,
): PayerScheduleProblem {
  const found = { severity: SEVERITY[issue.code], rowNumber, column, issue };
  // The message is made when read: a file with a million problems does not hold a million texts nobody shows.
  return Object.defineProperty(found, "message", { get: messageOfProblem, enumerable: true }) as PayerScheduleProblem;
}

function messageOfProblem(this: { readonly issue: PayerScheduleIssue }): string {
  return payerScheduleIssueMessage(this.issue);
}

/** Spreadsheet column letters: 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
