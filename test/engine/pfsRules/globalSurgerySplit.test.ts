import { Decimal } from "../../../src/engine/decimal";
import { globalSurgerySplitAdjustment } from "../../../src/engine/pfsRules/globalSurgerySplit";
import { aPfsRow, mods } from "../builders";

const row = aPfsRow({
  globalDays: "090",
  preOperativeFraction: new Decimal("0.09"),
  intraOperativeFraction: new Decimal("0.81"),
  postOperativeFraction: new Decimal("0.10"),
});
const factor = (...modifiers: string[]): unknown => {
  const result = globalSurgerySplitAdjustment(row, mods(...modifiers));
  return result.ok && result.value ? result.value.factor.toString() : result.ok ? null : result.issue.code;
};

describe("split global surgical package (modifiers 54, 55, 56)", () => {
  it("pays surgical care only (54) the pre-op and intra-op shares", () => expect(factor("54")).toBe("0.9"));
  it("pays post-operative management only (55) the post-op share", () => expect(factor("55")).toBe("0.1"));
  it("pays pre-operative management only (56) the pre-op share", () => expect(factor("56")).toBe("0.09"));
  it("adds the shares when several are billed", () => expect(factor("54", "55")).toBe("1"));
  it("does nothing without a split modifier", () => expect(factor("59")).toBeNull());
});
