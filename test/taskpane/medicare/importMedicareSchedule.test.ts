// The Medicare schedule import command on the small CMS excerpts (test/fixtures/cms-pfs): what it refuses before
// writing, and the names it proposes.
import { readFileSync } from "fs";
import path from "path";
import { Decimal } from "../../../src/engine/decimal";
import { defaultMedicareScheduleNames } from "../../../src/excel/medicareSchedule";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { importMedicareSchedule } from "../../../src/taskpane/medicare/medicareCommands";
import { detectYear, readGpci } from "../../../src/taskpane/medicare/medicareFiles";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures", "cms-pfs");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");
const PPRRVU = fixture("pprrvu-2025-oct-excerpt.csv");
const GPCI = fixture("gpci-2025-excerpt.csv");

function locality(key: string) {
  const gpci = readGpci("GPCI2025.csv", GPCI);
  const found = gpci.ok ? gpci.value.localities.find((l) => l.localityKey === key) : undefined;
  if (found === undefined) throw new Error(`no ${key}`);
  return found;
}

describe("importing a Medicare schedule", () => {
  it("refuses a GPCI file given as the relative value file, before writing anything", async () => {
    const simulator = new WorkbookSimulator();

    const outcome = await importMedicareSchedule.run(simulator.excel, {
      pprrvuText: GPCI,
      pprrvuFileName: "GPCI2025.csv",
      gpciText: GPCI,
      locality: "04412-18",
    });

    expect(outcome).toEqual({
      ok: false,
      cancelled: false,
      message: expect.stringContaining("GPCI2025.csv: This is not a CMS PFS relative value (PPRRVU) file"),
    });
    expect(simulator.sheetNames()).toEqual(["Sheet1"]);
  });

  it("refuses a locality the GPCI file does not list", async () => {
    const outcome = await importMedicareSchedule.run(new WorkbookSimulator().excel, {
      pprrvuText: PPRRVU,
      gpciText: GPCI,
      locality: "05102-26",
    });

    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining("05102-26") });
  });

  it("says that only national amounts exist without a GPCI file", async () => {
    const outcome = await importMedicareSchedule.run(new WorkbookSimulator().excel, {
      pprrvuText: PPRRVU,
      gpciText: null,
      locality: "04412-18",
    });

    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining("only the national amounts") });
  });

  it("writes the conversion factor the user typed instead of the file's", async () => {
    const simulator = new WorkbookSimulator();

    const outcome = await importMedicareSchedule.run(simulator.excel, {
      pprrvuText: PPRRVU,
      gpciText: GPCI,
      locality: "04412-18",
      conversionFactor: new Decimal("33.0000"),
      sheetName: "MPFS Houston",
      tableName: "MPFS_HOU",
    });

    expect(outcome.ok).toBe(true);
    const { columns } = simulator.usedSize("MPFS Houston");
    const headers = Array.from({ length: columns }, (_, c) => simulator.cell("MPFS Houston", 0, c).value);
    expect(simulator.cell("MPFS Houston", 1, headers.indexOf("Conversion Factor")).value).toBe(33);
  });
});

describe("the names proposed for an imported schedule", () => {
  it("name the sheet for the year and locality in words, and the table for the year, MAC and locality", () => {
    expect(defaultMedicareScheduleNames(2025, locality("04412-99"))).toEqual({
      sheetName: "Medicare 2025 Rest of Texas",
      tableName: "MPFS_2025_0441299",
    });
  });

  it("keep sheet names within Excel's 31 characters and without the characters Excel forbids", () => {
    const { sheetName } = defaultMedicareScheduleNames(2025, locality("01112-05"));

    expect(sheetName).toBe("Medicare 2025 San Francisco-Oak");
    expect(sheetName.length).toBeLessThanOrEqual(31);
  });
});

describe("the year of a relative value file", () => {
  it("is read from the banner", () => {
    expect(detectYear("2026 National Physician Fee Schedule Relative Value File July Release", null)).toBe(2026);
  });

  it("is told from the conversion factor when the banner does not say it", () => {
    expect(detectYear("CMS PFS relative value file", new Decimal("32.3465"))).toBe(2025);
    expect(detectYear("CMS PFS relative value file", new Decimal("31.0001"))).toBeNull();
  });
});
