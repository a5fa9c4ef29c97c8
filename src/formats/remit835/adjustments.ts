// Adjustments: CAS (claim loop 2100 and service line loop 2110) and PLB (provider-level, after the claims).
import { ADJUSTMENT_GROUP_CODES, type AdjustmentGroupCode, type RemitAdjustment } from "../../engine";
import { component, invalid, readAmount, readComposite, readDate, readText, readTotalAmount } from "./elements";
import { CAS, CAS_TRIPLETS, PLB, PLB_PAIRS } from "./layout";
import type { ClaimDraft, Reader, TransactionDraft } from "./reader";
import type { RawSegment } from "./segments";
import { readUnits } from "./serviceLine";

const GROUP_CODES: ReadonlySet<string> = new Set(ADJUSTMENT_GROUP_CODES);
const CARC = /^[A-Z0-9]{1,3}$/;
const PLB_REASON = /^[A-Z0-9]{2}$/;

/**
 * CAS: up to six reason/amount/quantity triplets of one group, added to the open line (else to the claim). A CAS
 * whose CAS01 is not a group code is not an adjustment at all (templates send "CAS*grp_code*...") and is skipped;
 * in a real one, a reason, amount or quantity that cannot be read refuses the line (or claim), whose amounts would
 * otherwise be wrong.
 */
export function readCas(r: Reader, s: RawSegment, claim: ClaimDraft): void {
  const scope = r.line !== null ? "line" : "claim";
  const into = r.line?.adjustments ?? claim.claimAdjustments;
  const group = readText(s, CAS.adjustmentGroupCode);
  if (!group.ok) return void r.take(group, s, "skip");
  if (group.value === null || !GROUP_CODES.has(group.value))
    return void r.take(invalid(CAS.adjustmentGroupCode.reference, group.value ?? "", "adjustmentGroupCode"), s, "skip");
  for (const triplet of CAS_TRIPLETS) {
    const reasonRead = readText(s, triplet.reason);
    const amountRead = readAmount(s, triplet.amount);
    if (reasonRead.ok && reasonRead.value === null && amountRead.ok && amountRead.value === null) continue;
    if (reasonRead.ok && reasonRead.value === null) {
      r.missing(s, triplet.reason.reference, scope);
      continue;
    }
    const reason = r.take(reasonRead, s, scope);
    if (reason === null) continue;
    if (!CARC.test(reason)) {
      r.take(invalid(triplet.reason.reference, reason, "adjustmentReasonCode"), s, scope);
      continue;
    }
    if (amountRead.ok && amountRead.value === null) {
      r.missing(s, triplet.amount.reference, scope);
      continue;
    }
    const amount = r.take(amountRead, s, scope);
    const quantity = readUnits(r, s, triplet.quantity, claim, scope);
    if (amount === null) continue;
    into.push({
      adjustmentGroupCode: group.value as AdjustmentGroupCode,
      // "045" and "45" are the same CARC (as in adjustmentCodes.ts).
      adjustmentReasonCode: /^\d+$/.test(reason) ? String(Number(reason)) : reason,
      adjustmentAmount: amount,
      adjustmentQuantity: quantity,
    } satisfies RemitAdjustment);
  }
}

/**
 * PLB: the provider-level adjustments of the transaction. They belong to no line, so a pair that cannot be read is
 * skipped with a warning (and the transaction balance then shows the difference).
 */
export function readPlb(r: Reader, s: RawSegment, t: TransactionDraft): void {
  const providerIdentifier = r.take(readText(s, PLB.providerIdentifier), s, "blank");
  const fiscalPeriodDate = r.take(readDate(s, PLB.fiscalPeriodDate), s, "blank");
  for (const pair of PLB_PAIRS) {
    const identifier = readComposite(s, pair.identifier);
    const amountRead = readTotalAmount(s, pair.amount);
    if (identifier.ok && identifier.value === null && amountRead.ok && amountRead.value === null) continue;
    const parts = r.take(identifier, s, "skip");
    if (parts === null && !identifier.ok) continue;
    const reason = component(parts ?? [], pair.adjustmentReasonCode);
    if (reason === null || !PLB_REASON.test(reason)) {
      r.take(invalid(pair.adjustmentReasonCode.reference, reason ?? "", "providerAdjustmentReasonCode"), s, "skip");
      continue;
    }
    const amount = r.take(amountRead, s, "skip");
    if (amountRead.ok && amount === null) r.missing(s, pair.amount.reference, "skip");
    if (amount === null) continue;
    t.providerAdjustments.push({
      providerIdentifier,
      fiscalPeriodDate,
      adjustmentReasonCode: reason,
      referenceIdentifier: component(parts ?? [], pair.referenceIdentifier),
      adjustmentAmount: amount,
    });
  }
}
