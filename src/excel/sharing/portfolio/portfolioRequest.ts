/**
 * What the contract portfolio summary (issue 7 item 1) is asked to build, and the expected failures of a build with
 * the one message a finance user reads for each.
 */
import { catalogue } from "../../../engine";
import { describeOperationIssue, type OperationIssue } from "../../core/operation";
import { describeClaimsMappingIssue, type ClaimsMapping, type ClaimsMappingIssue } from "../../claims/claimsMapping";
import { describeUpliftModelIssue, type UpliftModelIssue, type PercentUpliftScenario } from "../../upliftModel";

/** Everything `buildPortfolioSummary` needs. */
export interface PortfolioRequest {
  /** The claims table the revenue, denials and underpayments come from. */
  readonly tableName: string;
  /** Its confirmed column mapping; the contract column is required (one row per contract). */
  readonly mapping: ClaimsMapping;
  /** The uplift scenario whose added revenue the summary shows per contract. */
  readonly scenario: PercentUpliftScenario;
  /** Lesser-of in the uplift: cap each line's new amount at its billed charge (needs the charge mapped). */
  readonly capAtBilled: boolean;
  readonly sheetName: string;
}

/** The sheet the builder writes unless the user names another. */
export const DEFAULT_PORTFOLIO_SHEET_NAME = "Portfolio Summary";

/** Why a summary was not built, as values. */
export type PortfolioIssue =
  | { readonly code: "noContracts" }
  | { readonly code: "contractColumnUnmapped"; readonly tableName: string }
  | { readonly code: "mapping"; readonly issue: ClaimsMappingIssue }
  | { readonly code: "denials"; readonly contractName: string; readonly message: string }
  | { readonly code: "variance"; readonly message: string }
  | { readonly code: "model"; readonly issue: UpliftModelIssue }
  | { readonly code: "sheetNameInvalid"; readonly sheetName: string; readonly reason: string }
  | { readonly code: "sheetTaken"; readonly sheetName: string }
  | OperationIssue;

/** The message a finance user reads for a portfolio issue. */
export const describePortfolioIssue: (issue: PortfolioIssue) => string = catalogue<PortfolioIssue>({
  noContracts: () =>
    "The workbook's contract registry (table PayerContracts) has no contract to summarise: add your contracts on the Contracts tab first.",
  contractColumnUnmapped: (issue) =>
    `Table ${issue.tableName}: choose the column that holds the contract name; the summary has one row per contract.`,
  mapping: (issue) => describeClaimsMappingIssue(issue.issue),
  denials: (issue) => `Denial rate of ${issue.contractName}: ${issue.message}`,
  variance: (issue) => `Recoverable underpayments: ${issue.message}`,
  model: (issue) => describeUpliftModelIssue(issue.issue),
  sheetNameInvalid: (issue) => `"${issue.sheetName}" cannot be the summary's sheet name: ${issue.reason}.`,
  sheetTaken: (issue) =>
    `A sheet named "${issue.sheetName}" already exists and is not a portfolio summary built here; choose another sheet name.`,
  cancelled: (issue) => describeOperationIssue(issue),
  excelRefused: (issue) => describeOperationIssue(issue),
});
