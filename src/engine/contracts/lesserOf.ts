import { Decimal } from "../decimal";
import { roundedCents, type Cents } from "../money";
import type { TraceStep } from "../trace";
import type { LesserOfOutcome } from "./types";

/**
 * Whether a billed charge is less than a contract amount, in whole cents: the amount as its half-up cents and
 * whether the exact amount lies above them (a charge equal to the rounded cents is then still below the amount).
 * Exact for every amount, without decimal arithmetic per line: the batch pricer's per-line test and `applyLesserOf`
 * are this one rule.
 */
export function chargeIsLess(chargeCents: number, amountCents: number, amountAboveCents: boolean): boolean {
  return chargeCents < amountCents || (chargeCents === amountCents && amountAboveCents);
}

/**
 * Lesser-of billed charges, per line, after units and adjustments (DOMAIN.md 2.1 "Medicare allowed = lesser of
 * actual charge or fee schedule amount", 3.1 "lesser-of"): the contract amount, capped at the line's charge, and
 * the one half-up rounding to cents. Without a charge the cap cannot be checked: the amount stands and the trace
 * says so.
 */
export function applyLesserOf(
  amount: Decimal,
  lesserOf: boolean,
  chargeAmount: Cents | null,
): {
  /** The exact amount after lesser-of. */
  readonly amount: Decimal;
  readonly allowedAmount: Cents;
  readonly outcome: LesserOfOutcome;
  readonly step: TraceStep;
} {
  const { cents, aboveCents } = roundedCents(amount);
  if (!lesserOf) {
    const outcome = "not in contract";
    return { amount, allowedAmount: cents, outcome, step: { kind: "lesserOf", outcome, amount } };
  }
  if (chargeAmount === null) {
    const outcome = "no charge given";
    return { amount, allowedAmount: cents, outcome, step: { kind: "lesserOf", outcome, amount } };
  }
  const bound = chargeIsLess(chargeAmount, cents, aboveCents);
  const outcome = bound ? "bound" : "not bound";
  return {
    amount: bound ? new Decimal(chargeAmount).dividedBy(100) : amount,
    allowedAmount: bound ? chargeAmount : cents,
    outcome,
    step: { kind: "lesserOf", outcome, chargeAmount, amount },
  };
}
