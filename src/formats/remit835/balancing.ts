import type { RemitAdjustment } from "../../engine";
import type { Cents } from "../../engine";
import type { Remit835Warning, SegmentPosition } from "./issues";

// The balancing rules of the 835 implementation guide (DOMAIN.md 6.2), reported as warnings: a payer's arithmetic
// slip must not stop the import, but the user must see it.

function sumAdjustments(adjustments: readonly RemitAdjustment[]): number {
  let total = 0;
  for (const a of adjustments) total += a.adjustmentAmount;
  return total;
}

/** Line: SVC02 - sum of the line's CAS amounts = SVC03. */
export function checkLineBalance(
  claimId: string,
  claimLineNumber: number,
  chargeAmount: Cents,
  paidAmount: Cents,
  adjustments: readonly RemitAdjustment[],
  position: SegmentPosition,
): Remit835Warning | null {
  const adjustmentAmount = sumAdjustments(adjustments) as Cents;
  if (chargeAmount - adjustmentAmount === paidAmount) return null;
  return { code: "lineOutOfBalance", position, claimId, claimLineNumber, chargeAmount, adjustmentAmount, paidAmount };
}

/** What the claim check needs: CLP03, CLP04, the claim-level CAS and the lines' SVC02/SVC03. */
export interface ClaimAmounts {
  readonly claimId: string;
  readonly chargeAmount: Cents;
  readonly paidAmount: Cents;
  readonly claimAdjustments: readonly RemitAdjustment[];
  readonly lines: readonly { readonly chargeAmount: Cents | null; readonly paidAmount: Cents | null }[];
}

/**
 * Claim: CLP03 = sum of SVC02, and CLP04 = sum of SVC03 - claim-level CAS (for a claim without lines,
 * CLP04 = CLP03 - claim-level CAS).
 */
export function checkClaimBalance(claim: ClaimAmounts, position: SegmentPosition): Remit835Warning[] {
  const warnings: Remit835Warning[] = [];
  const claimAdjustmentAmount = sumAdjustments(claim.claimAdjustments);
  let linePaid = 0;
  if (claim.lines.length === 0) linePaid = claim.chargeAmount;
  else {
    let lineCharge = 0;
    for (const line of claim.lines) {
      lineCharge += line.chargeAmount ?? 0;
      linePaid += line.paidAmount ?? 0;
    }
    if (lineCharge !== claim.chargeAmount)
      warnings.push({
        code: "claimChargeOutOfBalance",
        position,
        claimId: claim.claimId,
        claimChargeAmount: claim.chargeAmount,
        lineChargeAmount: lineCharge as Cents,
      });
  }
  const expectedPaidAmount = (linePaid - claimAdjustmentAmount) as Cents;
  if (expectedPaidAmount !== claim.paidAmount)
    warnings.push({
      code: "claimPaymentOutOfBalance",
      position,
      claimId: claim.claimId,
      claimPaidAmount: claim.paidAmount,
      expectedPaidAmount,
    });
  return warnings;
}

/** What the transaction check needs: BPR02, the claims' CLP04 and the PLB amounts. */
export interface TransactionAmounts {
  readonly totalActualProviderPaymentAmount: Cents | null;
  readonly claims: readonly { readonly paidAmount: Cents }[];
  readonly providerAdjustments: readonly { readonly adjustmentAmount: Cents }[];
}

/** Transaction: BPR02 = sum of CLP04 - sum of PLB amounts (a positive PLB amount reduces the payment). */
export function checkTransactionBalance(t: TransactionAmounts, position: SegmentPosition): Remit835Warning | null {
  const total = t.totalActualProviderPaymentAmount;
  if (total === null) return null;
  let claimPaid = 0;
  for (const claim of t.claims) claimPaid += claim.paidAmount;
  let providerAdjustment = 0;
  for (const plb of t.providerAdjustments) providerAdjustment += plb.adjustmentAmount;
  if (claimPaid - providerAdjustment === total) return null;
  return {
    code: "transactionOutOfBalance",
    position,
    totalPaymentAmount: total,
    claimPaidAmount: claimPaid as Cents,
    providerAdjustmentAmount: providerAdjustment as Cents,
  };
}
