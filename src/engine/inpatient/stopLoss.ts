import { percentText } from "../cellValues";
import { Decimal } from "../decimal";
import { dollarsOf, dollarsText, type Cents } from "../money";
import type { InpatientTraceStep } from "./traceSteps";
import type { OutlierTerm, StopLoss, StopLossKind } from "./terms";

/** Each stop-loss kind: its words and the payment it makes of the payment so far when the charges exceed the threshold. */
export const STOP_LOSS_KINDS = {
  "first dollar": {
    label: "First-dollar stop-loss",
    synonyms: ["first dollar", "first-dollar"],
    describe: (term) => `${percentText(term.percent)} of all charges when they exceed ${dollarsText(term.threshold)}`,
    // The whole claim at the percent of charges, replacing the payment (CMS's example: over $200,000, 50% of charges).
    triggered: (_payment, charges, _threshold, percent) => charges.times(percent),
  },
  "second dollar": {
    label: "Second-dollar stop-loss",
    synonyms: ["second dollar", "second-dollar", "excess"],
    describe: (term) => `${percentText(term.percent)} of the charges above ${dollarsText(term.threshold)}, added`,
    // Only the charges above the threshold, at the percent, added to the payment.
    triggered: (payment, charges, threshold, percent) => payment.plus(charges.minus(threshold).times(percent)),
  },
} as const satisfies Record<
  StopLossKind,
  {
    readonly label: string;
    readonly synonyms: readonly string[];
    /** The term in words for people, after its label. */
    readonly describe: (term: StopLoss) => string;
    readonly triggered: (payment: Decimal, charges: Decimal, threshold: Decimal, percent: Decimal) => Decimal;
  }
>;

/**
 * A stop-loss term applied to the payment so far: triggered when the total charges exceed the threshold (strictly:
 * "claims over $200,000"), else the payment stands.
 */
export function applyStopLoss(
  term: StopLoss,
  payment: Decimal,
  totalCharges: Cents,
): InpatientTraceStep & { kind: "stopLoss" } {
  // Whole cents compare exactly as integers: decimals only where the term is triggered.
  const triggered = totalCharges > term.threshold;
  const amount = triggered
    ? STOP_LOSS_KINDS[term.kind].triggered(payment, dollarsOf(totalCharges), dollarsOf(term.threshold), term.percent)
    : payment;
  return {
    kind: "stopLoss",
    stopLossKind: term.kind,
    threshold: term.threshold,
    totalCharges,
    percent: term.percent,
    triggered,
    before: payment,
    amount,
  };
}

/**
 * An outlier term applied to the payment so far (see {@link OutlierTerm}): the charges above payment + fixed loss,
 * at the percent, added.
 */
export function applyOutlier(
  term: OutlierTerm,
  payment: Decimal,
  totalCharges: Cents,
): InpatientTraceStep & { kind: "outlier" } {
  const excess = dollarsOf(totalCharges).minus(payment.plus(dollarsOf(term.fixedLossThreshold)));
  const added = Decimal.max(excess, 0).times(term.percent);
  return {
    kind: "outlier",
    payment,
    fixedLossThreshold: term.fixedLossThreshold,
    totalCharges,
    percent: term.percent,
    added,
    amount: payment.plus(added),
  };
}
