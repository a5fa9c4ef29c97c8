/**
 * What the Contract Performance sheet (issue 15 item 3) is asked to build, and the expected failures of a build with
 * the one message a finance user reads for each.
 */
import { catalogue, describeProposalIssue, type ProposalIssue } from "../../engine";
import { PROPOSALS_SPEC } from "../negotiation/proposalTable";
import type { ClaimsMapping } from "../claims/claimsMapping";
import { describeOperationIssue, type OperationIssue } from "../core/operation";

/** Everything `buildPerformanceSheet` needs. */
export interface PerformanceRequest {
  /** The claims (or remittance) table, after a variance review added its columns. */
  readonly tableName: string;
  /** Its confirmed column mapping: the contract (else payer), submitted and paid date columns are required. */
  readonly mapping: ClaimsMapping;
  readonly sheetName: string;
}

/** The sheet the builder writes unless the user names another. */
export const DEFAULT_PERFORMANCE_SHEET_NAME = "Contract Performance";

/** A column the sheet needs from the table. */
export type PerformanceField = "contract or payer" | "submitted date" | "paid date";

/** Why a sheet was not built, as values. */
export type PerformanceIssue =
  | { readonly code: "tableMissing"; readonly tableName: string }
  | { readonly code: "fieldUnmapped"; readonly tableName: string; readonly field: PerformanceField }
  | { readonly code: "columnMissing"; readonly tableName: string; readonly column: string }
  | { readonly code: "reviewMissing"; readonly tableName: string; readonly columns: readonly string[] }
  | {
      readonly code: "dateNotADate";
      readonly tableName: string;
      readonly column: string;
      readonly row: number;
      readonly value: string;
    }
  | { readonly code: "noRemittanceDates"; readonly tableName: string; readonly column: string }
  | { readonly code: "sheetNameInvalid"; readonly sheetName: string; readonly reason: string }
  | { readonly code: "sheetTaken"; readonly sheetName: string }
  | { readonly code: "proposalsUnreadable"; readonly messages: readonly string[] }
  | { readonly code: "signedProposalInvalid"; readonly proposalName: string; readonly rowNumber: number; readonly issue: ProposalIssue } // prettier-ignore
  | { readonly code: "linesUnpricedBefore"; readonly message: string }
  | OperationIssue;

/** The message a finance user reads for a performance issue. */
export const describePerformanceIssue: (issue: PerformanceIssue) => string = catalogue<PerformanceIssue>({
  tableMissing: (issue) => `The workbook has no table ${issue.tableName}; pick the claims table again.`,
  fieldUnmapped: (issue) =>
    `Table ${issue.tableName}: choose the column that holds the ${issue.field}; the sheet groups lines by contract and month of payment and measures days from submission to payment.`,
  columnMissing: (issue) =>
    `Table ${issue.tableName} has no column "${issue.column}" any more; confirm its columns again.`,
  reviewMissing: (issue) =>
    `Table ${issue.tableName} has no ${issue.columns.join(", ")} column: run the Variance review on it first. The sheet takes each line's expected amount and flag from the review, so both price lines the same way.`,
  dateNotADate: (issue) =>
    `Table ${issue.tableName}, row ${issue.row}, column ${issue.column}: '${issue.value}' is not an Excel date; the sheet's formulas count dates by month and would skip it. Make the column dates (for example with Data > Text to Columns) and build again.`,
  noRemittanceDates: (issue) =>
    `Table ${issue.tableName}: column ${issue.column} is empty, so no line has a month of payment to report.`,
  sheetNameInvalid: (issue) => `"${issue.sheetName}" cannot be the sheet's name: ${issue.reason}.`,
  sheetTaken: (issue) =>
    `A sheet named "${issue.sheetName}" already exists and is not a Contract Performance sheet built here; choose another sheet name.`,
  proposalsUnreadable: (issue) =>
    `${issue.messages.join(" ")} The sheet compares each contract's signed proposal with its actual revenue: correct the row, then build again. Nothing was built.`,
  signedProposalInvalid: (issue) =>
    `Signed proposal "${issue.proposalName}" (row ${issue.rowNumber} of ${PROPOSALS_SPEC.title}): ${describeProposalIssue(issue.issue)} The sheet models revenue with it from its effective date: correct the row, then build again. Nothing was built.`,
  linesUnpricedBefore: (issue) =>
    `${issue.message} The signed rates of a contract are already in PayerContracts, so the sheet prices its lines at the rates before them to model the proposal: correct the table, then build again. Nothing was built.`,
  cancelled: (issue) => describeOperationIssue(issue),
  excelRefused: (issue) => describeOperationIssue(issue),
});
