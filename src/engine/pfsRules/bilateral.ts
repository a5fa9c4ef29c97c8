import { Decimal } from "../decimal";
import { hasModifier } from "../modifiers";
import { fail, ok } from "../result";
import type { PfsRule } from "./adjustment";

const BILATERAL_MODIFIER = "50";

/**
 * Bilateral surgery, modifier 50, by the BILAT SURG indicator of the RVU file:
 * 0 = 150% does not apply, pay 100%; 1 = pay 150%; 2 = RVUs already bilateral, pay 100%;
 * 3 = each side paid in full, 200% for the line; 9 = the concept does not apply, modifier 50 is not payable.
 * Applied before multiple-procedure ranking. Source: CMS RVU file layout (BILAT SURG); Claims Processing Manual
 * ch.12 §40.7 (DOMAIN.md 2.6). The lesser-of-charge bound is applied by the caller.
 */
export const bilateralAdjustment: PfsRule = (row, modifiers) => {
  if (!hasModifier(modifiers, BILATERAL_MODIFIER)) return ok(null);
  const indicator = row.bilateralIndicator;
  const byIndicator: Readonly<Record<string, string>> = { "0": "1", "1": "1.5", "2": "1", "3": "2" };
  const factorText = byIndicator[indicator];
  if (factorText === undefined) {
    return fail({
      code: "pfsModifierNotAllowed",
      hcpcsCode: row.hcpcsCode,
      modifier: BILATERAL_MODIFIER,
      indicatorName: "bilateral indicator",
      indicator,
      reason: "the bilateral surgery concept does not apply to this code",
    });
  }
  const factor = new Decimal(factorText);
  return ok({ factor, step: { kind: "bilateral", indicator, factor } });
};
