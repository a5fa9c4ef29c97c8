import { codeRangeText } from "../contracts/carveOuts";
import { priceClaim } from "../contracts/priceClaim";
import type { ContractRegistry } from "../contracts/registry";
import type { ContractLine, ContractPrice } from "../contracts/types";
import { percentText } from "../cellValues";
import { Decimal } from "../decimal";
import type { EngineIssue } from "../issues";
import { centsDifference, dollarsText, type Cents } from "../money";
import type { Result } from "../result";
import { varianceIssueMessage, type VarianceIssue } from "./issues";
import { deniedReasonText, type LineDenial } from "./lineDenial";
import { exceedsTolerance, type VarianceTolerance } from "./tolerance";

/**
 * The verdict on one line, in the order they take precedence: a reversal first (never rated, DOMAIN.md 4.3), then a
 * denial, then a missing rate, then money. Every consumer (the flag column's allowed words, its conditional formats,
 * the Summary's counts) is declared over this set.
 */
export const VARIANCE_FLAGS = ["Reversed", "Denied", "No contract rate", "Underpaid", "Overpaid", "OK"] as const;
/** One of {@link VARIANCE_FLAGS}. */
export type VarianceFlag = (typeof VARIANCE_FLAGS)[number];

/** One claim line as the review reads it from a claims or remittance table. */
export interface VarianceInputLine {
  /** The lines of one claim share a key (the claim id; a row of its own when the table has none). */
  readonly claimKey: string;
  readonly claimId: string | null;
  readonly payer: string;
  /** The code as written, for the summary by code. */
  readonly hcpcsCode: string;
  readonly serviceDate: string | null;
  /** The line to price, or why it cannot be priced (no contract for its payer, a malformed code...). */
  readonly pricing: Result<ContractLine, VarianceIssue | EngineIssue>;
  /** What the payer allowed (AMT*B6 / Allowed Amount, else paid + patient responsibility: DOMAIN.md 0.5). */
  readonly allowedAmount: Cents;
  readonly chargeAmount: Cents | null;
  readonly denial: LineDenial;
  /** The line reverses an earlier payment (`isReversalLine`): flagged "Reversed", neither priced nor compared. */
  readonly reversal: boolean;
}

/** The review of one line. Money in whole cents. */
export interface VarianceLine {
  readonly flag: VarianceFlag;
  readonly reason: string;
  /** The contract's expected allowed amount; null when the line cannot be priced. Given on denied lines too. */
  readonly expectedAmount: Cents | null;
  readonly allowedAmount: Cents;
  /** Allowed - expected (negative = underpaid), on priced lines that were not denied; else null. */
  readonly varianceAmount: Cents | null;
  /** Variance / expected, to 6 decimal places; null where there is no variance or the expected amount is 0. */
  readonly varianceFraction: number | null;
  /** max(0, expected - allowed) on Underpaid lines; 0 on every other line (DOMAIN.md 4.1 underpayment rate). */
  readonly recoverableAmount: Cents;
}

// Sizes, not signs: "below" or "above" says which way a variance goes.
const money = (cents: Cents) => dollarsText(Math.abs(cents) as Cents);

/**
 * "fee schedule FS_AcmePPO_2025 row 12": the rule that produced the expected amount, from the price's typed trace
 * steps: the fee schedule row or the carve-out that priced it, else its basis under the contract's registry row.
 */
export function pricingBasisText(price: ContractPrice): string {
  for (let i = price.trace.length - 1; i >= 0; i--) {
    const step = price.trace[i]!;
    if (step.kind === "feeScheduleRow") return `fee schedule ${step.source.scheduleName} row ${step.source.rowNumber}`;
    if (step.kind === "carveOut") return `carve-out ${codeRangeText(step.hcpcsCodeFrom, step.hcpcsCodeTo)}`;
  }
  return `${price.basis} under ${price.version.contractName} (registry row ${price.version.sourceRowNumber})`;
}

function varianceShare(variance: Cents, expected: Cents): string {
  if (expected === 0) return "on an expected $0.00";
  return percentText(new Decimal(Math.abs(variance)).dividedBy(expected), 1);
}

function pricedReview(line: VarianceInputLine, price: ContractPrice, tolerance: VarianceTolerance): VarianceLine {
  const expected = price.allowedAmount;
  const allowed = line.allowedAmount;
  if (line.denial.denied) {
    return { ...unpriced(line, "Denied", deniedReasonText(line.denial)), expectedAmount: expected };
  }
  const variance = centsDifference(allowed, expected);
  const fraction = expected === 0 ? null : new Decimal(variance).dividedBy(expected).toDecimalPlaces(6).toNumber();
  const basis = pricingBasisText(price);
  const partial = line.denial.reasonCode === null ? "" : `; adjusted ${line.denial.reasonCode}`;
  const base = {
    expectedAmount: expected,
    allowedAmount: allowed,
    varianceAmount: variance,
    varianceFraction: fraction,
  };
  if (variance !== 0 && exceedsTolerance(variance, expected, tolerance)) {
    const under = variance < 0;
    const reason =
      `Allowed ${money(allowed)} is ${money(variance)} (${varianceShare(variance, expected)}) ` +
      `${under ? "below" : "above"} expected ${money(expected)}: ${basis}${partial}`;
    return {
      ...base,
      flag: under ? "Underpaid" : "Overpaid",
      reason,
      recoverableAmount: (under ? -variance : 0) as Cents,
    };
  }
  const reason =
    variance === 0
      ? `Allowed ${money(allowed)} equals expected: ${basis}${partial}`
      : `Allowed ${money(allowed)} is within tolerance of expected ${money(expected)}: ${basis}${partial}`;
  return { ...base, flag: "OK", reason, recoverableAmount: 0 as Cents };
}

function unpriced(line: VarianceInputLine, flag: VarianceFlag, reason: string): VarianceLine {
  return {
    flag,
    reason,
    expectedAmount: null,
    allowedAmount: line.allowedAmount,
    varianceAmount: null,
    varianceFraction: null,
    recoverableAmount: 0 as Cents,
  };
}

const REVERSAL_REASON =
  "Reversal of an earlier payment: not rated (DOMAIN.md 4.3); a correction, if any, is reviewed on its own line.";

/**
 * Reviews claim lines against their contracts (issue 6 item 4): each claim's lines are priced together by
 * {@link priceClaim}, so multiple-procedure ranking applies across the claim, and each line gets a flag, in this
 * precedence: Reversed (a reversal line, not rated: DOMAIN.md 4.3), Denied (DOMAIN.md 4.3, whatever its price),
 * No contract rate (the pricing issue as the reason),
 * Underpaid / Overpaid (allowed below / above expected beyond the tolerance), OK. Allowed is compared with the
 * expected allowed amount, not paid (DOMAIN.md 0.5). One result per line, in order; exact cents throughout.
 * @example reviewVariances(registry, lines, DEFAULT_VARIANCE_TOLERANCE)[0].flag // "Underpaid"
 */
export function reviewVariances(
  registry: ContractRegistry,
  lines: readonly VarianceInputLine[],
  tolerance: VarianceTolerance,
): VarianceLine[] {
  const claims = new Map<string, number[]>();
  lines.forEach((line, index) => {
    // A reversal is not priced, nor ranked with its claim's other lines (its correction takes its place).
    if (!line.pricing.ok || line.reversal) return;
    const members = claims.get(line.claimKey);
    if (members === undefined) claims.set(line.claimKey, [index]);
    else members.push(index);
  });
  const prices = new Map<number, Result<ContractPrice>>();
  for (const members of claims.values()) {
    const claimLines = members.map((i) => (lines[i]!.pricing as { value: ContractLine }).value);
    priceClaim(registry, claimLines).forEach((price, k) => prices.set(members[k]!, price));
  }
  return lines.map((line, index) => {
    if (line.reversal) return unpriced(line, "Reversed", REVERSAL_REASON);
    const price = prices.get(index);
    if (price?.ok === true) return pricedReview(line, price.value, tolerance);
    if (line.denial.denied) return unpriced(line, "Denied", deniedReasonText(line.denial));
    const issue = price === undefined ? (line.pricing as { issue: VarianceIssue | EngineIssue }).issue : price.issue;
    return unpriced(line, "No contract rate", varianceIssueMessage(issue));
  });
}
