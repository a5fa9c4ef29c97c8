import { Decimal } from "../decimal";
import type { PfsRvuRow } from "../pfsSchedule";
import { fail, ok, type Result } from "../result";
import type { PfsAdjustment } from "./adjustment";

const FULL = new Decimal(1);
const HALF = new Decimal("0.5");

/**
 * Multiple procedure payment reduction by the MULT PROC indicator and the line's rank among the same-day
 * procedures of the claim (rank 1 = highest fee schedule amount, see {@link rankMultipleProcedures}):
 * 0 = no reduction; 1 = pre-1996 rule, 100/50/25/25/25%; 2 = standard rule, 100% then 50% for every other;
 * 9 = concept does not apply. Indicators 3 (endoscopy families), 4 (imaging), 5 (therapy), 6 (cardiovascular)
 * and 7 (ophthalmology) reduce only parts of the amount across families and are reported as unsupported.
 * Source: CMS RVU file layout (MULT PROC); Claims Processing Manual ch.12 §40.6 (DOMAIN.md 2.6).
 */
export function multipleProcedureAdjustment(row: PfsRvuRow, rank: number): Result<PfsAdjustment | null> {
  if (!Number.isInteger(rank) || rank < 1)
    throw new RangeError(`multiple procedure rank must be 1 or more, got ${rank}`);
  const indicator = row.multipleProcedureIndicator;
  let factorText: string;
  if (indicator === "0" || indicator === "9") factorText = "1";
  else if (indicator === "1") factorText = rank === 1 ? "1" : rank === 2 ? "0.5" : "0.25";
  else if (indicator === "2") factorText = rank === 1 ? "1" : "0.5";
  else {
    return fail({
      code: "pfsRuleNotSupported",
      hcpcsCode: row.hcpcsCode,
      rule: `the multiple procedure rule of indicator ${indicator} (endoscopy, imaging, therapy, cardiovascular or ophthalmology families)`,
    });
  }
  const factor = new Decimal(factorText);
  return ok({ factor, step: { kind: "multipleProcedure", indicator, rank, factor } });
}

/**
 * The reduction of an endoscopy family (MULT PROC 3) ranked with the other surgery of the day: the family counts as
 * one procedure under the standard rule, 100% at rank 1 and 50% after (DOMAIN.md 2.6). Each member's amount (already
 * its value, or its value minus the base's) takes its family's factor.
 */
export function endoscopyFamilyRankAdjustment(row: PfsRvuRow, rank: number): PfsAdjustment {
  if (!Number.isInteger(rank) || rank < 1)
    throw new RangeError(`multiple procedure rank must be 1 or more, got ${rank}`);
  const factor = rank === 1 ? FULL : HALF;
  return { factor, step: { kind: "multipleProcedure", indicator: row.multipleProcedureIndicator, rank, factor } };
}

/**
 * Ranks same-day procedures by fee schedule amount, highest first (rank 1); ties keep their claim order.
 * Returns the rank of each input position. Bilateral adjustment must already be in the amounts (DOMAIN.md 2.6).
 * @example rankMultipleProcedures([new Decimal(50), new Decimal(300), new Decimal(120)]) // [3, 1, 2]
 */
export function rankMultipleProcedures(amounts: readonly Decimal[]): number[] {
  const order = amounts.map((amount, index) => ({ amount, index }));
  order.sort((a, b) => b.amount.comparedTo(a.amount) || a.index - b.index);
  const ranks = new Array<number>(amounts.length);
  order.forEach((entry, position) => {
    ranks[entry.index] = position + 1;
  });
  return ranks;
}
