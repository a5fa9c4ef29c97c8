// The Tuva synthetic Medicare claims (../shared/data/claims/tuva-synthetic, Apache-2.0): 4,870 professional lines
// over a few hundred HCPCS codes, the kind of range a user points PAYER.UPLIFT_SCENARIO at.
import Papa from "papaparse";
import { Decimal } from "../../../src/engine/decimal";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";
import { flat, referenceDeltaCents, scenarioOf } from "./support";

interface ClaimLine {
  claim_type: string;
  hcpcs_code: string;
  allowed_amount: string;
  charge_amount: string;
}

describeWithSharedData("uplift scenarios on the Tuva synthetic professional claims", () => {
  let codes: string[] = [];
  let allowed: number[] = [];
  let charges: number[] = [];

  beforeAll(() => {
    const parsed = Papa.parse<ClaimLine>(readSharedData("claims/tuva-synthetic/medical_claim.csv"), {
      header: true,
      skipEmptyLines: true,
    });
    const professional = parsed.data.filter((l) => l.claim_type === "professional");
    codes = professional.map((l) => l.hcpcs_code);
    // Numbers, as Excel passes a column of amounts.
    allowed = professional.map((l) => Number(l.allowed_amount));
    charges = professional.map((l) => Number(l.charge_amount));
  });

  const reference = (fraction: string, topN: number | null) =>
    referenceDeltaCents(
      { codes, cents: allowed.map((a) => Math.round(a * 100)), billedCents: null },
      new Decimal(fraction),
      topN,
    );

  it("prices 5% on the top 20 codes by allowed dollars exactly as the line-by-line definition does", () => {
    const scenario = scenarioOf({ codes, amounts: allowed, uplift: flat(0.05), topN: 20 });
    expect(scenario.lineCount).toBe(4870);
    expect(scenario.codes.slice(0, 20).every((c) => c.deltaCents > 0)).toBe(true);
    expect(scenario.codes.slice(20).every((c) => c.deltaCents === 0)).toBe(true);
    expect(scenario.deltaCents).toBe(reference("0.05", 20));
  });

  it("prices 3% across the board exactly as the line-by-line definition does", () => {
    const scenario = scenarioOf({ codes, amounts: allowed, uplift: flat(0.03) });
    expect(scenario.deltaCents).toBe(reference("0.03", null));
  });

  it("finds no room for an uplift where the allowed amount already equals the billed charge (lesser-of binds)", () => {
    // In this CCLF-style data allowed equals charge on every professional line.
    const scenario = scenarioOf({ codes, amounts: allowed, billed: charges, uplift: flat(0.05), topN: 20 });
    expect(scenario.deltaCents).toBe(0);
    expect(scenario.cappedLines).toBeGreaterThan(0);
  });
});
