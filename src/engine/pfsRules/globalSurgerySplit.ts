import { Decimal } from "../decimal";
import { hasModifier } from "../modifiers";
import { ok } from "../result";
import { percent, type PfsRule } from "./adjustment";

/**
 * Split global surgical package, modifiers 54 (surgical care only: pre-op + intra-op share), 55 (post-operative
 * management only: post-op share) and 56 (pre-operative management only: pre-op share), using the PRE OP,
 * INTRA OP and POST OP fractions of the RVU row; several of them add up.
 * Source: CMS RVU file layout (PRE/INTRA/POST OP); Claims Processing Manual ch.12 §40.2 (DOMAIN.md 2.6).
 */
export const globalSurgerySplitAdjustment: PfsRule = (row, modifiers) => {
  const parts: [string, Decimal][] = [];
  if (hasModifier(modifiers, "54")) parts.push(["54", row.preOperativeFraction.plus(row.intraOperativeFraction)]);
  if (hasModifier(modifiers, "55")) parts.push(["55", row.postOperativeFraction]);
  if (hasModifier(modifiers, "56")) parts.push(["56", row.preOperativeFraction]);
  if (parts.length === 0) return ok(null);
  const factor = parts.reduce((sum, [, share]) => sum.plus(share), new Decimal(0));
  const billed = parts.map(([modifier]) => modifier).join("+");
  return ok({
    factor,
    step: {
      kind: "adjustment",
      text: `Split global surgery (modifier ${billed}, global days ${row.globalDays}): x ${percent(factor)}`,
      values: {
        preOperativeFraction: row.preOperativeFraction.toString(),
        intraOperativeFraction: row.intraOperativeFraction.toString(),
        postOperativeFraction: row.postOperativeFraction.toString(),
        factor: factor.toString(),
      },
    },
  });
};
