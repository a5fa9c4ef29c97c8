import { Decimal } from "../decimal";
import type { LocalityGpci } from "../gpci";
import { findPfsRow, type PfsRvuRow, type PfsSchedule } from "../pfsSchedule";
import type { CareSetting } from "../placeOfService";
import { fail, ok, type Result } from "../result";
import type { TraceStep } from "../trace";
import { findOppsCap, isCappableImaging, oppsCapPrice } from "./oppsCap";
import {
  componentFamilyReduction,
  familyRankingAmount,
  familyRuleOf,
  type FamilyRule,
  type PfsComponents,
  type ProcedureRole,
} from "./procedureFamilies";
import { pfsBaseAmount, practiceExpenseRvu } from "./rowAmount";

/** What the family rules and the imaging cap price with: the line's row in its schedule, locality, setting and CF. */
export interface RowPricing {
  readonly schedule: PfsSchedule;
  readonly locality: LocalityGpci;
  readonly setting: CareSetting;
  readonly conversionFactor: Decimal;
  readonly row: PfsRvuRow;
}

/** An amount after a rule, with the steps that explain it (none when the rule does not apply). */
export interface StepResult {
  readonly amount: Decimal;
  readonly steps: readonly TraceStep[];
}

const ZERO = new Decimal(0);

/** The rules that reduce parts of an amount (MULT PROC 4-7). */
type ComponentRule = Extract<FamilyRule, { kind: "components" | "practice expense" }>;

/**
 * The OPPS imaging cap (DRA 2005 §5102(b); DOMAIN.md 2.1): the global or TC amount of an imaging code is paid at the
 * OPPSCAP amount of its locality and setting where that is lower. Codes and localities the file does not list are
 * not capped. Without an OPPSCAP table the amount is kept and the trace says the cap was not checked.
 */
export function applyImagingCap(input: RowPricing, amount: Decimal): StepResult {
  const { row, schedule } = input;
  if (!isCappableImaging(row)) return { amount, steps: [] };
  if (schedule.oppsCap === undefined)
    return { amount, steps: [{ kind: "imagingCapUnavailable", hcpcsCode: row.hcpcsCode }] };
  const cap = findOppsCap(schedule.oppsCap, row, input.locality);
  if (cap === undefined) return { amount, steps: [] };
  const capAmount = oppsCapPrice(cap, input.setting);
  const bound = capAmount.lessThan(amount);
  const capped = bound ? capAmount : amount;
  return {
    amount: capped,
    steps: [
      {
        kind: "imagingCap",
        capAmount,
        bound,
        label: schedule.oppsCap.label,
        sourceRowNumber: cap.sourceRowNumber,
        before: amount,
        amount: capped,
      },
    ],
  };
}

/**
 * The parts of a line's (capped) amount a component family needs: practice expense, and (not for therapy) the
 * technical and professional components. A global row is split at its 26 row's amount (the technical part is the rest, so a
 * capped global amount keeps its professional part whole); a TC or TC-only row is all technical, a 26 or PC-only row
 * all professional.
 */
export function pfsComponents(input: RowPricing, rule: ComponentRule, amount: Decimal): Result<PfsComponents> {
  const { row, locality, setting, conversionFactor } = input;
  const practiceExpense = practiceExpenseRvu(row, setting).times(locality.peGpci).times(conversionFactor);
  const whole = (technical: Decimal, professional: Decimal): Result<PfsComponents> =>
    ok({ amount, practiceExpense, technical, professional });
  // Therapy reduces practice expense only: its codes have no professional/technical split (PC/TC 5 or 7).
  if (rule.kind === "practice expense") return whole(ZERO, ZERO);
  if (row.modifier === "TC" || row.pctcIndicator === "3") return whole(amount, ZERO);
  if (row.modifier === "26" || row.pctcIndicator === "2") return whole(ZERO, amount);
  if (row.pctcIndicator !== "1") {
    return fail({
      code: "pfsRuleNotSupported",
      hcpcsCode: row.hcpcsCode,
      rule: `splitting the amount into professional and technical components (PC/TC indicator ${row.pctcIndicator}) for the multiple procedure reduction`,
    });
  }
  const pcRow = findPfsRow(input.schedule, row.hcpcsCode, "26" as PfsRvuRow["modifier"]);
  if (pcRow === undefined) return fail({ code: "pfsCodeNotOnSchedule", hcpcsCode: row.hcpcsCode, modifier: "26" });
  const professional = pfsBaseAmount(pcRow, locality, setting, conversionFactor);
  return whole(amount.minus(professional), professional);
}

/** The amount a line ranks by within its component family (TC amount, or practice expense for therapy). */
export function componentRankingAmount(input: RowPricing, amount: Decimal): Result<Decimal | null> {
  const rule = familyRuleOf(input.row);
  if (!rule.ok) return rule;
  if (rule.value.kind !== "components" && rule.value.kind !== "practice expense") return ok(null);
  const components = pfsComponents(input, rule.value, amount);
  if (!components.ok) return components;
  return ok(familyRankingAmount(rule.value, components.value));
}

function roleDoesNotApply(row: PfsRvuRow, role: ProcedureRole): Result<StepResult> {
  return fail({
    code: "pfsRuleNotSupported",
    hcpcsCode: row.hcpcsCode,
    rule: `the same-day role "${role}" with multiple procedure indicator ${row.multipleProcedureIndicator}`,
  });
}

function endoscopyRole(input: RowPricing, role: ProcedureRole, amount: Decimal): Result<StepResult> {
  const { row } = input;
  const baseCode = row.endoscopicBaseCode;
  if (baseCode === null) {
    return fail({ code: "pfsRuleNotSupported", hcpcsCode: row.hcpcsCode, rule: "an endoscopy family without ENDO BASE" }); // prettier-ignore
  }
  if (role === "first") {
    return ok({ amount, steps: [{ kind: "endoscopyFamily", role, baseCode, baseAmount: null, before: amount, amount }] }); // prettier-ignore
  }
  if (role !== "endoscopyMember") return roleDoesNotApply(row, role);
  const baseRow = findPfsRow(input.schedule, baseCode, null);
  if (baseRow === undefined) return fail({ code: "pfsCodeNotOnSchedule", hcpcsCode: baseCode, modifier: null });
  const baseAmount = pfsBaseAmount(baseRow, input.locality, input.setting, input.conversionFactor);
  // A member is never valued below its base; the floor keeps a data error from paying a negative amount.
  const reduced = Decimal.max(amount.minus(baseAmount), ZERO);
  return ok({
    amount: reduced,
    steps: [{ kind: "endoscopyFamily", role, baseCode, baseAmount, before: amount, amount: reduced }],
  });
}

function componentRole(
  input: RowPricing,
  rule: ComponentRule,
  role: ProcedureRole,
  amount: Decimal,
): Result<StepResult> {
  const { row } = input;
  const head = { kind: "procedureFamily", family: rule.family, indicator: row.multipleProcedureIndicator } as const;
  if (role === "first") return ok({ amount, steps: [{ ...head, role, parts: [], before: amount, amount }] });
  if (role !== "subsequent") return roleDoesNotApply(row, role);
  const components = pfsComponents(input, rule, amount);
  if (!components.ok) return components;
  const parts = componentFamilyReduction(rule, components.value);
  const reduced = parts.reduce((sum, p) => sum.minus(p.componentAmount.times(p.reduction)), amount);
  return ok({ amount: reduced, steps: [{ ...head, role, parts, before: amount, amount: reduced }] });
}

/**
 * Applies the line's same-day role (set by the claim) under its MULT PROC family rule (DOMAIN.md 2.6): a base
 * endoscopy billed with its family is not paid; an endoscopy member is paid its value minus its base's; a later
 * service of a component family has its parts reduced; a first service is paid in full. A role the indicator does
 * not have is an issue, never a silent 100%.
 */
export function applyProcedureRole(input: RowPricing, role: ProcedureRole, amount: Decimal): Result<StepResult> {
  const { row } = input;
  if (role === "endoscopyBase") {
    const step: TraceStep = {
      kind: "endoscopyFamily",
      role,
      baseCode: row.hcpcsCode,
      baseAmount: null,
      before: amount,
      amount: ZERO,
    };
    return ok({ amount: ZERO, steps: [step] });
  }
  const rule = familyRuleOf(row);
  if (!rule.ok) return rule;
  switch (rule.value.kind) {
    case "none":
    case "ranked":
      return role === "first" ? ok({ amount, steps: [] }) : roleDoesNotApply(row, role);
    case "endoscopy":
      return endoscopyRole(input, role, amount);
    case "components":
    case "practice expense":
      return componentRole(input, rule.value, role, amount);
  }
}
