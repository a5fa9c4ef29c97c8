import { fail, ok, type Result } from "../result";
import type { MultipleProcedureRule } from "./types";

/** The words of the Multiple Procedure Rule column, case-insensitive; blank means "medicare" (CMS's rules). */
const MULTIPLE_PROCEDURE_RULE_WORDS: Readonly<Record<string, MultipleProcedureRule>> = {
  "": "medicare",
  medicare: "medicare",
  cms: "medicare",
  none: "none",
};

/** The allowed words of the Multiple Procedure Rule column, for messages and the README. */
export const MULTIPLE_PROCEDURE_RULE_VALUES: readonly string[] = ["Medicare", "None"];

/**
 * Reads the Multiple Procedure Rule column: "Medicare" (or "CMS", or blank) applies CMS's modifier and indicator
 * rules (DOMAIN.md 2.6); "None" pays rate x units.
 * @example parseMultipleProcedureRule("Medicare") // { ok: true, value: "medicare" }
 */
export function parseMultipleProcedureRule(value: unknown): Result<MultipleProcedureRule> {
  const text = typeof value === "string" ? value.trim().toLowerCase() : value == null ? "" : String(value);
  const rule = MULTIPLE_PROCEDURE_RULE_WORDS[text];
  return rule
    ? ok(rule)
    : fail({ code: "multipleProcedureRuleUnknown", value: String(value), allowed: MULTIPLE_PROCEDURE_RULE_VALUES });
}
