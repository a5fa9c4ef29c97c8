import { Decimal } from "../decimal";
import type { Cents } from "../money";
import type { TraceStep } from "../trace";
import type { LesserOfOutcome } from "./types";

/**
 * Lesser-of billed charges, per line, after units and adjustments (DOMAIN.md 2.1 "Medicare allowed = lesser of
 * actual charge or fee schedule amount", 3.1 "lesser-of"): the contract amount, capped at the line's charge.
 * Without a charge the cap cannot be checked: the amount stands and the trace says so.
 */
export function applyLesserOf(
  amount: Decimal,
  lesserOf: boolean,
  chargeAmount: Cents | null,
): { readonly amount: Decimal; readonly outcome: LesserOfOutcome; readonly step: TraceStep } {
  if (!lesserOf)
    return { amount, outcome: "not in contract", step: { kind: "note", text: "Lesser-of: not in this contract" } };
  if (chargeAmount === null) {
    const text = "Lesser-of: no billed charge given, so the cap was not checked";
    return {
      amount,
      outcome: "no charge given",
      step: { kind: "note", text, values: { lesserOf: "no charge given" } },
    };
  }
  const charge = new Decimal(chargeAmount).dividedBy(100);
  const bound = charge.lessThan(amount);
  const text = bound
    ? `Lesser-of: billed charge ${charge.toFixed(2)} is less than ${amount.toString()}, so the charge is paid`
    : `Lesser-of: billed charge ${charge.toFixed(2)} is not less than ${amount.toString()}, so it does not bind`;
  return {
    amount: bound ? charge : amount,
    outcome: bound ? "bound" : "not bound",
    step: { kind: "note", text, values: { lesserOf: bound ? "bound" : "not bound", chargeAmount: charge.toFixed(2) } },
  };
}
