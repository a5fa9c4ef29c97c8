/**
 * Medicare's transfer rule for IPPS stays (42 CFR 412.4(b), (c), (f); CMS Claims Processing Manual ch.3 s.20.1.2.4
 * and s.40.2.4), which hospital contracts adopt as a "transfer reduction": a stay that ends in a transfer is paid a
 * per diem, full payment / GMLOS, for the length of stay + 1 days (the first day counts twice), never more than the
 * full payment. A post-acute transfer is reduced only for DRGs on the post-acute list; for a DRG also flagged special
 * pay it is paid 50% of the full payment + 50% of that per diem formula.
 */
import { Decimal } from "../decimal";
import type { DrgWeightRow } from "./drgTable";
import type { DischargeStatus } from "./stay";

/** Whether a discharge status is a transfer to another acute hospital or to post-acute care. */
export type TransferClass = "acute" | "post-acute";

/**
 * The discharge statuses Medicare treats as transfers, each with its planned-readmission twin (81-95, since
 * October 2013). Acute: another short-term hospital (02/82), a cancer or children's hospital (05/85, as CMS's pricer
 * classes them), a critical access hospital (66/94). Post-acute (412.4(c)): SNF (03/83), home health (06/86), hospice
 * (50, 51; since FY2019), inpatient rehabilitation (62/90), long-term care hospital (63/91), psychiatric (65/93).
 * Not transfers: 64/92 (a nursing facility certified by Medicaid only is not a SNF) and 70/95 (another institution
 * not defined elsewhere), which 412.4(c) does not list. Verify against the year's pricer before relying on an edge.
 */
export const TRANSFER_DISCHARGE_STATUSES: Readonly<Record<string, TransferClass>> = {
  "02": "acute",
  "82": "acute",
  "05": "acute",
  "85": "acute",
  "66": "acute",
  "94": "acute",
  "03": "post-acute",
  "83": "post-acute",
  "06": "post-acute",
  "86": "post-acute",
  "50": "post-acute",
  "51": "post-acute",
  "62": "post-acute",
  "90": "post-acute",
  "63": "post-acute",
  "91": "post-acute",
  "65": "post-acute",
  "93": "post-acute",
};

/** The transfer payment rules: an acute transfer, a post-acute transfer, and its special-pay variant. */
export type TransferKind = "acute" | "post-acute" | "post-acute special pay";

/** Why a transfer status leaves the payment as it is. */
export type NoTransferReason = "not on the post-acute list" | "case rate" | "method not by DRG" | "not in contract";

const HALF = new Decimal("0.5");

/**
 * Each transfer kind's payment from the full payment, the per diem (full / GMLOS) and the paid days (LOS + 1),
 * before the cap at the full payment.
 */
export const TRANSFER_KINDS = {
  acute: { label: "acute care transfer", formula: (_full, perDiem, paidDays) => perDiem.times(paidDays) },
  "post-acute": { label: "post-acute care transfer", formula: (_full, perDiem, paidDays) => perDiem.times(paidDays) },
  "post-acute special pay": {
    label: "post-acute care transfer, special pay DRG",
    formula: (full, perDiem, paidDays) => full.times(HALF).plus(perDiem.times(paidDays).times(HALF)),
  },
} as const satisfies Record<
  TransferKind,
  { readonly label: string; readonly formula: (full: Decimal, perDiem: Decimal, paidDays: number) => Decimal }
>;

/** What a discharge status means for a stay's DRG: a transfer kind, a transfer left unreduced and why, or neither. */
export type TransferDecision =
  | { readonly kind: "transfer"; readonly transferKind: TransferKind }
  | { readonly kind: "not reduced"; readonly reason: NoTransferReason }
  | { readonly kind: "discharge" };

/** What each class of transfer status decides for a DRG. */
const DECISION_BY_CLASS = {
  acute: () => ({ kind: "transfer", transferKind: "acute" }),
  "post-acute": (row) =>
    row.postAcuteTransfer
      ? { kind: "transfer", transferKind: row.specialPay ? "post-acute special pay" : "post-acute" }
      : { kind: "not reduced", reason: "not on the post-acute list" },
} as const satisfies Record<TransferClass, (row: DrgWeightRow) => TransferDecision>;

/** The transfer rule a discharge status calls for with this DRG (see {@link TRANSFER_DISCHARGE_STATUSES}). */
export function transferDecision(status: DischargeStatus | null, row: DrgWeightRow): TransferDecision {
  const transferClass = status === null ? undefined : TRANSFER_DISCHARGE_STATUSES[status];
  return transferClass === undefined ? { kind: "discharge" } : DECISION_BY_CLASS[transferClass](row);
}

/** Whether a discharge status is one of Medicare's transfer statuses. */
export const isTransferStatus = (status: DischargeStatus | null): boolean =>
  status !== null && TRANSFER_DISCHARGE_STATUSES[status] !== undefined;

/** A transfer's payment: the kind's formula over the per diem and the paid days, capped at the full payment. */
export function transferAmount(
  transferKind: TransferKind,
  fullAmount: Decimal,
  row: DrgWeightRow,
  lengthOfStay: number,
): { readonly perDiem: Decimal; readonly paidDays: number; readonly formulaAmount: Decimal; readonly amount: Decimal } {
  // Kept exact: CMS's pricer rounds the per diem to cents first, which a contract copying it to the letter would too
  // (a difference of at most half a cent per paid day).
  const perDiem = fullAmount.dividedBy(row.geometricMeanLengthOfStay);
  // A stay of less than a day is paid as one day (Claims Processing Manual ch.3 s.40.2.4).
  const paidDays = Math.max(1, lengthOfStay) + 1;
  const formulaAmount = TRANSFER_KINDS[transferKind].formula(fullAmount, perDiem, paidDays);
  return { perDiem, paidDays, formulaAmount, amount: Decimal.min(formulaAmount, fullAmount) };
}
