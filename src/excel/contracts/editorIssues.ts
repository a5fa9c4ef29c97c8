/**
 * Why the contract editor did not save or delete a row, as values (STYLE.md "two error channels"), and the one
 * message a finance user reads for each. Registry problems keep the registry reader's own words, so the editor and
 * the sheet say the same thing about the same row.
 */
import { catalogue, type Messages } from "../../engine";
import { describeOperationIssue, type OperationIssue } from "../core/operation";
import { describeTableWriteIssue } from "../core/tableWriteIssues";
import { registryIssueMessage } from "../registry/issues";
import type { RowWriteIssue } from "./registryRowWriter";

/** Why a save or delete did not happen. */
export type EditorIssue =
  { readonly code: "formInvalid"; readonly errors: Readonly<Record<string, string>> } | RowWriteIssue | OperationIssue;

const MESSAGES: Messages<EditorIssue> = {
  formInvalid: (i) => `Fix the highlighted fields first: ${Object.values(i.errors).join(" ")}`,
  rowChanged: (i) =>
    `Row ${i.rowNumber} of ${i.table} (sheet ${i.sheet}) changed in the sheet since it was loaded; reload to see the change, then edit again.`,
  tableMissing: (i) => `The workbook no longer has a ${i.table} table; reload.`,
  columnMissing: (i) => `Table ${i.table} (sheet ${i.sheet}) has no "${i.column}" column; add it, then save again.`,
  tableNotCreated: (i) => `Could not create the ${i.table} table: ${describeTableWriteIssue(i.issue)}`,
  registryRejects: (i) =>
    `Nothing was saved: with this row (row ${i.rowNumber} of ${i.table}, sheet ${i.sheet}) the contract registry would report: ` +
    i.problems.map(registryIssueMessage).join(" "),
  cancelled: (issue) => describeOperationIssue(issue),
  excelRefused: (issue) => describeOperationIssue(issue),
};

/** The message of an editor issue. */
export const editorIssueMessage: (issue: EditorIssue) => string = catalogue(MESSAGES);
