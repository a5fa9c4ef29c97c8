import { createCentsReader, type CentsRead } from "../cellValues";
import type { Cents } from "../money";
import { fail, ok, type Result } from "../result";
import type { DenialIssue } from "./issues";
import { createOutcomeReader, type OutcomeProblem } from "./outcome";

/** How denials are weighed: each line or claim counts 1 ("count"), or by its billed charges ("dollars"). */
export const DENIAL_RATE_BASES = ["count", "dollars"] as const;
/** One of {@link DENIAL_RATE_BASES}. */
export type DenialRateBasis = (typeof DENIAL_RATE_BASES)[number];

/** What is rated: claim lines, or claims (given claim ids). */
export type DenialRateUnit = "line" | "claim";

/** The columns of a denial-rate calculation, one entry per claim line; `charges` and `claimIds` may be absent. */
export interface DenialRateInput {
  /** Per line: TRUE/FALSE, a status word or adjustment codes (see `parseOutcome`). */
  readonly outcomes: readonly unknown[];
  /** Per line billed charge in dollars; needed for basis "dollars". */
  readonly charges?: readonly unknown[] | null;
  /** Defaults to "count". */
  readonly basis?: DenialRateBasis;
  /** Per line claim id; when given the rate is per claim. */
  readonly claimIds?: readonly unknown[] | null;
}

/** A denial rate with the counts behind it, so a user can check it. */
export interface DenialRate {
  /** Denied share, from 0 to 1. */
  readonly rate: number;
  readonly basis: DenialRateBasis;
  readonly unit: DenialRateUnit;
  /** Lines or claims denied. */
  readonly deniedQuantity: number;
  /** Lines or claims rated (the denominator for basis "count"). */
  readonly ratedQuantity: number;
  /** Billed charges of the denied lines or claims, for basis "dollars". */
  readonly deniedChargeCents: Cents | null;
  /** Billed charges of all rated lines or claims, for basis "dollars". */
  readonly ratedChargeCents: Cents | null;
  /** Lines left out: blank, pending, reversed or void. */
  readonly excludedLines: number;
}

/**
 * The definition of a denial rate in words, as `PAYER.DENIAL_RATE`'s help and the task pane state it
 * (DOMAIN.md 4.1 and 7: a rate must say whether it counts or weighs by dollars, lines or claims).
 */
export function denialRateDefinition(basis: DenialRateBasis, unit: DenialRateUnit): string {
  const units = unit === "claim" ? "claims" : "claim lines";
  return basis === "count"
    ? `Denied ${units} / rated ${units}`
    : `Billed charges of denied ${units} / billed charges of rated ${units}`;
}

/**
 * Denial rate over claim lines (DOMAIN.md 4.1 initial denial rate, 4.3 line rule):
 * - a line is denied when its outcome says so: TRUE, a denial status word, or any adjustment code that is not
 *   patient responsibility (1/2/3), contractual (45), MPPR (59), prior payer (23) or sequestration (253);
 * - blank, pending, reversed and void lines are left out of both numerator and denominator;
 * - a reversal is recognised in each outcome form: the status word "Reversed" / "Void" (the remittance table's
 *   Outcome column); with TRUE/FALSE flags (its Denied Flag) or adjustment codes, which cannot say "reversed", by a
 *   negative charge, as an 835 reversal (CLP02 = 22) repeats the original line with every amount negated (DOMAIN.md
 *   4.3: reversals are not rated). So a line with a negative charge is left out in both bases whenever charges are
 *   given, and the count and dollar rates rate the same lines;
 * - with `claimIds`, a claim is denied when any of its rated lines is, and weighs the charges of all its rated lines;
 * - basis "dollars" divides billed charges of denied lines (or claims) by billed charges of all rated ones.
 * Each distinct outcome text is parsed once and charges are summed as integer cents, so a million rows take a
 * few tens of milliseconds and dollar totals are exact.
 * @example computeDenialRate({ outcomes: ["CO-50", "PR-2 CO-45", true, "paid"] }) // ok, rate 0.5
 */
export function computeDenialRate(input: DenialRateInput): Result<DenialRate, DenialIssue> {
  const { outcomes } = input;
  const charges = input.charges ?? null;
  const claimIds = input.claimIds ?? null;
  const basis = input.basis ?? "count";
  const rows = outcomes.length;
  if (basis === "dollars" && charges === null) return fail({ code: "chargesRequired" });
  if (charges !== null && charges.length !== rows) {
    return fail({ code: "lengthMismatch", argument: "charges", rows: charges.length, outcomeRows: rows });
  }
  if (claimIds !== null && claimIds.length !== rows) {
    return fail({ code: "lengthMismatch", argument: "claim_ids", rows: claimIds.length, outcomeRows: rows });
  }

  const readOutcome = createOutcomeReader();
  // A billed charge is never negative: a negative one is a reversal line (see above). Its magnitude is bounded by the
  // exact-sum check on the total below.
  const readCharge = createCentsReader({ sign: "zeroOrMore" });
  const claims = claimIds === null ? null : new ClaimTally();
  const weighByDollars = basis === "dollars" && charges !== null;
  let excludedLines = 0;
  let ratedLines = 0;
  let deniedLines = 0;
  let ratedCents = 0;
  let deniedCents = 0;

  for (let i = 0; i < rows; i++) {
    const parsed = readOutcome(outcomes[i]);
    if (!parsed.ok) return fail(outcomeIssue(parsed.problem, i + 1, outcomes[i]));
    const charge = parsed.outcome === "excluded" || charges === null ? null : readCharge(charges[i]);
    if (parsed.outcome === "excluded" || charge === "negative") {
      excludedLines++;
      continue;
    }
    const denied = parsed.outcome === "denied";
    let cents = 0;
    if (weighByDollars) {
      if (typeof charge !== "number") return fail(chargeIssue(charge ?? "blank", i + 1, charges[i]));
      cents = charge;
    }
    if (claims !== null && claimIds !== null) {
      if (!claims.add(claimIds[i], denied, cents)) return fail({ code: "claimIdMissing", row: i + 1 });
    } else {
      ratedLines++;
      ratedCents += cents;
      if (denied) {
        deniedLines++;
        deniedCents += cents;
      }
    }
  }

  const totals =
    claims === null ? { rated: ratedLines, denied: deniedLines, ratedCents, deniedCents } : claims.totals();
  if (totals.rated === 0) return fail({ code: "noOutcomes", excludedRows: excludedLines });
  if (!Number.isSafeInteger(totals.ratedCents)) return fail({ code: "chargesTooLarge" });
  if (basis === "dollars" && totals.ratedCents === 0) return fail({ code: "noCharges" });
  return ok({
    rate: basis === "dollars" ? totals.deniedCents / totals.ratedCents : totals.denied / totals.rated,
    basis,
    unit: claims === null ? "line" : "claim",
    deniedQuantity: totals.denied,
    ratedQuantity: totals.rated,
    deniedChargeCents: basis === "dollars" ? (totals.deniedCents as Cents) : null,
    ratedChargeCents: basis === "dollars" ? (totals.ratedCents as Cents) : null,
    excludedLines,
  });
}

/** Rolls lines up to claims: one slot per claim id (trimmed, case-insensitive; 123 and "123" are one claim). */
class ClaimTally {
  private readonly slotByKey = new Map<string, number>();
  private readonly denied: boolean[] = [];
  private readonly cents: number[] = [];
  // A claim's lines are usually adjacent, so the previous row's id is checked before normalising and hashing.
  private lastClaimId: unknown = undefined;
  private lastSlot = -1;

  /** Adds a rated line to its claim; false when the claim id is blank. */
  add(claimId: unknown, denied: boolean, cents: number): boolean {
    let slot = this.lastSlot;
    if (claimId !== this.lastClaimId || slot < 0) {
      const key = claimKey(claimId);
      if (key === null) return false;
      slot = this.slotByKey.get(key) ?? -1;
      if (slot < 0) {
        slot = this.denied.length;
        this.slotByKey.set(key, slot);
        this.denied.push(false);
        this.cents.push(0);
      }
      this.lastClaimId = claimId;
      this.lastSlot = slot;
    }
    if (denied) this.denied[slot] = true;
    this.cents[slot] = (this.cents[slot] ?? 0) + cents;
    return true;
  }

  totals(): { rated: number; denied: number; ratedCents: number; deniedCents: number } {
    let deniedClaims = 0;
    let ratedCents = 0;
    let deniedCents = 0;
    for (let slot = 0; slot < this.denied.length; slot++) {
      const cents = this.cents[slot] ?? 0;
      ratedCents += cents;
      if (this.denied[slot] === true) {
        deniedClaims++;
        deniedCents += cents;
      }
    }
    return { rated: this.denied.length, denied: deniedClaims, ratedCents, deniedCents };
  }
}

function claimKey(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const key = String(value).trim().toUpperCase();
  return key === "" ? null : key;
}

function outcomeIssue(problem: OutcomeProblem, row: number, value: unknown): DenialIssue {
  switch (problem.kind) {
    case "unknownText":
      return { code: "outcomeUnknown", row, value: String(value), token: problem.token };
    case "zero":
      return { code: "outcomeZero", row };
    case "notACode":
      return { code: "outcomeNotACode", row, value: Number(value) };
    case "notAValue":
      return { code: "outcomeNotAValue", row };
  }
}

function chargeIssue(read: Exclude<CentsRead, Cents>, row: number, value: unknown): DenialIssue {
  switch (read) {
    case "blank":
      return { code: "chargeMissing", row };
    case "malformed":
      return { code: "chargeMalformed", row, value: String(value) };
    // Unreached from computeDenialRate, which leaves a negative charge's line out as a reversal.
    case "negative":
      return { code: "chargeNegative", row, value: String(value) };
    // Only with a bound on one charge, which this reader has not: the total's check words it.
    case "tooLarge":
      return { code: "chargesTooLarge" };
  }
}
