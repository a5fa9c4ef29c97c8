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
export function describeVarianceReviewIssue(issue: VarianceReviewIssue): string {
  switch (issue.code) {
    case "tableNotFound":
      return `There is no table named ${issue.tableName} in this workbook any more: pick the table again.`;
    case "mapping":
      return describeClaimsMappingIssue(issue.issue);
    case "allowedNotMapped":
      return `Table ${issue.tableName}: choose the column that holds the allowed amount, or the paid amount (and patient responsibility).`;
    case "cellInvalid":
      return `Table ${issue.tableName}, row ${issue.row}, column "${issue.column}": "${issue.value}" is not ${issue.expected}.`;
    case "toleranceInvalid":
      return `Tolerance: ${issue.detail}`;
    case "noLines":
      return `Table ${issue.tableName} has no claim lines to review.`;
    case "columnTaken":
      return `Table ${issue.tableName} already has a column "${issue.column}" that the add-in did not write: rename it, then run the review again.`;
    case "confirmReplace":
      return `Table ${issue.tableName} has the columns of an earlier review (${issue.columns.join(", ")}): confirm to replace them.`;
    case "sheetTaken":
      return `A sheet named "${issue.sheetName}" already exists and was not written by the variance review: rename it, then run the review again.`;
    case "cancelled":
    case "excelRefused":
      return describeOperationIssue(issue);
  }
}
