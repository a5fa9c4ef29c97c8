import { coSurgeryAdjustment } from "../../../src/engine/pfsRules/coSurgery";
import { aPfsRow, mods } from "../builders";

const factor = (indicator: string, ...modifiers: string[]): unknown => {
  const result = coSurgeryAdjustment(aPfsRow({ coSurgeryIndicator: indicator }), mods(...modifiers));
  if (!result.ok) return result.issue.code;
  return result.value === null ? null : result.value.factor.toString();
};

describe("co-surgery (modifier 62)", () => {
  it("pays each co-surgeon 62.5% when permitted (indicator 2)", () => expect(factor("2", "62")).toBe("0.625"));
  it("pays 62.5% with documentation (indicator 1)", () => expect(factor("1", "62")).toBe("0.625"));
  it("refuses co-surgeons where not permitted (indicator 0)", () =>
    expect(factor("0", "62")).toBe("pfsModifierNotAllowed"));
  it("refuses where the concept does not apply (indicator 9)", () =>
    expect(factor("9", "62")).toBe("pfsModifierNotAllowed"));
  it("does nothing without modifier 62", () => expect(factor("2")).toBeNull());
});
