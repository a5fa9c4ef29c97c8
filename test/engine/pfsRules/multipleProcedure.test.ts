import { Decimal } from "../../../src/engine/decimal";
import { multipleProcedureAdjustment, rankMultipleProcedures } from "../../../src/engine/pfsRules/multipleProcedure";
import { aPfsRow } from "../builders";

const factor = (indicator: string, rank: number): unknown => {
  const result = multipleProcedureAdjustment(aPfsRow({ multipleProcedureIndicator: indicator }), rank);
  return result.ok ? result.value?.factor.toString() : result.issue.code;
};

describe("multiple procedure reduction (modifier 51, MULT PROC indicator)", () => {
  it("pays the highest-ranked procedure in full (indicator 2)", () => expect(factor("2", 1)).toBe("1"));
  it("pays the second and fifth procedures 50% (indicator 2)", () =>
    expect([factor("2", 2), factor("2", 5)]).toEqual(["0.5", "0.5"]));
  it("applies the pre-1996 rule 100/50/25 for indicator 1", () =>
    expect([factor("1", 1), factor("1", 2), factor("1", 3)]).toEqual(["1", "0.5", "0.25"]));
  it("does not reduce when the indicator is 0", () => expect(factor("0", 3)).toBe("1"));
  it("reports endoscopy families (indicator 3) as not supported rather than guessing", () =>
    expect(factor("3", 2)).toBe("pfsRuleNotSupported"));
  it("ranks same-day procedures by amount, highest first, ties in claim order", () => {
    expect(rankMultipleProcedures(["50", "300", "120", "300"].map((v) => new Decimal(v)))).toEqual([4, 1, 3, 2]);
  });
});
