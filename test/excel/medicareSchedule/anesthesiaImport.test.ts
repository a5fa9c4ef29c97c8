// The Medicare import with the optional anesthesia files, against the workbook simulator: the ANES file's CF for the
// locality written on every schedule row, the base units written as the AnesthesiaBaseUnits table, both read back by
// the registry into the engine, which then prices an anesthesia line. Excerpts: test/fixtures/cms-pfs (SOURCES.md).
import { readFileSync } from "fs";
import path from "path";
import { Decimal } from "../../../src/engine/decimal";
import { buildContractRegistry } from "../../../src/engine/contracts/registry";
import { priceLine } from "../../../src/engine/contracts/priceLine";
import type { HcpcsCode } from "../../../src/engine/hcpcsCode";
import type { AnesthesiaBaseUnitsRow } from "../../../src/engine/pfsRules/anesthesia";
import { parseGpciCsv, parsePprrvuCsv } from "../../../src/formats/cmsPfs";
import {
  describeMedicareImportIssue,
  writeMedicareSchedule,
  type MedicareScheduleWrite,
} from "../../../src/excel/medicareSchedule";
import { readRegistry } from "../../../src/excel/registry";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { aContract, aLine, percentOfMedicare } from "../../engine/contracts/builders";
import { usersWorkbook, workbookState } from "../core/tableWriterBuilders";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures", "cms-pfs");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

function houstonSchedule(overrides: Partial<MedicareScheduleWrite> = {}): MedicareScheduleWrite {
  const pprrvu = parsePprrvuCsv(fixture("pprrvu-2025-oct-excerpt.csv"));
  const gpci = parseGpciCsv(fixture("gpci-2025-excerpt.csv"));
  const houston = gpci.ok ? gpci.value.localities.find((l) => l.localityKey === "04412-18") : undefined;
  if (!pprrvu.ok || houston === undefined) throw new Error("fixtures do not parse");
  return {
    sheetName: "Medicare 2025 Houston",
    tableName: "MPFS_2025_0441218",
    rows: pprrvu.value.rows,
    locality: houston,
    conversionFactor: new Decimal("32.3465"),
    year: 2025,
    ...overrides,
  };
}

/** 00100 (in the PPRRVU excerpt, status J) with 5 base units, as row 3 of a base units file. */
const BASE_UNITS: AnesthesiaBaseUnitsRow[] = [{ hcpcsCode: "00100" as HcpcsCode, baseUnits: 5, sourceRowNumber: 3 }];
/** Houston's anesthesia CF in ANES2025.csv. */
const HOUSTON_ANES_CF = new Decimal("21.09");

describe("a Medicare import with the ANES file and anesthesia base units", () => {
  it("is read back by the registry and prices 00100 for 30 minutes: (5 base + 2.0 time) x 21.09 = 147.63", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const written = await writeMedicareSchedule(
      simulator.excel,
      houstonSchedule({ anesthesiaConversionFactor: HOUSTON_ANES_CF, anesthesiaBaseUnits: BASE_UNITS }),
    );
    if (!written.ok) throw new Error(describeMedicareImportIssue(written.issue));
    expect(written.value.anesthesiaBaseUnits?.tableName).toBe("AnesthesiaBaseUnits");

    const snapshot = await readRegistry(simulator.excel);
    const schedule = snapshot.registry.medicareSchedules.get("mpfs_2025_0441218");
    expect(schedule?.anesthesiaConversionFactor?.toString()).toBe("21.09");
    expect(snapshot.registry.anesthesiaBaseUnits?.rowsByCode.get("00100")?.baseUnits).toBe(5);

    const registry = buildContractRegistry({
      versions: [aContract({ method: percentOfMedicare("1"), medicareScheduleName: "MPFS_2025_0441218" })],
      medicareSchedules: [schedule!],
      anesthesiaBaseUnits: snapshot.registry.anesthesiaBaseUnits!,
    }).registry;
    const priced = priceLine(registry, aLine({ hcpcsCode: "00100", units: 30 }));
    expect(priced.ok && priced.value.allowedAmount).toBe(14763);
  });

  it("writes no anesthesia CF column without the ANES file, so the schedule prices no anesthesia line", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const written = await writeMedicareSchedule(simulator.excel, houstonSchedule());
    if (!written.ok) throw new Error(describeMedicareImportIssue(written.issue));
    const snapshot = await readRegistry(simulator.excel);
    const schedule = snapshot.registry.medicareSchedules.get("mpfs_2025_0441218");
    expect([schedule?.anesthesiaConversionFactor ?? null, snapshot.registry.anesthesiaBaseUnits]).toEqual([null, undefined]); // prettier-ignore
    expect(simulator.tables().map((t) => t.name)).not.toContain("AnesthesiaBaseUnits");
  });

  it("refuses base units when the workbook has its AnesthesiaBaseUnits table already, leaving the workbook as it was", async () => {
    const simulator = new WorkbookSimulator(usersWorkbook());
    const first = await writeMedicareSchedule(simulator.excel, houstonSchedule({ anesthesiaBaseUnits: BASE_UNITS }));
    if (!first.ok) throw new Error(describeMedicareImportIssue(first.issue));
    const before = workbookState(simulator);
    const again = await writeMedicareSchedule(
      simulator.excel,
      houstonSchedule({
        tableName: "MPFS_2025_B",
        sheetName: "Medicare B",
        year: 2026,
        anesthesiaBaseUnits: BASE_UNITS,
      }),
    );
    expect(again.ok ? "written" : describeMedicareImportIssue(again.issue)).toBe(
      'The workbook has an AnesthesiaBaseUnits table already (sheet "Anesthesia Base Units"), and a workbook has one. Nothing was imported: leave the base units file out to keep that table, or delete it to import this one.',
    );
    expect(workbookState(simulator)).toEqual(before);
  });
});
