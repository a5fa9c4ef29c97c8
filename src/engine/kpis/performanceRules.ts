/**
 * The rules of the contract performance figures, declared once: the engine computes with them and the Contract
 * Performance sheet states them and writes them as its inputs, so the words and the numbers cannot drift apart.
 */
import type { VarianceFlag } from "../variance/reviewLines";

/** HFMA's initial denial rate divides by the average of this many months of submissions before the month (DOMAIN.md 4.1). */
export const HFMA_DENOMINATOR_MONTHS = 3;

/**
 * The clean-claim payment window a contract is held to when nothing else is known: 30 days, Medicare's for clean
 * claims and the most common state prompt-pay period (DOMAIN.md 3.3).
 */
export const DEFAULT_CLEAN_CLAIM_WINDOW_DAYS = 30;

/** When a month's figure is a spike: beyond its trailing baseline by a margin, on enough lines to mean something. */
export interface SpikeRules {
  /** Months before the month whose figures are averaged into its baseline. */
  readonly baselineMonths: number;
  /** A denial rate this many points (0.15 = 15 points) above its baseline is a spike. */
  readonly denialRatePoints: number;
  /** A median days to pay this many days above its baseline is a spike. */
  readonly daysToPayDays: number;
  /** Months with fewer lines are never flagged: a rate over a handful of lines is noise. */
  readonly minimumLines: number;
}

/** The spike rules a new sheet starts from; the sheet shows them as inputs the user can change. */
export const DEFAULT_SPIKE_RULES: SpikeRules = {
  baselineMonths: 3,
  denialRatePoints: 0.15,
  daysToPayDays: 10,
  minimumLines: 10,
};

/** What a reviewed line is to the performance figures, by the variance review's flag. */
export interface FlagRole {
  /** Counted at all (a reversal repeats an earlier line negated: DOMAIN.md 4.3 leaves it out). */
  readonly counted: boolean;
  /** An initial denial. */
  readonly denied: boolean;
  /** Compared with its expected amount (priced and not denied): payment accuracy and underpayment measure it. */
  readonly compared: boolean;
  /** Paid, so its days from submission to payment are measured. */
  readonly paid: boolean;
}

/** The role of each flag the variance review writes; a new flag fails to compile until it is given one. */
export const FLAG_ROLES = {
  Reversed: { counted: false, denied: false, compared: false, paid: false },
  Denied: { counted: true, denied: true, compared: false, paid: false },
  "No contract rate": { counted: true, denied: false, compared: false, paid: true },
  Underpaid: { counted: true, denied: false, compared: true, paid: true },
  Overpaid: { counted: true, denied: false, compared: true, paid: true },
  OK: { counted: true, denied: false, compared: true, paid: true },
} as const satisfies Record<VarianceFlag, FlagRole>;

/** The flags whose lines are compared (payment accuracy's denominator; OK is its numerator). */
export const COMPARED_FLAGS = (Object.keys(FLAG_ROLES) as VarianceFlag[]).filter((f) => FLAG_ROLES[f].compared);
