import { Decimal } from "../decimal";
import { COMPONENT_MODIFIERS } from "../feeSchedule";
import type { HcpcsCode } from "../hcpcsCode";
import type { IsoDate } from "../isoDate";
import type { Modifier } from "../modifiers";
import { findPfsRow, type PfsRvuRow } from "../pfsSchedule";
import { isAnesthesiaCode } from "../pfsRules/anesthesia";
import { ANESTHESIA_MINUTES, RATE_TIMES_UNITS, unitRuleOf, type UnitRule } from "../pfsRules/unitRules";
import type { CareSetting } from "../placeOfService";

const BILATERAL_MODIFIER = "50" as Modifier;
const HALF = new Decimal("0.5");
import { fail, ok, type Result } from "../result";
import type { TraceStep } from "../trace";
import { contractAnesthesiaAmount } from "./anesthesiaAmount";
import { findCarveOut } from "./carveOuts";
import { resolveMedicareBasis } from "./medicareBasis";
import { notCovered, type ContractAmount, type PricingContext, type PricingKeyLine } from "./methodAmounts";
import { carveOutMethodEntry, contractMethodEntry, DEFAULT_RULES } from "./methods";
import { modifierPoliciesOf } from "./modifierPolicies";
import type { ContractRegistry } from "./registry";
import type { ContractLine, ContractVersion } from "./types";

export type { ContractAmount, PricingKeyLine } from "./methodAmounts";

/** Reads units: a positive finite number, default 1 (DOMAIN.md 3.1: rate x units). */
export function lineUnits(units: number | undefined): Result<Decimal> {
  if (units === undefined) return ok(new Decimal(1));
  if (!Number.isFinite(units) || units <= 0) return fail({ code: "unitsInvalid", value: String(units) });
  return ok(new Decimal(String(units)));
}

/**
 * The line of a {@link ContractLine} with defaults applied (modifiers none, units 1, non-facility). An anesthesia
 * line has no default: its units are its minutes.
 */
export function pricingKeyLine(line: ContractLine): Result<PricingKeyLine> {
  if (line.units === undefined && isAnesthesiaCode(line.hcpcsCode))
    return fail({ code: "anesthesiaMinutesRequired", hcpcsCode: line.hcpcsCode });
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
    ...(line.bilateralSide !== undefined ? { bilateralSide: line.bilateralSide } : {}),
  });
}

/**
 * The contract amount of a line under one contract version, in the order of DOMAIN.md 3.1 and 2.6:
 * carve-out (by code, then range) -> for an anesthesia line, the contract's own anesthesia CF when it has one ->
 * the version's method (fee schedule rate with modifier/indicator adjustments,
 * percent of the Medicare amount with CMS's rules, or percent of billed) -> the default rule for codes the schedule
 * does not list -> x units -> the contract's own percentage for the line's policy modifiers (`ContractModifierPolicies`:
 * the line is priced without them, then multiplied). Each step is the entry of its kind in the method tables
 * (methods.ts). Lesser-of and the one rounding come after, when the charge is known (`finishPrice`).
 */
export function contractAmount(
  registry: ContractRegistry,
  version: ContractVersion,
  line: PricingKeyLine,
): Result<ContractAmount> {
  const policies = modifierPoliciesOf(registry, version.contractName, line.modifiers);
  if (policies.length === 0) return methodAmount(registry, version, line);
  const modifiers = line.modifiers.filter((m) => !policies.some((policy) => policy.modifier === m));
  const priced = methodAmount(registry, version, { ...line, modifiers });
  if (!priced.ok) return priced;
  const trace: TraceStep[] = [...priced.value.trace];
  let value = priced.value.kind === "amount" ? priced.value.amount : priced.value.percent;
  for (const policy of policies) {
    const before = value;
    value = before.times(policy.percent);
    trace.push({
      kind: "modifierPolicy",
      modifier: policy.modifier as Modifier,
      percent: policy.percent,
      before,
      amount: value,
      source: { kind: "modifier policy row", rowNumber: policy.sourceRowNumber },
    });
  }
  const { basis } = priced.value;
  return ok(
    priced.value.kind === "amount"
      ? { kind: "amount", basis, amount: value, trace }
      : { kind: "percent of charge", basis, percent: value, trace },
  );
}

/** The contract amount of a line by carve-out, method or default rule, before modifier policies. */
function methodAmount(
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
  const anesthesiaCf = version.anesthesiaConversionFactor ?? null;
  if (anesthesiaCf !== null && isAnesthesiaCode(line.hcpcsCode)) {
    const priced = contractAnesthesiaAmount(registry, version, line, anesthesiaCf);
    if (!priced.ok) return priced;
    trace.push(priced.value.step);
    return ok({ kind: "amount", basis: version.method.kind, amount: priced.value.amount, trace });
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

/**
 * The Medicare row whose indicators drive CMS's same-day rules for a line: the row of its code and component modifier
 * (else its global row) in the version's Medicare basis on the date of service; null where there is none.
 */
export function indicatorRow(
  registry: ContractRegistry,
  version: ContractVersion,
  line: { readonly hcpcsCode: HcpcsCode; readonly modifiers?: readonly Modifier[]; readonly serviceDate: IsoDate },
): PfsRvuRow | null {
  const basis = resolveMedicareBasis(registry, version, line.serviceDate);
  if (!basis.ok) return null;
  const component = (line.modifiers ?? []).find((m) => COMPONENT_MODIFIERS.includes(m)) ?? null;
  const pfs = basis.value.schedule.pfs;
  return findPfsRow(pfs, line.hcpcsCode, component) ?? findPfsRow(pfs, line.hcpcsCode, null) ?? null;
}

/**
 * The unit rule of a line under a version ({@link unitRuleOf}): CMS's only under a Multiple Procedure Rule
 * "medicare" and for a code on its Medicare basis; rate x units otherwise ("none" keeps rate x units). One unit is
 * always rate x units, without looking anything up.
 */
export function lineUnitRule(registry: ContractRegistry, version: ContractVersion, line: PricingKeyLine): UnitRule {
  if (isAnesthesiaCode(line.hcpcsCode)) return ANESTHESIA_MINUTES;
  if (line.bilateralSide !== undefined && version.multipleProcedureRule === "medicare")
    return { kind: "bilateralSide", side: line.bilateralSide, modifiers: [...line.modifiers, BILATERAL_MODIFIER] };
  if (version.multipleProcedureRule !== "medicare" || line.units.equals(1)) return RATE_TIMES_UNITS;
  const row = indicatorRow(registry, version, line);
  return row === null ? RATE_TIMES_UNITS : unitRuleOf(row, line.units, line.modifiers, line.procedureRole);
}

/**
 * The contract amount of a line with its units priced by its unit rule, the one way every pricer (a line alone, the
 * batch, a claim) prices units: rate x units; a bilateral pair as one unit with modifier 50; a component family's
 * first unit in full and its later units as subsequent services, each by the contract and summed (lesser-of and the
 * one rounding come after, on the whole line). A family split that is a percent of the charge has no amount to split:
 * the whole line is priced as rate x units.
 */
export function unitsContractAmount(
  registry: ContractRegistry,
  version: ContractVersion,
  line: PricingKeyLine,
  rule: UnitRule = lineUnitRule(registry, version, line),
): Result<ContractAmount> {
  switch (rule.kind) {
    case "rateTimesUnits":
    case "anesthesiaMinutes":
      return contractAmount(registry, version, line);
    case "bilateral": {
      const priced = contractAmount(registry, version, { ...line, units: new Decimal(1), modifiers: rule.modifiers });
      if (!priced.ok) return priced;
      const [head, ...rest] = priced.value.trace;
      const step: TraceStep = { kind: "bilateralUnits", units: line.units };
      return ok({ ...priced.value, trace: head === undefined ? [step] : [head, step, ...rest] });
    }
    case "bilateralSide": {
      const pair = contractAmount(registry, version, { ...line, modifiers: rule.modifiers });
      // A percent of the charge is of this line's own charge: the side is priced as billed.
      if (!pair.ok || pair.value.kind !== "amount") return pair.ok ? contractAmount(registry, version, line) : pair;
      const amount = pair.value.amount.times(HALF);
      const step: TraceStep = { kind: "bilateralSide", side: rule.side, before: pair.value.amount, amount };
      return ok({ ...pair.value, amount, trace: [...pair.value.trace, step] });
    }
    case "familyUnits": {
      const { firstUnits, laterUnits } = rule;
      const first = contractAmount(registry, version, { ...line, units: firstUnits, procedureRole: "first" });
      if (!first.ok) return first;
      const later = contractAmount(registry, version, { ...line, units: laterUnits, procedureRole: "subsequent" });
      if (!later.ok) return later;
      if (first.value.kind !== "amount" || later.value.kind !== "amount")
        return contractAmount(registry, version, line);
      const amount = first.value.amount.plus(later.value.amount);
      const trace: TraceStep[] = [
        ...first.value.trace,
        // The later units' steps, without repeating the contract version they share with the first unit.
        ...later.value.trace.filter((step) => step.kind !== "contractVersion"),
        { kind: "familyUnits", firstUnits, laterUnits, firstAmount: first.value.amount, laterAmount: later.value.amount, amount }, // prettier-ignore
      ];
      return ok({ kind: "amount", basis: first.value.basis, amount, trace });
    }
  }
}
