import { assistantAtSurgeryAdjustment } from "../../../src/engine/pfsRules/assistantAtSurgery";
import { formatTraceStep } from "../../../src/engine/trace";
import { aPfsRow, mods } from "../builders";

const factor = (indicator: string, ...modifiers: string[]): unknown => {
  const result = assistantAtSurgeryAdjustment(aPfsRow({ assistantSurgeryIndicator: indicator }), mods(...modifiers));
  if (!result.ok) return result.issue.code;
  return result.value === null ? null : result.value.factor.toString();
};

describe("assistant at surgery (modifiers 80, 81, 82, AS)", () => {
  it("pays a physician assistant at surgery 16% (indicator 2)", () =>
    expect([factor("2", "80"), factor("2", "81"), factor("2", "82")]).toEqual(["0.16", "0.16", "0.16"]));
  it("pays a non-physician practitioner (AS) 13.6%", () => expect(factor("2", "AS")).toBe("0.136"));
  it("takes AS over 80 when both are billed", () => expect(factor("2", "80", "AS")).toBe("0.136"));
  it("prices indicator 0 (documentation required) with a note", () => {
    const result = assistantAtSurgeryAdjustment(aPfsRow({ assistantSurgeryIndicator: "0" }), mods("80"));
    expect(result.ok && result.value !== null && formatTraceStep(result.value.step)).toContain("documentation");
  });
  it("refuses payment under the statutory restriction (indicator 1)", () =>
    expect(factor("1", "80")).toBe("pfsModifierNotAllowed"));
  it("refuses payment where the concept does not apply (indicator 9)", () =>
    expect(factor("9", "AS")).toBe("pfsModifierNotAllowed"));
  it("does nothing without an assistant modifier", () => expect(factor("2", "59")).toBeNull());
});
