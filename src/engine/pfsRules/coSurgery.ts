import { Decimal } from "../decimal";
import { hasModifier } from "../modifiers";
import { fail, ok } from "../result";
import type { PfsRule } from "./adjustment";

/** Each co-surgeon is paid 62.5% of the global amount. */
export const CO_SURGERY_FACTOR = new Decimal("0.625");

/**
 * Co-surgery, modifier 62, by the CO-SURG indicator: 0 = not permitted; 1 = permitted with documentation
 * (priced, with a note); 2 = permitted; 9 = concept does not apply. Each surgeon gets 62.5%.
 * Source: CMS RVU file layout (CO-SURG); Claims Processing Manual ch.12 §40.8; Noridian JF Part B (DOMAIN.md 2.6).
 */
export const coSurgeryAdjustment: PfsRule = (row, modifiers) => {
  if (!hasModifier(modifiers, "62")) return ok(null);
  const indicator = row.coSurgeryIndicator;
  if (indicator !== "1" && indicator !== "2") {
    return fail({
      code: "pfsModifierNotAllowed",
      hcpcsCode: row.hcpcsCode,
      modifier: "62",
      indicatorName: "co-surgery indicator",
      indicator,
      reason: indicator === "0" ? "co-surgeons are not permitted for this procedure" : "co-surgery does not apply",
    });
  }
  return ok({
    factor: CO_SURGERY_FACTOR,
    step: { kind: "coSurgery", indicator, factor: CO_SURGERY_FACTOR, documentationRequired: indicator === "1" },
  });
};
