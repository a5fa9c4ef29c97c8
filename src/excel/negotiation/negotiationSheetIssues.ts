/**
 * What the Negotiation sheet builder is asked (issue 17 item 1), its defaults, and its expected failures with the one
 * message a finance user reads for each. Every failure before the commit leaves the workbook as it was, and the
 * messages say so only where the operation runner has checked it (OperationIssue) or nothing was written yet.
 */
import { catalogue, describeZopaIssue, type NegotiationInputs, type ZopaIssue } from "../../engine";
import { BENCHMARKS_TABLE } from "../benchmarks/benchmarkColumns";
import { describeClaimsMappingIssue, type ClaimsMapping, type ClaimsMappingIssue } from "../claims/claimsMapping";
import { describeOperationIssue, type OperationIssue } from "../core/operation";
import { DEFAULT_FLOOR, DEFAULT_TARGET } from "../upliftModel/modelRequest";

/** Everything `buildNegotiationSheet` needs. */
export interface NegotiationSheetRequest {
  /** A contract of PayerContracts. */
  readonly contractName: string;
  readonly tableName: string;
  readonly mapping: ClaimsMapping;
  readonly inputs: NegotiationInputs;
  /** The user confirmed that the contract's earlier Negotiation sheet may be replaced. */
  readonly replace: boolean;
}

/**
 * The inputs the form starts from: the uplift model's floor (2%) and target (4%), an opening offer of 7%, an
 * alternative amount of 70% of the contract amount for half the volume kept, and the payer's maximum from the market.
 * Assumptions to replace with the organisation's own, as the form says.
 */
export const DEFAULT_NEGOTIATION_INPUTS: NegotiationInputs = {
  alternativeFraction: 0.7,
  keptShare: 0.5,
  floor: DEFAULT_FLOOR.value,
  target: DEFAULT_TARGET.value,
  opening: 0.07,
  payerMax: null,
};

/** Why the sheet was not built, as values. Rows are the claims table's data rows, 1-based. */
export type NegotiationSheetIssue =
  | ZopaIssue
  | { readonly code: "contractNotFound"; readonly contractName: string }
  | { readonly code: "noClaimsTable"; readonly tableName: string }
  | { readonly code: "mapping"; readonly issue: ClaimsMappingIssue }
  | {
      readonly code: "cellInvalid";
      readonly tableName: string;
      readonly row: number;
      readonly column: string;
      readonly value: string;
      readonly expected: string;
    }
  | { readonly code: "noClaims"; readonly contractName: string; readonly tableName: string; readonly column: string }
  | { readonly code: "noBenchmarksTable" }
  | { readonly code: "benchmarksUnreadable"; readonly column: string }
  | { readonly code: "sheetTaken"; readonly sheetName: string }
  | { readonly code: "sheetOfAnotherContract"; readonly sheetName: string; readonly contractName: string }
  | { readonly code: "replaceNotConfirmed"; readonly sheetName: string }
  | OperationIssue;

const NOTHING = "Nothing was written.";

/** The message a finance user reads for an issue. */
export const describeNegotiationSheetIssue: (issue: NegotiationSheetIssue) => string = catalogue<NegotiationSheetIssue>(
  {
    // prettier-ignore
    inputNotANumber: (i) => `${describeZopaIssue(i)} ${NOTHING}`,
    inputNegative: (i) => `${describeZopaIssue(i)} ${NOTHING}`,
    inputTooPrecise: (i) => `${describeZopaIssue(i)} ${NOTHING}`,
    keptShareAboveAll: (i) => `${describeZopaIssue(i)} ${NOTHING}`,
    floorAboveTarget: (i) => `${describeZopaIssue(i)} ${NOTHING}`,
    openingBelowTarget: (i) => `${describeZopaIssue(i)} ${NOTHING}`,
    noRevenue: (i) => `${describeZopaIssue(i)} ${NOTHING}`,
    noMarketRate: (i) => `${describeZopaIssue(i)} ${NOTHING}`,
    contractNotFound: (i) => `PayerContracts has no contract named "${i.contractName}": reload the tab and choose one of its contracts. ${NOTHING}`, // prettier-ignore
    noClaimsTable: (i) => `This workbook has no table named "${i.tableName}": choose the claims table from the list. ${NOTHING}`, // prettier-ignore
    mapping: (i) => `${describeClaimsMappingIssue(i.issue)} ${NOTHING}`,
    cellInvalid: (i) =>
      `Table ${i.tableName}, row ${i.row.toLocaleString("en-US")}, column "${i.column}": "${i.value}" is not valid; expected ${i.expected}. ${NOTHING}`,
    noClaims: (i) =>
      `Table ${i.tableName} has no claim line whose ${i.column} is "${i.contractName}": choose the table of this contract's claims, or check the contract column of the mapping. ${NOTHING}`,
    noBenchmarksTable: () =>
      `The workbook has no ${BENCHMARKS_TABLE} table to take the payer's likely maximum from: enter it as a percentage, or write the ${BENCHMARKS_TABLE} table in the Benchmarks tab first. ${NOTHING}`,
    benchmarksUnreadable: (i) =>
      `Table ${BENCHMARKS_TABLE} has no column "${i.column}": write it again from the Benchmarks tab, or enter the payer's likely maximum as a percentage. ${NOTHING}`,
    sheetTaken: (i) =>
      `A sheet named "${i.sheetName}" already exists and was not built here as a Negotiation sheet: rename or move it, then build again. ${NOTHING}`,
    sheetOfAnotherContract: (i) =>
      `The sheet "${i.sheetName}" is the Negotiation sheet of contract "${i.contractName}" (the names share their first characters): rename that sheet, then build again. ${NOTHING}`,
    replaceNotConfirmed: (i) =>
      `The sheet "${i.sheetName}" already exists: confirm that it may be replaced. ${NOTHING}`,
    cancelled: (i) => describeOperationIssue(i),
    excelRefused: (i) => describeOperationIssue(i),
  },
);
