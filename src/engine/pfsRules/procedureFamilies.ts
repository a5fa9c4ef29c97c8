import { Decimal } from "../decimal";
import type { PfsRvuRow } from "../pfsSchedule";
import { fail, ok, type Result } from "../result";

/**
 * Where a line stands among the same-day services of its multiple procedure family, as the claim decides it
 * (see `assignProcedureRoles`):
 * - `first`: the highest-ranked service (or unit) of its family that day, paid in full;
 * - `subsequent`: a second or later service or unit of a component family (imaging, therapy, cardiovascular,
 *   ophthalmology), whose family reductions apply;
 * - `endoscopyMember`: an endoscopy of a family (same ENDO BASE) that is not the highest-valued one: paid its value
 *   minus the value of the family's base endoscopy;
 * - `endoscopyBase`: the base endoscopy billed with a member of its family: not paid.
 */
export type ProcedureRole = "first" | "subsequent" | "endoscopyMember" | "endoscopyBase";

/** The amount of a line in the parts a family reduction needs (exact, after GPCIs and the conversion factor). */
export interface PfsComponents {
  /** The whole amount of the line's RVU row. */
  readonly amount: Decimal;
  /** Practice expense part of `amount`. */
  readonly practiceExpense: Decimal;
  /** Technical and professional component parts of `amount` (a TC row is all technical, a 26 row all professional). */
  readonly technical: Decimal;
  readonly professional: Decimal;
}

/** What a same-day family rule does, by MULT PROC indicator (CMS RVU file layout; DOMAIN.md 2.6). */
export type FamilyRule =
  /** 0 and 9: no same-day rule. */
  | { readonly kind: "none" }
  /** 1 and 2: the whole amount is ranked with the other surgery of the day (multipleProcedure.ts). */
  | { readonly kind: "ranked" }
  /** 3: endoscopy families by ENDO BASE, then ranked with other surgery as one procedure (indicator 2 rule). */
  | { readonly kind: "endoscopy" }
  /** 5: the practice expense of the 2nd and later units and procedures is reduced; ranked by practice expense. */
  | { readonly kind: "practice expense"; readonly family: FamilyName; readonly practiceExpenseReduction: Decimal }
  /** 4, 6, 7: the TC (and for imaging the PC) of the 2nd and later procedures is reduced; ranked by TC amount. */
  | {
      readonly kind: "components";
      readonly family: FamilyName;
      readonly technicalReduction: Decimal;
      readonly professionalReduction: Decimal;
    };

/** The name of a component family, as the trace says it. */
export type FamilyName = "diagnostic imaging" | "therapy" | "cardiovascular" | "ophthalmology";

/** The MULT PROC indicators of the RVU file. */
export type MultipleProcedureIndicator = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "9";

/**
 * The family rule of each MULT PROC indicator. Imaging: TC 50% and PC 5% reduction for the 2nd+ procedure in a
 * session (since 7/1/2010 and 1/1/2017); therapy: 50% of the practice expense for the 2nd+ units and procedures
 * of the day; cardiovascular TC 25% and ophthalmology TC 20% reduction (since 1/1/2013). Source: CMS RVU file
 * layout (MULT PROC); Claims Processing Manual ch.12 §40.6 (DOMAIN.md 2.6).
 */
export const MULTIPLE_PROCEDURE_FAMILIES = {
  "0": { kind: "none" },
  "1": { kind: "ranked" },
  "2": { kind: "ranked" },
  "3": { kind: "endoscopy" },
  "4": {
    kind: "components",
    family: "diagnostic imaging",
    technicalReduction: new Decimal("0.5"),
    professionalReduction: new Decimal("0.05"),
  },
  "5": { kind: "practice expense", family: "therapy", practiceExpenseReduction: new Decimal("0.5") },
  "6": {
    kind: "components",
    family: "cardiovascular",
    technicalReduction: new Decimal("0.25"),
    professionalReduction: new Decimal(0),
  },
  "7": {
    kind: "components",
    family: "ophthalmology",
    technicalReduction: new Decimal("0.2"),
    professionalReduction: new Decimal(0),
  },
  "9": { kind: "none" },
} as const satisfies Record<MultipleProcedureIndicator, FamilyRule>;

/** The family rule of a row's MULT PROC indicator; an issue for a value the RVU file layout does not define. */
export function familyRuleOf(row: PfsRvuRow): Result<FamilyRule> {
  const rule = (MULTIPLE_PROCEDURE_FAMILIES as Readonly<Record<string, FamilyRule>>)[row.multipleProcedureIndicator];
  if (rule !== undefined) return ok(rule);
  return fail({
    code: "pfsRuleNotSupported",
    hcpcsCode: row.hcpcsCode,
    rule: `the multiple procedure indicator "${row.multipleProcedureIndicator}" (not one of 0-7 or 9)`,
  });
}

/** One part of a line's amount taken off by a family rule. */
export interface FamilyReductionPart {
  readonly component: "practice expense" | "technical component" | "professional component";
  /** The part's amount before the reduction. */
  readonly componentAmount: Decimal;
  /** The fraction of it taken off. */
  readonly reduction: Decimal;
}

/**
 * The amount a component family's rule takes off a subsequent service (0 for the first): the family's reduction of
 * each reduced part. Ranking amount: the part the family ranks by (TC amount, or practice expense for therapy).
 */
export function componentFamilyReduction(
  rule: Extract<FamilyRule, { kind: "components" | "practice expense" }>,
  components: PfsComponents,
): readonly FamilyReductionPart[] {
  switch (rule.kind) {
    case "practice expense":
      return [
        {
          component: "practice expense",
          componentAmount: components.practiceExpense,
          reduction: rule.practiceExpenseReduction,
        },
      ];
    case "components":
      return [
        { component: "technical component", componentAmount: components.technical, reduction: rule.technicalReduction },
        {
          component: "professional component",
          componentAmount: components.professional,
          reduction: rule.professionalReduction,
        },
      ].filter((part) => !part.reduction.isZero() && !part.componentAmount.isZero()) as FamilyReductionPart[];
  }
}

/**
 * The amount a component family ranks its same-day services by: TC amount, or practice expense for therapy. A
 * professional component billed alone has no TC: it ranks by its professional amount.
 */
export function familyRankingAmount(
  rule: Extract<FamilyRule, { kind: "components" | "practice expense" }>,
  components: PfsComponents,
): Decimal {
  switch (rule.kind) {
    case "practice expense":
      return components.practiceExpense;
    case "components":
      return components.technical.isZero() ? components.professional : components.technical;
  }
}
