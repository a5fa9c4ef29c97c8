import { buildFeeSchedule, findFeeScheduleRate } from "../../src/engine/feeSchedule";
import { issueMessage } from "../../src/engine/issues";
import { aFeeRow, aFeeSchedule, code, date, mods } from "./contracts/builders";

const rateOf = (result: ReturnType<typeof findFeeScheduleRate>): string | null =>
  result.ok ? (result.value?.rate.toFixed(2) ?? null) : result.issue.code;

describe("a payer fee schedule", () => {
  it("gives the non-facility rate in an office and the facility rate in a hospital", () => {
    const schedule = aFeeSchedule("FS", aFeeRow({ nonFacilityRate: "110.00", facilityRate: "80.00" }));
    expect(rateOf(findFeeScheduleRate(schedule, code("99213"), [], "non-facility", date("2025-03-04")))).toBe("110.00");
    expect(rateOf(findFeeScheduleRate(schedule, code("99213"), [], "facility", date("2025-03-04")))).toBe("80.00");
  });

  it("uses a row's single rate in both settings", () => {
    const schedule = aFeeSchedule("FS", aFeeRow({ nonFacilityRate: "95.00", facilityRate: null }));
    const match = findFeeScheduleRate(schedule, code("99213"), [], "facility", date("2025-03-04"));
    expect(rateOf(match)).toBe("95.00");
    expect(match.ok && match.value?.singleRateNote).toContain("applies to both settings");
  });

  it("picks the row in effect on the date of service, both boundary days included", () => {
    const schedule = aFeeSchedule(
      "FS",
      aFeeRow({ nonFacilityRate: "100.00", effectiveEndDate: date("2025-06-30") }),
      aFeeRow({ nonFacilityRate: "105.00", effectiveStartDate: date("2025-07-01"), sourceRowNumber: 3 }),
    );
    const on = (day: string) => rateOf(findFeeScheduleRate(schedule, code("99213"), [], "non-facility", date(day)));
    expect([on("2025-01-01"), on("2025-06-30"), on("2025-07-01"), on("2025-12-31")]).toEqual([
      "100.00",
      "100.00",
      "105.00",
      "105.00",
    ]);
  });

  it("has no rate for a date outside every row", () => {
    const schedule = aFeeSchedule();
    expect(rateOf(findFeeScheduleRate(schedule, code("99213"), [], "non-facility", date("2026-01-01")))).toBeNull();
  });

  it("prices a professional component from the code's own 26 row", () => {
    const schedule = aFeeSchedule(
      "FS",
      aFeeRow({ hcpcsCode: "71046", nonFacilityRate: "40.00" }),
      aFeeRow({ hcpcsCode: "71046", modifier: "26", nonFacilityRate: "12.00", sourceRowNumber: 3 }),
    );
    const match = findFeeScheduleRate(schedule, code("71046"), mods("26"), "non-facility", date("2025-03-04"));
    expect(rateOf(match)).toBe("12.00");
    expect(match.ok && match.value?.matchedModifier).toBe("26");
  });

  it("never pays the global rate for a 26 or TC line that has no row of its own", () => {
    const schedule = aFeeSchedule("FS", aFeeRow({ hcpcsCode: "71046", nonFacilityRate: "40.00" }));
    for (const modifier of ["26", "TC"])
      expect(
        rateOf(findFeeScheduleRate(schedule, code("71046"), mods(modifier), "non-facility", date("2025-03-04"))),
      ).toBeNull();
  });

  it("falls back to the blank-modifier row for modifiers that do not change the rate (25, 59, RT)", () => {
    const schedule = aFeeSchedule();
    expect(
      rateOf(findFeeScheduleRate(schedule, code("99213"), mods("25", "59", "RT"), "non-facility", date("2025-03-04"))),
    ).toBe("110.00");
  });

  it("reports two rows with the same code and dates but different rates, naming both rows", () => {
    const { issues } = buildFeeSchedule("FS_Acme", [
      aFeeRow({ nonFacilityRate: "110.00", sourceRowNumber: 2 }),
      aFeeRow({ nonFacilityRate: "112.00", sourceRowNumber: 5 }),
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ code: "feeScheduleDuplicateRow", firstRowNumber: 2, secondRowNumber: 5 }),
    ]);
    expect(issueMessage(issues[0]!)).toContain("rows 2 and 5");
  });

  it("refuses to choose between conflicting rows on a date both cover", () => {
    const { schedule } = buildFeeSchedule("FS_Acme", [
      aFeeRow({ nonFacilityRate: "110.00", sourceRowNumber: 2 }),
      aFeeRow({ nonFacilityRate: "112.00", effectiveStartDate: date("2025-06-01"), sourceRowNumber: 5 }),
    ]);
    expect(rateOf(findFeeScheduleRate(schedule, code("99213"), [], "non-facility", date("2025-03-04")))).toBe("110.00");
    expect(rateOf(findFeeScheduleRate(schedule, code("99213"), [], "non-facility", date("2025-07-04")))).toBe(
      "feeScheduleDuplicateRow",
    );
  });

  it("treats a row pasted twice as harmless", () => {
    const { schedule, issues } = buildFeeSchedule("FS", [
      aFeeRow({ sourceRowNumber: 2 }),
      aFeeRow({ sourceRowNumber: 3 }),
    ]);
    expect(issues).toEqual([]);
    expect(rateOf(findFeeScheduleRate(schedule, code("99213"), [], "non-facility", date("2025-03-04")))).toBe("110.00");
  });

  it("reports a row without any rate", () => {
    const { issues } = buildFeeSchedule("FS", [
      aFeeRow({ nonFacilityRate: null, facilityRate: null, sourceRowNumber: 7 }),
    ]);
    expect(issues).toEqual([{ code: "feeScheduleRowWithoutRate", scheduleName: "FS", rowNumber: 7 }]);
  });

  it("lists the dates on which its rates change", () => {
    const schedule = aFeeSchedule(
      "FS",
      aFeeRow({ effectiveEndDate: date("2025-06-30") }),
      aFeeRow({ nonFacilityRate: "105.00", effectiveStartDate: date("2025-07-01") }),
    );
    expect(schedule.dateBoundaries).toEqual(["2025-01-01", "2025-07-01", "2026-01-01"]);
  });
});
