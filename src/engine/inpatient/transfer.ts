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
const ONE = new Decimal(1);
const round4 = (value: Decimal): Decimal => value.toDecimalPlaces(4, Decimal.ROUND_HALF_UP);

/**
 * Each transfer kind's payment from the full payment, the per diem (full / GMLOS) and the paid days (LOS + 1),
 * before the cap at the full payment; and, for CMS's pricer arithmetic, its discharge fraction (the share of the full
 * payment; above 1 means the full payment) and the factor its weight is multiplied by (IPPS pricer
 * `CalculateFractionalAdjustments`, from 3000-CALC-PAYMENT of PPCAL).
 */
export const TRANSFER_KINDS = {
  acute: {
    label: "acute care transfer",
    formula: (_full, perDiem, paidDays) => perDiem.times(paidDays),
    cmsDischargeFraction: (paidDays, gmlos) => round4(new Decimal(paidDays).dividedBy(gmlos)),
    cmsWeightFactor: (paidDays, gmlos) => round4(new Decimal(paidDays).dividedBy(gmlos)),
  },
  "post-acute": {
    label: "post-acute care transfer",
    formula: (_full, perDiem, paidDays) => perDiem.times(paidDays),
    cmsDischargeFraction: (paidDays, gmlos) => round4(new Decimal(paidDays).dividedBy(gmlos)),
    cmsWeightFactor: (paidDays, gmlos) => round4(new Decimal(paidDays).dividedBy(gmlos)),
  },
  "post-acute special pay": {
    label: "post-acute care transfer, special pay DRG",
    formula: (full, perDiem, paidDays) => full.times(HALF).plus(perDiem.times(paidDays).times(HALF)),
    cmsDischargeFraction: (paidDays, gmlos) => HALF.plus(round4(HALF.times(paidDays).dividedBy(gmlos))),
    // The pricer truncates this share to 5 places (RoundingMode.DOWN) before adding the half.
    cmsWeightFactor: (paidDays, gmlos) =>
      HALF.plus(HALF.times(paidDays).dividedBy(gmlos).toDecimalPlaces(5, Decimal.ROUND_DOWN)),
  },
} as const satisfies Record<
  TransferKind,
  {
    readonly label: string;
    readonly formula: (full: Decimal, perDiem: Decimal, paidDays: number) => Decimal;
    readonly cmsDischargeFraction: (paidDays: number, gmlos: Decimal) => Decimal;
    readonly cmsWeightFactor: (paidDays: number, gmlos: Decimal) => Decimal;
  }
>;

/**
 * How a transfer's payment is computed: exactly (the per diem formula in exact decimals, rounded once at the end of
 * the stay's pricing), or as CMS's IPPS pricer does (the discharge fraction days / GMLOS rounded to 4 places, the
 * weight x that fraction rounded to 4 places, then base rate x that weight), for a contract that pays "as Medicare
 * computes it". They differ by cents: DRG 291 after 1 day at $10,000 is $6,756.84 exactly, $6,757.00 by the pricer.
 */
export type TransferArithmetic = "exact" | "cms pricer";

/** A transfer's payment, and the figures the trace shows. */
export interface TransferAmount {
  readonly perDiem: Decimal;
  readonly paidDays: number;
  /** The kind's formula before the cap at the full payment. */
  readonly formulaAmount: Decimal;
  /** The weight x the discharge fraction, rounded to 4 places (CMS pricer arithmetic only). */
  readonly weightFraction: Decimal | null;
  readonly amount: Decimal;
}

/** Each transfer arithmetic's payment from the kind, the full payment, the DRG's row and the paid days. */
export const TRANSFER_ARITHMETIC = {
  exact: {
    label: "exact",
    amount: (kind, full, row, paidDays) => {
      const perDiem = full.dividedBy(row.geometricMeanLengthOfStay);
      const formulaAmount = TRANSFER_KINDS[kind].formula(full, perDiem, paidDays);
      return { perDiem, paidDays, formulaAmount, weightFraction: null, amount: Decimal.min(formulaAmount, full) };
    },
  },
  "cms pricer": {
    label: "as CMS's pricer rounds it",
    amount: (kind, full, row, paidDays) => {
      const gmlos = row.geometricMeanLengthOfStay;
      const perDiem = full.dividedBy(gmlos);
      // The full payment is base rate x weight: the pricer multiplies the base rate by a rounded weight fraction.
      const baseRate = full.dividedBy(row.weight);
      const entry = TRANSFER_KINDS[kind];
      const capped = entry.cmsDischargeFraction(paidDays, gmlos).greaterThan(ONE);
      const weightFraction = capped ? row.weight : round4(entry.cmsWeightFactor(paidDays, gmlos).times(row.weight));
      const formulaAmount = baseRate.times(round4(entry.cmsWeightFactor(paidDays, gmlos).times(row.weight)));
      return { perDiem, paidDays, formulaAmount, weightFraction, amount: baseRate.times(weightFraction) };
    },
  },
} as const satisfies Record<
  TransferArithmetic,
  {
    readonly label: string;
    readonly amount: (kind: TransferKind, full: Decimal, row: DrgWeightRow, paidDays: number) => TransferAmount;
  }
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

/**
 * A transfer's payment under the contract's arithmetic, capped at the full payment. A stay of less than a day is paid
 * as one day: the paid days are max(LOS, 1) + 1, the first day counting twice (IPPS pricer: `MOVE B-LOS TO
 * H-PERDIEM-DAYS; IF < 1 MOVE 1; ADD 1`).
 */
export function transferAmount(
  transferKind: TransferKind,
  arithmetic: TransferArithmetic,
  fullAmount: Decimal,
  row: DrgWeightRow,
  lengthOfStay: number,
): TransferAmount {
  return TRANSFER_ARITHMETIC[arithmetic].amount(transferKind, fullAmount, row, Math.max(1, lengthOfStay) + 1);
}
