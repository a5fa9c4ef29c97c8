/**
 * What stops the command-line tool, as values (STYLE.md "two error channels"): each says what is wrong, where (file,
 * line or row, column, sheet and cell) and what was expected, and whether it is the user's input (exit code 2) or a
 * bug (exit code 1, thrown, never one of these).
 */
import { catalogue } from "../engine";

/** The files the tool reads, in the words of its messages. */
export type InputRole = "workbook" | "claims";

/** Where a claims value was found: "line 7" of a CSV file (the header is line 1), "row 7" of a Parquet file. */
export interface ClaimsPlace {
  readonly file: string;
  readonly position: string;
  readonly column: string;
}

export type CliIssue =
  | { readonly code: "usage"; readonly detail: string }
  | { readonly code: "fileMissing"; readonly role: InputRole; readonly file: string }
  | { readonly code: "fileType"; readonly role: InputRole | "output" | "summary"; readonly file: string; readonly expected: string } // prettier-ignore
  | { readonly code: "workbookUnreadable"; readonly file: string; readonly detail: string }
  | { readonly code: "workbookWithoutContracts"; readonly file: string; readonly tables: readonly string[] }
  | { readonly code: "formulaNotCalculated"; readonly file: string; readonly sheet: string; readonly cell: string }
  | { readonly code: "claimsUnreadable"; readonly file: string; readonly detail: string }
  | { readonly code: "claimsColumnMissing"; readonly file: string; readonly label: string; readonly header: string; readonly headers: readonly string[] } // prettier-ignore
  | { readonly code: "claimsValue"; readonly place: ClaimsPlace; readonly value: string; readonly expected: string }
  | { readonly code: "contractUnknown"; readonly place: ClaimsPlace; readonly value: string; readonly known: readonly string[] } // prettier-ignore
  | { readonly code: "outputUnwritable"; readonly file: string; readonly detail: string };

const quoted = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(", ");
const at = (place: ClaimsPlace): string => `${place.file} ${place.position}, column "${place.column}"`;

/** The message a user reads on stderr for each issue. */
export const cliIssueMessage: (issue: CliIssue) => string = catalogue<CliIssue>({
  usage: (issue) => `${issue.detail} (payer-contracts --help shows the options).`,
  fileMissing: (issue) => `The ${issue.role} file ${issue.file} does not exist.`,
  fileType: (issue) => `The ${issue.role} file ${issue.file} must be ${issue.expected}.`,
  workbookUnreadable: (issue) => `The workbook ${issue.file} cannot be read as an .xlsx file: ${issue.detail}.`,
  workbookWithoutContracts: (issue) =>
    `The workbook ${issue.file} has no PayerContracts table (its tables: ${issue.tables.length === 0 ? "none" : quoted(issue.tables)}); save the workbook that holds your contract registry.`,
  formulaNotCalculated: (issue) =>
    `The workbook ${issue.file}, sheet "${issue.sheet}" cell ${issue.cell}, holds a formula without a calculated value; open the workbook in Excel and save it again.`,
  claimsUnreadable: (issue) => `The claims file ${issue.file} cannot be read: ${issue.detail}.`,
  claimsColumnMissing: (issue) =>
    `The claims file ${issue.file} has no column for the ${issue.label.toLowerCase()} (expected a header like "${issue.header}"; its headers: ${quoted(issue.headers)}).`,
  claimsValue: (issue) => `${at(issue.place)}: "${issue.value}" is not ${issue.expected}.`,
  contractUnknown: (issue) =>
    `${at(issue.place)}: no contract "${issue.value}" in the workbook's PayerContracts table (its contracts: ${quoted(issue.known)}).`,
  outputUnwritable: (issue) => `The output file ${issue.file} cannot be written: ${issue.detail}.`,
});

/** Exit codes: 0 done, 1 a bug (an exception), 2 bad input (every {@link CliIssue}). */
export const EXIT_CODES = { done: 0, internalError: 1, badInput: 2 } as const;
