import {
  detectHeaderRow,
  headerScore,
  suggestColumnMapping,
  type PayerScheduleField,
} from "../../../src/formats/payerSchedule";

const mapped = (...headers: string[]) => suggestColumnMapping([headers], 0).mapping;

describe("recognising header names", () => {
  it.each<[string, PayerScheduleField]>([
    ["CPT", "hcpcsCode"],
    ["cpt code", "hcpcsCode"],
    ["HCPCS Code", "hcpcsCode"],
    ["Procedure Code", "hcpcsCode"],
    ["Billing Code", "hcpcsCode"],
    ["Service Code", "hcpcsCode"],
    ["Proc", "hcpcsCode"],
    ["MOD", "modifier"],
    ["Modifier 1", "modifier"],
    ["Allowable", "nonFacilityRate"],
    ["Fee Schedule Amount", "nonFacilityRate"],
    ["NF Rate", "nonFacilityRate"],
    ["Non-Facility", "nonFacilityRate"],
    ["Office Rate", "nonFacilityRate"],
    ["Professional Rate", "nonFacilityRate"],
    ["Contracted Rate", "nonFacilityRate"],
    ["Price", "nonFacilityRate"],
    ["Fac Rate", "facilityRate"],
    ["Facility Fee", "facilityRate"],
    ["Effective Date", "effectiveStartDate"],
    ["From", "effectiveStartDate"],
    ["Term Date", "effectiveEndDate"],
    ["Through", "effectiveEndDate"],
    ["Expiration", "effectiveEndDate"],
  ])("reads %p as %s with full confidence", (header, field) => {
    expect(headerScore(field, header)).toBe(1);
  });
  it("ignores case, trailing spaces and a line break inside the header cell", () => {
    expect(headerScore("nonFacilityRate", "  NON-FACILITY\nRATE  ")).toBe(1);
  });
  it("never reads a non-facility header as the facility rate", () => {
    expect([headerScore("facilityRate", "Non-Facility Rate"), headerScore("facilityRate", "Non Fac")]).toEqual([0, 0]);
  });
  it("never reads a code type, a status code or a billed amount as the code or the rate", () => {
    expect([
      headerScore("hcpcsCode", "code | 1 | type"),
      headerScore("hcpcsCode", "Status Code"),
      headerScore("nonFacilityRate", "Billed Amount"),
    ]).toEqual([0, 0, 0]);
  });
  it("gives a header that only contains a synonym less than full confidence", () => {
    const score = headerScore("hcpcsCode", "code | 1");
    expect(score > 0.5 && score < 1).toBe(true);
  });
});

describe("mapping a table automatically", () => {
  it("maps each field to one column", () => {
    expect(mapped("CPT", "Mod", "Description", "Non-Facility Fee", "Facility Fee", "Effective", "Term Date")).toEqual({
      hcpcsCode: 0,
      modifier: 1,
      description: 2,
      nonFacilityRate: 3,
      facilityRate: 4,
      effectiveStartDate: 5,
      effectiveEndDate: 6,
    });
  });
  it("prefers the code column whose cells are CPT codes over one holding revenue codes", () => {
    const grid = [
      ["code | 1", "code | 2", "Rate"],
      ["611", "70551", "400"],
      ["360", "49505", "800"],
    ];
    const suggestion = suggestColumnMapping(grid, 0);
    expect([
      suggestion.fields.hcpcsCode.chosen?.header,
      suggestion.fields.hcpcsCode.alternatives.map((a) => a.header),
    ]).toEqual(["code | 2", ["code | 1"]]);
  });
  it("gives each field a confidence and lists the other candidate columns", () => {
    const suggestion = suggestColumnMapping([["Rate", "Allowed Amount", "Code"]], 0);
    expect(suggestion.fields.nonFacilityRate).toEqual({
      field: "nonFacilityRate",
      chosen: { column: 0, header: "Rate", confidence: 0.88 },
      alternatives: [{ column: 1, header: "Allowed Amount", confidence: 0.88 }],
    });
  });
});

describe("finding the header row", () => {
  it("skips title, payer and blank rows above the header", () => {
    const grid = [
      ["Acme Health Plan"],
      ["Fee schedule for CPT codes, effective 1/1/2025"],
      [],
      ["", ""],
      ["Procedure Code", "Description", "Contracted Rate"],
      ["99213", "Office visit", "92.14"],
    ];
    expect(detectHeaderRow(grid)).toBe(4);
  });
  it("finds no header when no row names both a code and a rate", () => {
    expect(
      detectHeaderRow([
        ["Code", "Description"],
        ["99213", "Office visit"],
      ]),
    ).toBeNull();
  });
});
