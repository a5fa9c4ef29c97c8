import { looksLikeFormula, parseRate, parseScheduleDate } from "../../../src/formats/payerSchedule";

describe("reading rates", () => {
  it.each([
    ["92.14", "92.14"],
    ["$1,234.50", "1234.5"],
    [" $ 1,234.50 ", "1234.5"],
    ["USD 12", "12"],
    ["(12.00)", "-12"],
    ["-14", "-14"],
    [".5", "0.5"],
  ])("reads %p as %s in a US file", (text, expected) => {
    expect(parseRate(text, "point")?.toString()).toBe(expected);
  });
  it.each([
    ["92,14", "92.14"],
    ["1.234,50", "1234.5"],
    ["1 234,50", "1234.5"],
    ["1\u00a0234,50 €", "1234.5"],
  ])("reads %p as %s in a European file", (text, expected) => {
    expect(parseRate(text, "comma")?.toString()).toBe(expected);
  });
  it.each(["N/A", "call", "$1,2a", "12.5.0", "1,23.4", "By report", "12 34"])("refuses %p", (text) => {
    expect(parseRate(text, "point")).toBeNull();
  });
  it("reads a number cell from a workbook exactly", () => {
    expect(parseRate(0.1, "point")?.toString()).toBe("0.1");
  });
});

describe("reading effective dates", () => {
  it.each<[string | number, string]>([
    ["2025-01-31", "2025-01-31"],
    ["2025-01-31 00:00:00", "2025-01-31"],
    ["1/31/2025", "2025-01-31"],
    ["1/31/25", "2025-01-31"],
    ["31.01.2025", "2025-01-31"],
    [45688, "2025-01-31"],
    ["45688", "2025-01-31"],
  ])("reads %p as %s", (value, expected) => {
    expect(parseScheduleDate(value)).toBe(expected);
  });
  // Changed with the cell-value vocabulary: two-digit years were all 20YY; Excel reads 30-99 as 19YY.
  it("reads a two-digit year as Excel does: 12/31/99 is 1999, not 2099", () => {
    expect(parseScheduleDate("12/31/99")).toBe("1999-12-31");
  });
  it.each(["2/30/2025", "2025-13-01", "Jan 2025", "31/01/2025"])("refuses %p", (value) => {
    expect(parseScheduleDate(value)).toBeNull();
  });
});

describe("spotting formula-looking text", () => {
  it.each(["=1+1", "+1-555-0100", "-2+3", "@SUM(A1)", '=HYPERLINK("x")'])("flags %p", (text) => {
    expect(looksLikeFormula(text)).toBe(true);
  });
  it.each(["-14.00", "+1.50", "Office visit", "99213"])("does not flag %p", (text) => {
    expect(looksLikeFormula(text)).toBe(false);
  });
});
