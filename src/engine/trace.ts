import type { CarveOutMethod, ContractMethod, DefaultRule, LesserOfOutcome } from "./contracts/types";
import type { Decimal } from "./decimal";
import type { InpatientTraceStep } from "./inpatient/traceSteps";
import type { HcpcsCode } from "./hcpcsCode";
import type { IsoDate } from "./isoDate";
import type { Modifier } from "./modifiers";
import type { OutpatientTraceStep } from "./outpatient/traceSteps";
import type { Cents } from "./money";
import type { CareSetting } from "./placeOfService";
import type { FamilyName, FamilyReductionPart } from "./pfsRules/procedureFamilies";

/**
 * Where a step's figures come from: a row of the contract registry or of a schedule table (Excel row numbers), a row
 * of a CMS file, or a publication (the CMS rule a conversion factor was published in).
 */
export type TraceSource =
  | { readonly kind: "registry row"; readonly rowNumber: number }
  | { readonly kind: "carve-out row"; readonly rowNumber: number }
  | { readonly kind: "modifier policy row"; readonly rowNumber: number }
  | { readonly kind: "fee schedule row"; readonly scheduleName: string; readonly rowNumber: number }
  | { readonly kind: "RVU file row"; readonly rowNumber: number }
  | { readonly kind: "publication"; readonly title: string };

/** A multiplication step: `amount` = `before` x the step's factor (exact decimals). */
interface Product {
  readonly before: Decimal;
  readonly amount: Decimal;
}

/**
 * A CMS payment rule applied to an amount (DOMAIN.md 2.6), with the indicator that decided it and the factor paid.
 * On the Medicare path `amount` is the running amount after the rule; a fee-schedule rate's adjustments have none.
 */
type PfsRuleStep = { readonly factor: Decimal; readonly amount?: Decimal } & (
  | { readonly kind: "bilateral"; readonly indicator: string }
  | { readonly kind: "multipleProcedure"; readonly indicator: string; readonly rank: number }
  | {
      readonly kind: "globalSurgerySplit";
      /** The modifiers billed among 54, 55 and 56, in that order. */
      readonly modifiers: readonly Modifier[];
      readonly globalDays: string;
      readonly preOperativeFraction: Decimal;
      readonly intraOperativeFraction: Decimal;
      readonly postOperativeFraction: Decimal;
    }
  | {
      readonly kind: "assistantAtSurgery";
      readonly modifier: Modifier;
      readonly indicator: string;
      readonly documentationRequired: boolean;
    }
  | { readonly kind: "coSurgery"; readonly indicator: string; readonly documentationRequired: boolean }
);

/**
 * The same-day family and imaging cap steps of the Medicare path (DOMAIN.md 2.1, 2.6): amounts taken off parts of
 * the line's amount rather than factors of it.
 */
type PfsFamilyStep =
  /** A component family (MULT PROC 4-7): the first service in full, a later one with its parts reduced. */
  | ({
      readonly kind: "procedureFamily";
      readonly family: FamilyName;
      readonly indicator: string;
      readonly role: "first" | "subsequent";
      /** The parts taken off (none for the first service). */
      readonly parts: readonly FamilyReductionPart[];
    } & Product)
  /** Endoscopy family (MULT PROC 3) by ENDO BASE: in full, its value minus the base's, or a base not paid. */
  | ({
      readonly kind: "endoscopyFamily";
      readonly role: "first" | "endoscopyMember" | "endoscopyBase";
      readonly baseCode: HcpcsCode;
      /** The base endoscopy's amount taken off a member; null for the other roles. */
      readonly baseAmount: Decimal | null;
    } & Product)
  /** The OPPS imaging cap: the OPPSCAP row of the code and locality, and whether it was lower (bound). */
  | ({
      readonly kind: "imagingCap";
      readonly capAmount: Decimal;
      readonly bound: boolean;
      readonly label: string;
      readonly sourceRowNumber: number;
    } & Product)
  /** An imaging TC or global line priced without an OPPSCAP table: the cap could not be checked. */
  | { readonly kind: "imagingCapUnavailable"; readonly hcpcsCode: HcpcsCode };

/** The step of one CMS modifier/indicator rule (what a {@link PfsAdjustment} explains itself with). */
export type PfsAdjustmentStep = PfsRuleStep;

/**
 * One step of a pricing calculation, as data: what was done (`kind`), its exact numbers (Decimal, or Cents for a
 * charge), and where they come from. Steps are rendered to words only at display, by {@link formatTrace}, so that
 * `PAYER.PRICING_TRACE` shows them and code that needs a figure (the variance review's basis) reads it, never text.
 */
export type TraceStep =
  /** The claim line as read from the function's arguments (PAYER.PRICING_TRACE's first line). */
  | {
      readonly kind: "claimLine";
      readonly hcpcsCode: HcpcsCode;
      readonly modifiers: readonly Modifier[];
      readonly units: number;
      /** The POS code or setting word as given. */
      readonly placeOfService: string;
      readonly setting: CareSetting;
      readonly chargeAmount: Cents | null;
      readonly serviceDate: IsoDate;
    }
  | {
      readonly kind: "contractVersion";
      readonly contractName: string;
      readonly effectiveStartDate: IsoDate;
      readonly effectiveEndDate: IsoDate;
      readonly method: ContractMethod;
      readonly source: TraceSource & { readonly kind: "registry row" };
    }
  | {
      readonly kind: "carveOut";
      readonly hcpcsCodeFrom: HcpcsCode;
      readonly hcpcsCodeTo: HcpcsCode;
      readonly method: CarveOutMethod;
      readonly source: TraceSource & { readonly kind: "carve-out row" };
    }
  | {
      readonly kind: "feeScheduleRow";
      readonly hcpcsCode: HcpcsCode;
      readonly modifier: Modifier | null;
      /** Null = open (since always / until further notice). */
      readonly effectiveStartDate: IsoDate | null;
      readonly effectiveEndDate: IsoDate | null;
      readonly setting: CareSetting;
      readonly rate: Decimal;
      readonly source: TraceSource & { readonly kind: "fee schedule row" };
    }
  /** The fee schedule row has no rate for the line's setting: its one rate applies to both. */
  | { readonly kind: "singleRate"; readonly setting: CareSetting }
  /** The code is not on the schedule: the contract's default rule prices it. */
  | {
      readonly kind: "defaultRule";
      readonly hcpcsCode: HcpcsCode;
      readonly scheduleName: string;
      readonly rule: DefaultRule;
    }
  | { readonly kind: "flatRate"; readonly rate: Decimal }
  /** The amount is a percent of the billed charge, known only with the charge. */
  | { readonly kind: "percentOfCharge"; readonly percent: Decimal }
  | {
      readonly kind: "chargeTimesPercent";
      readonly chargeAmount: Cents;
      readonly percent: Decimal;
      readonly amount: Decimal;
    }
  | ({ readonly kind: "contractPercent"; readonly percent: Decimal } & Product)
  | ({ readonly kind: "adjustmentFactor"; readonly factor: Decimal } & Product)
  /**
   * The contract's own percentage for a modifier (ContractModifierPolicies): the line was priced without the
   * modifier, and its amount (or, for a percent of the charge, that percent) is multiplied by the policy's.
   */
  | ({
      readonly kind: "modifierPolicy";
      readonly modifier: Modifier;
      readonly percent: Decimal;
      readonly source: TraceSource & { readonly kind: "modifier policy row" };
    } & Product)
  | ({ readonly kind: "units"; readonly units: Decimal } & Product)
  | { readonly kind: "medicareBasis"; readonly scheduleName: string }
  /** A fixed-year Medicare basis used for a date outside its year: priced as of its nearest covered date. */
  | {
      readonly kind: "fixedMedicareBasis";
      readonly scheduleName: string;
      readonly effectiveStartDate: IsoDate;
      readonly effectiveEndDate: IsoDate;
      readonly pricingDate: IsoDate;
    }
  /** Multiple Procedure Rule None: these modifiers leave a fee schedule rate as it is. */
  | { readonly kind: "ruleNoneRate"; readonly modifiers: readonly Modifier[] }
  /** Multiple Procedure Rule None: modifiers other than 26/TC/53 leave the Medicare amount as it is. */
  | { readonly kind: "ruleNoneMedicare" }
  | {
      readonly kind: "paymentIndicators";
      readonly scheduleName: string;
      readonly hcpcsCode: HcpcsCode;
      readonly modifier: Modifier | null;
      readonly source: TraceSource & { readonly kind: "RVU file row" };
    }
  /** Modifier 51 on a line priced alone: taken as a secondary procedure. */
  | { readonly kind: "secondaryRankAssumed"; readonly rank: number }
  | { readonly kind: "medicareSchedule"; readonly label: string }
  | {
      readonly kind: "rvuRow";
      readonly hcpcsCode: HcpcsCode;
      readonly modifier: Modifier | null;
      readonly statusCode: string;
      readonly pctcIndicator: string;
      readonly setting: CareSetting;
      readonly workRvu: Decimal;
      /** The PE RVU of the line's setting. */
      readonly peRvu: Decimal;
      readonly malpracticeRvu: Decimal;
      readonly source: TraceSource & { readonly kind: "RVU file row" };
    }
  /** The setting, and whether CMS flags its PE RVU NA (not developed; the file's value is used). */
  | { readonly kind: "setting"; readonly setting: CareSetting; readonly naIndicator: boolean }
  | {
      readonly kind: "locality";
      readonly localityKey: string;
      readonly localityName: string;
      readonly workGpci: Decimal;
      readonly peGpci: Decimal;
      readonly malpracticeGpci: Decimal;
    }
  | {
      readonly kind: "conversionFactor";
      readonly conversionFactor: Decimal;
      readonly serviceDate: IsoDate;
      readonly source: TraceSource & { readonly kind: "publication" };
    }
  /** (work x GPCI + PE x GPCI + MP x GPCI) x CF, before any rule. */
  | { readonly kind: "pfsBaseAmount"; readonly amount: Decimal }
  | PfsRuleStep
  | PfsFamilyStep
  /**
   * An anesthesia line (ch.12 s.50): minutes to time units, the code's base units, the anesthesia CF and the medical
   * direction percentage; `amount` = (base units + time units) x CF x percent, exact.
   */
  | {
      readonly kind: "anesthesia";
      readonly hcpcsCode: HcpcsCode;
      readonly minutes: Decimal;
      readonly timeUnits: Decimal;
      readonly baseUnits: number;
      /** The base units table and row, in words. */
      readonly baseUnitsSource: string;
      readonly conversionFactor: Decimal;
      /** The ANES file's locality, or the contract, in words. */
      readonly conversionFactorSource: string;
      readonly directionModifier: string | null;
      readonly directionMeaning: string;
      readonly percent: Decimal;
      readonly amount: Decimal;
    }
  /** Bilateral indicator 1 billed as 2 units without modifier 50: one bilateral procedure (150%), not two. */
  | { readonly kind: "bilateralUnits"; readonly units: Decimal }
  /**
   * One side of a bilateral procedure billed on two lines (RT on one, LT on the other): the pair is priced as one
   * procedure with modifier 50 (`before`), and each line is paid half of it.
   */
  | ({ readonly kind: "bilateralSide"; readonly side: Modifier } & Product)
  /**
   * A multi-unit line of a component family: the first unit of the day priced in full, the later units as subsequent
   * services; `amount` is the sum of both parts.
   */
  | {
      readonly kind: "familyUnits";
      readonly firstUnits: Decimal;
      readonly laterUnits: Decimal;
      readonly firstAmount: Decimal;
      readonly laterAmount: Decimal;
      readonly amount: Decimal;
    }
  /** The Medicare amount rounded half-up to cents. */
  | { readonly kind: "rounding"; readonly amount: Decimal }
  /** Lesser-of billed charges: the outcome, the charge (when given) and the amount it was compared with. */
  | {
      readonly kind: "lesserOf";
      readonly outcome: Exclude<LesserOfOutcome, "bound" | "not bound">;
      readonly amount: Decimal;
    }
  | {
      readonly kind: "lesserOf";
      readonly outcome: "bound" | "not bound";
      readonly chargeAmount: Cents;
      readonly amount: Decimal;
    }
  /** The expected allowed amount: the exact amount after lesser-of, rounded half-up to cents once. */
  | { readonly kind: "allowedAmount"; readonly amount: Decimal; readonly allowedAmount: Cents }
  /** Hospital outpatient pricing and institutional carve-outs (src/engine/outpatient/traceSteps.ts). */
  | OutpatientTraceStep
  /** The steps of an inpatient stay (inpatient/priceStay.ts). */
  | InpatientTraceStep;

/** The kind of a trace step. */
export type TraceStepKind = TraceStep["kind"];

export { formatTrace, formatTraceStep } from "./traceText";
