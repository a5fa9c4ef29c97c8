import { catalogue } from "../../engine";
import { describeOperationIssue, type OperationIssue } from "../core/operation";
import { describeClaimsMappingIssue, type ClaimsMappingIssue } from "../claims/claimsMapping";

/** Expected failures of a variance review, as values; {@link describeVarianceReviewIssue} words them. */
export type VarianceReviewIssue =
  | { readonly code: "tableNotFound"; readonly tableName: string }
  | { readonly code: "mapping"; readonly issue: ClaimsMappingIssue }
  | { readonly code: "allowedNotMapped"; readonly tableName: string }
  | {
      readonly code: "cellInvalid";
      readonly tableName: string;
      readonly row: number;
      readonly column: string;
      readonly value: string;
      readonly expected: string;
    }
  | { readonly code: "toleranceInvalid"; readonly detail: string }
  | { readonly code: "noLines"; readonly tableName: string }
  | { readonly code: "columnTaken"; readonly tableName: string; readonly column: string }
  | { readonly code: "confirmReplace"; readonly tableName: string; readonly columns: readonly string[] }
  | { readonly code: "sheetTaken"; readonly sheetName: string }
  | OperationIssue;

/** The message a finance user reads for a review issue. */
export const describeVarianceReviewIssue: (issue: VarianceReviewIssue) => string = catalogue<VarianceReviewIssue>({
  tableNotFound: (issue) =>
    `There is no table named ${issue.tableName} in this workbook any more: pick the table again.`,
  mapping: (issue) => describeClaimsMappingIssue(issue.issue),
  allowedNotMapped: (issue) =>
    `Table ${issue.tableName}: choose the column that holds the allowed amount, or the paid amount (and patient responsibility).`,
  cellInvalid: (issue) =>
    `Table ${issue.tableName}, row ${issue.row}, column "${issue.column}": "${issue.value}" is not ${issue.expected}.`,
  toleranceInvalid: (issue) => `Tolerance: ${issue.detail}`,
  noLines: (issue) => `Table ${issue.tableName} has no claim lines to review.`,
  columnTaken: (issue) =>
    `Table ${issue.tableName} already has a column "${issue.column}" that the add-in did not write: rename it, then run the review again.`,
  confirmReplace: (issue) =>
    `Table ${issue.tableName} has the columns of an earlier review (${issue.columns.join(", ")}): confirm to replace them.`,
  sheetTaken: (issue) =>
    `A sheet named "${issue.sheetName}" already exists and was not written by the variance review: rename it, then run the review again.`,
  cancelled: (issue) => describeOperationIssue(issue),
  excelRefused: (issue) => describeOperationIssue(issue),
});
