/** The playground opens on the sample workbook: it must load into the simulator and read like the real thing. */
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { cellAt, run } from "../simulator/helpers";

const simulator = new WorkbookSimulator(buildSampleWorkbook());

/** 0-based row of a code's global (blank-modifier) line on the Medicare sheet. */
function medicareRow(code: string): number {
  for (let row = 1; row < simulator.usedSize("Medicare 2025").rows; row++) {
    const cell = (column: number) => simulator.cell("Medicare 2025", row, column).value;
    if (cell(0) === code && (cell(1) === "" || cell(1) === null)) return row;
  }
  throw new Error(`${code} is not on the Medicare sheet`);
}

describe("the sample workbook in the simulator", () => {
  it("opens on the Claims sheet with every sheet of the sample", () => {
    expect(simulator.activeSheetName()).toBe("Claims");
    expect(simulator.sheetNames()).toEqual([
      "Claims",
      "Contracts",
      "Carve-outs",
      "Acme Fee Schedule",
      "Medicare 2025",
      "Medicare Schedules",
      "Proposal Tracker",
      ...["Hospital Claims", "Inpatient Terms", "Case Rates", "Per Diem Rates", "Outpatient Terms"],
      ...["Revenue Code Rates", "Hospital Carve-outs", "MS-DRG Weights", "OPPS Rates"],
    ]);
  });

  it("keeps HCPCS codes and places of service as text, leading zeros included", () => {
    const headers = Array.from(
      { length: simulator.usedSize("Claims").columns },
      (_, c) => simulator.cell("Claims", 0, c).value,
    );
    const code = simulator.cell("Claims", 1, headers.indexOf("HCPCS Code"));
    const pos = simulator.cell("Claims", 1, headers.indexOf("Place of Service Code"));
    expect(typeof code.value).toBe("string");
    expect(String(pos.value)).toMatch(/^\d\d$/);
  });

  it("computes the Medicare rate formulas to CMS's CY2025 Houston amounts for 99213 and 99214", () => {
    // DOMAIN.md section 9 reference values for locality 04412-18 (non-facility / facility).
    const rate = (code: string, column: number) => simulator.cell("Medicare 2025", medicareRow(code), column).value;
    expect([rate("99213", 18), rate("99213", 19)]).toEqual([91, 65.69]);
    expect([rate("99214", 18), rate("99214", 19)]).toEqual([128.21, 96.74]);
    expect(cellAt(simulator, "Medicare 2025", "S1").value).toBe("Non-Facility Rate");
  });

  it("exposes every sample table to the Excel API with its rows", async () => {
    const tables = await run(simulator, async (context) => {
      const collection = context.workbook.tables.load("items/name");
      await context.sync();
      const counts = collection.items.map((table) => ({ name: table.name, rows: table.rows.getCount() }));
      await context.sync();
      return counts.map(({ name, rows }) => ({ name, rows: rows.value }));
    });
    const byName = Object.fromEntries(tables.map((t) => [t.name, t.rows]));
    expect(Object.keys(byName).sort()).toEqual(
      [
        "Claims",
        "ContractCarveOuts",
        "FS_AcmePPO_2025",
        "MPFS_2025",
        "MedicareSchedules",
        "PayerContracts",
        "Proposals",
        ...["HospitalClaims", "InpatientTerms", "InpatientCaseRates", "InpatientPerDiemRates", "OutpatientTerms"],
        ...["RevenueCodeRates", "InstitutionalCarveOuts", "MsDrgWeights", "OppsRates"],
      ].sort(),
    );
    expect(byName.Claims).toBe(simulator.usedSize("Claims").rows - 1);
  });
});
