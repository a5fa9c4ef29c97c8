import { isoDateNumber, parseIsoDate } from "../../src/engine/isoDate";

const read = (input: unknown): unknown => {
  const result = parseIsoDate(input);
  return result.ok ? result.value : result.issue.code;
};

describe("reading a date of service", () => {
  it("reads ISO text", () => expect(read("2025-03-31")).toBe("2025-03-31"));
  it("reads an Excel serial number", () => expect(read(45747)).toBe("2025-03-31"));
  it("ignores the time of day in an Excel serial", () => expect(read(45747.75)).toBe("2025-03-31"));
  it("reads the day CY2024's conversion factor changed", () => expect(read(45360)).toBe("2024-03-09"));
  it("rejects an impossible date", () => expect(read("2025-02-30")).toBe("dateMalformed"));
  it("rejects US-style text rather than guessing the order", () => expect(read("3/31/2025")).toBe("dateMalformed"));
  it("rejects serials in Excel's ambiguous early 1900", () => expect(read(60)).toBe("dateMalformed"));
});

describe("a date as a number for batch keys", () => {
  it("gives each date its digits, so that later dates give larger numbers", () =>
    expect(["2025-03-31", "2025-04-01", "2026-01-01"].map(isoDateNumber)).toEqual([20250331, 20250401, 20260101]));
  it("gives -1 for text not shaped as an ISO date", () =>
    expect(["2025/03/31", "2025-3-31", "2025-03-3x", ""].map(isoDateNumber)).toEqual([-1, -1, -1, -1]));
});
