import { Decimal } from "../decimal";
import type { Cents } from "../money";
import { fail, ok, type Result } from "../result";
import type { TraceStep } from "../trace";
import { pricingKeyLine, unitsContractAmount, type ContractAmount } from "./contractAmount";
import { applyLesserOf } from "./lesserOf";
import type { ContractRegistry } from "./registry";
import type { ContractLine, ContractPrice, ContractVersion } from "./types";
import { findContractVersion } from "./versionSelection";

/**
 * Completes a contract amount with the line's charge: percent of the charge where the method needs it (an issue
 * when the charge is missing), lesser-of, then the one half-up rounding to cents (ARCHITECTURE.md 6).
 */
export function finishPrice(
  version: ContractVersion,
  priced: ContractAmount,
  chargeAmount: Cents | null,
): Result<ContractPrice> {
  const trace: TraceStep[] = [...priced.trace];
  let amount: Decimal;
  if (priced.kind === "percent of charge") {
    if (chargeAmount === null)
      return fail({ code: "chargeAmountRequired", contractName: version.contractName, basis: priced.basis });
    amount = new Decimal(chargeAmount).dividedBy(100).times(priced.percent);
    trace.push({ kind: "chargeTimesPercent", chargeAmount, percent: priced.percent, amount });
  } else amount = priced.amount;
  const lesserOf = applyLesserOf(amount, version.lesserOf, chargeAmount);
  trace.push(lesserOf.step);
  const { allowedAmount } = lesserOf;
  trace.push({ kind: "allowedAmount", amount: lesserOf.amount, allowedAmount });
  return ok({ allowedAmount, contractAmount: amount, version, basis: priced.basis, lesserOf: lesserOf.outcome, trace });
}

/**
 * The expected allowed amount of one claim line under a contract, with a trace of every step:
 * contract version by date of service -> carve-out or method (fee schedule, percent of Medicare, percent of billed)
 * -> default rule -> modifier and indicator adjustments -> units -> lesser-of billed -> one rounding.
 * Units follow the line's unit rule under a Multiple Procedure Rule "medicare" (`unitsContractAmount`), as the line
 * priced as a one-line claim would: 2 units of a bilateral-indicator-1 code are one bilateral procedure, a component
 * family's later units are subsequent services.
 * Sources: DOMAIN.md 2.6 (order of operations), 3.1 (methods).
 * @example priceLine(registry, { contractName: "Acme Health PPO", hcpcsCode: "99213", serviceDate: "2025-03-04" })
 */
export function priceLine(registry: ContractRegistry, line: ContractLine): Result<ContractPrice> {
  const version = findContractVersion(registry, line.contractName, line.serviceDate);
  if (!version.ok) return version;
  const keyLine = pricingKeyLine(line);
  if (!keyLine.ok) return keyLine;
  const priced = unitsContractAmount(registry, version.value, keyLine.value);
  if (!priced.ok) return priced;
  return finishPrice(version.value, priced.value, line.chargeAmount ?? null);
}
