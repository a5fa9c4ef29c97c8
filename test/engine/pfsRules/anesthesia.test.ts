// The anesthesia rule's parts (CMS Claims Processing Manual ch.12 s.50): minutes to time units, medical direction.
import { Decimal } from "../../../src/engine/decimal";
import type { HcpcsCode } from "../../../src/engine/hcpcsCode";
import type { Modifier } from "../../../src/engine/modifiers";
import { anesthesiaTimeUnits, isAnesthesiaCode, medicalDirectionOf } from "../../../src/engine/pfsRules/anesthesia";

const code = "00790" as HcpcsCode;
const direction = (...modifiers: string[]) => {
  const read = medicalDirectionOf(code, modifiers as Modifier[]);
  return read.ok ? read.value.percent.toString() : read.issue.code;
};

describe("anesthesia time units", () => {
  it.each([
    [62, "4.1"],
    [68, "4.5"],
    [8, "0.5"],
    [15, "1"],
    [52, "3.5"],
  ])("turns %i minutes into %s time units (minutes / 15 to one decimal, half up)", (minutes, units) => {
    expect(anesthesiaTimeUnits(new Decimal(minutes)).toString()).toBe(units);
  });
});

describe("medical direction", () => {
  it("pays AA and QZ 100%, QK, QY and QX 50%, and no modifier 100%", () => {
    expect(["AA", "QZ", "QK", "QY", "QX"].map((m) => direction(m))).toEqual(["1", "1", "0.5", "0.5", "0.5"]);
    expect(direction()).toBe("1");
  });

  it("does not price AD, and refuses two direction modifiers on one line", () => {
    expect(direction("AD")).toBe("pfsRuleNotSupported");
    expect(direction("QK", "QX")).toBe("pfsModifiersConflict");
  });
});

describe("the anesthesia code range", () => {
  it("is 00100 to 01999; qualifying circumstances 99100-99140 and 00099 are outside it", () => {
    expect(["00100", "00790", "01999", "00099", "02000", "99100"].map(isAnesthesiaCode)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
