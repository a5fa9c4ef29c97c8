/**
 * A Medicare schedule table's OPPS cap columns as the registry reads them into the engine's cap table (issue 12,
 * item 1). Rows 8123 and 8125 of PPRRVU2025_Oct.csv (74175 and its TC) with Seattle's GPCIs (GPCI2025 row 108) and
 * the Seattle caps of OPPSCAP_Oct.csv rows 4988 and 5103.
 */
import { findOppsCap, pfsRowKey, type HcpcsCode, type Modifier } from "../../../src/engine";
import { medicareScheduleOf } from "../../../src/excel/registry/scheduleTables";
import type { RegistryIssue } from "../../../src/excel/registry/issues";
import type { TableData } from "../../../src/excel/registry/tableSpec";

const HEADERS = ["HCPCS Code", "Modifier", "Status Code", "Work RVU", "Non-Facility PE RVU", "Facility PE RVU", "Malpractice RVU", "PCTC Indicator", "Multiple Procedure Indicator", "Work GPCI", "PE GPCI", "Malpractice GPCI", "Conversion Factor"]; // prettier-ignore
const CAPS = ["Non-Facility OPPS Cap", "Facility OPPS Cap"];
const GLOBAL = ["74175", "", "A", 1.82, 7.36, 7.36, 0.13, "1", "4", 1.043, 1.22, 0.853, 32.3465];
const TC = ["74175", "TC", "A", 0, 6.72, 6.72, 0.03, "1", "4", 1.043, 1.22, 0.853, 32.3465];

type Registration = Parameters<typeof medicareScheduleOf>[0];
const SEATTLE = {
  scheduleTable: "MPFS_2025_0240202",
  year: 2025,
  locality: "02402-02",
  localityName: "SEATTLE (KING CNTY), WA",
  effectiveStartDate: null,
  effectiveEndDate: null,
  rowNumber: 2,
} as unknown as Registration;

function read(headers: readonly string[], rows: readonly (readonly unknown[])[]) {
  const data: TableData = { name: "MPFS_2025_0240202", sheet: "Medicare 2025 Seattle", headers, rows, firstRowNumber: 2 }; // prettier-ignore
  const issues: RegistryIssue[] = [];
  const schedule = medicareScheduleOf(SEATTLE, data, issues);
  if (schedule === null) throw new Error("no schedule read");
  const row = (modifier: Modifier | null) => schedule.pfs.rowsByKey.get(pfsRowKey("74175" as HcpcsCode, modifier));
  return { schedule, issues, row };
}

describe("a Medicare schedule table's OPPS cap columns", () => {
  it("become the schedule's cap table for its locality, with the sheet and row of each cap", () => {
    const { schedule, row } = read(
      [...HEADERS, ...CAPS],
      [
        [...GLOBAL, 306.22, 306.22],
        [...TC, 216.81, 216.81],
      ],
    );
    const oppsCap = schedule.pfs.oppsCap!;
    const cap = findOppsCap(oppsCap, row(null)!, schedule.locality);
    expect(oppsCap.label).toBe('sheet "Medicare 2025 Seattle"');
    expect(cap).toMatchObject({ macCode: "02402", localityNumber: "02", sourceRowNumber: 2 });
    expect([cap?.nonFacilityPrice.toString(), cap?.facilityPrice.toString()]).toEqual(["306.22", "306.22"]);
    expect(findOppsCap(oppsCap, row("TC" as Modifier)!, schedule.locality)?.nonFacilityPrice.toString()).toBe("216.81");
  });

  it("leave a row with both caps blank uncapped: CMS lists no cap for it", () => {
    const { schedule, row, issues } = read([...HEADERS, ...CAPS], [[...GLOBAL, null, null]]);
    expect(issues).toEqual([]);
    expect(findOppsCap(schedule.pfs.oppsCap!, row(null)!, schedule.locality)).toBeUndefined();
  });

  it("are absent from a table imported without OPPSCAP, which then has no cap table (the cap is not checked)", () => {
    const { schedule } = read(HEADERS, [GLOBAL]);
    expect(schedule.pfs.oppsCap).toBeUndefined();
  });

  it("report a row with one cap and the other blank, and leave that row out of the schedule", () => {
    const { row, issues } = read(
      [...HEADERS, ...CAPS],
      [
        [...GLOBAL, 306.22, null],
        [...TC, 216.81, 216.81],
      ],
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: "cellInconsistent", rowNumber: 2, column: "Facility OPPS Cap", value: "" }),
    ]);
    expect([row(null), row("TC" as Modifier)?.hcpcsCode]).toEqual([undefined, "74175"]);
  });
});
