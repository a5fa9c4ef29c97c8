import { Decimal } from "../decimal";
import { hasModifier, type Modifier } from "../modifiers";
import type { PfsRvuRow } from "../pfsSchedule";
import { isAnesthesiaCode } from "./anesthesia";
import { familyRuleOf, type ProcedureRole } from "./procedureFamilies";

const BILATERAL_MODIFIER = "50" as Modifier;
const BILATERAL_UNITS = new Decimal(2);
const ONE = new Decimal(1);

/**
 * How the units of one line are priced under CMS's same-day rules (DOMAIN.md 2.6). Declared once, so a line priced
 * alone, in a batch or within its claim pays the same:
 * - `bilateral`: 2 units of a bilateral-indicator-1 code without modifier 50 are one bilateral procedure (BILAT SURG
 *   "mod 50, RT+LT, or 2 units"): priced as 1 unit with `modifiers` (modifier 50 added), 150% instead of 200%;
 * - `familyUnits`: a multi-unit first service of a component family (MULT PROC 4-7): its first unit in full, the later
 *   units as subsequent services of the family (therapy: their practice expense at 50%);
 * - `bilateralSide`: one of two lines billing the two sides of a bilateral procedure (RT and LT, as the claim pairs
 *   them): the pair is one procedure priced with `modifiers` (modifier 50 added) and each line is paid half of it,
 *   so indicator 1 pays 150% for the pair, 0 and 2 pay 100%, 3 pays each side in full;
 * - `anesthesiaMinutes`: an anesthesia line (00100-01999), whose units are its minutes: the whole line is priced at
 *   once, (base units + minutes / 15 to one decimal) x CF, never one unit's amount x units (ch.12 s.50);
 * - `rateTimesUnits`: everything else, including a subsequent service of a family (every unit reduced alike).
 */
export type UnitRule =
  | { readonly kind: "rateTimesUnits" }
  | { readonly kind: "bilateralSide"; readonly side: Modifier; readonly modifiers: readonly Modifier[] }
  | { readonly kind: "anesthesiaMinutes" }
  | { readonly kind: "bilateral"; readonly modifiers: readonly Modifier[] }
  | { readonly kind: "familyUnits"; readonly firstUnits: Decimal; readonly laterUnits: Decimal };

/** The unit rule of the common case: the amount is linear in units. */
export const RATE_TIMES_UNITS: UnitRule = { kind: "rateTimesUnits" };

/** The unit rule of an anesthesia line: its units are minutes. */
export const ANESTHESIA_MINUTES: UnitRule = { kind: "anesthesiaMinutes" };

/**
 * The unit rule of a line by its Medicare row (the row of its code and component modifier), its units and modifiers,
 * and the same-day role its claim gave it (none when priced alone, where it is the first of its family). Bilateral
 * comes first, as it does before multiple procedure ranking. A MULT PROC value the RVU layout does not define keeps
 * rate x units here; pricing the line reports it.
 */
export function unitRuleOf(
  row: PfsRvuRow,
  units: Decimal,
  modifiers: readonly Modifier[],
  role: ProcedureRole | undefined,
): UnitRule {
  if (isAnesthesiaCode(row.hcpcsCode)) return ANESTHESIA_MINUTES;
  if (row.bilateralIndicator === "1" && units.equals(BILATERAL_UNITS) && !hasModifier(modifiers, BILATERAL_MODIFIER))
    return { kind: "bilateral", modifiers: [...modifiers, BILATERAL_MODIFIER] };
  if (units.lessThanOrEqualTo(ONE) || (role !== undefined && role !== "first")) return RATE_TIMES_UNITS;
  const family = familyRuleOf(row);
  if (!family.ok) return RATE_TIMES_UNITS;
  switch (family.value.kind) {
    case "none":
    case "ranked":
    case "endoscopy":
      return RATE_TIMES_UNITS;
    case "components":
    case "practice expense":
      return { kind: "familyUnits", firstUnits: ONE, laterUnits: units.minus(ONE) };
  }
}
