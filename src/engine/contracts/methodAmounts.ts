/**
 * The building blocks the method tables (methods.ts) price with: a fee schedule rate with its adjustments, a percent
 * of the Medicare amount, a percent of the charge, a flat rate; each x units (DOMAIN.md 3.1). Each appends its steps
 * to the context's trace.
 */
import type { Decimal } from "../decimal";
import type { Modifier } from "../modifiers";
import { findFeeScheduleRate } from "../feeSchedule";
import { isAnesthesiaCode } from "../pfsRules/anesthesia";
import type { EngineIssue } from "../issues";
import { fail, ok, type Result } from "../result";
import type { TraceStep } from "../trace";
import { contractAnesthesiaCfMissing, medicareAnesthesiaAmount } from "./anesthesiaAmount";
import { feeScheduleAdjustment } from "./feeScheduleAdjustments";
import { medicareAmount, type MedicareBasisLine } from "./medicareBasis";
import { registryKey, type ContractRegistry } from "./registry";
import type { ContractVersion, PricingBasis } from "./types";

/**
 * A line's contract amount before the billed charge is known: either an exact amount (fee schedule, percent of
 * Medicare, flat rate; units and adjustments included) or a percent of whatever the charge is. Everything in it
 * depends only on the pricing key (version, code, modifiers, setting, units, date period), so the batch pricer
 * computes it once per key.
 */
export type ContractAmount = {
  readonly basis: PricingBasis;
  readonly trace: readonly TraceStep[];
} & (
  | { readonly kind: "amount"; readonly amount: Decimal }
  | { readonly kind: "percent of charge"; readonly percent: Decimal }
);

/** A line with its defaults applied: the inputs of a contract amount. */
export interface PricingKeyLine extends MedicareBasisLine {
  readonly units: Decimal;
  /** Set by `priceClaim` on a line its claim pairs with the other side of a bilateral procedure (RT with LT). */
  readonly bilateralSide?: Modifier;
}

/** What a method prices with: the registry, the version, the line, the basis it answers for, the trace so far. */
export interface PricingContext {
  readonly registry: ContractRegistry;
  readonly version: ContractVersion;
  readonly line: PricingKeyLine;
  /** The rule the amount will be reported under (`ContractPrice.basis`). */
  readonly basis: PricingBasis;
  /** Steps so far; each building block appends its own. */
  readonly trace: TraceStep[];
}

/** The amount times the line's units (units enter last: DOMAIN.md 3.1, rate x units). */
function withUnits(context: PricingContext, before: Decimal): Decimal {
  const units = context.line.units;
  const amount = before.times(units);
  context.trace.push({ kind: "units", units, before, amount });
  return amount;
}

/** The code has no rate under the contract: not on its schedule, and no default rule. */
export function notCovered(version: ContractVersion, line: PricingKeyLine, scheduleName: string): EngineIssue {
  return {
    code: "contractCodeNotCovered",
    contractName: version.contractName,
    hcpcsCode: line.hcpcsCode,
    modifiers: line.modifiers,
    scheduleName,
  };
}

/** A percent of the billed charge of the whole line (the charge covers all units); the charge enters later. */
export function percentOfCharge(context: PricingContext, percent: Decimal): ContractAmount {
  context.trace.push({ kind: "percentOfCharge", percent });
  return { kind: "percent of charge", basis: context.basis, percent, trace: context.trace };
}

/** A flat rate per unit; not for an anesthesia line, whose units are minutes. */
export function flatRate(context: PricingContext, rate: Decimal): Result<ContractAmount> {
  const { hcpcsCode } = context.line;
  if (isAnesthesiaCode(hcpcsCode)) {
    const rule = "a flat rate per unit on an anesthesia line, whose units are minutes";
    return fail({ code: "pfsRuleNotSupported", hcpcsCode, rule });
  }
  context.trace.push({ kind: "flatRate", rate });
  return ok({ kind: "amount", basis: context.basis, amount: withUnits(context, rate), trace: context.trace });
}

/**
 * Percent of the contract's Medicare basis, times units; for an anesthesia line, percent of its Medicare anesthesia
 * amount, whose minutes are in it already. Not on the Medicare schedule: `pfsCodeNotOnSchedule`.
 */
export function percentOfMedicare(context: PricingContext, percent: Decimal): Result<ContractAmount> {
  if (isAnesthesiaCode(context.line.hcpcsCode)) {
    const anesthesia = medicareAnesthesiaAmount(context.registry, context.version, context.line);
    if (!anesthesia.ok) return anesthesia;
    context.trace.push(...anesthesia.value.trace);
    const before = anesthesia.value.amount;
    const amount = before.times(percent);
    context.trace.push({ kind: "contractPercent", percent, before, amount });
    return ok({ kind: "amount", basis: context.basis, amount, trace: context.trace });
  }
  const medicare = medicareAmount(context.registry, context.version, context.line);
  if (!medicare.ok) return medicare;
  context.trace.push(...medicare.value.trace);
  const before = medicare.value.amount;
  const amount = before.times(percent);
  context.trace.push({ kind: "contractPercent", percent, before, amount });
  return ok({ kind: "amount", basis: context.basis, amount: withUnits(context, amount), trace: context.trace });
}

/**
 * The rate of the line's code, modifier and setting in a fee schedule table, with the modifier and indicator
 * adjustments of the contract's Multiple Procedure Rule, times units. A code the table does not list goes to
 * `unlisted` (the contract's default rule).
 */
export function feeScheduleAmount(
  context: PricingContext,
  feeScheduleName: string,
  unlisted: (scheduleName: string) => Result<ContractAmount>,
): Result<ContractAmount> {
  const { registry, version, line, trace } = context;
  // A payer's rate is per unit, and an anesthesia line's units are minutes: only an anesthesia CF prices it.
  if (isAnesthesiaCode(line.hcpcsCode)) return fail(contractAnesthesiaCfMissing(version, line));
  const schedule = registry.feeSchedules.get(registryKey(feeScheduleName));
  if (schedule === undefined)
    return fail({ code: "feeScheduleNotFound", contractName: version.contractName, scheduleName: feeScheduleName });
  const match = findFeeScheduleRate(schedule, line.hcpcsCode, line.modifiers, line.setting, line.serviceDate);
  if (!match.ok) return match;
  if (match.value === null) return unlisted(schedule.name);
  const { row, rate, matchedModifier, singleRateNote } = match.value;
  trace.push({
    kind: "feeScheduleRow",
    hcpcsCode: row.hcpcsCode,
    modifier: row.modifier,
    effectiveStartDate: row.effectiveStartDate,
    effectiveEndDate: row.effectiveEndDate,
    setting: line.setting,
    rate,
    source: { kind: "fee schedule row", scheduleName: schedule.name, rowNumber: row.sourceRowNumber },
  });
  if (singleRateNote !== null) trace.push({ kind: "singleRate", setting: line.setting });
  const adjustment = feeScheduleAdjustment(registry, version, line, matchedModifier);
  if (!adjustment.ok) return adjustment;
  trace.push(...adjustment.value.trace);
  let amount = rate;
  if (!adjustment.value.factor.eq(1)) {
    amount = rate.times(adjustment.value.factor);
    trace.push({ kind: "adjustmentFactor", factor: adjustment.value.factor, before: rate, amount });
  }
  return ok({ kind: "amount", basis: context.basis, amount: withUnits(context, amount), trace });
}
