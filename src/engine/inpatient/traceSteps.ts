import type { Decimal } from "../decimal";
import type { IsoDate } from "../isoDate";
import type { Cents } from "../money";
import type { RevenueCode } from "../revenueCode";
import type { MsDrg } from "./msDrg";
import type { DischargeStatus, LengthOfStaySource } from "./stay";
import type { InpatientMethod, StopLossKind } from "./terms";
import type { NoTransferReason, TransferArithmetic, TransferKind } from "./transfer";

/** The days of one tier of a per diem level that a stay used, and what they were paid. */
export interface TierDays {
  readonly fromDay: number;
  readonly toDay: number | null;
  readonly days: number;
  readonly rate: Decimal;
  readonly amount: Decimal;
}

/**
 * The steps of an inpatient stay's pricing (priceStay.ts), part of {@link TraceStep}; amounts are exact decimals,
 * rounded once at the end (the `allowedAmount` step).
 */
export type InpatientTraceStep =
  | {
      readonly kind: "inpatientStay";
      readonly contractName: string;
      readonly drg: MsDrg;
      readonly admitDate: IsoDate;
      readonly dischargeDate: IsoDate;
      readonly lengthOfStay: number;
      readonly lengthOfStaySource: LengthOfStaySource;
      readonly totalCharges: Cents;
      readonly dischargeStatus: DischargeStatus | null;
      readonly method: InpatientMethod;
      readonly sourceRowNumber: number | null;
    }
  | {
      readonly kind: "drgWeight";
      readonly drg: MsDrg;
      readonly tableLabel: string;
      readonly fiscalYear: number;
      readonly dischargeDate: IsoDate;
      readonly weight: Decimal;
      readonly geometricMeanLengthOfStay: Decimal;
      readonly postAcuteTransfer: boolean;
      readonly specialPay: boolean;
      readonly sourceRowNumber: number;
    }
  | { readonly kind: "caseRate"; readonly drg: MsDrg; readonly rate: Decimal; readonly sourceRowNumber: number | null }
  | { readonly kind: "msDrgPayment"; readonly baseRate: Decimal; readonly weight: Decimal; readonly amount: Decimal }
  | {
      readonly kind: "perDiemLevel";
      readonly levelOfCare: string;
      /** Where the days come from: the units of the stay's room-and-board lines, or its length of stay (no lines). */
      readonly daysFrom: "revenue lines" | "length of stay";
      readonly revenueCodes: readonly RevenueCode[];
      readonly days: number;
      readonly tiers: readonly TierDays[];
      readonly amount: Decimal;
    }
  | { readonly kind: "perDiemTotal"; readonly days: number; readonly lengthOfStay: number; readonly amount: Decimal }
  | {
      readonly kind: "percentOfTotalCharges";
      readonly totalCharges: Cents;
      readonly percent: Decimal;
      readonly amount: Decimal;
    }
  | {
      readonly kind: "transferReduction";
      readonly transferKind: TransferKind;
      readonly arithmetic: TransferArithmetic;
      readonly dischargeStatus: DischargeStatus;
      readonly fullAmount: Decimal;
      readonly weight: Decimal;
      readonly geometricMeanLengthOfStay: Decimal;
      readonly perDiem: Decimal;
      /** The days the per diem is paid for: the length of stay (at least 1) + 1 (the first day counts twice). */
      readonly paidDays: number;
      /** The transfer formula's amount before the cap at the full amount. */
      readonly formulaAmount: Decimal;
      /** CMS pricer arithmetic: the weight x the discharge fraction, rounded to 4 places; null when exact. */
      readonly weightFraction: Decimal | null;
      readonly amount: Decimal;
    }
  | {
      readonly kind: "noTransferReduction";
      readonly dischargeStatus: DischargeStatus;
      readonly reason: NoTransferReason;
    }
  | {
      readonly kind: "outlier";
      readonly payment: Decimal;
      readonly fixedLossThreshold: Cents;
      readonly totalCharges: Cents;
      readonly percent: Decimal;
      /** The amount added: percent x (charges - (payment + fixed loss)), 0 when the charges do not exceed it. */
      readonly added: Decimal;
      readonly amount: Decimal;
    }
  | {
      readonly kind: "stopLoss";
      readonly stopLossKind: StopLossKind;
      readonly threshold: Cents;
      readonly totalCharges: Cents;
      readonly percent: Decimal;
      readonly triggered: boolean;
      readonly before: Decimal;
      readonly amount: Decimal;
    };

/** The kind of an inpatient trace step. */
export type InpatientTraceStepKind = InpatientTraceStep["kind"];
