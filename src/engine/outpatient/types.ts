import type { LesserOfOutcome } from "../contracts/types";
import type { Decimal } from "../decimal";
import type { HcpcsCode } from "../hcpcsCode";
import type { InstitutionalCarveOut, InstitutionalRevenueLine } from "../institutional/carveOuts";
import type { EngineIssue } from "../issues";
import type { IsoDate } from "../isoDate";
import type { Modifier } from "../modifiers";
import type { Cents } from "../money";
import type { Result } from "../result";
import type { RevenueCode } from "../revenueCode";
import type { TraceStep } from "../trace";
import type { OppsTable } from "./oppsTable";

/** One line of a UB-04 outpatient claim (type of bill 13x), in the Tuva vocabulary. */
export interface OutpatientLine extends InstitutionalRevenueLine {
  readonly claimId: string;
  /** claim_line_number, 1-based: how messages and the trace name the line. */
  readonly claimLineNumber: number;
  readonly revenueCode: RevenueCode;
  /** Null on revenue-code-only lines (supplies 0270, pharmacy 0250). */
  readonly hcpcsCode: HcpcsCode | null;
  readonly modifiers: readonly Modifier[];
  /** service_unit_quantity, positive. */
  readonly units: Decimal;
  readonly chargeAmount: Cents | null;
  readonly serviceDate: IsoDate;
}

/**
 * How a hospital contract prices outpatient lines (its Outpatient Method; DOMAIN.md 3.1, 2.8): a percent of the
 * Medicare OPPS payment, the rates of a revenue code rate table, or a percent of the line's charge.
 */
export type OutpatientMethod =
  | { readonly kind: "percent of opps"; readonly percent: Decimal }
  | { readonly kind: "revenue code rates"; readonly rateTableName: string }
  | { readonly kind: "percent of charges"; readonly percent: Decimal };

/** Whether a revenue code rate is paid per unit billed or once per visit (per claim and date of service). */
export type RevenueCodeRateBasis = "per unit" | "per visit";

/** One row of a revenue code rate table: a revenue code range (a single code: from = to) and its rate. */
export interface RevenueCodeRate {
  readonly revenueCodeFrom: RevenueCode;
  readonly revenueCodeTo: RevenueCode;
  readonly rate: Decimal;
  readonly basis: RevenueCodeRateBasis;
  /** The row of the rate table (Excel row number), for the trace. */
  readonly sourceRowNumber: number;
}

/**
 * A hospital contract version's outpatient terms: one row of the future hospital contract registry (contract name,
 * method, percent or rate table, lesser-of) plus the rows of its rate table and of its carve-out table.
 */
export interface OutpatientTerms {
  readonly contractName: string;
  readonly method: OutpatientMethod;
  /** Lesser-of billed charges, per line (DOMAIN.md 3.1). */
  readonly lesserOf: boolean;
  /** The rows of the table the "revenue code rates" method names (empty for the other methods). */
  readonly revenueCodeRates: readonly RevenueCodeRate[];
  readonly carveOuts: readonly InstitutionalCarveOut[];
  /** The registry row of the terms, for the trace. */
  readonly sourceRowNumber: number;
}

/** The Medicare data a percent of OPPS needs: the Addendum B tables (one per quarter) and the hospital's wage index. */
export interface OppsPricingData {
  readonly tables: readonly OppsTable[];
  readonly wageIndex: Decimal;
}

/** A line's expected allowed amount. */
export interface OutpatientLineAmount {
  /** The exact amount before lesser-of and rounding. */
  readonly contractAmount: Decimal;
  /** Rounded half-up to cents once, after lesser-of. */
  readonly allowedAmount: Cents;
  readonly lesserOf: LesserOfOutcome;
}

/** One line priced: its amount or why it has none, and the trace (also when it failed: what was done until then). */
export interface OutpatientLinePrice {
  readonly claimLineNumber: number;
  readonly result: Result<OutpatientLineAmount, EngineIssue>;
  readonly trace: readonly TraceStep[];
}

/** One claim priced: its lines in the order given, and the total when every line was priced. */
export interface OutpatientClaimPrice {
  readonly claimId: string;
  readonly lines: readonly OutpatientLinePrice[];
  readonly totalAllowedAmount: Result<Cents, EngineIssue>;
}
