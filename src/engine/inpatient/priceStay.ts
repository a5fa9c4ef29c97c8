import { applyLesserOf } from "../contracts/lesserOf";
import type { Decimal } from "../decimal";
import type { Cents } from "../money";
import { ok, type Result } from "../result";
import type { TraceStep } from "../trace";
import { drgTableOn, drgWeightOf, type DrgWeightRow, type DrgWeightTable } from "./drgTable";
import type { InpatientIssue } from "./issues";
import { inpatientMethodEntry, type StayContext } from "./methods";
import { lengthOfStay, type InpatientStay } from "./stay";
import { applyOutlier, applyStopLoss } from "./stopLoss";
import type { InpatientTerms } from "./terms";
import type { InpatientTraceStep } from "./traceSteps";
import { isTransferStatus, transferAmount, transferDecision, type NoTransferReason } from "./transfer";

/** An inpatient stay's expected allowed amount and the steps that explain it. */
export interface InpatientPrice {
  /** Rounded half-up to cents once, at the end. */
  readonly amount: Cents;
  readonly trace: readonly TraceStep[];
}

/**
 * Prices an inpatient stay under a hospital contract's inpatient terms (DOMAIN.md 3.1; ARCHITECTURE.md 12), in this
 * order, each step in the trace:
 * 1. the length of stay (covered days, else the dates);
 * 2. the DRG's case rate if the contract lists one (it beats the method), else the method's amount (MS-DRG: base rate
 *    x the weight of the DRG table of the discharge date; per diem; percent of charges);
 * 3. the transfer reduction of an MS-DRG payment, for a transfer discharge status (transfer.ts);
 * 4. the outlier term (added), then stop-loss (first dollar replaces, second dollar adds);
 * 5. lesser-of the claim's total charges, and the one half-up rounding to cents.
 * Amounts stay exact decimals until step 5. A contract that rounds each step (the DRG payment, a per diem) can differ
 * by a cent or so per rounded step; CMS's pricer rounds the transfer per diem to cents (see transfer.ts).
 */
export function priceInpatientStay(
  stay: InpatientStay,
  terms: InpatientTerms,
  drgTables: readonly DrgWeightTable[],
): Result<InpatientPrice, InpatientIssue> {
  const before = paymentBeforeChargeTerms(stay, terms, drgTables);
  if (!before.ok) return before;
  const steps = before.value.steps;
  const amount = applyChargeTerms(before.value.payment, stay.totalCharges, terms, steps);
  return ok({ amount, trace: steps });
}

/**
 * Steps 4-5 of {@link priceInpatientStay}, the terms that read the total charges: the outlier term, stop-loss and
 * lesser-of, then the one rounding; each step pushed on `steps`. The batch pricer applies them to a payment it
 * computed once for stays alike but for their charges (priceStays.ts).
 */
export function applyChargeTerms(
  payment: Decimal,
  totalCharges: Cents,
  terms: InpatientTerms,
  steps: TraceStep[],
): Cents {
  let amount = payment;
  if (terms.outlier !== null) {
    const outlier = applyOutlier(terms.outlier, amount, totalCharges);
    steps.push(outlier);
    amount = outlier.amount;
  }
  if (terms.stopLoss !== null) {
    const stopLoss = applyStopLoss(terms.stopLoss, amount, totalCharges);
    steps.push(stopLoss);
    amount = stopLoss.amount;
  }
  const capped = applyLesserOf(amount, terms.lesserOf, totalCharges);
  steps.push(capped.step, { kind: "allowedAmount", amount: capped.amount, allowedAmount: capped.allowedAmount });
  return capped.allowedAmount;
}

/**
 * Steps 1-3 of {@link priceInpatientStay}: the payment before the terms that read the total charges (outlier,
 * stop-loss, lesser-of), with its steps. The batch pricer computes it once per distinct stay (priceStays.ts).
 */
export function paymentBeforeChargeTerms(
  stay: InpatientStay,
  terms: InpatientTerms,
  drgTables: readonly DrgWeightTable[],
): Result<{ readonly payment: Decimal; readonly steps: TraceStep[] }, InpatientIssue> {
  const los = lengthOfStay(stay);
  if (!los.ok) return los;
  const steps: TraceStep[] = [
    {
      kind: "inpatientStay",
      contractName: terms.contractName,
      drg: stay.drg,
      admitDate: stay.admitDate,
      dischargeDate: stay.dischargeDate,
      lengthOfStay: los.value.days,
      lengthOfStaySource: los.value.source,
      totalCharges: stay.totalCharges,
      dischargeStatus: stay.dischargeStatus,
      method: terms.method,
      sourceRowNumber: terms.sourceRowNumber,
    },
  ];
  let weight: Result<DrgWeightRow, InpatientIssue> | undefined;
  const drgWeight = (): Result<DrgWeightRow, InpatientIssue> => {
    if (weight !== undefined) return weight;
    const table = drgTableOn(drgTables, stay.dischargeDate);
    weight = table.ok ? drgWeightOf(table.value, stay.drg) : table;
    if (table.ok && weight.ok) steps.push(drgWeightStep(table.value, weight.value, stay));
    return weight;
  };
  const context: StayContext = { stay, terms, lengthOfStay: los.value, drgWeight };

  const caseRate = terms.caseRates.get(stay.drg);
  const entry = inpatientMethodEntry(terms.method);
  let payment: Decimal;
  if (caseRate !== undefined) {
    steps.push({ kind: "caseRate", drg: stay.drg, rate: caseRate.rate, sourceRowNumber: caseRate.sourceRowNumber });
    payment = caseRate.rate;
  } else {
    const priced = entry.amount(terms.method, context);
    if (!priced.ok) return priced;
    steps.push(...priced.value.steps);
    payment = priced.value.amount;
  }

  if (isTransferStatus(stay.dischargeStatus)) {
    const transfer = transferStep(stay, terms, caseRate === undefined && entry.transferReducible, payment, los.value.days, drgWeight); // prettier-ignore
    if (!transfer.ok) return transfer;
    steps.push(transfer.value);
    if (transfer.value.kind === "transferReduction") payment = transfer.value.amount;
  }
  return ok({ payment, steps });
}

function drgWeightStep(table: DrgWeightTable, row: DrgWeightRow, stay: InpatientStay): InpatientTraceStep {
  return {
    kind: "drgWeight",
    drg: row.drg,
    tableLabel: table.label,
    fiscalYear: table.fiscalYear,
    dischargeDate: stay.dischargeDate,
    weight: row.weight,
    geometricMeanLengthOfStay: row.geometricMeanLengthOfStay,
    postAcuteTransfer: row.postAcuteTransfer,
    specialPay: row.specialPay,
    sourceRowNumber: row.sourceRowNumber,
  };
}

/**
 * The transfer step of a stay whose discharge status is a transfer: the reduction of its MS-DRG payment, or why the
 * payment is left as it is (the contract has no transfer term, a case rate or a method not by DRG paid it, or the DRG
 * is not on the post-acute list).
 */
function transferStep(
  stay: InpatientStay,
  terms: InpatientTerms,
  paidByDrg: boolean,
  payment: Decimal,
  days: number,
  drgWeight: () => Result<DrgWeightRow, InpatientIssue>,
): Result<InpatientTraceStep, InpatientIssue> {
  const dischargeStatus = stay.dischargeStatus;
  if (dischargeStatus === null) throw new Error("transferStep is only called for a transfer status");
  const unreduced = (reason: NoTransferReason) => ok({ kind: "noTransferReduction", dischargeStatus, reason } as const);
  const arithmetic = terms.transferReduction;
  if (arithmetic === null) return unreduced("not in contract");
  if (!paidByDrg) return unreduced(terms.caseRates.has(stay.drg) ? "case rate" : "method not by DRG");
  const row = drgWeight();
  if (!row.ok) return row;
  const decision = transferDecision(dischargeStatus, row.value);
  switch (decision.kind) {
    case "discharge":
      throw new Error("a transfer status decided as a discharge");
    case "not reduced":
      return unreduced(decision.reason);
    case "transfer":
      break;
  }
  const reduced = transferAmount(decision.transferKind, arithmetic, payment, row.value, days);
  return ok({
    kind: "transferReduction",
    transferKind: decision.transferKind,
    arithmetic,
    dischargeStatus,
    fullAmount: payment,
    weight: row.value.weight,
    geometricMeanLengthOfStay: row.value.geometricMeanLengthOfStay,
    ...reduced,
  });
}
