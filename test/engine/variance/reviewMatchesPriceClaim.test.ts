/**
 * The variance review prices by key with the batch pricer (issue 20) after its claims decide each line's place (surgery
 * rank, family role, bilateral side): on the real CY2025 files it must expect, line for line, what `priceClaim`
 * prices claim by claim, whatever the mix of same-day rules.
 */
import { placeClaimLines, priceClaim } from "../../../src/engine/contracts/priceClaim";
import type { ContractLine } from "../../../src/engine/contracts/types";
import type { Cents } from "../../../src/engine/money";
import { ok } from "../../../src/engine/result";
import { DEFAULT_VARIANCE_TOLERANCE, reviewVariances, type VarianceInputLine } from "../../../src/engine/variance";
import { code, date, mods } from "../contracts/builders";
import { seattleRegistry } from "../contracts/sameDayFamilies.support";

const registry = seattleRegistry();

/** Surgery (MULT PROC 2), a bilateral code, an endoscopy family, imaging and therapy families, E/M, anesthesia. */
const CODES = ["27447", "29881", "64721", "43235", "43239", "70450", "70460", "97110", "97140", "99213", "00400"];
const MODIFIERS = [[], [], ["RT"], ["LT"], ["50"], ["51"], ["26"], ["TC"], ["59"]];

let seed = 7;
const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

function randomClaims(count: number): ContractLine[][] {
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 5) }, () => ({
      contractName: "Acme PPO",
      hcpcsCode: code(pick(CODES)),
      modifiers: mods(...pick(MODIFIERS)),
      units: pick([1, 1, 1, 2, 3, 45]),
      chargeAmount: Math.floor(next() * 300_000) as Cents,
      serviceDate: date(pick(["2025-03-04", "2025-03-04", "2025-03-05"])),
      setting: pick(["non-facility", "facility"] as const),
    })),
  );
}

const reviewLine = (line: ContractLine, claim: number): VarianceInputLine => ({
  claimKey: `C${claim}`,
  claimId: `C${claim}`,
  payer: "Acme",
  hcpcsCode: line.hcpcsCode,
  serviceDate: line.serviceDate,
  pricing: ok(line),
  allowedAmount: 10_000 as Cents,
  chargeAmount: line.chargeAmount ?? null,
  denial: { denied: false, category: null, reasonCode: null },
  reversal: false,
});

describe("the variance review's expected amounts", () => {
  it("equal priceClaim's, line for line, on 400 random claims mixing every same-day rule", () => {
    const claims = randomClaims(400);
    const reviewed = reviewVariances(
      registry,
      claims.flatMap((lines, claim) => lines.map((line) => reviewLine(line, claim))),
      DEFAULT_VARIANCE_TOLERANCE,
    );
    const claimPriced = claims.flatMap((lines) =>
      priceClaim(registry, lines).map((price) => (price.ok ? price.value.allowedAmount : null)),
    );

    expect(reviewed.map((line) => line.expectedAmount)).toEqual(claimPriced);
    // The mix did reach the claim-level rules: many lines ranked, paired or placed in a family, most of them priced.
    const placed = claims.flatMap((lines) => placeClaimLines(registry, lines)).filter((line) => line.multipleProcedureRank !== undefined || line.procedureRole !== undefined || line.bilateralSide !== undefined); // prettier-ignore
    expect(placed.length).toBeGreaterThan(100);
    expect(claimPriced.filter((amount) => amount !== null).length).toBeGreaterThan(500);
  });
});
