import { buildGpciIndex, findLocality, parseLocalityKey } from "../../src/engine/gpci";
import { aLocality } from "./builders";

const key = (input: unknown): unknown => {
  const result = parseLocalityKey(input);
  return result.ok ? result.value : result.issue.code;
};

describe("reading a Medicare locality", () => {
  it("reads MAC and locality separated by a dash", () => expect(key("01112-05")).toBe("01112-05"));
  it("reads seven digits run together", () => expect(key("0111205")).toBe("01112-05"));
  it("restores zeros Excel dropped: 2102-1 is 02102-01 (Alaska)", () => expect(key("2102-1")).toBe("02102-01"));
  it("reads 'national' as GPCIs of 1.000", () => expect(key("National")).toBe("00000-00"));
  it("rejects a locality name", () => expect(key("Miami")).toBe("localityMalformed"));
  it("finds an imported locality and reports an unknown one", () => {
    const index = buildGpciIndex([aLocality()]);
    const found = findLocality(index, "01112 05");
    const missing = findLocality(index, "09102-04");
    expect([found.ok && found.value.localityName, !missing.ok && missing.issue]).toEqual([
      "SAN FRANCISCO",
      { code: "localityNotFound", locality: "09102-04" },
    ]);
  });
});
