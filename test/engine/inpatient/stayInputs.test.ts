// The inputs of an inpatient stay as a user or a claim file gives them: the MS-DRG, the discharge status, the length of
// stay, and the fiscal year whose DRG table applies.
import { fiscalYearDates, fiscalYearOf } from "../../../src/engine/inpatient/drgTable";
import { parseMsDrg } from "../../../src/engine/inpatient/msDrg";
import { lengthOfStay, parseDischargeStatus } from "../../../src/engine/inpatient/stay";
import { issueMessage } from "../../../src/engine/issues";
import type { Result } from "../../../src/engine/result";
import type { InpatientIssue } from "../../../src/engine/inpatient/issues";
import { date } from "./builders";

const read = <T>(result: Result<T, InpatientIssue>): T | string =>
  result.ok ? result.value : issueMessage(result.issue);

describe("reading an MS-DRG", () => {
  it("puts back the leading zero Excel dropped from a number: 39 is DRG 039", () =>
    expect(read(parseMsDrg(39))).toBe("039"));
  it("puts back the leading zeros of digit text: '5' is DRG 005", () => expect(read(parseMsDrg("5"))).toBe("005"));
  it("trims the spaces around a DRG", () => expect(read(parseMsDrg(" 470 "))).toBe("470"));
  it("reads a DRG a tool wrote as a decimal number: 470.0", () => expect(read(parseMsDrg("470.0"))).toBe("470"));
  it("reads a DRG written with its system's name: MS-DRG 470", () =>
    expect(read(parseMsDrg("MS-DRG 470"))).toBe("470"));
  it("refuses four digits", () =>
    expect(read(parseMsDrg("4700"))).toBe('"4700" is not an MS-DRG: expected a number from 1 to 999 like 470 or 039.'));
  it("refuses DRG 000", () => expect(read(parseMsDrg(0))).toBe('"0" is not an MS-DRG: expected a number from 1 to 999 like 470 or 039.')); // prettier-ignore
  it("asks for a DRG when the cell is empty", () =>
    expect(read(parseMsDrg("  "))).toBe("The DRG is empty: enter a 3-digit MS-DRG like 470."));
});

describe("the federal fiscal year of a discharge date", () => {
  it("starts FY2026 on 2025-10-01", () => expect(fiscalYearOf(date("2025-10-01"))).toBe(2026));
  it("ends FY2025 on 2025-09-30", () => expect(fiscalYearOf(date("2025-09-30"))).toBe(2025));
  it("puts 2026-01-15 in FY2026", () => expect(fiscalYearOf(date("2026-01-15"))).toBe(2026));
  it("runs FY2026 from 2025-10-01 to 2026-09-30", () =>
    expect(fiscalYearDates(2026)).toEqual({ start: "2025-10-01", end: "2026-09-30" }));
});

describe("reading a discharge status", () => {
  it("puts back the leading zero Excel dropped: 2 is 02", () => expect(read(parseDischargeStatus(2))).toBe("02"));
  it("refuses a status that is not two digits", () =>
    expect(read(parseDischargeStatus("SNF"))).toBe(
      '"SNF" is not a patient discharge status: expected the 2-digit UB-04 code like 01 (home) or 02 (short-term hospital).',
    ));
});

describe("the length of an inpatient stay", () => {
  const stay = (admitDate: string, dischargeDate: string, coveredDays: number | null = null) =>
    read(lengthOfStay({ admitDate: date(admitDate), dischargeDate: date(dischargeDate), coveredDays }));

  it("counts the admission day and not the discharge day: March 1 to March 6 is 5 days", () =>
    expect(stay("2025-03-01", "2025-03-06")).toEqual({ days: 5, source: "dates" }));
  it("counts a same-day stay as one day", () => expect(stay("2025-03-01", "2025-03-01")).toEqual({ days: 1, source: "dates" })); // prettier-ignore
  it("counts across the fiscal year's turn: September 28 to October 2 is 4 days", () =>
    expect(stay("2025-09-28", "2025-10-02")).toEqual({ days: 4, source: "dates" }));
  it("takes the covered days over the dates when the claim gives them", () =>
    expect(stay("2025-03-01", "2025-03-06", 3)).toEqual({ days: 3, source: "covered days" }));
  it("refuses a discharge before the admission, naming both dates", () =>
    expect(stay("2025-03-06", "2025-03-01")).toBe(
      "The discharge date 2025-03-01 is before the admit date 2025-03-06.",
    ));
  it("refuses covered days that are not a whole number", () =>
    expect(stay("2025-03-01", "2025-03-06", 2.5)).toBe(
      '"2.5" is not a number of covered days: expected a whole number from 0 to 3650, or blank.',
    ));
});
