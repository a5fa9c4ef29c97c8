import type { Decimal } from "../decimal";
import type { Cents } from "../money";
import type { RevenueCode } from "../revenueCode";
import type { MsDrg } from "./msDrg";
import type { TransferArithmetic } from "./transfer";

/**
 * A hospital contract's inpatient terms: one row of the future inpatient registry table (the method and its rate
 * cells, the stop-loss, outlier, transfer and lesser-of cells) plus the rows of its rate tables (case rates by DRG,
 * per diem rates by level of care and day tier). Each kind below is declared once with its words and amount
 * (methods.ts, stopLoss.ts, transfer.ts).
 */
export interface InpatientTerms {
  readonly contractName: string;
  readonly method: InpatientMethod;
  /** Case rates by DRG: a DRG listed here is paid its case rate instead of the method (DOMAIN.md 3.1). */
  readonly caseRates: ReadonlyMap<MsDrg, CaseRate>;
  readonly stopLoss: StopLoss | null;
  readonly outlier: OutlierTerm | null;
  /**
   * Whether the MS-DRG payment of a transfer is reduced by Medicare's GMLOS per diem rule, and with which arithmetic
   * (transfer.ts); null: never reduced.
   */
  readonly transferReduction: TransferArithmetic | null;
  /** The payment is capped at the claim's total charges. */
  readonly lesserOf: boolean;
  /** The registry row of the terms, for the trace; null when built elsewhere (a test, a function argument). */
  readonly sourceRowNumber: number | null;
}

/**
 * How the contract prices a stay before case rates and the terms on top:
 * - MS-DRG: the contracted base rate x the relative weight of the stay's DRG in the table of the discharge date;
 * - per diem: a rate per day by level of care, with day tiers;
 * - percent of charges: a percent of the claim's total charges.
 */
export type InpatientMethod =
  | { readonly kind: "ms-drg"; readonly baseRate: Decimal }
  | { readonly kind: "per diem"; readonly levels: readonly PerDiemLevel[] }
  | { readonly kind: "percent of charges"; readonly percent: Decimal };

/** The kind of an inpatient method. */
export type InpatientMethodKind = InpatientMethod["kind"];

/** A DRG's case rate: a fixed amount for the stay. */
export interface CaseRate {
  readonly drg: MsDrg;
  readonly rate: Decimal;
  readonly sourceRowNumber: number | null;
}

/**
 * One level of care of a per diem contract (a row group of the future per diem rate table): the room-and-board
 * revenue codes that identify it (medical/surgical 0110-0159, ICU 0200-0209...) and its day tiers.
 */
export interface PerDiemLevel {
  readonly levelOfCare: string;
  readonly revenueCodeFrom: RevenueCode;
  readonly revenueCodeTo: RevenueCode;
  /** Contiguous from day 1, the last one open (checked by `checkPerDiemTiers`). */
  readonly tiers: readonly DayTier[];
}

/** The rate of the days `fromDay`..`toDay` of a level (1-based; `toDay` null: that day and every later one). */
export interface DayTier {
  readonly fromDay: number;
  readonly toDay: number | null;
  readonly rate: Decimal;
}

/**
 * Stop-loss: protection of the hospital on a very expensive stay, triggered when the total charges exceed a fixed
 * threshold. First dollar: the whole claim is paid at the percent of charges instead; second dollar: the charges
 * above the threshold are paid at the percent, added to the payment (DOMAIN.md 3.1).
 */
export interface StopLoss {
  readonly kind: "first dollar" | "second dollar";
  readonly threshold: Cents;
  readonly percent: Decimal;
}

/** The kind of a stop-loss term. */
export type StopLossKind = StopLoss["kind"];

/**
 * A commercial outlier term, modelled on Medicare's cost outlier (42 CFR 412.84): its threshold floats with the
 * case's payment, payment + a fixed-loss amount, and the charges above it are paid at the percent, added. Unlike
 * stop-loss, whose threshold is a fixed charge amount, the outlier's grows with the DRG (a $60,000 claim is an outlier
 * for a $10,000 DRG but not for a $45,000 one). Commercial contracts compare charges, not Medicare's cost (charges x
 * the hospital's cost-to-charge ratio); a contract that converts to cost puts its ratio into the percent.
 */
export interface OutlierTerm {
  readonly fixedLossThreshold: Cents;
  readonly percent: Decimal;
}
