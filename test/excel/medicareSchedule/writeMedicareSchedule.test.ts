// Writing a Medicare schedule and registering it in MedicareSchedules, against the workbook simulator, with an
// excerpt of the CMS 2025 October relative value file and the 2025 GPCIs (test/fixtures/cms-pfs, SOURCES.md).
import { readFileSync } from "fs";
import path from "path";
import { Decimal } from "../../../src/engine/decimal";
import { NATIONAL_GPCI, type LocalityGpci } from "../../../src/engine/gpci";
import type { PfsRvuRow } from "../../../src/engine/pfsSchedule";
import { parseGpciCsv, parsePprrvuCsv } from "../../../src/formats/cmsPfs";
import {
  describeMedicareImportIssue,
  writeMedicareSchedule,
  type MedicareScheduleWrite,
} from "../../../src/excel/medicareSchedule";
import type { ExcelGateway } from "../../../src/excel/core/excelGateway";
import { readRegistry } from "../../../src/excel/registry";
import { WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { excelFailingAtRequest, usersWorkbook, workbookState } from "../core/tableWriterBuilders";
import { excelBeforeEachSync } from "../../support/excelRequests";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures", "cms-pfs");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

function pprrvuRows(): readonly PfsRvuRow[] {
  const parsed = parsePprrvuCsv(fixture("pprrvu-2025-oct-excerpt.csv"));
  if (!parsed.ok) throw new Error("fixture does not parse");
  return parsed.value.rows;
}

function locality(key: string): LocalityGpci {
  const parsed = parseGpciCsv(fixture("gpci-2025-excerpt.csv"));
  const found = parsed.ok ? parsed.value.localities.find((l) => l.localityKey === key) : undefined;
  if (found === undefined) throw new Error(`no locality ${key} in the fixture`);
  return found;
}

/** The Houston 2025 schedule of the excerpt, with overrides. */
function aHoustonSchedule(overrides: Partial<MedicareScheduleWrite> = {}): MedicareScheduleWrite {
  return {
    sheetName: "Medicare 2025 Houston",
    tableName: "MPFS_2025_0441218",
    rows: pprrvuRows(),
    locality: locality("04412-18"),
    conversionFactor: new Decimal("32.3465"),
    year: 2025,
    ...overrides,
  };
}

/** The user's workbook with a MedicareSchedules table that registers Manhattan, plus a column of their own. */
function workbookWithRegistry(extraRows: (string | number)[][] = []): WorkbookSnapshot {
  const base = usersWorkbook();
  const header = ["Schedule Table", "Year", "Locality", "Locality Name", "Effective Start Date", "Effective End Date", "Notes"]; // prettier-ignore
  const rows = [["MPFS_2025_NYC", 2025, "13202-01", "MANHATTAN, NY", "2025-01-01", "2025-12-31", "from the NY office"], ...extraRows]; // prettier-ignore
  return {
    ...base,
    sheets: [
      ...base.sheets,
      {
        name: "Registry",
        cells: [header, ...rows],
        tables: [{ name: "MedicareSchedules", address: `A1:G${rows.length + 1}` }],
      },
    ],
  };
}

/**
 * The simulator's Excel refusing request number `refused` (1-based, over all batches) as a whole, as Excel does
 * when the first command of a request fails (a protected sheet): nothing of that request is applied.
 */
function excelRefusingRequest(simulator: WorkbookSimulator, refused: number): ExcelGateway {
  return excelBeforeEachSync(simulator, (request) =>
    request === refused ? Promise.reject({ code: "AccessDenied", message: "The sheet is protected." }) : undefined,
  );
}

const cell = (simulator: WorkbookSimulator, sheet: string, row: number, header: string) => {
  const headers = Array.from(
    { length: simulator.usedSize(sheet).columns },
    (_, c) => simulator.cell(sheet, 0, c).value,
  );
  return simulator.cell(sheet, row, headers.indexOf(header));
};

describe("writing a Medicare schedule for a locality", () => {
  it("writes one row per code and modifier with the rates as live formulas over the row", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());

    const result = await writeMedicareSchedule(simulator.excel, aHoustonSchedule());

    expect(result).toMatchObject({ ok: true, value: { rowCount: 16, tableName: "MPFS_2025_0441218" } });
    const sheet = "Medicare 2025 Houston";
    const rate = cell(simulator, sheet, 1, "Non-Facility Rate");
    expect(rate.formula).toBe("=ROUND(ROUND((D2*U2+E2*V2+I2*W2)*X2*100,7),0)/100");
    expect(cell(simulator, sheet, 1, "HCPCS Code").value).toBe("0001F");
    const row99213 = Array.from({ length: 17 }, (_, r) => r).find((r) => cell(simulator, sheet, r, "HCPCS Code").value === "99213")!; // prettier-ignore
    expect(["Non-Facility Rate", "Facility Rate", "Work GPCI", "Conversion Factor"].map((h) => cell(simulator, sheet, row99213, h).value)).toEqual([91.0, 65.69, 1.014, 32.3465]); // prettier-ignore
  });

  it("rounds an amount of exactly half a cent up, as CMS does, despite binary floating point", async () => {
    // 44020 in CY2024: 29.20 total RVUs x 33.2875 = 971.995, which is 971.9949999999999 as a double.
    const [row] = pprrvuRows();
    const zero = new Decimal(0);
    const simulator = new WorkbookSimulator();
    await writeMedicareSchedule(
      simulator.excel,
      aHoustonSchedule({
        rows: [{ ...row!, workRvu: new Decimal("29.2"), nonFacilityPeRvu: zero, facilityPeRvu: zero, malpracticeRvu: zero }], // prettier-ignore
        locality: NATIONAL_GPCI,
        conversionFactor: new Decimal("33.2875"),
      }),
    );

    expect(cell(simulator, "Medicare 2025 Houston", 1, "Non-Facility Rate").value).toBe(972);
  });

  it("creates MedicareSchedules when the workbook has none, and readRegistry reads the schedule without issues", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());

    await writeMedicareSchedule(simulator.excel, aHoustonSchedule());

    expect(simulator.tables().map((t) => `${t.sheet}!${t.name}`)).toContain("Medicare Schedules!MedicareSchedules");
    const { issues, medicareByLocality } = await readRegistry(simulator.excel);
    expect(issues).toEqual([]);
    const [schedule] = medicareByLocality.get("04412-18" as never) ?? [];
    expect(schedule).toMatchObject({
      name: "MPFS_2025_0441218",
      effectiveStartDate: "2025-01-01",
      effectiveEndDate: "2025-12-31",
      locality: { localityName: "HOUSTON, TX" },
      pfs: { rowCount: 16 },
    });
  });

  it("appends to the workbook's MedicareSchedules, keeping its rows and the user's own columns", async () => {
    const simulator = new WorkbookSimulator(workbookWithRegistry());

    await writeMedicareSchedule(simulator.excel, aHoustonSchedule());

    const rows = [1, 2].map((r) => Array.from({ length: 7 }, (_, c) => simulator.cell("Registry", r, c).value));
    // The user's table has General cells, so Excel reads the dates as dates (serials 45658, 46022), as the registry does.
    expect(rows).toEqual([
      ["MPFS_2025_NYC", 2025, "13202-01", "MANHATTAN, NY", 45658, 46022, "from the NY office"],
      ["MPFS_2025_0441218", 2025, "04412-18", "HOUSTON, TX", 45658, 46022, null],
    ]);
    expect((await readRegistry(simulator.excel)).medicareByLocality.has("04412-18" as never)).toBe(true);
  });

  it("fills the one empty row Excel gives a header-only MedicareSchedules table", async () => {
    const base = usersWorkbook();
    const header = [
      "Schedule Table",
      "Year",
      "Locality",
      "Locality Name",
      "Effective Start Date",
      "Effective End Date",
    ];
    const simulator = new WorkbookSimulator({
      ...base,
      sheets: [...base.sheets, { name: "Registry", cells: [header], tables: [{ name: "MedicareSchedules", address: "A1:F2" }] }], // prettier-ignore
    });

    await writeMedicareSchedule(simulator.excel, aHoustonSchedule());

    expect(simulator.tables().find((t) => t.name === "MedicareSchedules")?.address).toBe("A1:F2");
    expect(simulator.cell("Registry", 1, 0).value).toBe("MPFS_2025_0441218");
  });

  it("refuses a year and locality already registered before writing anything", async () => {
    const simulator = new WorkbookSimulator(workbookWithRegistry([["MPFS_2025_HOU", 2025, "4412-18", "HOUSTON", "", "", ""]])); // prettier-ignore
    const before = workbookState(simulator);

    const result = await writeMedicareSchedule(simulator.excel, aHoustonSchedule());

    expect(result).toMatchObject({ ok: false, issue: { code: "alreadyRegistered", rowNumber: 3, scheduleTable: "MPFS_2025_HOU" } }); // prettier-ignore
    expect(!result.ok && describeMedicareImportIssue(result.issue)).toContain("MedicareSchedules row 3");
    expect(workbookState(simulator)).toEqual(before);
  });

  it("refuses a MedicareSchedules table without a Locality column, naming the column", async () => {
    const base = usersWorkbook();
    const simulator = new WorkbookSimulator({
      ...base,
      sheets: [...base.sheets, { name: "Registry", cells: [["Schedule Table", "Year"], ["MPFS_2024", 2024]], tables: [{ name: "MedicareSchedules", address: "A1:B2" }] }], // prettier-ignore
    });

    const result = await writeMedicareSchedule(simulator.excel, aHoustonSchedule());

    expect(result).toMatchObject({ ok: false, issue: { code: "registryColumnsMissing", missing: ["Locality"] } });
    expect(simulator.sheetNames()).toEqual(["Claims", "Notes", "Registry"]);
  });

  it("leaves the workbook as it was when Excel refuses the commit that registers it in an existing MedicareSchedules", async () => {
    const simulator = new WorkbookSimulator(workbookWithRegistry());
    const before = workbookState(simulator);
    // Requests: 2 to look at MedicareSchedules, 1 at the sheets, 1 adds the staging sheet, 1 writes the 16 rows,
    // the runner's look, and the 7th commits (registers and puts the sheet in place).
    const result = await writeMedicareSchedule(excelRefusingRequest(simulator, 7), aHoustonSchedule());

    expect(result).toMatchObject({
      ok: false,
      issue: {
        code: "excelRefused",
        phase: "saving",
        refusal: { code: "AccessDenied" },
        workbook: { kind: "unchanged" },
      },
    });
    expect(!result.ok && describeMedicareImportIssue(result.issue)).toBe(
      "The import of MPFS_2025_0441218 did not complete: Excel stopped while the result was being saved: the " +
        "workbook or a sheet is protected, or you may not change it (Excel error AccessDenied). Nothing was changed: " +
        "the workbook is as it was.",
    );
    expect(workbookState(simulator)).toEqual(before);
  });

  it("is registered and in place when Excel applied the commit before reporting an error", async () => {
    const simulator = new WorkbookSimulator(workbookWithRegistry());
    const result = await writeMedicareSchedule(excelFailingAtRequest(simulator, 7), aHoustonSchedule());

    expect(result).toMatchObject({ ok: true, value: { tableName: "MPFS_2025_0441218" } });
    const { medicareByLocality } = await readRegistry(simulator.excel);
    expect(medicareByLocality.has("04412-18" as never)).toBe(true);
    expect(simulator.visibleSheetNames()).toEqual(["Claims", "Notes", "Registry", "Medicare 2025 Houston"]);
  });

  it("leaves the workbook as it was when Excel fails while preparing a new MedicareSchedules", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const before = workbookState(simulator);
    // Requests: 1 to look (no MedicareSchedules), 1 at the sheets, 1 adds the staging sheet, 1 writes the rows, the
    // 5th stages the new MedicareSchedules table (applied, then an error).
    const result = await writeMedicareSchedule(excelFailingAtRequest(simulator, 5), aHoustonSchedule());

    expect(result).toMatchObject({ ok: false, issue: { code: "excelRefused", workbook: { kind: "unchanged" } } });
    expect(workbookState(simulator)).toEqual(before);
  });

  it("leaves the workbook as it was when cancelled in the middle of the rows", async () => {
    const simulator = new WorkbookSimulator(workbookWithRegistry());
    const before = workbookState(simulator);
    const controller = new AbortController();

    const result = await writeMedicareSchedule(simulator.excel, aHoustonSchedule(), {
      maxRowsPerRequest: 10,
      signal: controller.signal,
      onProgress: ({ rowsWritten }) => rowsWritten >= 10 && controller.abort(),
    });

    expect(result).toEqual({
      ok: false,
      issue: { code: "cancelled", what: "the import of MPFS_2025_0441218", workbook: { kind: "unchanged" } },
    });
    expect(workbookState(simulator)).toEqual(before);
  });

  it("leaves the workbook as it was when cancelled as the last rows land, before registering", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const before = workbookState(simulator);
    const controller = new AbortController();

    const result = await writeMedicareSchedule(simulator.excel, aHoustonSchedule(), {
      signal: controller.signal,
      onProgress: ({ rowsWritten, totalRows }) => rowsWritten === totalRows && controller.abort(),
    });

    expect(result).toMatchObject({ ok: false, issue: { code: "cancelled" } });
    expect(workbookState(simulator)).toEqual(before);
  });

  it("refuses a sheet name already in use without touching the registry", async () => {
    const simulator = new WorkbookSimulator(workbookWithRegistry());
    const before = workbookState(simulator);

    const result = await writeMedicareSchedule(simulator.excel, aHoustonSchedule({ sheetName: "Notes" }));

    expect(result).toMatchObject({ ok: false, issue: { code: "tableWrite", issue: { code: "sheetExists" } } });
    expect(workbookState(simulator)).toEqual(before);
  });
});
