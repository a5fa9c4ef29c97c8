import { Decimal } from "../decimal";
import { hasModifier, type Modifier } from "../modifiers";
import { ok } from "../result";
import type { PfsRule } from "./adjustment";

/**
 * Split global surgical package, modifiers 54 (surgical care only: pre-op + intra-op share), 55 (post-operative
 * management only: post-op share) and 56 (pre-operative management only: pre-op share), using the PRE OP,
 * INTRA OP and POST OP fractions of the RVU row; several of them add up.
 * Source: CMS RVU file layout (PRE/INTRA/POST OP); Claims Processing Manual ch.12 §40.2 (DOMAIN.md 2.6).
 */
export const globalSurgerySplitAdjustment: PfsRule = (row, modifiers) => {
  const parts: [Modifier, Decimal][] = [];
  if (hasModifier(modifiers, "54"))
    parts.push(["54" as Modifier, row.preOperativeFraction.plus(row.intraOperativeFraction)]);
  if (hasModifier(modifiers, "55")) parts.push(["55" as Modifier, row.postOperativeFraction]);
  if (hasModifier(modifiers, "56")) parts.push(["56" as Modifier, row.preOperativeFraction]);
  if (parts.length === 0) return ok(null);
  const factor = parts.reduce((sum, [, share]) => sum.plus(share), new Decimal(0));
  return ok({
    factor,
    step: {
      kind: "globalSurgerySplit",
      modifiers: parts.map(([modifier]) => modifier),
      globalDays: row.globalDays,
      preOperativeFraction: row.preOperativeFraction,
      intraOperativeFraction: row.intraOperativeFraction,
      postOperativeFraction: row.postOperativeFraction,
      factor,
    },
  });
};
