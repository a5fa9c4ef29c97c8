import { issueMessage, type EngineIssue } from "../../engine";

/**
 * Problems found while importing a CMS file. File-level issues refuse the file; row-level issues name the 1-based
 * row number of the file (as a spreadsheet shows it) so that no bad row is dropped silently.
 */
export type ImportIssue =
  | { readonly code: "fileEmpty"; readonly fileKind: string }
  | { readonly code: "headerNotFound"; readonly fileKind: string; readonly expected: string }
  | { readonly code: "columnMissing"; readonly fileKind: string; readonly column: string }
  | {
      readonly code: "valueInvalid";
      readonly rowNumber: number;
      readonly column: string;
      readonly value: string;
      readonly expected: string;
    }
  | { readonly code: "valueRejected"; readonly rowNumber: number; readonly column: string; readonly issue: EngineIssue }
  | {
      readonly code: "rowDuplicated";
      readonly rowNumber: number;
      readonly firstRowNumber: number;
      readonly key: string;
    };

type Catalogue = { readonly [K in ImportIssue["code"]]: (issue: Extract<ImportIssue, { code: K }>) => string };

/** The message of each import issue, for the task pane's problems list. */
export const IMPORT_ISSUE_MESSAGES: Catalogue = {
  fileEmpty: (i) => `The ${i.fileKind} file is empty.`,
  headerNotFound: (i) => `This is not a ${i.fileKind} file: no header row with ${i.expected} was found.`,
  columnMissing: (i) => `The ${i.fileKind} file has no "${i.column}" column: is it the right file?`,
  valueInvalid: (i) => `Row ${i.rowNumber}, column ${i.column}: "${i.value}" is not valid; expected ${i.expected}.`,
  valueRejected: (i) => `Row ${i.rowNumber}, column ${i.column}: ${issueMessage(i.issue)}`,
  rowDuplicated: (i) => `Row ${i.rowNumber} repeats ${i.key} of row ${i.firstRowNumber}; the first one is kept.`,
};

/** The message of an import issue. */
export function importIssueMessage(issue: ImportIssue): string {
  return (IMPORT_ISSUE_MESSAGES[issue.code] as (i: ImportIssue) => string)(issue);
}
