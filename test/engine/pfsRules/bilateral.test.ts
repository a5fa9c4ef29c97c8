import { bilateralAdjustment } from "../../../src/engine/pfsRules/bilateral";
import { aPfsRow, mods } from "../builders";

const factor = (indicator: string, ...modifiers: string[]): unknown => {
  const result = bilateralAdjustment(aPfsRow({ bilateralIndicator: indicator }), mods(...modifiers));
  if (!result.ok) return result.issue.code;
  return result.value === null ? null : result.value.factor.toString();
};

describe("bilateral surgery (modifier 50)", () => {
  it("pays 150% when the bilateral indicator is 1", () => expect(factor("1", "50")).toBe("1.5"));
  it("pays 100% when the indicator is 0 (150% does not apply)", () => expect(factor("0", "50")).toBe("1"));
  it("pays 100% when the RVUs are already bilateral (indicator 2)", () => expect(factor("2", "50")).toBe("1"));
  it("pays each side in full when the indicator is 3", () => expect(factor("3", "50")).toBe("2"));
  it("refuses modifier 50 where the concept does not apply (indicator 9)", () =>
    expect(factor("9", "50")).toBe("pfsModifierNotAllowed"));
  it("does nothing without modifier 50", () => expect(factor("1", "RT")).toBeNull());
});
