import { codeRangeText } from "../contracts/carveOuts";
import { placeClaimLines } from "../contracts/priceClaim";
import { priceLines, type PricedKey } from "../contracts/priceLines";
import type { ContractRegistry } from "../contracts/registry";
import type { ContractLine, ContractPrice } from "../contracts/types";
import { isAnesthesiaCode } from "../pfsRules/anesthesia";
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
export function pricingBasisText(price: Pick<ContractPrice, "trace" | "basis" | "version">): string {
  for (let i = price.trace.length - 1; i >= 0; i--) {
    const step = price.trace[i]!;
    if (step.kind === "feeScheduleRow") return `fee schedule ${step.source.scheduleName} row ${step.source.rowNumber}`;
    if (step.kind === "carveOut") return `carve-out ${codeRangeText(step.hcpcsCodeFrom, step.hcpcsCodeTo)}`;
  }
  return `${price.basis} under ${price.version.contractName} (registry row ${price.version.sourceRowNumber})`;
}

/**
 * round half-up of `numerator` / `denominator` (integers, denominator > 0) in integer arithmetic, or null when the
 * doubled numerator would pass 2^53: the caller then divides with decimals. Exact, and no decimal object per line.
 */
function roundedQuotient(numerator: number, denominator: number): number | null {
  const twice = 2 * Math.abs(numerator) + denominator;
  if (!Number.isSafeInteger(twice)) return null;
  const magnitude = Math.floor(twice / (2 * denominator));
  return numerator < 0 ? -magnitude : magnitude;
}

function varianceShare(variance: Cents, expected: Cents): string {
  if (expected === 0) return "on an expected $0.00";
  const tenths = roundedQuotient(Math.abs(variance) * 1000, Math.abs(expected));
  if (tenths === null) return percentText(new Decimal(Math.abs(variance)).dividedBy(expected), 1);
  return `${expected < 0 ? "-" : ""}${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

/** Variance / expected to 6 decimal places, half away from zero as decimal.js rounds it. */
function varianceFractionOf(variance: Cents, expected: Cents): number {
  const millionths = roundedQuotient(variance * 1_000_000, expected);
  if (millionths === null || expected < 0)
    return new Decimal(variance).dividedBy(expected).toDecimalPlaces(6).toNumber();
  return millionths / 1_000_000;
}

/** A line's review as one object literal of one shape, so 100,000 of them stay cheap to build and to read. */
function reviewOf(
  flag: VarianceFlag,
  reason: string,
  expectedAmount: Cents | null,
  allowedAmount: Cents,
  varianceAmount: Cents | null,
  recoverableAmount: Cents,
): VarianceLine {
  const varianceFraction =
    varianceAmount === null || expectedAmount === null || expectedAmount === 0
      ? null
      : varianceFractionOf(varianceAmount, expectedAmount);
  return { flag, reason, expectedAmount, allowedAmount, varianceAmount, varianceFraction, recoverableAmount };
}

/**
 * The review of a priced line: Denied, else Underpaid / Overpaid beyond the tolerance, else OK; the reason states the
 * amounts and `basis`, the rule that priced it. Shared by the professional and the institutional reviews.
 */
export function pricedReview(
  line: Pick<VarianceInputLine, "allowedAmount" | "denial">,
  expected: Cents,
  basis: string,
  tolerance: VarianceTolerance,
): VarianceLine {
  const allowed = line.allowedAmount;
  if (line.denial.denied) return reviewOf("Denied", deniedReasonText(line.denial), expected, allowed, null, 0 as Cents);
  const variance = centsDifference(allowed, expected);
  const partial = line.denial.reasonCode === null ? "" : `; adjusted ${line.denial.reasonCode}`;
  if (variance !== 0 && exceedsTolerance(variance, expected, tolerance)) {
    const under = variance < 0;
    const reason =
      `Allowed ${money(allowed)} is ${money(variance)} (${varianceShare(variance, expected)}) ` +
      `${under ? "below" : "above"} expected ${money(expected)}: ${basis}${partial}`;
    const recoverable = (under ? -variance : 0) as Cents;
    return reviewOf(under ? "Underpaid" : "Overpaid", reason, expected, allowed, variance, recoverable);
  }
  const reason =
    variance === 0
      ? `Allowed ${money(allowed)} equals expected: ${basis}${partial}`
      : `Allowed ${money(allowed)} is within tolerance of expected ${money(expected)}: ${basis}${partial}`;
  return reviewOf("OK", reason, expected, allowed, variance, 0 as Cents);
}

/** The review of a line with no expected amount (reversed, denied or not priced), with its reason. */
export const unpriced = (
  line: Pick<VarianceInputLine, "allowedAmount">,
  flag: VarianceFlag,
  reason: string,
): VarianceLine => reviewOf(flag, reason, null, line.allowedAmount, null, 0 as Cents);

/** The reason of a reversal line. */
export const REVERSAL_REASON =
  "Reversal of an earlier payment: not rated (DOMAIN.md 4.3); a correction, if any, is reviewed on its own line.";

/**
 * Reviews claim lines against their contracts (issue 6 item 4): each claim's lines are placed together by
 * {@link placeClaimLines}, so multiple-procedure ranking applies across the claim, then priced by key with the batch
 * pricer (each distinct key once, issue 20), and each line gets a flag, in this precedence: Reversed (a reversal line,
 * not rated: DOMAIN.md 4.3), Denied (DOMAIN.md 4.3, whatever its price), No contract rate (the pricing issue as the
 * reason), Underpaid / Overpaid (allowed below / above expected beyond the tolerance), OK. Allowed is compared with
 * the expected allowed amount, not paid (DOMAIN.md 0.5). One result per line, in order; exact cents throughout, the
 * same amounts as `priceClaim` line by line.
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
  const placed: (ContractLine | undefined)[] = new Array(lines.length);
  for (const members of claims.values()) {
    const claimLines = members.map((i) => (lines[i]!.pricing as { value: ContractLine }).value);
    placeClaimLines(registry, claimLines).forEach((line, k) => (placed[members[k]!] = line));
  }
  const { expected, keys, issues } = priceByKey(registry, placed);
  const basisTexts = new Map<PricedKey, string>();
  const basisOf = (key: PricedKey) => {
    let text = basisTexts.get(key);
    if (text === undefined) {
      text = pricingBasisText({ trace: key.priced!.trace, basis: key.priced!.basis, version: key.version! });
      basisTexts.set(key, text);
    }
    return text;
  };
  return lines.map((line, index) => {
    if (line.reversal) return unpriced(line, "Reversed", REVERSAL_REASON);
    const key = keys[index];
    if (key !== undefined && key !== null)
      return pricedReview(line, expected[index]! as Cents, basisOf(key), tolerance);
    if (line.denial.denied) return unpriced(line, "Denied", deniedReasonText(line.denial));
    const issue = issues.get(index) ?? (line.pricing as { issue: VarianceIssue | EngineIssue }).issue;
    return unpriced(line, "No contract rate", varianceIssueMessage(issue));
  });
}

/**
 * The expected amount of each placed line and the priced key behind it, by line position (undefined where a line
 * was not priced), or the batch pricer's issue.
 */
function priceByKey(registry: ContractRegistry, placed: readonly (ContractLine | undefined)[]) {
  const positions: number[] = [];
  placed.forEach((line, index) => {
    if (line !== undefined) positions.push(index);
  });
  const batch = positions.map((i) => placed[i]!);
  const priced = priceLines(
    registry,
    {
      contractName: batch.map((l) => l.contractName),
      hcpcsCode: batch.map((l) => l.hcpcsCode),
      serviceDate: batch.map((l) => l.serviceDate),
      modifiers: batch.map((l) => l.modifiers ?? []),
      // A line without units is 1 unit, except an anesthesia line, whose units are its minutes: NaN makes it the
      // batch pricer's units issue, replaced below by the one priceLine gives.
      units: batch.map((l) => l.units ?? (isAnesthesiaCode(l.hcpcsCode) ? NaN : 1)),
      chargeAmount: batch.map((l) => l.chargeAmount ?? null),
      setting: batch.map((l) => l.setting ?? "non-facility"),
      placement: batch,
    },
    { keepKeys: true },
  );
  const expected = new Float64Array(placed.length);
  const keys: (PricedKey | null | undefined)[] = new Array(placed.length);
  const issues = new Map<number, EngineIssue>();
  positions.forEach((index, k) => {
    const line = batch[k]!;
    expected[index] = priced.allowedAmount[k]!;
    keys[index] = priced.pricedKeys![k]!;
    const issue = priced.issues.get(k);
    if (issue?.code === "unitsInvalid" && line.units === undefined)
      issues.set(index, { code: "anesthesiaMinutesRequired", hcpcsCode: line.hcpcsCode });
    else if (issue !== undefined) issues.set(index, issue);
  });
  return { expected, keys, issues };
}
