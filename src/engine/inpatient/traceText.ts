/** The words of the inpatient trace steps, spread into the engine's one renderer (../traceText.ts). */
import { percentText } from "../cellValues";
import { Decimal } from "../decimal";
import { formatCents } from "../money";
import { INPATIENT_METHODS } from "./methods";
import { STOP_LOSS_KINDS } from "./stopLoss";
import type { StopLossKind } from "./terms";
import type { InpatientTraceStep, InpatientTraceStepKind, TierDays } from "./traceSteps";
import { TRANSFER_KINDS, type NoTransferReason, type TransferKind } from "./transfer";

type Step<K extends InpatientTraceStepKind> = Extract<InpatientTraceStep, { kind: K }>;

const NO_TRANSFER_REASONS = {
  "not on the post-acute list": "the DRG is not on Medicare's post-acute transfer list, so the full payment stands",
  "case rate": "the stay is paid its case rate, which the transfer rule does not reduce",
  "method not by DRG": "the contract does not pay this stay by DRG weight, so there is no DRG payment to reduce",
  "not in contract": "the contract has no transfer reduction, so the full payment stands",
} as const satisfies Record<NoTransferReason, string>;

const days = (n: number): string => `${n} day${n === 1 ? "" : "s"}`;
const tierText = (t: TierDays): string =>
  `days ${t.fromDay}-${t.toDay ?? "on"}: ${days(t.days)} x ${t.rate.toString()} = ${t.amount.toString()}`;
const flags = (postAcute: boolean, specialPay: boolean): string =>
  postAcute ? (specialPay ? ", post-acute transfer DRG with special pay" : ", post-acute transfer DRG") : "";
/** The exact amount, or its first 6 decimals and "..." when it has more (a per diem of 12838 / 3.8). */
const exact = (amount: Decimal): string =>
  amount.decimalPlaces() > 6 ? `${amount.toDecimalPlaces(6, Decimal.ROUND_DOWN).toFixed(6)}...` : amount.toString();

/** What a triggered stop-loss did, by kind. */
const STOP_LOSS_TRIGGERED = {
  "first dollar": (s, head) =>
    `${head}: total charges ${formatCents(s.totalCharges)} exceed it, the whole claim is paid ${formatCents(s.totalCharges)} x ${s.percent.toString()} = ${exact(s.amount)} instead of ${exact(s.before)}`,
  "second dollar": (s, head) =>
    `${head}: ${exact(s.before)} + (${formatCents(s.totalCharges)} - ${formatCents(s.threshold)}) x ${s.percent.toString()} = ${exact(s.amount)}`,
} as const satisfies Record<StopLossKind, (step: Step<"stopLoss">, head: string) => string>;

/** Each transfer kind's per diem formula in words. */
const TRANSFER_FORMULA_TEXT = {
  acute: (s) => `per diem x ${s.paidDays} days (length of stay + 1)`,
  "post-acute": (s) => `per diem x ${s.paidDays} days (length of stay + 1)`,
  "post-acute special pay": (s) => `50% of ${exact(s.fullAmount)} + 50% of per diem x ${s.paidDays} days`,
} as const satisfies Record<TransferKind, (step: Step<"transferReduction">) => string>;

/** One renderer per inpatient step kind. */
export const INPATIENT_STEP_TEXT: { readonly [K in InpatientTraceStepKind]: (step: Step<K>) => string } = {
  inpatientStay: (s) => {
    const row = s.sourceRowNumber === null ? "" : ` (registry row ${s.sourceRowNumber})`;
    const status = s.dischargeStatus === null ? "no discharge status" : `discharge status ${s.dischargeStatus}`;
    return `Inpatient stay, contract ${s.contractName}${row}: ${INPATIENT_METHODS[s.method.kind].label}; DRG ${s.drg}, admitted ${s.admitDate}, discharged ${s.dischargeDate}, length of stay ${days(s.lengthOfStay)} (from the ${s.lengthOfStaySource}), total charges ${formatCents(s.totalCharges)}, ${status}`;
  },
  drgWeight: (s) =>
    `MS-DRG ${s.drg} in ${s.tableLabel} (FY${s.fiscalYear}, the fiscal year of discharge date ${s.dischargeDate}; its row ${s.sourceRowNumber}): weight ${s.weight.toString()}, GMLOS ${s.geometricMeanLengthOfStay.toString()}${flags(s.postAcuteTransfer, s.specialPay)}`,
  caseRate: (s) =>
    `Case rate for DRG ${s.drg}${s.sourceRowNumber === null ? "" : ` (case rate row ${s.sourceRowNumber})`}: ${s.rate.toString()}, paid instead of the contract's method`,
  msDrgPayment: (s) => `Base rate ${s.baseRate.toString()} x weight ${s.weight.toString()} = ${exact(s.amount)}`,
  perDiemLevel: (s) =>
    `Per diem, ${s.levelOfCare} (${s.daysFrom === "revenue lines" ? `revenue codes ${s.revenueCodes.join(", ")}` : "no revenue lines given: the contract's one level for the length of stay"}), ${days(s.days)}: ${s.tiers
      .filter((t) => t.days > 0)
      .map(tierText)
      .join("; ")}; total ${exact(s.amount)}`,
  perDiemTotal: (s) =>
    `Per diem total for ${days(s.days)} (length of stay ${days(s.lengthOfStay)}): ${exact(s.amount)}`,
  percentOfTotalCharges: (s) =>
    `${percentText(s.percent)} of total charges: ${formatCents(s.totalCharges)} x ${s.percent.toString()} = ${exact(s.amount)}`,
  transferReduction: (s) => {
    const head = `Transfer (discharge status ${s.dischargeStatus}, ${TRANSFER_KINDS[s.transferKind].label})`;
    const outcome = s.amount.lessThan(s.fullAmount) ? "paid" : "capped at the full payment";
    if (s.weightFraction !== null)
      return `${head}, as CMS's pricer rounds it: weight ${s.weight.toString()} x the discharge fraction for ${s.paidDays} days of GMLOS ${s.geometricMeanLengthOfStay.toString()}, rounded to 4 places = ${s.weightFraction.toString()}; ${exact(s.fullAmount)} / ${s.weight.toString()} x ${s.weightFraction.toString()} = ${exact(s.formulaAmount)}; ${outcome}: ${exact(s.amount)}`;
    return `${head}: per diem ${exact(s.fullAmount)} / GMLOS ${s.geometricMeanLengthOfStay.toString()} = ${exact(s.perDiem)}; ${TRANSFER_FORMULA_TEXT[s.transferKind](s)} = ${exact(s.formulaAmount)}; ${outcome}: ${exact(s.amount)}`;
  },
  noTransferReduction: (s) =>
    `Discharge status ${s.dischargeStatus} is a transfer, but ${NO_TRANSFER_REASONS[s.reason]}`,
  outlier: (s) =>
    s.added.isZero()
      ? `Outlier: total charges ${formatCents(s.totalCharges)} do not exceed payment ${exact(s.payment)} + fixed loss ${formatCents(s.fixedLossThreshold)}, nothing added`
      : `Outlier: (total charges ${formatCents(s.totalCharges)} - (payment ${exact(s.payment)} + fixed loss ${formatCents(s.fixedLossThreshold)})) x ${s.percent.toString()} = ${exact(s.added)} added: ${exact(s.amount)}`,
  stopLoss: (s) => {
    const head = `${STOP_LOSS_KINDS[s.stopLossKind].label} at ${percentText(s.percent)} over ${formatCents(s.threshold)}`;
    if (!s.triggered)
      return `${head}: total charges ${formatCents(s.totalCharges)} do not exceed the threshold, the payment ${exact(s.before)} stands`;
    return STOP_LOSS_TRIGGERED[s.stopLossKind](s, head);
  },
};
