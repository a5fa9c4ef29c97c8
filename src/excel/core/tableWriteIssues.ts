import { catalogue, type Messages } from "../../engine";
import { describeOperationIssue, type OperationIssue } from "./operation";

/**
 * Why a table write did not happen, as values (STYLE.md "two error channels"): each issue is discriminated by
 * `code`, and {@link describeTableWriteIssue} holds the one message a finance user reads for it.
 */
export type TableWriteIssue =
  | { readonly code: "sheetExists"; readonly sheetName: string }
  | { readonly code: "tableNameTaken"; readonly tableName: string; readonly sheetName: string }
  | { readonly code: "sheetNameInvalid"; readonly sheetName: string; readonly reason: string }
  | { readonly code: "tableNameInvalid"; readonly tableName: string; readonly reason: string }
  | { readonly code: "columnsInvalid"; readonly reason: string }
  | {
      readonly code: "cellInvalid";
      /** 1-based data row (row 1 is the first row under the header). */
      readonly rowNumber: number;
      readonly columnName: string;
      readonly value: string;
      readonly expected: string;
    }
  | { readonly code: "rowTooLarge"; readonly rowNumber: number; readonly bytes: number; readonly limitBytes: number }
  | OperationIssue;

const count = (n: number) => n.toLocaleString("en-US");

// Operation issues are worded when described, not when this table is built: no import order can leave them unset.
const MESSAGES: Messages<TableWriteIssue> = {
  sheetExists: (i) =>
    `A sheet named "${i.sheetName}" already exists. Choose another name, or confirm that it should be replaced.`,
  tableNameTaken: (i) =>
    `A table named "${i.tableName}" already exists on sheet "${i.sheetName}". Table names are unique in a ` +
    `workbook: choose another name.`,
  sheetNameInvalid: (i) => `"${i.sheetName}" cannot be a sheet name: ${i.reason}.`,
  tableNameInvalid: (i) => `"${i.tableName}" cannot be a table name: ${i.reason}.`,
  columnsInvalid: (i) => `The table's columns are not valid: ${i.reason}.`,
  cellInvalid: (i) =>
    `Row ${count(i.rowNumber)}, column "${i.columnName}": "${i.value}" is not valid here; expected ${i.expected}.`,
  rowTooLarge: (i) =>
    `Row ${count(i.rowNumber)} is too large to send to Excel (${count(i.bytes)} bytes; one request holds at most ` +
    `${count(i.limitBytes)}).`,
  cancelled: (issue) => describeOperationIssue(issue),
  excelRefused: (issue) => describeOperationIssue(issue),
};

/** The message a finance user reads for an issue. */
export const describeTableWriteIssue: (issue: TableWriteIssue) => string = catalogue(MESSAGES);
