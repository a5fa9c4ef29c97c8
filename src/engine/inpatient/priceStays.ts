/**
 * Many inpatient stays at once, with the same amounts as {@link priceInpatientStay} stay by stay (issue 14: a million
 * claims within the professional budgets). Stays alike but for their charges (DRG, dates, discharge status, covered
 * days; no revenue lines) share one payment before the charge terms, computed once with decimal arithmetic and kept
 * as whole cents; the charges then enter in integers: a stay whose charges trigger no outlier or stop-loss is paid
 * those cents, or its charges where lesser-of binds. A stay that triggers one has the charge terms applied to the
 * shared exact payment; a stay whose method reads the charges or its revenue lines is priced on its own.
 */
import { chargeIsLess } from "../contracts/lesserOf";
import type { Decimal } from "../decimal";
import { isoDateNumber } from "../isoDate";
import { dollarsOf, roundedCents } from "../money";
import { innerMap } from "../nestedMaps";
import type { DrgWeightTable } from "./drgTable";
import type { InpatientIssue } from "./issues";
import { inpatientMethodEntry } from "./methods";
import { applyChargeTerms, paymentBeforeChargeTerms, priceInpatientStay } from "./priceStay";
import type { MsDrg } from "./msDrg";
import type { DischargeStatus, InpatientStay } from "./stay";
import type { InpatientTerms } from "./terms";

/** The results of {@link priceInpatientStays}, one position per stay. */
export interface BatchStayPricing {
  /** Expected allowed amount in cents; NaN where the stay has an issue. */
  readonly allowedAmount: Float64Array;
  readonly issues: ReadonlyMap<number, InpatientIssue>;
  /** How many distinct stays were computed with decimal arithmetic (keys, and stays priced on their own). */
  readonly decimalPricings: number;
}

/** A payment before the charge terms, as the per-stay loop reads it. */
interface Shared {
  readonly issue: InpatientIssue | null;
  /** The exact payment, for the stays whose charges trigger the outlier term or stop-loss. */
  readonly payment: Decimal | null;
  /** The payment rounded half-up to cents, and whether the exact payment lies above them. */
  readonly cents: number;
  readonly aboveCents: boolean;
  /** Charges (cents) above this trigger the outlier term: floor((payment + fixed loss) x 100); Infinity if none. */
  readonly outlierFrom: number;
}

/**
 * The shared payments by the fields of the key (discharge status, covered days, DRG, discharge and admission dates as
 * `isoDateNumber`s), the fields with few values first: the outer levels are then a few small maps the processor keeps
 * in its cache.
 */
type SharedByKey = Map<DischargeStatus | null, Map<number | null, Map<MsDrg, Map<number, Map<number, Shared>>>>>;

function sharedOf(payment: Decimal, terms: InpatientTerms): Shared {
  const { cents, aboveCents } = roundedCents(payment);
  const outlierFrom =
    terms.outlier === null
      ? Infinity
      : payment.plus(dollarsOf(terms.outlier.fixedLossThreshold)).times(100).floor().toNumber();
  return { issue: null, payment, cents, aboveCents, outlierFrom };
}

/**
 * Prices `stays` under one contract's inpatient terms; the same amounts and issues as {@link priceInpatientStay}.
 * @example priceInpatientStays(stays, terms, drgTables).allowedAmount[0] // 1928900
 */
export function priceInpatientStays(
  stays: readonly InpatientStay[],
  terms: InpatientTerms,
  drgTables: readonly DrgWeightTable[],
): BatchStayPricing {
  const allowedAmount = new Float64Array(stays.length);
  const issues = new Map<number, InpatientIssue>();
  const byKey: SharedByKey = new Map();
  const methodReadsCharges = inpatientMethodEntry(terms.method).readsTotalCharges;
  const stopLossFrom = terms.stopLoss === null ? Infinity : terms.stopLoss.threshold;
  let decimalPricings = 0;
  const alone = (stay: InpatientStay, i: number) => {
    decimalPricings++;
    const priced = priceInpatientStay(stay, terms, drgTables);
    if (priced.ok) allowedAmount[i] = priced.value.amount;
    else {
      allowedAmount[i] = NaN;
      issues.set(i, priced.issue);
    }
  };
  for (let i = 0; i < stays.length; i++) {
    const stay = stays[i]!;
    if (methodReadsCharges || stay.revenueLines.length > 0) {
      alone(stay, i);
      continue;
    }
    const admitDate = isoDateNumber(stay.admitDate);
    const dischargeDate = isoDateNumber(stay.dischargeDate);
    // Dates that are not ISO text are a caller's bug the types rule out: such a stay is not keyed, but priced.
    if (admitDate === -1 || dischargeDate === -1) {
      alone(stay, i);
      continue;
    }
    const byAdmitDate = innerMap(innerMap(innerMap(innerMap(byKey, stay.dischargeStatus), stay.coveredDays), stay.drg), dischargeDate); // prettier-ignore
    let shared = byAdmitDate.get(admitDate);
    if (shared === undefined) {
      decimalPricings++;
      const before = paymentBeforeChargeTerms(stay, terms, drgTables);
      shared = before.ok
        ? sharedOf(before.value.payment, terms)
        : { issue: before.issue, payment: null, cents: 0, aboveCents: false, outlierFrom: Infinity };
      byAdmitDate.set(admitDate, shared);
    }
    if (shared.issue !== null) {
      allowedAmount[i] = NaN;
      issues.set(i, shared.issue);
      continue;
    }
    const charges = stay.totalCharges;
    // Strictly above: "claims over $200,000"; an outlier pays only the charges above payment + fixed loss.
    if (charges > stopLossFrom || charges > shared.outlierFrom) {
      allowedAmount[i] = applyChargeTerms(shared.payment!, charges, terms, []);
      continue;
    }
    allowedAmount[i] =
      terms.lesserOf && chargeIsLess(charges, shared.cents, shared.aboveCents) ? charges : shared.cents;
  }
  return { allowedAmount, issues, decimalPricings };
}
