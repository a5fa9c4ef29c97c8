import { parsePlaceOfService } from "../../src/engine/placeOfService";

const read = (input: unknown): unknown => {
  const result = parsePlaceOfService(input);
  return result.ok ? result.value : result.issue;
};

describe("reading a place of service", () => {
  it("reads POS 11 (office) as non-facility", () =>
    expect(read("11")).toEqual({ placeOfServiceCode: "11", setting: "non-facility" }));
  it("reads a number and keeps two digits", () =>
    expect(read(11)).toEqual({ placeOfServiceCode: "11", setting: "non-facility" }));
  it("pads POS 2 (telehealth outside the home) to 02, a facility setting", () =>
    expect(read(2)).toEqual({ placeOfServiceCode: "02", setting: "facility" }));
  it("reads POS 22 (outpatient hospital) as facility", () =>
    expect(read("22")).toEqual({ placeOfServiceCode: "22", setting: "facility" }));
  it("classifies every POS of the CMS facility list as facility", () => {
    const facility = ["02", "19", "21", "22", "23", "24", "26", "31", "34", "41", "42", "51", "52", "53", "56", "61"];
    expect(facility.map((pos) => (read(pos) as { setting: string }).setting)).toEqual(facility.map(() => "facility"));
  });
  it("pays telehealth in the patient's home (POS 10) at the non-facility rate", () =>
    expect(read("10")).toEqual({ placeOfServiceCode: "10", setting: "non-facility" }));
  it("reads the words facility and non-facility in any case", () => {
    expect([read("Facility"), read("non-facility"), read("NON FACILITY"), read("nf")]).toEqual([
      { placeOfServiceCode: null, setting: "facility" },
      { placeOfServiceCode: null, setting: "non-facility" },
      { placeOfServiceCode: null, setting: "non-facility" },
      { placeOfServiceCode: null, setting: "non-facility" },
    ]);
  });
  it("defaults to non-facility when omitted", () =>
    expect(read(null)).toEqual({ placeOfServiceCode: null, setting: "non-facility" }));
  it("rejects text that is neither a POS code nor a setting", () =>
    expect(read("office")).toEqual({ code: "placeOfServiceMalformed", value: "office" }));
  it("rejects POS 00 and three digits", () =>
    expect([read("00"), read(111)]).toEqual([
      { code: "placeOfServiceMalformed", value: "00" },
      { code: "placeOfServiceMalformed", value: "111" },
    ]));
});
