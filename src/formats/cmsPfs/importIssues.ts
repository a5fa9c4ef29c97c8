import { catalogue, type Messages } from "../../engine";
import { issueMessage, type EngineIssue } from "../../engine";
import type { NotTextKind } from "./textInput";

/** How a cut file ends (see completeness.ts): the evidence a message names. */
export type CodeListEnd = "V codes" | "99 codes";

/**
 * Problems found while importing a CMS file. File-level issues refuse the file; row-level issues name the 1-based
 * row number of the file (as a spreadsheet shows it) so that no bad row is dropped silently. The payer schedule
 * import shares these (see payerSchedule/issues.ts) and adds its own.
 */
export type ImportIssue =
  | { readonly code: "fileEmpty"; readonly fileKind: string }
  | { readonly code: "fileNotCsv"; readonly fileKind: string; readonly kind: NotTextKind; readonly detected: string }
  | { readonly code: "headerNotFound"; readonly fileKind: string; readonly expected: string }
  | { readonly code: "columnMissing"; readonly fileKind: string; readonly column: string }
  | { readonly code: "noDataRows"; readonly fileKind: string; readonly headerRowNumber: number }
  | {
      readonly code: "fileCutMidLine";
      readonly fileKind: string;
      readonly rowNumber: number;
      /** Non-blank rows below the header before the cut line. */
      readonly completeRows: number;
    }
  | {
      readonly code: "lastRowShort";
      readonly fileKind: string;
      readonly rowNumber: number;
      readonly cells: number;
      readonly expectedCells: number;
      readonly rowsRead: number;
    }
  | {
      readonly code: "codeListUnfinished";
      readonly fileKind: string;
      readonly rowNumber: number;
      readonly lastCode: string;
      readonly rowsRead: number;
      readonly expectedEnd: CodeListEnd;
    }
  | {
      readonly code: "footnoteMissing";
      readonly fileKind: string;
      readonly rowNumber: number;
      readonly rowsRead: number;
      readonly mark: string;
      readonly markedRowNumber: number;
      readonly markedText: string;
    }
  | {
      readonly code: "quoteNeverClosed";
      readonly fileKind: string;
      readonly rowNumber: number;
      readonly lineBreaks: number;
    }
  | { readonly code: "quoteSwallowedLines"; readonly rowNumber: number; readonly lineBreaks: number }
  | {
      readonly code: "valueInvalid";
      readonly rowNumber: number;
      readonly column: string;
      readonly value: string;
      readonly expected: string;
    }
  | { readonly code: "valueRejected"; readonly rowNumber: number; readonly column: string; readonly issue: EngineIssue }
  | {
      readonly code: "controlCharacter";
      readonly rowNumber: number;
      readonly column: string;
      /** The cell with its control characters shown as control pictures (U+2400...), never the raw characters. */
      readonly shown: string;
      readonly codePoint: string;
    }
  | { readonly code: "formulaText"; readonly rowNumber: number; readonly column: string; readonly value: string }
  | {
      readonly code: "rowDuplicated";
      readonly rowNumber: number;
      readonly firstRowNumber: number;
      readonly key: string;
    }
  | {
      readonly code: "localityConflict";
      readonly rowNumber: number;
      readonly firstRowNumber: number;
      readonly key: string;
      readonly firstValues: string;
      readonly values: string;
    };

/** What to do about a CMS file that is not CSV text, by kind. */
const NOT_CSV_ADVICE = {
  pdf: "Download the CSV file from CMS.",
  xlsx: "Open it in Excel and save it as CSV (Comma delimited), then choose the .csv file.",
  xls: "Open it in Excel and save it as CSV (Comma delimited), then choose the .csv file.",
  gzip: "Unzip it first.",
  image: "Download the CSV file from CMS.",
  rtf: "Download the CSV file from CMS.",
  binary: "Download the CSV file from CMS.",
  json: "Download the CSV file from CMS.",
  xml: "Open it in Excel and save it as CSV (Comma delimited), then choose the .csv file.",
} as const satisfies Record<NotTextKind, string>;

const count = (n: number): string => n.toLocaleString("en-US");
const GET_IT_AGAIN = "Nothing was imported: download the file again.";

/** Where a cut CMS code list should have ended, in the words of its message. */
const CODE_LIST_ENDS = {
  "V codes": "the V codes (HCPCS Level II), which follow the CPT codes",
  "99 codes": "the 99 codes (CPT evaluation and management), which follow the HCPCS Level II codes",
} as const satisfies Record<CodeListEnd, string>;

/** The message of each import issue, for the task pane's problems list. */
export const IMPORT_ISSUE_MESSAGES: Messages<ImportIssue> = {
  fileEmpty: (i) => `The ${i.fileKind} file is empty.`,
  fileNotCsv: (i) => `This is not a ${i.fileKind} file: it is ${i.detected}. ${NOT_CSV_ADVICE[i.kind]}`,
  headerNotFound: (i) => `This is not a ${i.fileKind} file: no header row with ${i.expected} was found.`,
  columnMissing: (i) => `The ${i.fileKind} file has no "${i.column}" column: is it the right file?`,
  noDataRows: (i) =>
    `The ${i.fileKind} file stops after its header (row ${count(i.headerRowNumber)}): it has no data rows. ${GET_IT_AGAIN}`,
  fileCutMidLine: (i) =>
    `The ${i.fileKind} file is cut short: its last line (row ${count(i.rowNumber)}) stops in the middle, after ${count(i.completeRows)} complete ${i.completeRows === 1 ? "row" : "rows"} below the header; a complete file ends with a whole line. ${GET_IT_AGAIN}`,
  lastRowShort: (i) =>
    `The ${i.fileKind} file is cut short: its last row (row ${count(i.rowNumber)}) has ${i.cells} of the ${i.expectedCells} columns, after ${count(i.rowsRead)} data rows. ${GET_IT_AGAIN}`,
  codeListUnfinished: (i) =>
    `The ${i.fileKind} file is cut short: it stops at row ${count(i.rowNumber)} (code ${i.lastCode}) after ${count(i.rowsRead)} data rows, but CMS lists the codes in order and a complete file runs on to ${CODE_LIST_ENDS[i.expectedEnd]}. ${GET_IT_AGAIN}`,
  footnoteMissing: (i) =>
    `The ${i.fileKind} file is cut short: it stops at row ${count(i.rowNumber)} after ${count(i.rowsRead)} localities, and the footnote for "${i.mark}" (row ${count(i.markedRowNumber)}, ${i.markedText}) that CMS prints under the table is missing. ${GET_IT_AGAIN}`,
  quoteNeverClosed: (i) =>
    `Row ${count(i.rowNumber)} of the ${i.fileKind} file opens a quoted cell that is never closed: the ${count(i.lineBreaks)} lines after it were read as one cell. Nothing was imported: check the quotes in the file.`,
  quoteSwallowedLines: (i) =>
    `Row ${count(i.rowNumber)} opens a quoted cell that runs over ${count(i.lineBreaks)} line breaks: the lines after it were read into one cell and are left out. Check the quotes in the file.`,
  valueInvalid: (i) => `Row ${i.rowNumber}, column ${i.column}: "${i.value}" is not valid; expected ${i.expected}.`,
  valueRejected: (i) => `Row ${i.rowNumber}, column ${i.column}: ${issueMessage(i.issue)}`,
  controlCharacter: (i) =>
    `Row ${i.rowNumber}, column ${i.column}: "${i.shown}" holds a control character (${i.codePoint}), a sign of a damaged file; the row is left out.`,
  formulaText: (i) =>
    `Row ${i.rowNumber}, column ${i.column}: "${i.value}" looks like a formula; it is kept as text and will not be calculated.`,
  rowDuplicated: (i) => `Row ${i.rowNumber} repeats ${i.key} of row ${i.firstRowNumber}; the first one is kept.`,
  localityConflict: (i) =>
    `Rows ${i.firstRowNumber} and ${i.rowNumber} both list locality ${i.key} with different values (${i.firstValues} and ${i.values}): neither is imported. Delete the wrong row.`,
};

/** The message of an import issue. */
export const importIssueMessage: (issue: ImportIssue) => string = catalogue(IMPORT_ISSUE_MESSAGES);
