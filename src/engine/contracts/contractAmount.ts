import { Decimal } from "../decimal";
import { findFeeScheduleRate } from "../feeSchedule";
import type { EngineIssue } from "../issues";
import type { Modifier } from "../modifiers";
import type { CareSetting } from "../placeOfService";
import { percent as asPercent } from "../pfsRules/adjustment";
import { fail, ok, type Result } from "../result";
import type { TraceStep } from "../trace";
import { findCarveOut } from "./carveOuts";
import { feeScheduleAdjustment } from "./feeScheduleAdjustments";
import { medicareAmount, type MedicareBasisLine } from "./medicareBasis";
import { registryKey, type ContractRegistry } from "./registry";
import type { CarveOut, ContractLine, ContractVersion, PricingBasis } from "./types";

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

/** A line with its defaults applied: the inputs of {@link contractAmount}. */
export interface PricingKeyLine extends MedicareBasisLine {
  readonly units: Decimal;
}

/** Reads units: a positive finite number, default 1 (DOMAIN.md 3.1: rate x units). */
export function lineUnits(units: number | undefined): Result<Decimal> {
  if (units === undefined) return ok(new Decimal(1));
  if (!Number.isFinite(units) || units <= 0) return fail({ code: "unitsInvalid", value: String(units) });
  return ok(new Decimal(String(units)));
}

/** The line of a {@link ContractLine} with defaults applied (modifiers none, units 1, non-facility). */
export function pricingKeyLine(line: ContractLine): Result<PricingKeyLine> {
  const units = lineUnits(line.units);
  if (!units.ok) return units;
  const setting: CareSetting = line.setting ?? "non-facility";
  return ok({
    hcpcsCode: line.hcpcsCode,
    modifiers: line.modifiers ?? ([] as Modifier[]),
    setting,
    serviceDate: line.serviceDate,
    units: units.value,
    ...(line.multipleProcedureRank !== undefined ? { multipleProcedureRank: line.multipleProcedureRank } : {}),
  });
}

const pct = (percent: Decimal): string => asPercent(percent);

function times(amount: Decimal, factor: Decimal, text: string, trace: TraceStep[]): Decimal {
  const result = amount.times(factor);
  trace.push({
    kind: "formula",
    text: `${text}: ${amount.toString()} x ${factor.toString()} = ${result.toString()}`,
    values: { factor: factor.toString(), amount: result.toString() },
  });
  return result;
}

function withUnits(amount: Decimal, line: PricingKeyLine, trace: TraceStep[]): Decimal {
  return times(amount, line.units, `Units ${line.units.toString()}`, trace);
}

function percentOfCharge(basis: PricingBasis, percent: Decimal, trace: TraceStep[]): ContractAmount {
  trace.push({
    kind: "formula",
    text: `${pct(percent)} of the billed charge (the charge covers all units)`,
    values: { percent: percent.toString() },
  });
  return { kind: "percent of charge", basis, percent, trace };
}

/** Percent of the contract's Medicare basis, times units. Not on the Medicare schedule = not covered. */
function percentOfMedicare(
  registry: ContractRegistry,
  version: ContractVersion,
  line: PricingKeyLine,
  percent: Decimal,
  basis: PricingBasis,
  trace: TraceStep[],
): Result<ContractAmount> {
  const medicare = medicareAmount(registry, version, line);
  if (!medicare.ok) return medicare;
  trace.push(...medicare.value.trace);
  const amount = times(medicare.value.amount, percent, `Contract percent ${pct(percent)} of Medicare`, trace);
  return ok({ kind: "amount", basis, amount: withUnits(amount, line, trace), trace });
}

function notCovered(version: ContractVersion, line: PricingKeyLine, scheduleName: string): EngineIssue {
  return {
    code: "contractCodeNotCovered",
    contractName: version.contractName,
    hcpcsCode: line.hcpcsCode,
    modifiers: line.modifiers,
    scheduleName,
  };
}

/** The contract's default rule for a code its schedule does not list, else the not-covered issue. */
function defaultRule(
  registry: ContractRegistry,
  version: ContractVersion,
  line: PricingKeyLine,
  scheduleName: string,
  trace: TraceStep[],
): Result<ContractAmount> {
  const rule = version.defaultRule;
  if (rule === null) return fail(notCovered(version, line, scheduleName));
  trace.push({
    kind: "note",
    text: `${line.hcpcsCode} is not on ${scheduleName}: default rule, ${rule.method} ${pct(rule.percent)}`,
  });
  if (rule.method === "percent of billed") return ok(percentOfCharge("default percent of billed", rule.percent, trace));
  const priced = percentOfMedicare(registry, version, line, rule.percent, "default percent of medicare", trace);
  if (!priced.ok && priced.issue.code === "pfsCodeNotOnSchedule") return fail(notCovered(version, line, scheduleName));
  return priced;
}

function carveOutAmount(
  registry: ContractRegistry,
  version: ContractVersion,
  carveOut: CarveOut,
  line: PricingKeyLine,
  trace: TraceStep[],
): Result<ContractAmount> {
  const range =
    carveOut.hcpcsCodeFrom === carveOut.hcpcsCodeTo
      ? carveOut.hcpcsCodeFrom
      : `${carveOut.hcpcsCodeFrom}-${carveOut.hcpcsCodeTo}`;
  trace.push({
    kind: "scheduleRow",
    text: `Carve-out ${range} (carve-out row ${carveOut.sourceRowNumber}): ${carveOut.method.kind}`,
  });
  const method = carveOut.method;
  if (method.kind === "percent of billed")
    return ok(percentOfCharge("carve-out percent of billed", method.percent, trace));
  if (method.kind === "percent of medicare")
    return percentOfMedicare(registry, version, line, method.percent, "carve-out percent of medicare", trace);
  trace.push({
    kind: "formula",
    text: `Flat rate ${method.rate.toString()} per unit`,
    values: { rate: method.rate.toString() },
  });
  return ok({ kind: "amount", basis: "carve-out flat rate", amount: withUnits(method.rate, line, trace), trace });
}

function feeScheduleAmount(
  registry: ContractRegistry,
  version: ContractVersion,
  feeScheduleName: string,
  line: PricingKeyLine,
  trace: TraceStep[],
): Result<ContractAmount> {
  const schedule = registry.feeSchedules.get(registryKey(feeScheduleName));
  if (schedule === undefined)
    return fail({ code: "feeScheduleNotFound", contractName: version.contractName, scheduleName: feeScheduleName });
  const match = findFeeScheduleRate(schedule, line.hcpcsCode, line.modifiers, line.setting, line.serviceDate);
  if (!match.ok) return match;
  if (match.value === null) return defaultRule(registry, version, line, schedule.name, trace);
  const { row, rate, matchedModifier, singleRateNote } = match.value;
  const key = `${row.hcpcsCode}${row.modifier ? ` ${row.modifier}` : ""}`;
  trace.push({
    kind: "scheduleRow",
    text: `Fee schedule ${schedule.name} row ${row.sourceRowNumber} (${key}, ${row.effectiveStartDate ?? "open"} to ${row.effectiveEndDate ?? "open"}): ${line.setting} rate ${rate.toFixed(Math.max(2, rate.decimalPlaces()))}`,
    values: { rate: rate.toString(), rowNumber: String(row.sourceRowNumber) },
  });
  if (singleRateNote !== null) trace.push({ kind: "note", text: singleRateNote });
  const adjustment = feeScheduleAdjustment(registry, version, line, matchedModifier);
  if (!adjustment.ok) return adjustment;
  trace.push(...adjustment.value.trace);
  let amount = rate;
  if (!adjustment.value.factor.eq(1))
    amount = times(rate, adjustment.value.factor, "Modifier and indicator adjustments", trace);
  return ok({ kind: "amount", basis: "fee schedule", amount: withUnits(amount, line, trace), trace });
}

/**
 * The contract amount of a line under one contract version, in the order of DOMAIN.md 3.1 and 2.6:
 * carve-out (by code, then range) -> the version's method (fee schedule rate with modifier/indicator adjustments,
 * percent of the Medicare amount with CMS's rules, or percent of billed) -> the default rule for codes the schedule
 * does not list -> x units. Lesser-of and the one rounding come after, when the charge is known ({@link finishPrice}).
 */
export function contractAmount(
  registry: ContractRegistry,
  version: ContractVersion,
  line: PricingKeyLine,
): Result<ContractAmount> {
  const trace: TraceStep[] = [
    {
      kind: "scheduleRow",
      text: `Contract ${version.contractName}, version ${version.effectiveStartDate} to ${version.effectiveEndDate} (registry row ${version.sourceRowNumber}): ${version.method.kind}${version.method.kind === "fee schedule" ? ` ${version.method.feeScheduleName}` : ` ${pct(version.method.percent)}`}`,
      values: { effectiveStartDate: version.effectiveStartDate, effectiveEndDate: version.effectiveEndDate },
    },
  ];
  const carveOut = findCarveOut(registry, version.contractName, line.hcpcsCode);
  if (carveOut !== null) return carveOutAmount(registry, version, carveOut, line, trace);
  const method = version.method;
  if (method.kind === "fee schedule") return feeScheduleAmount(registry, version, method.feeScheduleName, line, trace);
  if (method.kind === "percent of billed") return ok(percentOfCharge("percent of billed", method.percent, trace));
  const priced = percentOfMedicare(registry, version, line, method.percent, "percent of medicare", trace);
  if (!priced.ok && priced.issue.code === "pfsCodeNotOnSchedule")
    return defaultRule(registry, version, line, version.medicareScheduleName ?? "", trace);
  return priced;
}
