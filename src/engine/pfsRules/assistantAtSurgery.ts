import { Decimal } from "../decimal";
import type { Modifier } from "../modifiers";
import { fail, ok } from "../result";
import type { PfsRule } from "./adjustment";

/** Assistant at surgery is paid 16% of the fee schedule amount (modifiers 80, 81, 82). */
export const ASSISTANT_AT_SURGERY_FACTOR = new Decimal("0.16");
/** A non-physician practitioner assisting (modifier AS) is paid 85% of 16% = 13.6%. */
export const NPP_ASSISTANT_AT_SURGERY_FACTOR = new Decimal("0.136");

const PHYSICIAN_ASSISTANT_MODIFIERS = ["80", "81", "82"];

/**
 * Assistant at surgery, modifiers 80/81/82 (16%) and AS (13.6%; AS takes precedence when billed with 80/82),
 * by the ASST SURG indicator: 0 = paid only with documentation of medical necessity (priced, with a note);
 * 1 = statutory payment restriction, not payable; 2 = payable; 9 = concept does not apply, not payable.
 * Source: CMS RVU file layout (ASST SURG); Claims Processing Manual ch.12 §20.4.3; Noridian JF Part B
 * "Assistant at surgery and co-surgery" (DOMAIN.md 2.6).
 */
export const assistantAtSurgeryAdjustment: PfsRule = (row, modifiers) => {
  const billed = modifiers.find((m) => m === "AS") ?? modifiers.find((m) => PHYSICIAN_ASSISTANT_MODIFIERS.includes(m));
  if (billed === undefined) return ok(null);
  const indicator = row.assistantSurgeryIndicator;
  if (indicator !== "0" && indicator !== "2") {
    const reason =
      indicator === "1"
        ? "statutory payment restriction for assistants at surgery"
        : "assistant at surgery does not apply";
    return fail({
      code: "pfsModifierNotAllowed",
      hcpcsCode: row.hcpcsCode,
      modifier: billed,
      indicatorName: "assistant at surgery indicator",
      indicator,
      reason,
    });
  }
  const factor = billed === "AS" ? NPP_ASSISTANT_AT_SURGERY_FACTOR : ASSISTANT_AT_SURGERY_FACTOR;
  return ok({
    factor,
    step: {
      kind: "assistantAtSurgery",
      modifier: billed as Modifier,
      indicator,
      factor,
      documentationRequired: indicator === "0",
    },
  });
};
