/**
 * What the uplift model builder is asked to build (ARCHITECTURE.md s.4 `UPLIFT_SCENARIO`, issue 5 item 2), its
 * defaults, and the expected failures of a build with the one message a finance user reads for each.
 */
import { catalogue } from "../../engine";
import type { UpliftCodeKind, UpliftRankBasis } from "../../engine";
import { describeClaimsMappingIssue, type ClaimsMapping, type ClaimsMappingIssue } from "../claims/claimsMapping";
import { describeOperationIssue, type OperationIssue } from "../core/operation";
import { BENCHMARKS_TABLE } from "../benchmarks/benchmarkColumns";
import { registryIssueMessage, type RegistryIssue } from "../registry";

/** Codes named in a message: the first ten, then how many more. */
export function codeList(codes: readonly string[]): string {
  const shown = codes.slice(0, 10).join(", ");
  return codes.length > 10 ? `${shown} and ${codes.length - 10} more` : shown;
}

/** The kinds of scenario a model compares, each declared once below and dispatched exhaustively by `kind`. */
export const UPLIFT_SCENARIO_KINDS = ["percent", "toMarket"] as const;
/** One of {@link UPLIFT_SCENARIO_KINDS}. */
export type UpliftScenarioKind = (typeof UPLIFT_SCENARIO_KINDS)[number];

/** What every scenario has: its name and which codes it offers an uplift to. */
interface ScenarioScope {
  /** Shown in the comparison block and the chart ("5% on top 20"). */
  readonly name: string;
  /** How many top-ranked codes get the uplift; null for all codes. */
  readonly topN: number | null;
  readonly rankBy: UpliftRankBasis;
}

/** An uplift percentage on the top N codes (null: all codes), with per-code overrides. */
export interface PercentUpliftScenario extends ScenarioScope {
  readonly kind: "percent";
  /** A fraction: 0.05 for 5%. */
  readonly upliftFraction: number;
  /** Codes that get another fraction than `upliftFraction` when they rank in the top N. */
  readonly overrides: readonly { readonly hcpcsCode: string; readonly upliftFraction: number }[];
}

/** The care settings a market scenario can keep (rates published for "both" count for either). */
export const MARKET_SETTING_FILTERS = ["inpatient", "outpatient"] as const;
/** The billing classes a market scenario can keep (rates for "both" or for no class count for either). */
export const MARKET_BILLING_CLASS_FILTERS = ["professional", "institutional"] as const;

/**
 * Each top-N code to a percentile of its market rates: the Benchmarks table's dollar rates for the code, filtered as
 * PAYER.MARKET_RATE filters them (null filters keep every rate), so that the two agree to the cent.
 */
export interface MarketUpliftScenario extends ScenarioScope {
  readonly kind: "toMarket";
  /** A whole or decimal percent from 0 to 100: 50 for the median (p50), 75 for p75. */
  readonly percentile: number;
  /** Only this payer's rates (any case); null for every payer. */
  readonly payer: string | null;
  readonly setting: (typeof MARKET_SETTING_FILTERS)[number] | null;
  readonly billingClass: (typeof MARKET_BILLING_CLASS_FILTERS)[number] | null;
}

/** One scenario of the model, of one of the {@link UPLIFT_SCENARIO_KINDS}. */
export type UpliftModelScenario = PercentUpliftScenario | MarketUpliftScenario;

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
  /**
   * What the model ranks and uplifts (default HCPCS): on a hospital table, MS-DRG over its inpatient stays, or HCPCS
   * or revenue code over its outpatient lines (readClaimLines.ts).
   */
  readonly codeKind?: UpliftCodeKind;
  /** The model sheet's name; the per-line sheet is named after it. */
  readonly sheetName: string;
}

/** The sheet the builder writes unless the user names another. */
export const DEFAULT_MODEL_SHEET_NAME = "Uplift Model";

/** The two scenarios every negotiation starts with: "5% on our top 20 codes against 3% across the board". */
export const DEFAULT_SCENARIOS: readonly PercentUpliftScenario[] = [
  { kind: "percent", name: "5% on top 20", upliftFraction: 0.05, topN: 20, rankBy: "revenue", overrides: [] },
  { kind: "percent", name: "3% across the board", upliftFraction: 0.03, topN: null, rankBy: "revenue", overrides: [] },
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
  | { readonly code: "noBenchmarksTable"; readonly scenario: string }
  | { readonly code: "benchmarksUnreadable"; readonly scenario: string; readonly issue: RegistryIssue }
  | {
      readonly code: "noMarketRate";
      readonly scenario: string;
      readonly percentile: string;
      readonly codes: readonly string[];
    }
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
  noBenchmarksTable: (issue) =>
    `Scenario "${issue.scenario}" takes its target rates from the ${BENCHMARKS_TABLE} table, and this workbook has none: read price-transparency files in the Benchmarks tab and write the table first. Nothing was written.`,
  benchmarksUnreadable: (issue) =>
    `Scenario "${issue.scenario}" cannot read the ${BENCHMARKS_TABLE} table: ${registryIssueMessage(issue.issue)} Nothing was written.`,
  noMarketRate: (issue) => {
    const codes = issue.codes.length === 1 ? `its only top code, ${issue.codes[0]}, has no` : `none of its ${issue.codes.length} top codes (${codeList(issue.codes)}) has a`; // prettier-ignore
    return `Scenario "${issue.scenario}": ${codes} dollar rate in the ${BENCHMARKS_TABLE} table that passes its filters, so there is no ${issue.percentile} target to model. Nothing was written.`;
  },
  sheetNameInvalid: (issue) => `"${issue.sheetName}" cannot be the model's sheet name: ${issue.reason}.`,
  sheetTaken: (issue) =>
    `A sheet named "${issue.sheetName}" already exists and is not an uplift model built here; choose another sheet name.`,
  cancelled: (issue) => describeOperationIssue(issue),
  excelRefused: (issue) => describeOperationIssue(issue),
});
