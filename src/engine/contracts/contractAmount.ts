import { Decimal } from "../decimal";
import type { Modifier } from "../modifiers";
import type { CareSetting } from "../placeOfService";
import { fail, ok, type Result } from "../result";
import type { TraceStep } from "../trace";
import { findCarveOut } from "./carveOuts";
import { notCovered, type ContractAmount, type PricingContext, type PricingKeyLine } from "./methodAmounts";
import { carveOutMethodEntry, contractMethodEntry, DEFAULT_RULES } from "./methods";
import type { ContractRegistry } from "./registry";
import type { ContractLine, ContractVersion } from "./types";

export type { ContractAmount, PricingKeyLine } from "./methodAmounts";

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
    ...(line.procedureRole !== undefined ? { procedureRole: line.procedureRole } : {}),
  });
}

/**
 * The contract amount of a line under one contract version, in the order of DOMAIN.md 3.1 and 2.6:
 * carve-out (by code, then range) -> the version's method (fee schedule rate with modifier/indicator adjustments,
 * percent of the Medicare amount with CMS's rules, or percent of billed) -> the default rule for codes the schedule
 * does not list -> x units. Each step is the entry of its kind in the method tables (methods.ts). Lesser-of and the
 * one rounding come after, when the charge is known (`finishPrice`).
 */
export function contractAmount(
  registry: ContractRegistry,
  version: ContractVersion,
  line: PricingKeyLine,
): Result<ContractAmount> {
  const trace: TraceStep[] = [
    {
      kind: "contractVersion",
      contractName: version.contractName,
      effectiveStartDate: version.effectiveStartDate,
      effectiveEndDate: version.effectiveEndDate,
      method: version.method,
      source: { kind: "registry row", rowNumber: version.sourceRowNumber },
    },
  ];
  const carveOut = findCarveOut(registry, version.contractName, line.hcpcsCode);
  if (carveOut !== null) {
    trace.push({
      kind: "carveOut",
      hcpcsCodeFrom: carveOut.hcpcsCodeFrom,
      hcpcsCodeTo: carveOut.hcpcsCodeTo,
      method: carveOut.method,
      source: { kind: "carve-out row", rowNumber: carveOut.sourceRowNumber },
    });
    const context: PricingContext = { registry, version, line, trace, basis: `carve-out ${carveOut.method.kind}` };
    return carveOutMethodEntry(carveOut.method).amount(carveOut.method, context);
  }
  const unlisted = (scheduleName: string): Result<ContractAmount> => {
    const rule = version.defaultRule;
    if (rule === null) return fail(notCovered(version, line, scheduleName));
    const context: PricingContext = { registry, version, line, trace, basis: `default ${rule.method}` };
    trace.push({ kind: "defaultRule", hcpcsCode: line.hcpcsCode, scheduleName, rule });
    return DEFAULT_RULES[rule.method].amount(rule, context, scheduleName);
  };
  const context: PricingContext = { registry, version, line, trace, basis: version.method.kind };
  return contractMethodEntry(version.method).amount(version.method, context, unlisted);
}
