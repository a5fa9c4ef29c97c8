/**
 * Why a hospital schedule import (MS-DRG weights, OPPS Addendum B, a wage index) did not happen, as values (STYLE.md
 * "two error channels"): the table write's own issues, what the workbook's registered tables must be for the import to
 * replace a year's or a quarter's rows in them, and the runner's. One catalogue holds the messages.
 */
import { catalogue, type Messages } from "../../engine";
import { describeOperationIssue, type OperationIssue } from "../core/operation";
import { describeTableWriteIssue, type TableWriteIssue } from "../core/tableWriteIssues";

/** Why a hospital schedule import or a wage index write did not happen, discriminated by `code`. */
export type HospitalImportIssue =
  | { readonly code: "tableWrite"; readonly issue: TableWriteIssue }
  /** The file gave no row to write (every row was left out). */
  | { readonly code: "noRows"; readonly what: string }
  /** The registered table lacks columns the registry reads: its rows could not be carried over. */
  | { readonly code: "columnsMissing"; readonly table: string; readonly sheetName: string; readonly missing: readonly string[] } // prettier-ignore
  /** The table has columns the add-in does not declare: rebuilding it would drop them. */
  | { readonly code: "columnsUnknown"; readonly table: string; readonly sheetName: string; readonly columns: readonly string[] } // prettier-ignore
  /** The table's sheet holds cells outside the table: the import replaces the sheet, so they would be lost. */
  | { readonly code: "sheetShared"; readonly table: string; readonly sheetName: string }
  /** A row the import would carry over has a cell the registry cannot read. */
  | {
      readonly code: "rowUnreadable";
      readonly table: string;
      readonly sheetName: string;
      readonly rowNumber: number;
      readonly column: string;
      readonly value: string;
      readonly expected: string;
    }
  /** The wage index given is not one (the registry reads above 0 and at most 5). */
  | { readonly code: "wageIndexInvalid"; readonly value: string }
  /** No terms row was chosen to receive the wage index. */
  | { readonly code: "noTermsRows"; readonly table: string }
  /** The workbook has no such terms table (it was deleted or renamed after the pane listed it). */
  | { readonly code: "termsTableMissing"; readonly table: string }
  /** The terms table has no Wage Index column to write into. */
  | { readonly code: "wageIndexColumnMissing"; readonly table: string; readonly sheetName: string }
  /** A chosen row changed (or moved) since the pane listed it: writing would land on another contract's row. */
  | { readonly code: "termsRowChanged"; readonly table: string; readonly sheetName: string; readonly rowNumber: number } // prettier-ignore
  | OperationIssue;

const quotedList = (names: readonly string[]) => names.map((name) => `"${name}"`).join(", ");

const MESSAGES: Messages<HospitalImportIssue> = {
  tableWrite: (i) => describeTableWriteIssue(i.issue),
  noRows: (i) => `Nothing to write for ${i.what}: the file gave no row that can be imported. Nothing was written.`,
  columnsMissing: (i) =>
    `The ${i.table} table on sheet "${i.sheetName}" has no ${quotedList(i.missing)} column, so its rows cannot be carried over. Nothing was imported: add ${i.missing.length === 1 ? "the column" : "the columns"} or delete the table.`,
  columnsUnknown: (i) =>
    `The ${i.table} table on sheet "${i.sheetName}" has columns the import does not write (${quotedList(i.columns)}); the import rebuilds the table and would drop them. Nothing was imported: move those columns out of the table first.`,
  sheetShared: (i) =>
    `Sheet "${i.sheetName}" holds cells outside the ${i.table} table; the import replaces that sheet with the rebuilt table and would lose them. Nothing was imported: move the table or those cells to a sheet of their own first.`,
  rowUnreadable: (i) =>
    `Row ${i.rowNumber} of ${i.table} (sheet "${i.sheetName}"), column "${i.column}": "${i.value}" cannot be read; expected ${i.expected}. The import carries the table's other rows over and cannot carry this one: correct or delete it, then import again. Nothing was imported.`,
  wageIndexInvalid: (i) => `"${i.value}" is not a wage index: enter a number above 0 and at most 5, like 0.8732.`,
  noTermsRows: (i) => `No ${i.table} row was chosen: choose the contract rows that get the wage index.`,
  termsTableMissing: (i) =>
    `The workbook has no ${i.table} table (it was renamed or deleted after the list was shown). Nothing was written.`,
  wageIndexColumnMissing: (i) =>
    `The ${i.table} table on sheet "${i.sheetName}" has no "Wage Index" column: add it, then write the wage index again. Nothing was written.`,
  termsRowChanged: (i) =>
    `Row ${i.rowNumber} of ${i.table} (sheet "${i.sheetName}") changed after the list was shown. Nothing was written: refresh the list and choose the rows again.`,
  cancelled: (issue) => describeOperationIssue(issue),
  excelRefused: (issue) => describeOperationIssue(issue),
};

/** The message a finance user reads for a hospital import issue. */
export const describeHospitalImportIssue: (issue: HospitalImportIssue) => string = catalogue(MESSAGES);
