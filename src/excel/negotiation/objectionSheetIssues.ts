/**
 * What the Objections sheet builder is asked (issue 17 item 4) and its expected failures, with the one message a
 * finance user reads for each. Every failure before the commit leaves the workbook as it was.
 */
import { catalogue } from "../../engine";
import type { ClaimsMapping } from "../claims/claimsMapping";
import { describeOperationIssue, type OperationIssue } from "../core/operation";
import { describeNegotiationSheetIssue, type NegotiationSheetIssue } from "./negotiationSheetIssues";

/** Everything `buildObjectionSheet` needs. */
export interface ObjectionSheetRequest {
  /** A contract of PayerContracts. */
  readonly contractName: string;
  readonly tableName: string;
  readonly mapping: ClaimsMapping;
  /** The user confirmed that the contract's earlier Objections sheet may be replaced. */
  readonly replace: boolean;
}

/** Why the sheet was not built, as values. */
export type ObjectionSheetIssue =
  | { readonly code: "contractNotFound"; readonly contractName: string }
  /** The contract's claims could not be read (no table, a mapping or a cell problem, no line of the contract). */
  | { readonly code: "claims"; readonly issue: NegotiationSheetIssue }
  | { readonly code: "sheetTaken"; readonly sheetName: string }
  | { readonly code: "sheetOfAnotherContract"; readonly sheetName: string; readonly contractName: string }
  | { readonly code: "replaceNotConfirmed"; readonly sheetName: string }
  | OperationIssue;

const NOTHING = "Nothing was written.";

/** The message a finance user reads for an issue. */
export const describeObjectionSheetIssue: (issue: ObjectionSheetIssue) => string = catalogue<ObjectionSheetIssue>({
  contractNotFound: (i) =>
    `PayerContracts has no contract named "${i.contractName}": reload the tab and choose one of its contracts. ${NOTHING}`,
  claims: (i) => describeNegotiationSheetIssue(i.issue),
  sheetTaken: (i) =>
    `A sheet named "${i.sheetName}" already exists and was not built here as an Objections sheet: rename or move it, then build again. ${NOTHING}`,
  sheetOfAnotherContract: (i) =>
    `The sheet "${i.sheetName}" is the Objections sheet of contract "${i.contractName}" (the names share their first characters): rename that sheet, then build again. ${NOTHING}`,
  replaceNotConfirmed: (i) => `The sheet "${i.sheetName}" already exists: confirm that it may be replaced. ${NOTHING}`,
  cancelled: (i) => describeOperationIssue(i),
  excelRefused: (i) => describeOperationIssue(i),
});
