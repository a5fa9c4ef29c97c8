/**
 * A negotiated rate as price-transparency files publish it (DOMAIN.md 5): one payer's rate for one code at one
 * provider, from a hospital's machine-readable file (45 CFR 180.50) or a health plan's Transparency in Coverage
 * in-network file. Both readers produce this one record, so the Benchmarks table, `PAYER.MARKET_RATE` and the uplift
 * model's "to market" scenarios never need to know which kind of file a rate came from.
 */
import type { Decimal } from "../../engine";

/** Which kind of file published the rate. */
export const MARKET_RATE_SOURCES = ["hospitalMrf", "tic"] as const;
export type MarketRateSource = (typeof MARKET_RATE_SOURCES)[number];

/** Where the service is given (both files use the same three words). */
export const CARE_SETTINGS = ["inpatient", "outpatient", "both"] as const;
export type CareSetting = (typeof CARE_SETTINGS)[number];

/** Which claim form the rate pays (TiC always says; a hospital file only in its optional billing_class column). */
export const BILLING_CLASSES = ["professional", "institutional", "both"] as const;
export type BillingClass = (typeof BILLING_CLASSES)[number];

/**
 * How the rate is stated, from the hospital file's methodology or the plan's negotiated_type. A rate of one of the
 * percentage methods is a whole-number percent (70.5 means 70.5%), never dollars.
 */
export const MARKET_RATE_METHODS = [
  "feeSchedule",
  "caseRate",
  "perDiem",
  "percentOfCharges",
  "negotiated",
  "derived",
  "other",
] as const;
export type MarketRateMethod = (typeof MARKET_RATE_METHODS)[number];

/** Whether `rate` is dollars or a whole-number percent. */
export type MarketRateUnit = "dollars" | "percent";

/** One published rate, kept only when it is a positive number (placeholders such as 999999999 never become rates). */
export interface MarketRate {
  readonly source: MarketRateSource;
  /** Who published the file: the hospital's name, or the plan's reporting entity. */
  readonly publisher: string;
  readonly payer: string;
  readonly plan: string;
  /** Whom the rate pays: the hospital (and location), or the provider group's TIN and NPIs. */
  readonly provider: string;
  /** The billing code as published, trimmed (a CPT/HCPCS code, an MS-DRG, a revenue code...). */
  readonly code: string;
  /** The code's type as published, upper case: CPT, HCPCS, MS-DRG, RC, APC, ... */
  readonly codeType: string;
  readonly modifiers: readonly string[];
  readonly setting: CareSetting;
  /** Null when the file does not say (a hospital file without the optional billing_class column). */
  readonly billingClass: BillingClass | null;
  readonly method: MarketRateMethod;
  readonly unit: MarketRateUnit;
  /** Exact, as written in the file. */
  readonly rate: Decimal;
  /** Where in the file the rate was read, for the Benchmarks table's trace: "row 14", "in_network[3]...". */
  readonly at: string;
}

/**
 * What to keep while reading, so that a file of gigabytes becomes a few thousand rates: each absent field keeps all.
 * Codes are compared trimmed and upper case.
 */
export interface MarketRateFilter {
  readonly codes?: ReadonlySet<string>;
  readonly settings?: ReadonlySet<CareSetting>;
  readonly billingClasses?: ReadonlySet<BillingClass>;
  /** TiC: the NPIs or TINs (digits only) of the provider groups to keep. */
  readonly providerIds?: ReadonlySet<string>;
}
