// Turns a read claim and its service lines into the rows of a remittance table: claim and payment fields copied on
// each line, the allowed amount, the patient shares and the denial verdict (DOMAIN.md 4.3).
import { classifyRemitLine, patientResponsibilityOf, remitAllowedAmount } from "../../engine";
import type { Cents, RemitAdjustment } from "../../engine";
import { checkLineBalance } from "./balancing";
import type { Remit835Warning, SegmentPosition } from "./issues";
import { PATIENT_SHARE_REASON } from "./layout";
import { noProcedure, type ClaimDraft, type LineDraft, type TransactionDraft } from "./reader";
import type { RemitLine } from "./types";

/** What a line needs beyond what its claim and transaction give. */
type LineFields = Omit<
  RemitLine,
  | "payer"
  | "paymentDate"
  | "checkOrEftTraceNumber"
  | "claimId"
  | "claimReceivedDate"
  | "statementStartDate"
  | "statementEndDate"
  | "claimStatusCode"
  | "payerClaimControlNumber"
  | "facilityTypeCode"
  | "msDrg"
  | "drgWeight"
  | "coveredDaysOrVisitsCount"
  | "allowedAmount"
  | "allowedAmountSource"
  | "patientResponsibilityAmount"
  | "deductibleAmount"
  | "coinsuranceAmount"
  | "copaymentAmount"
  | "reversalFlag"
  | "deniedFlag"
  | "partialDenialFlag"
  | "denialReason"
  | "denialCategory"
> & { readonly reportedAllowedAmount: Cents | null };

/**
 * A service line read in full: its row, and the line balance warning when SVC02 - CAS != SVC03. A missing SVC02 or
 * SVC03 (reported where it was read) reads as 0 and is not balanced.
 */
export function finishLine(
  d: LineDraft,
  c: ClaimDraft,
  t: TransactionDraft,
  position: SegmentPosition,
): { line: RemitLine; balance: Remit835Warning | null } {
  const chargeAmount = d.chargeAmount ?? (0 as Cents);
  const paidAmount = d.paidAmount ?? (0 as Cents);
  const balance =
    d.chargeAmount !== null && d.paidAmount !== null
      ? checkLineBalance(c.claimId, d.claimLineNumber, chargeAmount, paidAmount, d.adjustments, position)
      : null;
  const warnings = balance === null ? d.warnings : [...d.warnings, balance];
  const serviceDate = d.serviceDate ?? d.serviceStartDate ?? c.statementStartDate;
  const line = lineOf(c, t, {
    claimLineNumber: d.claimLineNumber,
    claimLevelFlag: false,
    lineItemControlNumber: d.lineItemControlNumber,
    // The line's own number wins: the payer sends one in loop 2110 only where the line's differs from the claim's.
    priorAuthorizationNumber: d.priorAuthorization === null ? c.priorAuthorizationNumber : d.priorAuthorization.number,
    procedureCodeQualifier: d.procedureCodeQualifier,
    procedureCode: d.procedureCode,
    hcpcsCode: d.hcpcsCode,
    hcpcsModifiers: d.hcpcsModifiers,
    revenueCenterCode: d.revenueCenterCode,
    originalProcedureCode: d.originalProcedureCode,
    originalHcpcsModifiers: d.originalHcpcsModifiers,
    serviceUnitQuantity: d.originalUnitQuantity ?? d.paidServiceUnitQuantity,
    paidServiceUnitQuantity: d.paidServiceUnitQuantity,
    chargeAmount,
    paidAmount,
    reportedAllowedAmount: d.reportedAllowedAmount,
    adjustments: d.adjustments,
    remarks: d.remarks,
    serviceDate,
    serviceEndDate: d.serviceDate ?? d.serviceEndDate ?? c.statementEndDate ?? serviceDate,
    warnings: [...warnings, ...c.warnings],
    position,
  });
  return { line, balance };
}

/** The one line of a claim sent without service lines: CLP03/CLP04, the claim-level CAS and the statement dates. */
export function claimLevelLine(c: ClaimDraft, t: TransactionDraft, position: SegmentPosition): RemitLine {
  return lineOf(c, t, {
    claimLineNumber: 1,
    claimLevelFlag: true,
    lineItemControlNumber: null,
    priorAuthorizationNumber: c.priorAuthorizationNumber,
    ...noProcedure(),
    serviceUnitQuantity: 1,
    paidServiceUnitQuantity: 1,
    chargeAmount: c.chargeAmount,
    paidAmount: c.paidAmount,
    reportedAllowedAmount: null,
    adjustments: c.claimAdjustments,
    remarks: [],
    serviceDate: c.statementStartDate,
    serviceEndDate: c.statementEndDate ?? c.statementStartDate,
    warnings: c.warnings,
    position,
  });
}

function lineOf(c: ClaimDraft, t: TransactionDraft, l: LineFields): RemitLine {
  const { reportedAllowedAmount, ...rest } = l;
  const allowedAmount = remitAllowedAmount(reportedAllowedAmount, l.paidAmount, l.adjustments);
  const denial = classifyRemitLine({
    claimStatusCode: c.claimStatusCode,
    chargeAmount: l.chargeAmount,
    paidAmount: l.paidAmount,
    allowedAmount,
    adjustments: l.adjustments,
  });
  return {
    payer: t.payer,
    paymentDate: t.paymentDate,
    checkOrEftTraceNumber: t.checkOrEftTraceNumber,
    claimId: c.claimId,
    claimReceivedDate: c.claimReceivedDate,
    statementStartDate: c.statementStartDate,
    statementEndDate: c.statementEndDate,
    claimStatusCode: c.claimStatusCode,
    payerClaimControlNumber: c.payerClaimControlNumber,
    facilityTypeCode: c.facilityTypeCode,
    msDrg: c.msDrg,
    drgWeight: c.drgWeight,
    coveredDaysOrVisitsCount: c.inpatientAdjudication?.coveredDaysOrVisitsCount ?? null,
    ...rest,
    allowedAmount,
    allowedAmountSource: reportedAllowedAmount !== null ? "AMT*B6" : "paid + patient responsibility",
    patientResponsibilityAmount: patientResponsibilityOf(l.adjustments),
    deductibleAmount: patientShare(l.adjustments, PATIENT_SHARE_REASON.deductible),
    coinsuranceAmount: patientShare(l.adjustments, PATIENT_SHARE_REASON.coinsurance),
    copaymentAmount: patientShare(l.adjustments, PATIENT_SHARE_REASON.copayment),
    ...denial,
  };
}

function patientShare(adjustments: readonly RemitAdjustment[], reason: string): Cents {
  let total = 0;
  for (const a of adjustments)
    if (a.adjustmentGroupCode === "PR" && a.adjustmentReasonCode === reason) total += a.adjustmentAmount;
  return total as Cents;
}
