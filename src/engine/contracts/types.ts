import type { Decimal } from "../decimal";
import type { ConversionFactorPeriod } from "../conversionFactor";
import type { LocalityGpci } from "../gpci";
import type { HcpcsCode } from "../hcpcsCode";
import type { IsoDate } from "../isoDate";
import type { Modifier } from "../modifiers";
import type { Cents } from "../money";
import type { PfsSchedule } from "../pfsSchedule";
import type { ProcedureRole } from "../pfsRules/procedureFamilies";
import type { CareSetting } from "../placeOfService";
import type { TraceStep } from "../trace";

/**
 * How a contract prices the codes it covers (the Method column of `PayerContracts`; DOMAIN.md 3.1):
 * its own fee schedule table, a percent of a Medicare schedule, a percent of billed charges, or none: a hospital
 * contract whose only terms are its InpatientTerms/OutpatientTerms (issue 14) prices no professional line.
 */
export type ContractMethod =
  | { readonly kind: "fee schedule"; readonly feeScheduleName: string }
  | { readonly kind: "percent of medicare"; readonly percent: Decimal }
  | { readonly kind: "percent of billed"; readonly percent: Decimal }
  | { readonly kind: "none" };

/**
 * The rule for codes the fee schedule does not list (Default Method + Default Percent; DOMAIN.md 3.1 "default /
 * unlisted"). Without one, such a code has no expected amount (#N/A naming the contract).
 */
export interface DefaultRule {
  readonly method: "percent of medicare" | "percent of billed";
  readonly percent: Decimal;
}

/**
 * Which modifier and indicator payment rules a contract applies (the Multiple Procedure Rule column):
 * - `"medicare"`: CMS's rules, driven by the Medicare schedule's indicators (DOMAIN.md 2.6): bilateral (50),
 *   multiple procedures (51 or claim ranking, 100/50/50...), split global surgery (54/55/56), assistant at surgery
 *   (80/81/82/AS), co-surgery (62). Commercial payers mostly mirror them (DOMAIN.md 3.3).
 * - `"none"`: the rate times units, whatever the modifiers (26/TC still select their own rate).
 */
export type MultipleProcedureRule = "medicare" | "none";

/**
 * What a contract writes in its Medicare Schedule column to mean "the Medicare schedule current on the date of
 * service": among the registered Medicare schedules, the one whose effective dates cover the date (exactly one must).
 * A table name (`MPFS_2023`) instead fixes the basis to that schedule ("frozen year", DOMAIN.md 3.1); a name with
 * `{year}` (`MPFS_{year}`) picks the schedule named for the service date's year, for workbooks with several localities.
 */
export const CURRENT_MEDICARE_SCHEDULE = "current";

/** One contract version: one row of the `PayerContracts` table (ARCHITECTURE.md 3; DOMAIN.md 3.1, 3.2). */
export interface ContractVersion {
  readonly contractName: string;
  readonly payer: string;
  readonly product: string;
  /** Dates of service this version prices, both inclusive. */
  readonly effectiveStartDate: IsoDate;
  readonly effectiveEndDate: IsoDate;
  readonly method: ContractMethod;
  /**
   * The Medicare basis: a schedule table name, {@link CURRENT_MEDICARE_SCHEDULE}, or a `{year}` pattern. Needed for
   * percent-of-Medicare pricing (method, default rule, carve-outs) and for the indicators of the "medicare" rule.
   */
  readonly medicareScheduleName: string | null;
  /** Pay the lesser of the contract amount and the billed charge, per line (DOMAIN.md 3.1). */
  readonly lesserOf: boolean;
  readonly defaultRule: DefaultRule | null;
  readonly multipleProcedureRule: MultipleProcedureRule;
  /**
   * The contract's own anesthesia conversion factor (Anesthesia Conversion Factor column): anesthesia lines are then
   * paid (base units + time units) x this CF x the medical direction percentage, whatever the method. Absent or null:
   * a percent-of-Medicare contract takes its percent of the Medicare anesthesia amount, a fee schedule prices none.
   */
  readonly anesthesiaConversionFactor?: Decimal | null;
  readonly termEndDate: IsoDate | null;
  readonly renewalNoticeDate: IsoDate | null;
  readonly autoRenew: boolean;
  /** The row's number in the registry sheet, for issues and the trace. */
  readonly sourceRowNumber: number;
}

/** How a carve-out prices its codes (the Method column of `ContractCarveOuts`). */
export type CarveOutMethod =
  | { readonly kind: "flat rate"; readonly rate: Decimal }
  | { readonly kind: "percent of billed"; readonly percent: Decimal }
  | { readonly kind: "percent of medicare"; readonly percent: Decimal };

/**
 * A code or code range of a contract priced apart from its main method, in every version of the contract
 * (e.g. drugs at a percent of charges, labs at flat rates; DOMAIN.md 3.1 "carve-outs").
 */
export interface CarveOut {
  readonly contractName: string;
  /** A single code has From = To. A range holds codes of the same shape (see `codeInRange`). */
  readonly hcpcsCodeFrom: HcpcsCode;
  readonly hcpcsCodeTo: HcpcsCode;
  readonly method: CarveOutMethod;
  readonly sourceRowNumber: number;
}

/**
 * A Medicare PFS schedule for one locality (a table like `MPFS_2025`): RVU rows with their indicators, the
 * locality's GPCIs and the conversion factors, for the dates of service it covers.
 */
export interface MedicareSchedule {
  readonly name: string;
  readonly pfs: PfsSchedule;
  readonly locality: LocalityGpci;
  /** The CF(s) of the schedule by date of service (from its Conversion Factor column, or the engine's table). */
  readonly conversionFactors: readonly ConversionFactorPeriod[];
  /**
   * The locality's anesthesia conversion factor (CMS's ANES file, imported with the schedule). Absent or null: the
   * schedule prices no anesthesia line ("anesthesia conversion factor not imported").
   */
  readonly anesthesiaConversionFactor?: Decimal | null;
  /**
   * Dates of service the schedule is for (its calendar year). A contract naming it for a date outside them (a fixed
   * year basis) is priced as of the nearest covered date, so that year's conversion factor applies.
   */
  readonly effectiveStartDate: IsoDate;
  readonly effectiveEndDate: IsoDate;
}

/** What a claim decides for one of its lines (`placeClaimLines`): its surgery rank, family role or bilateral side. */
export type LinePlacement = Pick<ContractLine, "multipleProcedureRank" | "procedureRole" | "bilateralSide">;

/** One claim line to price under a contract. */
export interface ContractLine {
  /** A name from the registry, any case. */
  readonly contractName: string;
  readonly hcpcsCode: HcpcsCode;
  readonly modifiers?: readonly Modifier[];
  /** Default 1. */
  readonly units?: number;
  /** The billed charge of the whole line (all units); needed for lesser-of and percent-of-billed. */
  readonly chargeAmount?: Cents | null;
  readonly serviceDate: IsoDate;
  /** Default non-facility (ARCHITECTURE.md 4). */
  readonly setting?: CareSetting;
  /** Rank among the claim's same-day procedures, set by `priceClaim`; absent = line level (51 means rank 2). */
  readonly multipleProcedureRank?: number;
  /** Place among the claim's same-day services of its MULT PROC family, set by `priceClaim`; absent = alone. */
  readonly procedureRole?: ProcedureRole;
  /** The side (RT or LT) of a bilateral procedure whose other side the claim bills on another line (`priceClaim`). */
  readonly bilateralSide?: Modifier;
}

/**
 * Which rule produced a line's amount: the version's method ("fee schedule"), a carve-out's ("carve-out flat rate")
 * or the default rule's ("default percent of medicare"). Derived from the method kinds, so it follows them.
 */
export type PricingBasis =
  ContractMethod["kind"] | `carve-out ${CarveOutMethod["kind"]}` | `default ${DefaultRule["method"]}`;

/** Whether lesser-of billed charges changed the amount. */
export type LesserOfOutcome = "bound" | "not bound" | "no charge given" | "not in contract";

/** A contract's expected allowed amount for one line, and how it was reached. */
export interface ContractPrice {
  /** Rounded half-up to cents once, at the end, after lesser-of. */
  readonly allowedAmount: Cents;
  /** The contract amount before lesser-of and rounding. */
  readonly contractAmount: Decimal;
  readonly version: ContractVersion;
  readonly basis: PricingBasis;
  readonly lesserOf: LesserOfOutcome;
  readonly trace: readonly TraceStep[];
}
