/**
 * What the warehouse SQL (`payer-contracts sql`) prices itself and what it leaves to the engine, declared once: per
 * pricing basis (every contract method, carve-out method and default rule: `PricingBasis` is derived from them, so a
 * new method does not compile until it says here whether SQL covers it), per unit rule, and the limits of the rate
 * tables. The header of the SQL, the tool's stderr and the reason column of the lines left NULL all read these.
 */
import type { PricingBasis, UnitRule } from "../../engine";

/** Whether the SQL prices lines of a kind, or leaves them NULL with a reason for the engine to price. */
export type SqlCoverage = { readonly inSql: true } | { readonly inSql: false; readonly reason: string };

const IN_SQL: SqlCoverage = { inSql: true };

/** Why the SQL leaves lines of a kind to the engine, or null where it prices them. */
export function notInSqlReason(coverage: SqlCoverage): string | null {
  return coverage.inSql ? null : coverage.reason;
}

/**
 * The engine computes each pricing key's amount per unit (or its percent of the charge) once, with every rule of its
 * basis; the SQL only multiplies by units, applies the charge (percent of it, lesser-of) and rounds. So every basis
 * is covered as long as its amount is a function of the key.
 */
export const BASIS_COVERAGE = {
  "fee schedule": IN_SQL,
  "percent of medicare": IN_SQL,
  "percent of billed": IN_SQL,
  // Its lines are the engine's issue (no professional terms), which the rate tables carry as the reason.
  none: IN_SQL,
  "carve-out flat rate": IN_SQL,
  "carve-out percent of billed": IN_SQL,
  "carve-out percent of medicare": IN_SQL,
  "default percent of medicare": IN_SQL,
  "default percent of billed": IN_SQL,
} as const satisfies { readonly [B in PricingBasis]: SqlCoverage };

/** A line of several units is one unit's amount x units only under `rateTimesUnits` (unitRules.ts). */
export const UNIT_RULE_COVERAGE = {
  rateTimesUnits: IN_SQL,
  anesthesiaMinutes: {
    inSql: false,
    reason:
      "an anesthesia line of more than one minute: (base units + minutes / 15) x CF is not the amount of one minute x minutes",
  },
  bilateral: {
    inSql: false,
    reason: "2 units of a bilateral procedure (BILAT SURG 1) without modifier 50: one procedure at 150%, not 2 x 100%",
  },
  familyUnits: {
    inSql: false,
    reason: "several units of the first service of a component family (MULT PROC 4-7): its later units are reduced",
  },
  bilateralSide: {
    inSql: false,
    reason: "one side of a bilateral pair billed on two lines of a claim (a claim-level rule)",
  },
} as const satisfies { readonly [K in UnitRule["kind"]]: SqlCoverage };

/**
 * What the rate tables cannot hold, each the reason of the lines it leaves NULL. These texts also go into the SQL's
 * comments, so they hold no quote or semicolon (older spark-sql clients split statements inside comments).
 */
export const RATE_TABLE_LIMITS = {
  noRate:
    "no rate in the SQL tables for the contract, code, place of service and date of the line (a code on none of the schedules of the workbook, such as one inside a carve-out range, or a contract whose rows have a problem, or a date no contract version covers)",
  twoModifiers: "a line with two modifiers (the SQL tables hold lines with none or one)",
  modifierNotListed: "a modifier the SQL tables were not built for",
  placeOfService: "a place of service that is not a 1-2 digit POS code",
  serviceDate: "a service date that is not a YYYY-MM-DD date",
  units: "units that are not a whole number from 1 to 9,999,999",
  chargeAmount: "a charge amount that is not dollars and cents",
  tooPrecise: "an amount with more decimal places or digits than the DECIMAL columns of the SQL hold",
} as const;

/** Starts the reason of every line the SQL leaves to the engine, so no one mistakes it for the engine's own issue. */
export const NOT_IN_SQL = "Not priced in SQL (price it with payer-contracts price): ";

/** The rules the SQL cannot express, in words, for the SQL's header and stderr. */
export function sqlLimits(): string[] {
  const declared = [...Object.values(BASIS_COVERAGE), ...Object.values(UNIT_RULE_COVERAGE)];
  return [...declared.flatMap((coverage) => notInSqlReason(coverage) ?? []), ...Object.values(RATE_TABLE_LIMITS)];
}

/**
 * Single modifiers the rate tables are built for besides those the workbook and CMS's rules name (component, policy
 * and fee schedule modifiers): the informational ones claims carry most, so their lines stay in SQL.
 */
export const COMMON_MODIFIERS = [
  "24", "25", "50", "51", "54", "55", "56", "57", "58", "59", "76", "77", "78", "79", "91",
  "95", "GC", "GN", "GO", "GP", "GT", "KX", "LT", "RT", "Q5", "Q6", "XE", "XP", "XS", "XU",
] as const; // prettier-ignore
