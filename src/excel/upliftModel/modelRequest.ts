/**
 * What the uplift model builder is asked to build (ARCHITECTURE.md s.4 `UPLIFT_SCENARIO`, issue 5 item 2), its
 * defaults, and the expected failures of a build with the one message a finance user reads for each.
 */
import { catalogue } from "../../engine";
import type { UpliftRankBasis } from "../../engine";
import { describeClaimsMappingIssue, type ClaimsMapping, type ClaimsMappingIssue } from "../claims/claimsMapping";
import { describeOperationIssue, type OperationIssue } from "../core/operation";

/** One scenario: an uplift on the top N codes (null: all codes), with per-code overrides. */
export interface UpliftModelScenario {
  /** Shown in the comparison block and the chart ("5% on top 20"). */
  readonly name: string;
  /** A fraction: 0.05 for 5%. */
  readonly upliftFraction: number;
  /** How many top-ranked codes get the uplift; null for all codes. */
  readonly topN: number | null;
  readonly rankBy: UpliftRankBasis;
  /** Codes that get another fraction than `upliftFraction` when they rank in the top N. */
  readonly overrides: readonly { readonly hcpcsCode: string; readonly upliftFraction: number }[];
}

/** The walk-away floor or the target: added revenue in dollars, or a fraction of the current revenue. */
export interface UpliftThreshold {
  readonly kind: "dollars" | "percent";
  /** Dollars, or a fraction (0.02 for 2%). */
  readonly value: number;
}

/** Which claim lines the model covers; null filters let everything through. */
export interface ClaimLineFilters {
  /** Payers to keep (compared case-insensitively); null or empty for all. */
  readonly payers: readonly string[] | null;
  readonly contractNames: readonly string[] | null;
  /** ISO dates, inclusive. */
  readonly serviceDateFrom: string | null;
  readonly serviceDateTo: string | null;
}

/** Everything `buildUpliftModel` needs. */
export interface UpliftModelRequest {
  readonly tableName: string;
  readonly mapping: ClaimsMapping;
  readonly filters: ClaimLineFilters;
  readonly scenarios: readonly UpliftModelScenario[];
  readonly floor: UpliftThreshold;
  readonly target: UpliftThreshold;
  /** Lesser-of: cap each line's new amount at its billed charge (needs `chargeAmount` mapped). */
  readonly capAtBilled: boolean;
  /** The model sheet's name; the per-line sheet is named after it. */
  readonly sheetName: string;
}

/** The sheet the builder writes unless the user names another. */
export const DEFAULT_MODEL_SHEET_NAME = "Uplift Model";

/** The two scenarios every negotiation starts with: "5% on our top 20 codes against 3% across the board". */
export const DEFAULT_SCENARIOS: readonly UpliftModelScenario[] = [
  { name: "5% on top 20", upliftFraction: 0.05, topN: 20, rankBy: "revenue", overrides: [] },
  { name: "3% across the board", upliftFraction: 0.03, topN: null, rankBy: "revenue", overrides: [] },
];

/** Default floor and target: 2% and 4% of current revenue. */
export const DEFAULT_FLOOR: UpliftThreshold = { kind: "percent", value: 0.02 };
export const DEFAULT_TARGET: UpliftThreshold = { kind: "percent", value: 0.04 };

/** No filter. */
export const NO_FILTERS: ClaimLineFilters = {
  payers: null,
  contractNames: null,
  serviceDateFrom: null,
  serviceDateTo: null,
};

/** Why a model was not built, as values. Rows are the table's data rows, 1-based (row 1 is under the header). */
export type UpliftModelIssue =
  | { readonly code: "tableNotFound"; readonly tableName: string }
  | { readonly code: "mapping"; readonly issue: ClaimsMappingIssue }
  | { readonly code: "capNeedsCharge" }
  | { readonly code: "noScenario" }
  | { readonly code: "scenarioInvalid"; readonly scenario: string; readonly reason: string }
  | { readonly code: "thresholdInvalid"; readonly which: "floor" | "target"; readonly reason: string }
  | { readonly code: "dateFilterInvalid"; readonly value: string }
  | {
      readonly code: "cellInvalid";
      readonly tableName: string;
      readonly row: number;
      readonly column: string;
      readonly value: string;
      readonly expected: string;
    }
  | { readonly code: "noLines"; readonly tableName: string; readonly filtered: boolean }
  | { readonly code: "engine"; readonly message: string }
  | { readonly code: "sheetNameInvalid"; readonly sheetName: string; readonly reason: string }
  | { readonly code: "sheetTaken"; readonly sheetName: string }
  | OperationIssue;

/** The message a finance user reads for a build issue. */
export const describeUpliftModelIssue: (issue: UpliftModelIssue) => string = catalogue<UpliftModelIssue>({
  tableNotFound: (issue) =>
    `This workbook has no table named "${issue.tableName}". Pick a claims table from the list (or format your claims as a table: Insert > Table).`,
  mapping: (issue) => describeClaimsMappingIssue(issue.issue),
  capNeedsCharge: () =>
    "Capping at billed charges (lesser-of) needs the billed charge column: map it, or turn capping off.",
  noScenario: () => "Add at least one scenario to model.",
  scenarioInvalid: (issue) => `Scenario "${issue.scenario}": ${issue.reason}.`,
  thresholdInvalid: (issue) => `The ${issue.which === "floor" ? "walk-away floor" : "target"} ${issue.reason}.`,
  dateFilterInvalid: (issue) => `"${issue.value}" is not a date; give dates like 2025-01-31.`,
  cellInvalid: (issue) =>
    `Table ${issue.tableName}, row ${issue.row.toLocaleString("en-US")}, column "${issue.column}": "${issue.value}" is not valid; expected ${issue.expected}.`,
  noLines: (issue) =>
    issue.filtered
      ? `No line of table ${issue.tableName} matches the filters; widen the payer, contract or date filters.`
      : `Table ${issue.tableName} has no claim lines to model.`,
  engine: (issue) => issue.message,
  sheetNameInvalid: (issue) => `"${issue.sheetName}" cannot be the model's sheet name: ${issue.reason}.`,
  sheetTaken: (issue) =>
    `A sheet named "${issue.sheetName}" already exists and is not an uplift model built here; choose another sheet name.`,
  cancelled: (issue) => describeOperationIssue(issue),
  excelRefused: (issue) => describeOperationIssue(issue),
});
