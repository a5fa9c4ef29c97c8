import type { Modifier } from "../modifiers";

/** Modifiers whose payment the PFS leaves to the contractor or does not define (priced by report). */
export type ByReportModifier = "22" | "52" | "66" | "73" | "74";

/**
 * Why each by-report modifier has no PFS percentage: 22 and 52 are priced by the contractor case by case, 66 (team
 * surgery) by report, and 73/74 are hospital outpatient and ASC modifiers with no PFS rule (a physician reports 53,
 * whose RVU rows exist only for the colonoscopy codes). Source: DOMAIN.md 2.6 (modifier 52/53/22, TEAM SURG);
 * Claims Processing Manual ch.12 §30 and ch.14 §40.4. Lines with them are "not supported", never paid 100%.
 */
export const BY_REPORT_MODIFIERS = {
  "22": "modifier 22 (increased procedural services) is priced by the contractor",
  "52": "modifier 52 (reduced services) is priced by the contractor",
  "66": "modifier 66 (team surgery) is priced by report",
  "73": "modifier 73 (procedure discontinued before anesthesia, hospital outpatient/ASC) has no PFS percentage",
  "74": "modifier 74 (procedure discontinued after anesthesia, hospital outpatient/ASC) has no PFS percentage",
} as const satisfies Record<ByReportModifier, string>;

/** The first by-report modifier of a line and why it is not priced, or null. */
export function byReportModifier(modifiers: readonly Modifier[]): { modifier: Modifier; rule: string } | null {
  const table: Readonly<Record<string, string>> = BY_REPORT_MODIFIERS;
  const modifier = modifiers.find((m) => table[m] !== undefined);
  return modifier === undefined ? null : { modifier, rule: table[modifier]! };
}
