/**
 * The trace steps of hospital outpatient pricing and institutional carve-outs, and their words. They are members of
 * the engine's `TraceStep` union; `traceText.ts` spreads {@link OUTPATIENT_STEP_TEXT} into its renderer table, so
 * a step here without words does not compile there.
 */
import { percentText } from "../cellValues";
import { outpatientMethodText } from "./methods";
import type { Decimal } from "../decimal";
import type { HcpcsCode } from "../hcpcsCode";
import {
  carveOutCodesText,
  carveOutMethodText,
  type InstitutionalCarveOutMethod,
  type InstitutionalCodeMatch,
} from "../institutional/carveOuts";
import type { Modifier } from "../modifiers";
import { formatCents } from "../money";
import type { RevenueCode } from "../revenueCode";
import type { OppsStatusIndicator } from "./statusIndicators";
import type { OutpatientLine, OutpatientMethod, RevenueCodeRateBasis } from "./types";

/** A multiplication: `amount` = `before` x the step's factor (exact decimals). */
interface Product {
  readonly before: Decimal;
  readonly amount: Decimal;
}

/** Why an OPPS line is packaged (paid $0, its cost being in the payment of other lines). */
export type OppsPackaging =
  /** Status indicator N: always packaged. */
  | { readonly kind: "packaged indicator" }
  /** Q1 or Q2 with a line of the named indicator on the same date of service. */
  | { readonly kind: "packaged with"; readonly withLineNumber: number; readonly withIndicator: OppsStatusIndicator }
  /** Any line of a claim with a J1 line: packaged into the comprehensive APC paid on that line. */
  | { readonly kind: "comprehensive"; readonly intoLineNumber: number }
  /** A revenue-code-only line: OPPS pays for it through the APCs of the lines it accompanies. */
  | { readonly kind: "no hcpcs" };

/** The trace steps of outpatient pricing. */
export type OutpatientTraceStep =
  | ({ readonly kind: "outpatientLine" } & Pick<
      OutpatientLine,
      | "claimId"
      | "claimLineNumber"
      | "revenueCode"
      | "hcpcsCode"
      | "modifiers"
      | "units"
      | "chargeAmount"
      | "serviceDate"
    >)
  | {
      readonly kind: "outpatientTerms";
      readonly contractName: string;
      readonly method: OutpatientMethod;
      readonly source: { readonly kind: "registry row"; readonly rowNumber: number };
    }
  | {
      readonly kind: "institutionalCarveOut";
      readonly match: InstitutionalCodeMatch;
      readonly method: InstitutionalCarveOutMethod;
      readonly source: { readonly kind: "carve-out row"; readonly rowNumber: number };
    }
  | {
      readonly kind: "oppsRow";
      readonly tableLabel: string;
      readonly hcpcsCode: HcpcsCode;
      readonly statusIndicator: OppsStatusIndicator;
      readonly apc: string | null;
      readonly paymentRate: Decimal | null;
      readonly source: { readonly kind: "Addendum B row"; readonly rowNumber: number };
    }
  /** rate x (0.60 x wage index + 0.40): `factor` is the parenthesis. */
  | ({ readonly kind: "oppsWageAdjustment"; readonly wageIndex: Decimal; readonly factor: Decimal } & Product)
  | { readonly kind: "oppsNotWageAdjusted"; readonly statusIndicator: OppsStatusIndicator }
  /** A J2 line on a claim that does not qualify for comprehensive observation: paid at its own APC. */
  | { readonly kind: "oppsSeparateApc"; readonly statusIndicator: OppsStatusIndicator }
  | { readonly kind: "oppsPackaged"; readonly statusIndicator: OppsStatusIndicator | null; readonly packaging: OppsPackaging } // prettier-ignore
  /** The J1 line paid the comprehensive APC once (whatever its units), the claim's other lines packaged into it. */
  | ({ readonly kind: "oppsComprehensive"; readonly packagedLineNumbers: readonly number[] } & Product)
  /**
   * SI T multiple procedure discount on a date: the highest-paying procedure's first unit at 100%, every other unit
   * at 50%; `factor` = (full units + 0.5 x discounted units), the line's rank among the day's T lines.
   */
  | ({
      readonly kind: "oppsMultipleProcedure";
      readonly rank: number;
      readonly fullUnits: Decimal;
      readonly discountedUnits: Decimal;
      readonly factor: Decimal;
    } & Product)
  /** Units of a paid line (not a T line: those are in the multiple procedure step). */
  | ({ readonly kind: "oppsUnits"; readonly units: Decimal } & Product)
  /** Modifier 73 (discontinued before anesthesia, 50%) or 74 (after, 100% and not discounted). */
  | ({ readonly kind: "oppsDiscontinued"; readonly modifier: Modifier; readonly factor: Decimal } & Product)
  | ({ readonly kind: "oppsPercent"; readonly percent: Decimal } & Product)
  | {
      readonly kind: "revenueCodeRate";
      readonly revenueCodeFrom: RevenueCode;
      readonly revenueCodeTo: RevenueCode;
      readonly rate: Decimal;
      readonly basis: RevenueCodeRateBasis;
      readonly source: { readonly kind: "rate table row"; readonly tableName: string; readonly rowNumber: number };
    }
  /** A per-visit rate already paid on an earlier line of the same claim and date. */
  | { readonly kind: "visitRateIncluded"; readonly paidOnLineNumber: number };

type Step<K extends OutpatientTraceStep["kind"]> = Extract<OutpatientTraceStep, { kind: K }>;

const product = (before: Decimal, factor: Decimal, amount: Decimal): string =>
  `${before.toString()} x ${factor.toString()} = ${amount.toString()}`;

const packagingText = (packaging: OppsPackaging): string => {
  switch (packaging.kind) {
    case "packaged indicator":
      return "always packaged";
    case "packaged with":
      return `packaged with line ${packaging.withLineNumber} (status indicator ${packaging.withIndicator}) on the same date`;
    case "comprehensive":
      return `packaged into the comprehensive APC of line ${packaging.intoLineNumber}`;
    case "no hcpcs":
      return "a revenue code without HCPCS, packaged into the APCs it accompanies";
  }
};

/** The words of each outpatient step, as `PAYER.PRICING_TRACE` shows them. */
export const OUTPATIENT_STEP_TEXT: { readonly [K in OutpatientTraceStep["kind"]]: (step: Step<K>) => string } = {
  outpatientLine: (s) => {
    const code = s.hcpcsCode === null ? "no HCPCS" : s.hcpcsCode;
    const modifiers = s.modifiers.length > 0 ? ` modifiers ${s.modifiers.join(" ")}` : "";
    const billed = s.chargeAmount === null ? "no billed charge" : `billed ${formatCents(s.chargeAmount)}`;
    return `Claim ${s.claimId} line ${s.claimLineNumber}: revenue code ${s.revenueCode}, ${code}${modifiers}, ${s.units.toString()} unit(s), ${billed}, service date ${s.serviceDate}`;
  },
  outpatientTerms: (s) =>
    `Contract ${s.contractName} outpatient terms (registry row ${s.source.rowNumber}): ${outpatientMethodText(s.method)}`,
  institutionalCarveOut: (s) =>
    `Carve-out ${carveOutCodesText(s.match)} (carve-out row ${s.source.rowNumber}): ${carveOutMethodText(s.method)}`,
  oppsRow: (s) =>
    `${s.tableLabel} row ${s.source.rowNumber}: ${s.hcpcsCode} status indicator ${s.statusIndicator}${s.apc === null ? "" : `, APC ${s.apc}`}, payment rate ${s.paymentRate === null ? "blank" : s.paymentRate.toFixed(2)}`,
  oppsWageAdjustment: (s) =>
    `Wage adjustment (0.60 x wage index ${s.wageIndex.toString()} + 0.40 = ${s.factor.toString()}): ${product(s.before, s.factor, s.amount)}`,
  oppsNotWageAdjusted: (s) => `Status indicator ${s.statusIndicator}: not wage-adjusted`,
  oppsSeparateApc: (s) =>
    `Status indicator ${s.statusIndicator}: no 8 hours of observation (G0378) with a visit on the claim, so paid at its own APC`,
  oppsPackaged: (s) =>
    `Packaged, paid 0.00${s.statusIndicator === null ? "" : ` (status indicator ${s.statusIndicator})`}: ${packagingText(s.packaging)}`,
  oppsComprehensive: (s) =>
    `Comprehensive APC (J1), paid once for the claim${s.packagedLineNumbers.length > 0 ? ` with line(s) ${s.packagedLineNumbers.join(", ")} packaged into it` : ""}: ${s.amount.toString()}`,
  oppsMultipleProcedure: (s) =>
    `Multiple procedure discount, rank ${s.rank} of the day's T procedures: ${s.fullUnits.toString()} unit(s) at 100% + ${s.discountedUnits.toString()} at 50%: ${product(s.before, s.factor, s.amount)}`,
  oppsUnits: (s) => `Units: ${product(s.before, s.units, s.amount)}`,
  oppsDiscontinued: (s) => `Modifier ${s.modifier} (discontinued procedure): ${product(s.before, s.factor, s.amount)}`,
  oppsPercent: (s) => `Contract percent ${percentText(s.percent)} of OPPS: ${product(s.before, s.percent, s.amount)}`,
  revenueCodeRate: (s) => {
    const codes = s.revenueCodeFrom === s.revenueCodeTo ? s.revenueCodeFrom : `${s.revenueCodeFrom}-${s.revenueCodeTo}`;
    return `Revenue code rate ${codes} (${s.source.tableName} row ${s.source.rowNumber}): ${s.rate.toString()} ${s.basis}`;
  },
  visitRateIncluded: (s) => `Per-visit rate already paid on line ${s.paidOnLineNumber} for this date: 0.00`,
};
