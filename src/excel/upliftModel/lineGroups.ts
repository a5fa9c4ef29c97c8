/**
 * The claim lines of an uplift model grouped into distinct lines: the same code, amount and billed charge (when the
 * model caps at billed) are uplifted to the same new amount, so the lines sheet holds one row per group with its
 * count of lines instead of one row per claim line (issue 20 item 2: 100,000 lines are a few thousand rows).
 */
import type { UpliftCode } from "../../engine";
import type { ModelLines } from "./readClaimLines";

/** Distinct lines in columns, in the order each first appears among the claim lines. */
export interface ModelLineGroups {
  readonly hcpcsCodes: readonly UpliftCode[];
  readonly amountCents: readonly number[];
  /** Billed charge of the group's lines (null where blank); null when the model does not cap at billed. */
  readonly chargeCents: readonly (number | null)[] | null;
  readonly lineCounts: readonly number[];
  /** Units of the group's lines summed; null when units are not mapped. */
  readonly units: readonly number[] | null;
}

/** Groups `lines` by code, amount and (when capped) billed charge. */
export function groupModelLines(lines: ModelLines<UpliftCode>): ModelLineGroups {
  const positions = new Map<string, number>();
  const hcpcsCodes: UpliftCode[] = [];
  const amountCents: number[] = [];
  const chargeCents: (number | null)[] = [];
  const lineCounts: number[] = [];
  const units: number[] = [];
  lines.hcpcsCodes.forEach((code, i) => {
    const amount = lines.amountCents[i]!;
    const charge = lines.chargeCents === null ? null : (lines.chargeCents[i] ?? null);
    const key = `${code}|${amount}|${charge ?? ""}`;
    let at = positions.get(key);
    if (at === undefined) {
      at = hcpcsCodes.length;
      positions.set(key, at);
      hcpcsCodes.push(code);
      amountCents.push(amount);
      chargeCents.push(charge);
      lineCounts.push(0);
      units.push(0);
    }
    lineCounts[at]! += 1;
    if (lines.units !== null) units[at]! += lines.units[i] ?? 0;
  });
  return {
    hcpcsCodes,
    amountCents,
    chargeCents: lines.chargeCents === null ? null : chargeCents,
    lineCounts,
    units: lines.units === null ? null : units,
  };
}
