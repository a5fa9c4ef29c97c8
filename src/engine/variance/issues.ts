import { catalogue } from "../catalogue";
import { ENGINE_MESSAGES, type EngineIssue } from "../issues";

/**
 * Why a line of a variance review cannot be priced before the contract engine is even asked: the line names no
 * contract and its payer is mapped to none. Other reasons are the engine's own issues (unknown contract, code not
 * covered, malformed code...), worded by its catalogue.
 */
export type VarianceIssue =
  | { readonly code: "varianceContractNotMapped"; readonly payer: string }
  /** The registry rows of the contract have problems; `message` is the registry's own, worded by its catalogue. */
  | { readonly code: "varianceContractUnreliable"; readonly contractName: string; readonly message: string }
  /** An institutional claim's contract has no terms of the claim's side (InpatientTerms / OutpatientTerms). */
  | { readonly code: "varianceHospitalTermsMissing"; readonly contractName: string; readonly side: InstitutionalSide }
  /** A type of bill the review does not price: neither inpatient (11x) nor hospital outpatient (12x, 13x, 14x). */
  | { readonly code: "varianceBillTypeNotPriced"; readonly typeOfBill: string }
  /** A cell an institutional claim needs is blank ("the MS-DRG", "the discharge date"). */
  | { readonly code: "varianceClaimCellMissing"; readonly what: string }
  /** Another line of the claim cannot be read: the claim rules read every line, so none of its lines is priced. */
  | { readonly code: "varianceClaimLineUnreadable"; readonly claimId: string };

/** The two sides of a hospital contract, as institutional claims are priced (type of bill 11x, else outpatient). */
export type InstitutionalSide = "inpatient" | "outpatient";

/** The table that holds each side's terms, for messages. */
const TERMS_TABLE = { inpatient: "InpatientTerms", outpatient: "OutpatientTerms" } as const satisfies Record<
  InstitutionalSide,
  string
>;

/** The message of a variance or engine issue, as the Reason column shows it. */
export const varianceIssueMessage: (issue: VarianceIssue | EngineIssue) => string = catalogue<
  VarianceIssue | EngineIssue
>({
  ...ENGINE_MESSAGES,
  varianceContractNotMapped: (i) =>
    i.payer === ""
      ? "The line has no payer and no contract: map a contract column, or fill the payer."
      : `No contract is mapped to payer "${i.payer}": choose its contract in the Variance review panel.`,
  varianceContractUnreliable: (i) => i.message,
  varianceHospitalTermsMissing: (i) =>
    `Contract "${i.contractName}" has no ${i.side} terms: add its row to the ${TERMS_TABLE[i.side]} table.`,
  varianceBillTypeNotPriced: (i) =>
    `Type of bill "${i.typeOfBill}" is not priced by the review: it prices hospital inpatient (11x) and outpatient (12x, 13x, 14x) claims.`,
  varianceClaimCellMissing: (i) => `The claim has no ${i.what}.`,
  varianceClaimLineUnreadable: (i) =>
    `Another line of claim ${i.claimId} cannot be read (see its reason), so the claim is not priced: packaging and discounting read every line.`,
});
