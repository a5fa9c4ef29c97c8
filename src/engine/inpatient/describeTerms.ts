import { percentText } from "../cellValues";
import { dollarsText } from "../money";
import { inpatientMethodEntry } from "./methods";
import { STOP_LOSS_KINDS } from "./stopLoss";
import type { InpatientTerms } from "./terms";
import { TRANSFER_ARITHMETIC } from "./transfer";

/**
 * A contract's inpatient terms in words for people, as a portfolio summary or the contract editor would show them:
 * the method, then each term on top in the order the pricing applies them.
 * @example describeInpatientTerms(terms)
 * // "MS-DRG at a base rate of $10,000.00; case rates for 1 DRG; transfer reduction by GMLOS; first-dollar stop-loss: 50% of all charges when they exceed $200,000.00; lesser of charges"
 */
export function describeInpatientTerms(terms: InpatientTerms): string {
  const parts = [inpatientMethodEntry(terms.method).describe(terms.method)];
  const caseRates = terms.caseRates.size;
  if (caseRates > 0) parts.push(`case rates for ${caseRates} DRG${caseRates === 1 ? "" : "s"}`);
  if (terms.transferReduction !== null)
    parts.push(`transfer reduction by GMLOS (${TRANSFER_ARITHMETIC[terms.transferReduction].label})`);
  if (terms.outlier !== null)
    parts.push(
      `outlier: ${percentText(terms.outlier.percent)} of charges over the payment + ${dollarsText(terms.outlier.fixedLossThreshold)}`,
    );
  const stopLoss = terms.stopLoss;
  if (stopLoss !== null) {
    const entry = STOP_LOSS_KINDS[stopLoss.kind];
    parts.push(`${entry.label.toLowerCase()}: ${entry.describe(stopLoss)}`);
  }
  if (terms.lesserOf) parts.push("lesser of charges");
  return parts.join("; ");
}
