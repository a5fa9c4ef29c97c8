import { DENIAL_CATEGORIES, type DenialCategory } from "../denials/denialCategory";
import type { Cents } from "../money";
import { VARIANCE_FLAGS, type VarianceFlag, type VarianceInputLine, type VarianceLine } from "./reviewLines";

/** Totals of a group of reviewed lines (a payer, a code, or all). Money in whole cents. */
export interface VarianceTotals {
  readonly lines: number;
  /** Expected and allowed of the lines compared (priced and not denied), and their difference. */
  readonly expectedAmount: Cents;
  readonly allowedAmount: Cents;
  readonly varianceAmount: Cents;
  readonly recoverableAmount: Cents;
  readonly underpaidLines: number;
  readonly overpaidLines: number;
  readonly deniedLines: number;
  readonly noContractRateLines: number;
  /** Reversal lines: counted in `lines`, left out of both denial rates (DOMAIN.md 4.3: reversals are not rated). */
  readonly reversedLines: number;
  /**
   * Charges of every rated line with a charge (reversals left out), and of the denied ones (HFMA denial rate by
   * dollars, DOMAIN.md 4.1).
   */
  readonly chargeAmount: Cents;
  readonly deniedChargeAmount: Cents;
  /** Denied lines / rated lines (reversals left out); null without rated lines. */
  readonly denialRateByCount: number | null;
  /** Denied charges / charges; null without charges. */
  readonly denialRateByDollars: number | null;
  /** Denial root causes, most denied lines first (ties by category order). */
  readonly topDenialCategories: readonly { readonly category: DenialCategory; readonly lines: number }[];
}

/** One underpaid claim of the worklist (claim level, as appeals are filed: DOMAIN.md 1). */
export interface WorklistClaim {
  readonly claimKey: string;
  readonly claimId: string | null;
  readonly payer: string;
  /** The earliest service date of its lines. */
  readonly serviceDate: string | null;
  readonly lines: number;
  readonly underpaidLines: number;
  /** The codes of its underpaid lines, largest recoverable first, each once: "99214, 20610". */
  readonly underpaidCodes: string;
  /** The flags of all its lines, each once, in the declared order: "Denied, Underpaid". */
  readonly flags: string;
  /** The reason of its largest underpaid line, as the review column says it. */
  readonly reason: string;
  /** Expected and allowed of the claim's compared lines. */
  readonly expectedAmount: Cents;
  readonly allowedAmount: Cents;
  readonly recoverableAmount: Cents;
}

/** The review summed up: all lines, by payer, by code, and the worklist of underpaid claims. */
export interface VarianceSummary {
  readonly total: VarianceTotals;
  /** Sorted by payer name. */
  readonly byPayer: readonly { readonly payer: string; readonly totals: VarianceTotals }[];
  /** Sorted by recoverable dollars, then code. */
  readonly byCode: readonly { readonly hcpcsCode: string; readonly totals: VarianceTotals }[];
  /** Claims with an underpaid line, by recoverable dollars (largest first), ties by claim. */
  readonly worklist: readonly WorklistClaim[];
}

/** What the summary reads of a reviewed line's input (a professional line, or an institutional line by its code). */
export type VarianceSummaryInput = Pick<
  VarianceInputLine,
  "claimKey" | "claimId" | "payer" | "hcpcsCode" | "serviceDate" | "chargeAmount" | "denial"
>;

class Accumulator {
  lines = 0;
  expected = 0;
  allowed = 0;
  recoverable = 0;
  // One count per declared flag, so a new flag is counted without a new branch.
  readonly flags = Object.fromEntries(VARIANCE_FLAGS.map((flag) => [flag, 0])) as Record<VarianceFlag, number>;
  charges = 0;
  deniedCharges = 0;
  hasCharge = false;
  readonly categories = new Map<DenialCategory, number>();

  /** Adds a line; `counted`: whether it counts in the line counts (a stay's later lines only add their charges). */
  add(input: VarianceSummaryInput, line: VarianceLine, counted: boolean): void {
    if (counted) {
      this.lines++;
      this.flags[line.flag]++;
    }
    if (line.varianceAmount !== null && line.expectedAmount !== null) {
      this.expected += line.expectedAmount;
      this.allowed += line.allowedAmount;
    }
    this.recoverable += line.recoverableAmount;
    if (input.chargeAmount !== null && line.flag !== "Reversed") {
      this.hasCharge = true;
      this.charges += input.chargeAmount;
    }
    if (line.flag === "Denied") {
      this.deniedCharges += input.chargeAmount ?? 0;
      const category = input.denial.category ?? "other";
      if (counted) this.categories.set(category, (this.categories.get(category) ?? 0) + 1);
    }
  }

  totals(): VarianceTotals {
    const rated = this.lines - this.flags.Reversed;
    return {
      lines: this.lines,
      expectedAmount: this.expected as Cents,
      allowedAmount: this.allowed as Cents,
      varianceAmount: (this.allowed - this.expected) as Cents,
      recoverableAmount: this.recoverable as Cents,
      underpaidLines: this.flags.Underpaid,
      overpaidLines: this.flags.Overpaid,
      deniedLines: this.flags.Denied,
      noContractRateLines: this.flags["No contract rate"],
      reversedLines: this.flags.Reversed,
      chargeAmount: this.charges as Cents,
      deniedChargeAmount: this.deniedCharges as Cents,
      denialRateByCount: rated === 0 ? null : this.flags.Denied / rated,
      denialRateByDollars: !this.hasCharge || this.charges === 0 ? null : this.deniedCharges / this.charges,
      topDenialCategories: [...this.categories]
        .map(([category, lines]) => ({ category, lines }))
        .sort(
          (a, b) => b.lines - a.lines || DENIAL_CATEGORIES.indexOf(a.category) - DENIAL_CATEGORIES.indexOf(b.category),
        ),
    };
  }
}

function group(keys: Map<string, Accumulator>, key: string): Accumulator {
  let found = keys.get(key);
  if (found === undefined) keys.set(key, (found = new Accumulator()));
  return found;
}

/**
 * Sums a review by payer and by code, with denial rates by count and by dollars (DOMAIN.md 4.1: line level, the
 * lines' charges as the dollars) and the worklist of underpaid claims. `lines[i]` is the review of `inputs[i]`.
 * @param uncounted positions left out of the counts and the denial rate by count, their charges still summed: the
 *   later lines of a hospital stay, which is reviewed and counted as one claim.
 */
export function summariseVariances(
  inputs: readonly VarianceSummaryInput[],
  lines: readonly VarianceLine[],
  uncounted: ReadonlySet<number> = new Set(),
): VarianceSummary {
  const total = new Accumulator();
  const payers = new Map<string, Accumulator>();
  const codes = new Map<string, Accumulator>();
  type Claim = { input: VarianceSummaryInput; lines: VarianceLine[]; codes: string[]; date: string | null };
  const claims = new Map<string, Claim>();
  inputs.forEach((input, i) => {
    const line = lines[i]!;
    const counted = !uncounted.has(i);
    total.add(input, line, counted);
    group(payers, input.payer).add(input, line, counted);
    group(codes, input.hcpcsCode).add(input, line, counted);
    const claim = claims.get(input.claimKey);
    if (claim === undefined)
      claims.set(input.claimKey, { input, lines: [line], codes: [input.hcpcsCode], date: input.serviceDate });
    else {
      claim.lines.push(line);
      claim.codes.push(input.hcpcsCode);
      if (input.serviceDate !== null && (claim.date === null || input.serviceDate < claim.date))
        claim.date = input.serviceDate;
    }
  });
  const worklist: WorklistClaim[] = [];
  for (const [claimKey, claim] of claims) {
    const underpaid = claim.lines
      .map((line, k) => ({ line, code: claim.codes[k]! }))
      .filter(({ line }) => line.flag === "Underpaid")
      .sort((a, b) => b.line.recoverableAmount - a.line.recoverableAmount);
    if (underpaid.length === 0) continue;
    const present = new Set(claim.lines.map((l) => l.flag));
    const compared = claim.lines.filter((l) => l.varianceAmount !== null);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0) as Cents;
    worklist.push({
      claimKey,
      claimId: claim.input.claimId,
      payer: claim.input.payer,
      serviceDate: claim.date,
      lines: claim.lines.length,
      underpaidLines: underpaid.length,
      underpaidCodes: [...new Set(underpaid.map((u) => u.code))].join(", "),
      flags: VARIANCE_FLAGS.filter((flag) => present.has(flag)).join(", "),
      reason: underpaid[0]!.line.reason,
      expectedAmount: sum(compared.map((l) => l.expectedAmount ?? 0)),
      allowedAmount: sum(compared.map((l) => l.allowedAmount)),
      recoverableAmount: sum(underpaid.map((u) => u.line.recoverableAmount)),
    });
  }
  worklist.sort((a, b) => b.recoverableAmount - a.recoverableAmount || (a.claimKey < b.claimKey ? -1 : 1));
  const sorted = (map: Map<string, Accumulator>) => [...map].map(([key, acc]) => ({ key, totals: acc.totals() }));
  return {
    total: total.totals(),
    byPayer: sorted(payers)
      .sort((a, b) => a.key.localeCompare(b.key))
      .map(({ key, totals }) => ({ payer: key, totals })),
    byCode: sorted(codes)
      .sort((a, b) => b.totals.recoverableAmount - a.totals.recoverableAmount || (a.key < b.key ? -1 : 1))
      .map(({ key, totals }) => ({ hcpcsCode: key, totals })),
    worklist,
  };
}
