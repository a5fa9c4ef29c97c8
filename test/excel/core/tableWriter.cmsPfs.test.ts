// The CMS PFS 2025 October relative value file (../shared/data/cms-pfs, public domain), written as a sheet:
// its 19,090 rows keep every code exactly as CMS publishes it ("0001F", "00100"), within the request budget.
import Papa from "papaparse";
import { writeTable, type CellValue } from "../../../src/excel/core/tableWriter";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";

/** The data rows under the header row that starts with HCPCS,MOD (found by content, not position). */
function pprrvuRows(): string[][] {
  const grid = Papa.parse<string[]>(readSharedData("cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv"), {
    skipEmptyLines: true,
  }).data;
  const header = grid.findIndex((row) => row[0] === "HCPCS" && row[1] === "MOD");
  return grid.slice(header + 1).filter((row) => /^[0-9A-Z]{5}$/.test(row[0] ?? ""));
}

describeWithSharedData("writing the CMS 2025 relative value file", () => {
  it("keeps every code and modifier exactly as CMS publishes them, leading zeros included", async () => {
    const source = pprrvuRows();
    const rows: CellValue[][] = source.map((row) => [row[0]!, row[1]!, row[3]!, Number(row[5]), Number(row[24])]);
    const simulator = new WorkbookSimulator();

    const result = await writeTable(simulator.excel, {
      sheetName: "Medicare PFS 2025",
      tableName: "MedicarePfs2025",
      columns: [
        { name: "HCPCS Code", kind: "text" },
        { name: "HCPCS Modifier", kind: "text" },
        { name: "Status Code", kind: "text" },
        { name: "Work RVU", kind: "number", numberFormat: "0.00" },
        { name: "Conversion Factor", kind: "number", numberFormat: "0.0000" },
      ],
      rows,
    });

    expect(result.ok).toBe(true);
    expect(source).toHaveLength(19_090);
    const written = source.map((_, i) => [
      simulator.cell("Medicare PFS 2025", i + 1, 0).value,
      simulator.cell("Medicare PFS 2025", i + 1, 1).value ?? "",
    ]);
    expect(written).toEqual(source.map((row) => [row[0], row[1]]));
    const anesthesia = source.findIndex((row) => row[0] === "00100");
    expect(simulator.cell("Medicare PFS 2025", anesthesia + 1, 0).value).toBe("00100");
    expect(simulator.requestLog.length).toBeLessThanOrEqual(10);
  });
});
