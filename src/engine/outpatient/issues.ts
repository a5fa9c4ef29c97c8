import type { EntriesByCode } from "../catalogue";
import type { IsoDate } from "../isoDate";
import type { IssueEntry } from "../issues";
import type { OppsStatusIndicator } from "./statusIndicators";

/**
 * Why an outpatient claim line (or a claim) has no expected amount, as values. Part of the engine's issues: the
 * adapter and the task pane word them from {@link OUTPATIENT_ISSUE_CATALOGUE} through the one engine catalogue.
 */
export type OutpatientIssue =
  | { readonly code: "oppsTableNotInEffect"; readonly serviceDate: IsoDate; readonly periods: readonly string[] }
  | { readonly code: "oppsCodeNotInAddendumB"; readonly hcpcsCode: string; readonly tableLabel: string }
  | {
      readonly code: "oppsStatusNotPriced";
      readonly hcpcsCode: string;
      readonly statusIndicator: OppsStatusIndicator;
      readonly reason: string;
    }
  | {
      readonly code: "oppsRateMissing";
      readonly hcpcsCode: string;
      readonly statusIndicator: OppsStatusIndicator;
      readonly tableLabel: string;
      readonly rowNumber: number;
    }
  | {
      readonly code: "oppsComprehensiveObservation";
      readonly claimId: string;
      readonly observationDate: IsoDate;
      readonly observationHours: string;
    }
  | { readonly code: "wageIndexInvalid"; readonly value: string }
  | { readonly code: "outpatientUnitsInvalid"; readonly lineNumber: number; readonly value: string }
  | {
      readonly code: "revenueCodeRateMissing";
      readonly contractName: string;
      readonly revenueCode: string;
      readonly rateTableName: string;
    }
  | { readonly code: "outpatientClaimNotPriced"; readonly claimId: string; readonly lineNumbers: readonly number[] };

/** The code of an outpatient issue. */
export type OutpatientIssueCode = OutpatientIssue["code"];

/** Messages of {@link OutpatientIssue}: `#VALUE!` for data the user must correct, `#N/A` where no amount exists. */
export const OUTPATIENT_ISSUE_CATALOGUE: EntriesByCode<OutpatientIssue, IssueEntry> = {
  oppsTableNotInEffect: {
    excelError: "#N/A",
    message: (i) =>
      i.periods.length === 0
        ? `No OPPS Addendum B table was given, so the service on ${i.serviceDate} cannot be priced at a percent of OPPS: import the Addendum B of its quarter.`
        : `No OPPS Addendum B table covers ${i.serviceDate}; the tables given cover ${i.periods.join(", ")}. Import the Addendum B of its quarter.`,
  },
  oppsCodeNotInAddendumB: {
    excelError: "#N/A",
    message: (i) => `${i.hcpcsCode} is not in ${i.tableLabel}: OPPS has no status indicator or rate for it.`,
  },
  oppsStatusNotPriced: {
    excelError: "#N/A",
    message: (i) => `${i.hcpcsCode} has OPPS status indicator ${i.statusIndicator} and is not priced: ${i.reason}.`,
  },
  oppsRateMissing: {
    excelError: "#N/A",
    message: (i) =>
      `${i.hcpcsCode} (status indicator ${i.statusIndicator}) has no payment rate in ${i.tableLabel} (row ${i.rowNumber}), so its APC payment is unknown.`,
  },
  oppsComprehensiveObservation: {
    excelError: "#N/A",
    message: (i) =>
      `Claim ${i.claimId} has ${i.observationHours} hours of observation (G0378) on ${i.observationDate} with a visit: Medicare pays such a claim as one comprehensive observation APC (8011), whose rate is in Addendum A, not Addendum B. This version does not price it; price the claim by hand.`,
  },
  wageIndexInvalid: {
    excelError: "#VALUE!",
    message: (i) => `"${i.value}" is not a wage index: expected a positive number like 0.8732 or 1.2104.`,
  },
  outpatientUnitsInvalid: {
    excelError: "#VALUE!",
    message: (i) =>
      `Line ${i.lineNumber}: "${i.value}" is not a number of units: expected a positive number like 1 or 2.`,
  },
  revenueCodeRateMissing: {
    excelError: "#N/A",
    message: (i) =>
      `Contract "${i.contractName}" has no rate for revenue code ${i.revenueCode} in ${i.rateTableName}: add a row for it or a carve-out.`,
  },
  outpatientClaimNotPriced: {
    excelError: "#N/A",
    message: (i) =>
      `Claim ${i.claimId} has no total: line${i.lineNumbers.length === 1 ? "" : "s"} ${i.lineNumbers.join(", ")} could not be priced (see each line).`,
  },
};
