import type { Decimal } from "../decimal";
import type { Modifier } from "../modifiers";
import { BY_REPORT_MODIFIERS, type ByReportModifier } from "../pfsRules/byReportModifiers";
import { registryKey, type ContractRegistry } from "./registry";

/**
 * The modifiers whose payment is a percentage of the line's amount, so that a contract can state its own
 * (`ContractModifierPolicies`): the by-report modifiers, for which CMS defines no percentage (22, 52, 66, 73, 74),
 * modifier 53 on a code without a 53 RVU row, and the modifiers whose CMS percentage a payer's policy often replaces
 * (assistant at surgery 16%/13.6%, co-surgery 62.5%; DOMAIN.md 2.6, e.g. Oxford's 63% [S48]). Component (26/TC),
 * bilateral (50) and global split (54/55/56) modifiers select rows or indicator-driven rules and are not listed.
 */
export const POLICY_MODIFIERS = {
  ...BY_REPORT_MODIFIERS,
  "53": "modifier 53 (discontinued procedure) has RVU rows only for the colonoscopy codes",
  "62": "co-surgery is 62.5% under CMS's rules",
  "80": "assistant at surgery is 16% under CMS's rules",
  "81": "minimum assistant at surgery is 16% under CMS's rules",
  "82": "assistant at surgery (no resident available) is 16% under CMS's rules",
  AS: "a non-physician assistant at surgery is 13.6% under CMS's rules",
} as const satisfies Record<ByReportModifier | "53" | "62" | "80" | "81" | "82" | "AS", string>;

/** A modifier a contract may give its own percentage. */
export type PolicyModifier = keyof typeof POLICY_MODIFIERS;

/**
 * A contract's own percentage for a modifier (a row of `ContractModifierPolicies`): a line carrying the modifier is
 * priced without it and the amount multiplied by the percentage, in every version of the contract. It supplies the
 * percentage CMS leaves to the payer (22 at 120%, 52 at 50%) or replaces CMS's (80 at 20%).
 */
export interface ModifierPolicy {
  readonly contractName: string;
  readonly modifier: PolicyModifier;
  readonly percent: Decimal;
  readonly sourceRowNumber: number;
}

/** The contract's policies for the modifiers of a line, in the order the line lists them. */
export function modifierPoliciesOf(
  registry: ContractRegistry,
  contractName: string,
  modifiers: readonly Modifier[],
): readonly ModifierPolicy[] {
  const policies = registry.modifierPoliciesByName.get(registryKey(contractName));
  if (policies === undefined || modifiers.length === 0) return [];
  return modifiers.flatMap((modifier) => policies.filter((policy) => policy.modifier === modifier));
}
